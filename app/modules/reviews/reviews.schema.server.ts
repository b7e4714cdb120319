import { z } from "zod";
import { CLUSTERS, STAGES } from "~/modules/treaty/vocabulary";
import { LIST_SORTS } from "./vocabulary";

/** Filters of the dashboard and the list: plain GET parameters; anything unknown is ignored. */
export const ReviewFilters = z.object({
  group: z.coerce.number().int().min(1).max(3).optional().catch(undefined),
  cluster: z.enum(CLUSTERS).optional().catch(undefined),
});
export type ReviewFilters = z.infer<typeof ReviewFilters>;

export const ReviewListQuery = ReviewFilters.extend({
  stage: z.enum(STAGES).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  sort: z.enum(LIST_SORTS).catch("country"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  page: z.coerce.number().int().min(1).max(1000).catch(1),
});
export type ReviewListQuery = z.infer<typeof ReviewListQuery>;

export const CountryCode = z.string().regex(/^[A-Za-z]{3}$/).transform((code) => code.toUpperCase());

export const FollowForm = z.object({ intent: z.enum(["follow", "unfollow"]) });

/** Stopping to follow a country from the account page, where every followed country is listed. */
export const UnfollowForm = z.object({ intent: z.literal("unfollow"), country: CountryCode });

/** Where imported data come from: a sentence, required, shown with the data while illustrative. */
const ImportDescription = z.string().trim().min(1).max(500);

/** A status folder's source.json (the CLI and the demo seed). */
export const ImportProvenanceFile = z.strictObject({ illustrative: z.boolean(), description: ImportDescription });

/**
 * The options of an upload: the "status as of" date (empty means "the latest date in the data"),
 * the source of the data, and whether they are illustrative (a checkbox: absent means real data).
 */
export const ImportOptionsForm = z.object({
  description: ImportDescription,
  illustrative: z.literal("on").optional().transform((value) => value === "on"),
  asOf: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "errors.invalidDate")
    .optional()
    .or(z.literal("").transform(() => undefined)),
});

export const ApplyImportForm = z.object({ importId: z.coerce.number().int().positive() });

/** The secretariat's focal-point list: a party and "current only"; anything else is ignored. */
export const FocalPointQuery = z.object({
  party: z.string().trim().regex(/^[A-Za-z]{3}$/).transform((code) => code.toUpperCase()).optional().catch(undefined),
  current: z.literal("1").optional().catch(undefined),
});
