/**
 * Inputs of the hub's people side: the profile editor, directory filters, follows, notifications,
 * account deletion and unsubscribe. Every error is an i18n key ("members:errors.*" or common).
 */
import { z } from "zod";
import { DIGEST_FREQUENCIES, VISIBILITIES } from "../../../db/schema/hub";
import { ORGANIZATION_KINDS } from "../../../db/schema/platform";
import { ArticleList } from "~/modules/dialogues/dialogues.schema.server";
import { CLUSTERS, INSTRUMENTS } from "~/modules/treaty/vocabulary";
import { notFound } from "~/utils/http.server";
import { LANGUAGES } from "./languages";

const many = <T extends z.ZodType>(item: T, max: number) =>
  z
    .union([item, z.array(item)])
    .optional()
    .transform((value) => (value === undefined ? [] : Array.isArray(value) ? [...new Set(value)] : [value]))
    .pipe(z.array(z.any()).max(max)) as unknown as z.ZodType<Array<z.output<T>>>;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((value) => value ?? "");

const visibility = z.enum(VISIBILITIES);

/** An https address with a host, nothing else (no javascript:, no http:, no credentials). */
const HttpsUrl = z
  .string()
  .trim()
  .max(500)
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === "https:" && url.hostname.includes(".") && !url.username && !url.password;
    } catch {
      return false;
    }
  }, "members:errors.httpsOnly");

export const LINK_SLOTS = 3;
const linkFields = Object.fromEntries(
  Array.from({ length: LINK_SLOTS }, (_, index) => [
    [`linkLabel${index}`, optionalText(80)],
    [`linkUrl${index}`, z.union([z.literal(""), HttpsUrl]).optional().transform((value) => value ?? "")],
  ]).flat(),
) as Record<string, z.ZodType<string>>;

export const HubProfileForm = z.object({
  pseudonym: optionalText(80),
  bio: optionalText(2000),
  languages: many(z.enum(LANGUAGES), 20),
  expertiseInstruments: many(z.enum(INSTRUMENTS), INSTRUMENTS.length),
  expertiseClusters: many(z.enum(CLUSTERS), CLUSTERS.length),
  expertiseArticles: ArticleList,
  profileVisibility: visibility,
  organizationVisibility: visibility,
  countryVisibility: visibility,
  languagesVisibility: visibility,
  expertiseVisibility: visibility,
  followsVisibility: visibility,
  bioVisibility: visibility,
  linksVisibility: visibility,
  certificatesVisibility: visibility,
  digestFrequency: z.enum(DIGEST_FREQUENCIES),
  ...linkFields,
});
export type HubProfileForm = z.infer<typeof HubProfileForm>;

/** A tag of expertise, also a follow key: `instrument:untoc`, `cluster:II`, `article:untoc:5`. */
export const ExpertiseKey = z.union([
  z.string().regex(new RegExp(`^instrument:(${INSTRUMENTS.join("|")})$`)),
  z.string().regex(new RegExp(`^cluster:(${CLUSTERS.join("|")})$`)),
  z.string().regex(/^article:(untoc|tip|som|firearms):[0-9]{1,3}[a-z]?$/),
]);

const blankToUndefined = (value: unknown) => (value === "" ? undefined : value);

/** Directory filters; an invalid one is ignored (a filter link from an old page still lists). */
export const DirectoryQuery = z.object({
  country: z.preprocess(blankToUndefined, z.string().regex(/^[A-Z]{3}$/).optional()).catch(undefined),
  kind: z.preprocess(blankToUndefined, z.enum(ORGANIZATION_KINDS).optional()).catch(undefined),
  language: z.preprocess(blankToUndefined, z.enum(LANGUAGES).optional()).catch(undefined),
  expertise: z.preprocess(blankToUndefined, ExpertiseKey.optional()).catch(undefined),
  reviewOf: z.preprocess(blankToUndefined, z.string().regex(/^[A-Z]{3}$/).optional()).catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type DirectoryQuery = z.infer<typeof DirectoryQuery>;

/** A member id from a URL: app_user ids are Lucia's lowercase alphanumerics. */
export function memberIdParam(raw: string | undefined): string {
  const parsed = z.string().regex(/^[a-z0-9]{1,64}$/).safeParse(raw);
  if (!parsed.success) notFound();
  return parsed.data;
}

export const FollowForm = z.discriminatedUnion("targetType", [
  z.object({ targetType: z.literal("member"), targetKey: z.string().regex(/^[a-z0-9]{1,64}$/), follow: z.enum(["1", "0"]), redirectTo: z.string().max(500).optional() }),
  z.object({ targetType: z.literal("tag"), targetKey: z.union([ExpertiseKey, z.string().regex(/^tag:[\p{L}\p{N}][\p{L}\p{N} _-]{0,49}$/u)]), follow: z.enum(["1", "0"]), redirectTo: z.string().max(500).optional() }),
  z.object({ targetType: z.literal("dialogue"), targetKey: z.string().regex(/^[1-9][0-9]{0,9}$/), follow: z.enum(["1", "0"]), redirectTo: z.string().max(500).optional() }),
  z.object({ targetType: z.literal("country"), targetKey: z.string().regex(/^[A-Za-z]{3}$/).transform((code) => code.toUpperCase()), follow: z.enum(["1", "0"]), redirectTo: z.string().max(500).optional() }),
]);
export type FollowForm = z.infer<typeof FollowForm>;

export const NotificationsForm = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("read"), id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) }),
  z.object({ intent: z.literal("read-all") }),
]);

export const NotificationsQuery = z.object({ page: z.coerce.number().int().min(1).max(10_000).catch(1) });

export const DeleteAccountForm = z.object({
  password: z.string().min(1).max(1000),
  confirm: z.literal("on", { message: "members:errors.confirmDeletion" }),
});

export const UnsubscribeForm = z.object({ token: z.string().min(1).max(500) });

