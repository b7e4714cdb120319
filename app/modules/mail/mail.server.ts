import nodemailer from "nodemailer";
import { getDb, type Executor } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import type { MailOutboxQuery } from "./mail.schema.server";

/** `headers`: extra delivery headers, e.g. List-Unsubscribe on a digest (RFC 8058). */
export type OutgoingMail = { to: string; subject: string; text: string; kind: string; headers?: Record<string, string> };

/**
 * Records a message in the outbox, inside the caller's transaction. Without SMTP_URL the outbox
 * is where mail ends (the secretariat reads it at /admin/mail); with it, the message is marked
 * pending and the mail.deliver job sends it after commit.
 */
export async function queueMail(executor: Executor, mail: OutgoingMail) {
  const status = getEnv().SMTP_URL ? "pending" : "stored";
  const row = await executor
    .insertInto("mail_outbox")
    .values({ to_address: mail.to, subject: mail.subject, text_body: mail.text, kind: mail.kind, status, headers: JSON.stringify(mail.headers ?? {}) })
    .returning("id")
    .executeTakeFirstOrThrow();
  // Without SMTP a developer reads the links (hidden at /admin/mail) in the terminal of `npm run dev`.
  if (status === "stored" && process.env.NODE_ENV === "development") console.log(`[mail to ${mail.to}] ${mail.subject}\n${mail.text}\n`);
  return { id: row.id, needsDelivery: status === "pending" };
}

/** Records several messages in the outbox with one statement, in order (see queueMail). */
export async function queueMails(executor: Executor, mails: OutgoingMail[]) {
  if (mails.length === 0) return [];
  const status = getEnv().SMTP_URL ? "pending" : "stored";
  const rows = await executor
    .insertInto("mail_outbox")
    .values(mails.map((mail) => ({ to_address: mail.to, subject: mail.subject, text_body: mail.text, kind: mail.kind, status, headers: JSON.stringify(mail.headers ?? {}) })))
    .returning("id")
    .execute();
  return rows.map((row) => ({ id: row.id, needsDelivery: status === "pending" }));
}

/**
 * The outbox as the secretariat may read it: a verification or reset link is a key to someone's
 * account, so every `token=` value is hidden.
 */
export function redactSecrets(text: string) {
  return text.replace(/([?&]token=)[^\s&#]+/gi, "$1[hidden]");
}

let transport: nodemailer.Transporter | undefined;

export async function deliverMail(id: number | undefined) {
  const smtpUrl = getEnv().SMTP_URL;
  if (!smtpUrl || typeof id !== "number") return;
  transport ??= nodemailer.createTransport(smtpUrl);
  await getDb().transaction().execute(async (trx) => {
    const mail = await trx
      .selectFrom("mail_outbox")
      .selectAll()
      .where("id", "=", id)
      .where("status", "=", "pending")
      .forUpdate()
      .skipLocked()
      .executeTakeFirst();
    if (!mail) return;
    try {
      await transport!.sendMail({ from: getEnv().MAIL_FROM, to: mail.to_address, subject: mail.subject, text: mail.text_body, headers: mail.headers });
      await trx.updateTable("mail_outbox").set({ status: "sent", sent_at: new Date(), error: null }).where("id", "=", id).execute();
    } catch (error) {
      await trx.updateTable("mail_outbox").set({ error: String(error) }).where("id", "=", id).execute();
      throw error;
    }
  });
}

/** Retries whatever is still pending (a lost job, an SMTP outage). */
export async function deliverPendingMail() {
  if (!getEnv().SMTP_URL) return;
  const pending = await getDb().selectFrom("mail_outbox").select("id").where("status", "=", "pending").orderBy("id").limit(100).execute();
  for (const { id } of pending) await deliverMail(id).catch(() => {});
}

export async function listMail(options: { limit: number; offset: number; to?: string }) {
  let query = getDb().selectFrom("mail_outbox").selectAll().orderBy("id", "desc").limit(options.limit).offset(options.offset);
  if (options.to) query = query.where((eb) => eb(eb.fn("lower", ["to_address"]), "=", options.to!.toLowerCase()));
  return query.execute();
}

const OUTBOX_PAGE_SIZE = 50;

/** The secretariat's view of the outbox, newest first, 50 a page, with secrets in the bodies redacted. */
export async function getMailOutboxView(query: MailOutboxQuery) {
  const rows = await listMail({ limit: OUTBOX_PAGE_SIZE + 1, offset: (query.page - 1) * OUTBOX_PAGE_SIZE, to: query.to || undefined });
  return {
    page: query.page,
    to: query.to ?? "",
    hasMore: rows.length > OUTBOX_PAGE_SIZE,
    messages: rows.slice(0, OUTBOX_PAGE_SIZE).map((row) => ({
      id: row.id,
      to: row.to_address,
      subject: row.subject,
      body: redactSecrets(row.text_body),
      kind: row.kind,
      status: row.status,
      createdAt: row.created_at.toISOString(),
    })),
  };
}
