/**
 * What the hub's forms and feed address accept: posts, comments, reactions, reports and the
 * secretariat's moderation, each as a zod schema whose messages are i18n keys.
 */
import { fromZonedTime } from "date-fns-tz";
import { z } from "zod";
import { CONTENT_STATUSES, POST_KINDS, REPORT_REASONS } from "../../../db/schema/hub";
import { isCountryCode } from "~/modules/countries/countries.server";
import { CLUSTERS, INSTRUMENTS } from "~/modules/treaty/vocabulary";
import { isTimeZone, optionalText, text } from "~/utils/forms.server";
import { notFound } from "~/utils/http.server";
import { LOCALES } from "~/utils/i18n";

export { CONTENT_STATUSES, POST_KINDS, REPORT_REASONS };

export const TITLE_MAX = 200;
export const BODY_MAX = 20_000;
export const COMMENT_MAX = 10_000;
export const TAGS_MAX = 10;

const Id = z.coerce.number().int().positive().max(2_147_483_647);

/** The post id of a URL; anything else is a 404. */
export function postIdParam(raw: string | undefined): number {
  const parsed = Id.safeParse(raw);
  if (!parsed.success) notFound();
  return parsed.data;
}

const many = <T extends z.ZodType>(item: T) =>
  z
    .union([item, z.array(item)])
    .optional()
    .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]));

/** Items typed in one field, separated by commas, semicolons or line breaks. */
const typedList = (max: number) =>
  z
    .string()
    .max(2000)
    .optional()
    .transform((value) => [...new Set((value ?? "").split(/[,;\n]+/).map((item) => item.trim()).filter(Boolean))])
    .refine((items) => items.length <= max, "hub:errors.tooManyTags");

/** A free tag as stored: lower case, words joined by hyphens, letters and digits of any script. */
export function normalizeTag(raw: string): string {
  return raw.normalize("NFKC").trim().toLowerCase().replace(/^#+/, "").replace(/[\s_]+/g, "-").replace(/-+/g, "-").replace(/^-|-$/g, "");
}
const FREE_TAG = /^[\p{L}\p{N}]+(-[\p{L}\p{N}]+)*$/u;
export const isFreeTag = (tag: string) => tag.length >= 2 && tag.length <= 40 && FREE_TAG.test(tag);

const ARTICLE = /^(untoc|tip|som|firearms):\d{1,3}(bis|ter)?$/;
const COUNTRY = /^[A-Z]{3}$/;
export const isArticleKey = (key: string) => ARTICLE.test(key);
export const isCountry = (code: string) => COUNTRY.test(code) && isCountryCode(code);

const freeTags = typedList(TAGS_MAX)
  .transform((tags) => [...new Set(tags.map(normalizeTag))])
  .refine((tags) => tags.every(isFreeTag), "hub:errors.invalidTag");
const articles = typedList(30)
  .transform((keys) => keys.map((key) => key.toLowerCase().replace(/\s+/g, "")))
  .refine((keys) => keys.every(isArticleKey), "hub:errors.invalidArticle");
const countries = typedList(20)
  .transform((codes) => codes.map((code) => code.toUpperCase()))
  .refine((codes) => codes.every(isCountry), "hub:errors.invalidCountry");

const localDateTime = z
  .string()
  .trim()
  .optional()
  .transform((value) => value || null)
  .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "hub:errors.invalidDate").nullable());

/** A post as written in the form; event and resource fields are required for their kinds only. */
export const PostForm = z
  .object({
    kind: z.enum(POST_KINDS),
    title: text(TITLE_MAX),
    body: z.string().trim().min(1).max(BODY_MAX),
    locale: z.enum(LOCALES),
    instruments: many(z.enum(INSTRUMENTS)),
    clusters: many(z.enum(CLUSTERS)),
    articles,
    countries,
    tags: freeTags,
    startsAt: localDateTime,
    endsAt: localDateTime,
    timeZone: optionalText(60).pipe(z.string().refine(isTimeZone, "hub:errors.invalidTimeZone").nullable()),
    place: optionalText(300),
    resourceUrl: optionalText(1000).pipe(z.url({ protocol: /^https?$/, error: "hub:errors.invalidUrl" }).nullable()),
  })
  .transform((form, context) => {
    const event = form.kind === "event" ? eventTimes(form, context) : null;
    if (form.kind === "resource" && !form.resourceUrl) context.addIssue({ code: "custom", path: ["resourceUrl"], message: "errors.required" });
    return {
      kind: form.kind,
      title: form.title,
      body: form.body,
      locale: form.locale,
      instruments: form.instruments,
      clusters: form.clusters,
      articles: form.articles,
      countries: form.countries,
      tags: form.tags,
      event: event && form.kind === "event" ? { ...event, place: form.place } : null,
      resourceUrl: form.kind === "resource" ? form.resourceUrl : null,
    };
  });
