/** `npm run worker`: runs the background jobs (mail, search indexing…) apart from the web processes. */
import { bootServices } from "./lib/boot";

const { stop } = await bootServices();
const { startWorkers } = await import("~/modules/jobs/jobs.server");
await startWorkers();
// A worker that died mid-delivery left its message pending (its transaction rolled back): the
// next one to start sends whatever is pending at once instead of waiting for the sweep.
const { deliverPendingMail } = await import("~/modules/mail/mail.server");
await deliverPendingMail();
console.log("Worker running. Ctrl-C to stop.");
const shutdown = async () => {
  await stop();
  process.exit(0);
};
process.once("SIGINT", shutdown);
process.once("SIGTERM", shutdown);
