/**
 * A worker killed in the middle of delivering an e-mail: the message is not lost and is sent
 * once. The first worker's SMTP session hangs before the server accepts the message; the worker
 * is SIGKILLed there; the next worker sends it; the job's retry finds it sent and does nothing.
 * Runs on a database of its own so the suite's inline workers do not take the job.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScratchDatabase } from "./app-server";
import { createDatabase, createPool, type DB } from "../db/database";
import { migrateToLatest } from "../db/migrate";

/** A minimal SMTP server: counts complete messages; `hang` makes the next session stall at end of DATA. */
function fakeSmtp() {
  const received: string[] = [];
  let hangNext = false;
  let hung: Socket | undefined;
  const server: Server = createServer((socket) => {
    const hangThis = hangNext;
    hangNext = false;
    let inData = false;
    let data = "";
    let buffer = "";
    socket.write("220 fake ESMTP\r\n");
    socket.on("error", () => {});
    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      let index: number;
      while ((index = buffer.indexOf("\r\n")) >= 0) {
        const line = buffer.slice(0, index);
        buffer = buffer.slice(index + 2);
        if (inData) {
          if (line === ".") {
            inData = false;
            if (hangThis) {
              hung = socket;
              return;
            }
            received.push(data);
            data = "";
            socket.write("250 OK queued\r\n");
          } else data += `${line}\n`;
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === "EHLO") socket.write("250-fake\r\n250 8BITMIME\r\n");
        else if (verb === "HELO" || verb === "MAIL" || verb === "RCPT" || verb === "RSET" || verb === "NOOP") socket.write("250 OK\r\n");
        else if (verb === "DATA") {
          inData = true;
          socket.write("354 go ahead\r\n");
        } else if (verb === "QUIT") socket.end("221 bye\r\n");
        else socket.write("502 not implemented\r\n");
      }
    });
  });
  return {
    received,
    hangNextSession: () => (hangNext = true),
    isHanging: () => hung !== undefined,
    listen: () => new Promise<number>((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as { port: number }).port))),
    close: () => {
      hung?.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
let db: DB;
const smtp = fakeSmtp();
let smtpUrl: string;
const workers: ChildProcess[] = [];

function startWorker() {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    env: { ...process.env, DATABASE_URL: scratch.url, SMTP_URL: smtpUrl, LOG_LEVEL: "warn" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  workers.push(child);
  return child;
}

async function eventually<T>(probe: () => Promise<T | false | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

beforeAll(async () => {
  scratch = await createScratchDatabase(`agora_worker_${Date.now().toString(36)}`);
  db = createDatabase(createPool(scratch.url));
  await migrateToLatest(db);
  smtpUrl = `smtp://127.0.0.1:${await smtp.listen()}`;
}, 60_000);

afterAll(async () => {
  for (const worker of workers) if (worker.exitCode === null) worker.kill("SIGKILL");
  await db?.destroy();
  await scratch?.drop();
  await smtp.close();
});

describe("a worker killed in the middle of a job", () => {
  it("leaves the message pending; the next worker sends it, once", async () => {
    const mail = await db
      .insertInto("mail_outbox")
      .values({ to_address: "crash@example.org", subject: "Crash test", text_body: "Sent once.", kind: "test", status: "pending" })
      .returning("id")
      .executeTakeFirstOrThrow();
    smtp.hangNextSession();
    const first = startWorker();
    // The first worker picks the pending message up and stalls inside the SMTP session.
    await eventually(async () => smtp.isHanging(), 45_000);
    first.kill("SIGKILL");
    await new Promise((resolve) => first.once("exit", resolve));
    expect(smtp.received).toHaveLength(0);
    expect((await db.selectFrom("mail_outbox").select("status").where("id", "=", mail.id).executeTakeFirstOrThrow()).status).toBe("pending");

    startWorker();
    await eventually(async () => (await db.selectFrom("mail_outbox").select("status").where("id", "=", mail.id).executeTakeFirstOrThrow()).status === "sent", 45_000);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]).toContain("Subject: Crash test");

    // The delivery job retried (or a later sweep) finds the message sent and sends nothing more.
    const { rows } = await import("kysely").then(({ sql }) => sql<{ n: number }>`select count(*)::int as n from mail_outbox where status = 'pending'`.execute(db));
    expect(rows[0]!.n).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(smtp.received).toHaveLength(1);
  }, 120_000);
});
