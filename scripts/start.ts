/**
 * `npm start`: production. Uses DATABASE_URL / MEILI_URL when set (embedded services otherwise),
 * applies pending migrations, then serves the built app. Run `npm run build` first.
 */
import { bootServices } from "./lib/boot";
import { checkServerConfigOrExit } from "./lib/config";

process.env.NODE_ENV ??= "production";
checkServerConfigOrExit();
const { stop } = await bootServices();
// Course files ship with the release: bring their search documents up to date, and build the
// index if a new index version left it empty (once, however many instances start together).
const { prepareSearchAtStart } = await import("~/modules/search/content-documents.server");
await prepareSearchAtStart();
const { createApp } = await import("./server");
const { app } = await createApp();
const port = Number(process.env.PORT ?? 3000);
const server = app.listen(port, () => console.log(`Agora listening on http://localhost:${port}`));
const shutdown = () => server.close(() => void stop().then(() => process.exit(0)));
process.once("SIGINT", shutdown);
process.once("SIGTERM", shutdown);
