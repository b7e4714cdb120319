import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { startEmbeddedMeili } from "./services";

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
