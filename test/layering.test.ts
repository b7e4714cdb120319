/** ESLint enforces the layers (eslint.config.js): these imports must fail lint where they are written. */
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint();

async function restrictedImports(filePath: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((message) => message.ruleId === "no-restricted-imports").map((message) => message.message);
}

describe("layering", () => {
  it("routes never import db/, the database handle or kysely", async () => {
    const route = "app/routes/($lang).layering-probe.tsx";
    expect(await restrictedImports(route, `import { ORGANIZATION_KINDS } from "../../db/schema/platform";\nexport const kinds = ORGANIZATION_KINDS;\n`)).toHaveLength(1);
    expect(await restrictedImports(route, `import { getDb } from "~/utils/db.server";\nexport const db = getDb;\n`)).toHaveLength(1);
    expect(await restrictedImports(route, `import { sql } from "kysely";\nexport const raw = sql;\n`)).toHaveLength(1);
    expect(await restrictedImports(route, `import { getStatusView } from "~/modules/health/health.server";\nexport const view = getStatusView;\n`)).toEqual([]);
  });

  it("modules never import routes or components, except the one module that renders lessons", async () => {
    expect(await restrictedImports("app/modules/library/probe.server.ts", `import { FormAlert } from "~/components/ui/form";\nexport const alert = FormAlert;\n`)).toHaveLength(1);
    expect(await restrictedImports("app/modules/library/probe.server.ts", `import { loader } from "~/routes/($lang).status";\nexport const status = loader;\n`)).toHaveLength(1);
    expect(await restrictedImports("app/modules/courses/render-lesson.server.tsx", `import { lessonComponents } from "~/components/lesson/mdx-components";\nexport const components = lessonComponents;\n`)).toEqual([]);
  });

  it("utils never import modules", async () => {
    expect(await restrictedImports("app/utils/probe.server.ts", `import { hitRateLimit } from "~/modules/rate-limit/rate-limit.server";\nexport const hit = hitRateLimit;\n`)).toHaveLength(1);
    expect(await restrictedImports("app/utils/probe.server.ts", `import { getDb } from "./db.server";\nexport const db = getDb;\n`)).toEqual([]);
  });

  it("the code base keeps to the layers today", async () => {
    const results = await eslint.lintFiles(["app/routes", "app/modules", "app/utils"]);
    const violations = results.flatMap((result) => result.messages.filter((message) => message.ruleId === "no-restricted-imports").map((message) => `${result.filePath}:${message.line} ${message.message}`));
    expect(violations).toEqual([]);
  });
});
