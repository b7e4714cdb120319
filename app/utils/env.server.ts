import { z } from "zod";

/**
 * The server's configuration, validated once at boot. Embedded services fill in
 * DATABASE_URL / MEILI_URL before the app starts when they are not set.
 */
const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().min(1),
  MEILI_URL: z.string().url().optional(),
  MEILI_MASTER_KEY: z.string().optional(),
  MEILI_INDEX_PREFIX: z.string().regex(/^[a-z0-9_]*$/).default(""),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default("Agora <no-reply@agora.local>"),
  PUBLIC_URL: z.string().url().optional(),
  /** "inline" runs background jobs inside the web process (dev, tests); "off" leaves them to `npm run worker`. */
  JOBS: z.enum(["inline", "off"]).default("inline"),
  STORAGE_DIR: z.string().default(".data/storage"),
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= EnvSchema.parse(process.env);
  return cached;
}
