import { spawnSync } from "node:child_process";
import { chmod, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { firstBlockedDirectory, startEmbeddedMeili } from "./services";

describe("embedded Meilisearch", () => {
  it("starts with a master key that begins with a dash (base64url keys do, 1 in 64)", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "agora-meili-"));
    try {
      await writeFile(path.join(dir, "master-key"), "-Dash-first-key-0123456789abcdef");
      const meili = await startEmbeddedMeili({ dir });
      expect(meili).not.toBeNull();
      try {
        const unauthorized = await fetch(`${meili!.url}/indexes`);
        expect(unauthorized.status).toBe(401);
        const authorized = await fetch(`${meili!.url}/indexes`, { headers: { Authorization: `Bearer ${meili!.masterKey}` } });
        expect(authorized.status).toBe(200);
      } finally {
        await meili!.stop();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe("embedded PostgreSQL as root in a directory the postgres user cannot enter", () => {
  it("finds the first directory on the way that others may not enter", async () => {
    const home = await mkdtemp(path.join(tmpdir(), "agora-home-"));
    try {
      await mkdir(path.join(home, "checkout/.data"), { recursive: true });
      await chmod(home, 0o700);
      expect(firstBlockedDirectory(path.join(home, "checkout/.data/postgres"), -1, -1)).toBe(home);
      await chmod(home, 0o711);
      expect(firstBlockedDirectory(path.join(home, "checkout/.data/postgres"), -1, -1)).toBeNull();
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  });

  // CI and these machines run as root, as the reproduction did (`git clone` into /root).
  it.runIf(process.getuid?.() === 0)("stops a command with one sentence saying what to do, not a stack trace", async () => {
    const home = await mkdtemp(path.join(tmpdir(), "agora-root-home-"));
    try {
      await chmod(home, 0o700);
      const env: NodeJS.ProcessEnv = { ...process.env, AGORA_DATA_DIR: path.join(home, "agora/.data") };
      delete env.DATABASE_URL;
      const result = spawnSync(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "scripts/db-migrate.ts"], { env, encoding: "utf8", timeout: 30_000 });
      expect(result.status).toBe(1);
      const lines = result.stderr.trim().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`cannot enter ${home}`);
      expect(lines[0]).toMatch(/chmod o\+x/);
      expect(result.stderr).not.toMatch(/EACCES|\n\s+at /);
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  });
});
