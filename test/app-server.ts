export { startAppServer } from "../scripts/lib/app-process";

/** A database of its own on the suite's PostgreSQL server; drop() removes it. */
export async function createScratchDatabase(name: string) {
  const { default: pg } = await import("pg");
  const base = new URL(process.env.DATABASE_URL!);
  const admin = new pg.Client({ connectionString: `${base.protocol}//${base.username}:${base.password}@${base.host}/postgres` });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: `${base.protocol}//${base.username}:${base.password}@${base.host}/postgres` });
      await client.connect();
      await client.query(`drop database if exists "${name}" with (force)`);
      await client.end();
    },
  };
}
