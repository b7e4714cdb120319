import PgBoss from "pg-boss";
import { getEnv } from "~/utils/env.server";
import { jobHandlers, scheduledJobs } from "./registry.server";

/**
 * The job queue is pg-boss on our own PostgreSQL. Web processes only send jobs; workers (inline
 * in dev and tests, `npm run worker` in production) run the handlers in ./registry.server.ts.
 */
type QueueState = { boss: PgBoss; started: Promise<void>; working: boolean };
const holder = globalThis as typeof globalThis & { __agoraJobs?: QueueState };

function getQueue(): QueueState {
  if (!holder.__agoraJobs) {
    // JOBS_CRON_MONITOR_SECONDS: how often each worker looks for a due schedule (pg-boss default 30;
    // tests use 1). However many workers look, a schedule sends one job per minute.
    const cronMonitor = process.env.JOBS_CRON_MONITOR_SECONDS ? { cronMonitorIntervalSeconds: Number(process.env.JOBS_CRON_MONITOR_SECONDS) } : {};
    const boss = new PgBoss({ connectionString: getEnv().DATABASE_URL, max: 4, ...cronMonitor });
    boss.on("error", (error) => console.error(`[jobs] ${error.message}`));
    const started = boss.start().then(async () => {
      for (const name of Object.keys(jobHandlers)) await boss.createQueue(name);
    });
    holder.__agoraJobs = { boss, started, working: false };
  }
  return holder.__agoraJobs;
}

export type JobName = keyof typeof jobHandlers;

/** Queues a job; call it after the transaction that made the job necessary has committed. */
export async function sendJob(name: JobName, data: object = {}) {
  const queue = getQueue();
  await queue.started;
  await queue.boss.send(name, data, { retryLimit: 5, retryDelay: 5, retryBackoff: true });
}

/** Starts the workers for every job (idempotent). */
export async function startWorkers() {
  const queue = getQueue();
  await queue.started;
  if (queue.working) return;
  queue.working = true;
  for (const [name, handler] of Object.entries(jobHandlers)) {
    await queue.boss.work(name, { pollingIntervalSeconds: 1 }, async (jobs) => {
      for (const job of jobs) await handler(job.data as never);
    });
  }
  for (const { name, cron } of scheduledJobs) await queue.boss.schedule(name, cron);
}

/** In the web process: start the workers unless JOBS=off. */
export async function startBackgroundWork() {
  if (getEnv().JOBS === "inline") await startWorkers();
}

export async function stopBackgroundWork() {
  const queue = holder.__agoraJobs;
  holder.__agoraJobs = undefined;
  if (queue) await queue.boss.stop({ graceful: true, wait: true, timeout: 5_000 }).catch(() => {});
}
