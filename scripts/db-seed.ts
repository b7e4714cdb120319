import { runScript } from "./lib/boot";

await runScript(async () => {
  const { seedDemoData } = await import("../db/seed/index");
  await seedDemoData(console.log);
});
