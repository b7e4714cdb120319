/**
 * The database's table types, in one place. Each area keeps its tables in db/schema/<area>.ts;
 * this interface joins them. Edit these together with the migration that changes the tables.
 */
import type { DialogueTables } from "./schema/dialogues";
import type { HubTables } from "./schema/hub";
import type { LearningTables } from "./schema/learning";
import type { LibraryTables } from "./schema/library";
import type { PlatformTables } from "./schema/platform";
import type { ReviewTables } from "./schema/reviews";

export * from "./schema/dialogues";
export * from "./schema/hub";
export * from "./schema/learning";
export * from "./schema/library";
export * from "./schema/platform";
export * from "./schema/reviews";

export type Database = PlatformTables & LearningTables & LibraryTables & ReviewTables & DialogueTables & HubTables;
