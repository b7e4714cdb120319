import { parseArgs } from "node:util";
import { z } from "zod";
import { runScript } from "./lib/boot";

const Args = z.object({
  email: z.email(),
  role: z.enum(["member", "facilitator", "secretariat"]),
  name: z.string().min(1).max(120),
  password: z.string().min(10).max(200),
});

const { values } = parseArgs({
  options: { email: { type: "string" }, role: { type: "string", default: "secretariat" }, name: { type: "string" }, password: { type: "string" } },
});
const generated = values.password ? undefined : crypto.randomUUID().replace(/-/g, "").slice(0, 20);
const parsed = Args.safeParse({ ...values, name: values.name ?? values.email?.split("@")[0], password: values.password ?? generated });
if (!parsed.success) {
  console.error("Usage: npm run user:create -- --email someone@example.org --role secretariat [--name 'Full Name'] [--password …]");
  console.error(parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n"));
  process.exit(2);
}

await runScript(async () => {
  const { upsertStaffUser } = await import("~/modules/auth/accounts.server");
  const { email, role, name, password } = parsed.data;
  await upsertStaffUser({ email, role, displayName: name, password });
  console.log(`User ${email} (${role}) is ready.${generated ? ` Password: ${generated}` : ""}`);
});
