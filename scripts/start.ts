/**
 * `npm start`: production. Uses DATABASE_URL / MEILI_URL when set (embedded services otherwise),
 * applies pending migrations, then serves the built app. Run `npm run build` first.
 */
// Before anything loads Remix: our edits to its internals (decisions 0031, 0038).
import "./lib/remix-internals";
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
const { serve } = await import("./lib/serve");
const { app, getBuild } = await createApp();
serve(app, { port: Number(process.env.PORT ?? 3000), getEntry: () => getBuild().entry.module, afterClose: stop });
