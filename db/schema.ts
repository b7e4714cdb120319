/**
 * The database's table types, in one place. Each area keeps its tables in db/schema/<area>.ts;
 * this interface joins them. Edit these together with the migration that changes the tables.
 */
import type { PlatformTables } from "./schema/platform";

export * from "./schema/platform";

export type Database = PlatformTables;
