/**
 * The table types in db/schema/*.ts are written by hand; this test keeps them true to the
 * migrations. It reads the migrated test database's information_schema and the `Database` type
 * (through the TypeScript compiler) and compares tables, columns and whether each may be null.
 * Adding a column to a migration without adding it to the types (or the other way round) fails here.
 */
import path from "node:path";
import { sql } from "kysely";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { getDb } from "../test/db";

/** Tables the app does not query through Kysely's types: the migrator's own bookkeeping. */
const UNTYPED_TABLES = new Set(["kysely_migration", "kysely_migration_lock"]);

/** Per column: may it be null; "generated" for a column PostgreSQL computes (GENERATED ALWAYS), which the types must make not insertable. */
type ColumnShape = Record<string, Record<string, "null" | "not null" | "generated">>;

/** Tables → columns → nullability, as the `Database` type of db/schema.ts declares them. */
function declaredSchema(): ColumnShape {
  const file = path.resolve("db/schema.ts");
  const program = ts.createProgram([file], { strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, skipLibCheck: true });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file)!;
  const alias = source.statements.find((statement): statement is ts.TypeAliasDeclaration => ts.isTypeAliasDeclaration(statement) && statement.name.text === "Database");
  if (!alias) throw new Error("db/schema.ts declares no `Database` type");
  const database = checker.getTypeAtLocation(alias.name);
  const shape: ColumnShape = {};
  for (const table of checker.getPropertiesOfType(database)) {
    const tableType = checker.getTypeOfSymbol(table);
    shape[table.name] = {};
    for (const column of checker.getPropertiesOfType(tableType)) {
      let columnType = checker.getTypeOfSymbol(column);
      const inserted = columnType.getProperty("__insert__");
      if (inserted && checker.getTypeOfSymbol(inserted).flags & ts.TypeFlags.Never) {
        shape[table.name]![column.name] = "generated";
        continue;
      }
      // ColumnType<Select, Insert, Update> (and Generated<T>) carry the selected type in `__select__`.
      const selected = columnType.getProperty("__select__");
      if (selected) columnType = checker.getTypeOfSymbol(selected);
      const nullable = columnType.isUnion() ? columnType.types.some((member) => member.flags & ts.TypeFlags.Null) : Boolean(columnType.flags & ts.TypeFlags.Null);
      shape[table.name]![column.name] = nullable ? "null" : "not null";
    }
  }
  return shape;
}

/** The same, as the migrations left the test database. */
async function migratedSchema(): Promise<ColumnShape> {
  const { rows } = await sql<{ table_name: string; column_name: string; is_nullable: "YES" | "NO"; is_generated: "ALWAYS" | "NEVER" }>`
    select c.table_name, c.column_name, c.is_nullable, c.is_generated
    from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
    order by c.table_name, c.ordinal_position`.execute(getDb());
  const shape: ColumnShape = {};
  for (const row of rows) {
    if (UNTYPED_TABLES.has(row.table_name)) continue;
    (shape[row.table_name] ??= {})[row.column_name] = row.is_generated === "ALWAYS" ? "generated" : row.is_nullable === "YES" ? "null" : "not null";
  }
  return shape;
}

const sorted = (shape: ColumnShape) => Object.fromEntries(Object.keys(shape).sort().map((table) => [table, Object.fromEntries(Object.keys(shape[table]!).sort().map((column) => [column, shape[table]![column]]))]));

describe("db/schema types", () => {
  it("declare exactly the migrated tables and columns, with the same nullability", { timeout: 60_000 }, async () => {
    const [declared, migrated] = await Promise.all([declaredSchema(), migratedSchema()]);
    expect(sorted(declared)).toEqual(sorted(migrated));
  });
});
