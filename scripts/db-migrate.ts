import { runScript } from "./lib/boot";

// bootServices applies the migrations; nothing else to do.
await runScript(async () => console.log("Database is up to date."));
