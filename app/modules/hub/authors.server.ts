/**
 * How the hub names an author, in one place: an erased account is "deleted member" (the page
 * localizes it), a pseudonym wins over the account's name, and an e-mail is never selected.
 */
import { sql, type Expression, type RawBuilder } from "kysely";

export type AuthorRef = { id: string | null; name: string | null; deleted: boolean };

/**
 * The author's shown name from `app_user` and `hub_profile` joined under the given aliases; null
 * for an erased account (or a post whose account row is gone).
 */
export function authorNameSql(user: string, profile: string): RawBuilder<string | null> {
  return sql<string | null>`case when ${sql.ref(`${user}.id`)} is null or ${sql.ref(`${user}.deleted_at`)} is not null then null else coalesce(${sql.ref(`${profile}.pseudonym`)}, ${sql.ref(`${user}.display_name`)}) end`;
}

export function toAuthorRef(row: { author_id: string | null; author_name: string | null }): AuthorRef {
  return row.author_name === null ? { id: null, name: null, deleted: true } : { id: row.author_id, name: row.author_name, deleted: false };
}

/** The shown name of one member, for notification payloads. */
export function memberNameSql(userId: Expression<string>): RawBuilder<string | null> {
  return sql<string | null>`(select case when u.deleted_at is not null then null else coalesce(p.pseudonym, u.display_name) end from app_user u left join hub_profile p on p.user_id = u.id where u.id = ${userId})`;
}