export type PostInput = z.output<typeof PostForm>;

function eventTimes(form: { startsAt: string | null; endsAt: string | null; timeZone: string | null }, context: z.RefinementCtx) {
  if (!form.timeZone) context.addIssue({ code: "custom", path: ["timeZone"], message: "errors.required" });
  if (!form.startsAt) context.addIssue({ code: "custom", path: ["startsAt"], message: "errors.required" });
  if (!form.timeZone || !form.startsAt) return null;
  const startsAt = fromZonedTime(form.startsAt, form.timeZone);
  const endsAt = form.endsAt ? fromZonedTime(form.endsAt, form.timeZone) : null;
  if (Number.isNaN(startsAt.getTime())) context.addIssue({ code: "custom", path: ["startsAt"], message: "hub:errors.invalidDate" });
  if (endsAt && !(endsAt >= startsAt)) context.addIssue({ code: "custom", path: ["endsAt"], message: "hub:errors.endBeforeStart" });
  return { startsAt, endsAt, timeZone: form.timeZone };
}

export const CommentForm = z.object({ intent: z.literal("comment"), body: z.string().trim().min(1).max(COMMENT_MAX) });
export const UsefulForm = z.object({ intent: z.literal("useful"), targetType: z.enum(["post", "comment"]), targetId: Id });
export const AcceptForm = z.object({ intent: z.literal("accept"), commentId: Id.optional() });
export const DeleteForm = z.object({ intent: z.enum(["delete-post", "delete-comment"]), commentId: Id.optional() });
export const ReportForm = z.object({
  intent: z.literal("report"),
  targetType: z.enum(["post", "comment"]),
  targetId: Id,
  reason: z.enum(REPORT_REASONS),
  details: z.string().trim().max(1000).optional().default(""),
});

/** The secretariat's moderation forms. */
export const ModerateForm = z.object({
  intent: z.enum(["hide", "restore"]),
  targetType: z.enum(["post", "comment"]),
  targetId: Id,
  reason: text(1000),
});
export const DismissForm = z.object({ intent: z.literal("dismiss"), targetType: z.enum(["post", "comment"]), targetId: Id });
export const ApproveForm = z.object({ intent: z.literal("approve"), postId: Id });
export const SuspendForm = z.object({ intent: z.literal("suspend"), userId: z.string().trim().min(1).max(64), reason: text(1000) });
export const UnsuspendForm = z.object({ intent: z.literal("unsuspend"), userId: z.string().trim().min(1).max(64) });
export const SettingForm = z.object({ intent: z.literal("setting"), holdFirstPosts: z.coerce.number().int().min(0).max(20) });

/** The feed's filters, from its query string; an unknown value is ignored, never an error page. */
export const FeedQuery = z.object({
  kind: z.enum(POST_KINDS).optional().catch(undefined),
  tag: z
    .string()
    .max(200)
    .optional()
    .catch(undefined)
    .transform((value) => (value && isTagKey(value) ? value : undefined)),
  country: z
    .string()
    .max(3)
    .optional()
    .catch(undefined)
    .transform((value) => (value && isCountry(value.toUpperCase()) ? value.toUpperCase() : undefined)),
  language: z.enum(LOCALES).optional().catch(undefined),
  following: z
    .string()
    .optional()
    .catch(undefined)
    .transform((value) => value === "1"),
  page: z.coerce.number().int().min(1).max(1000).optional().catch(undefined).transform((value) => value ?? 1),
});
export type FeedQuery = z.output<typeof FeedQuery>;

/** A follow or filter key as in tagKeysOf(): `instrument:tip`, `article:untoc:5`, `cluster:II`, `tag:cybercrime`. */
export function isTagKey(key: string): boolean {
  const [type, ...rest] = key.split(":");
  const value = rest.join(":");
  if (type === "instrument") return (INSTRUMENTS as readonly string[]).includes(value);
  if (type === "cluster") return (CLUSTERS as readonly string[]).includes(value);
  if (type === "article") return isArticleKey(value);
  if (type === "tag") return isFreeTag(value);
  return false;
}
