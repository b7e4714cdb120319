/** Rendered pages carry their text intact: no zero bytes from React's stream buffer (see entry.server). */
import { describe, expect, it } from "vitest";
import { TestClient } from "./http-client";

describe("page encoding", () => {
  it("sends no NUL byte in any page of a sample, in every language", async () => {
    const client = new TestClient();
    for (const prefix of ["", "/fr", "/es", "/ar", "/zh", "/ru", "/pt"]) {
      for (const path of ["/", "/courses", "/library", "/reviews", "/reviews/list", "/dialogues", "/countries/KEN"]) {
        const address = `${prefix}${path}`.replace(/(.)\/$/, "$1");
        const response = await client.get(address);
        expect(response.status, address).toBe(200);
        expect(response.text.indexOf("\u0000"), address).toBe(-1);
      }
    }
  });
});
