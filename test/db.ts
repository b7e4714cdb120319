/** Direct database access for assertions (the same real PostgreSQL the app uses). */
export { getDb } from "../app/utils/db.server";
