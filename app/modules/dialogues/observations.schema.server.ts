import { z } from "zod";
import { ORGANIZATION_KINDS } from "../../../db/schema/platform";
import { ArticleRef } from "~/modules/treaty/treaty.schema.server";
import { CLUSTERS } from "~/modules/treaty/vocabulary";

/** The longest observation, as the database's check says. */
export const MAX_OBSERVATION_LENGTH = 5000;

/** A positive integer id from a URL or a form. */
export const ObservationId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** A checkbox group: absent, one value or several, as a list without repeats. */
const many = <T extends z.ZodType>(item: T, max: number) => z.preprocess((value) => (value === undefined ? [] : [...new Set([value].flat())]), z.array(item).max(max));

const TopicCode = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(60);

/** Article references as typed in one field: "untoc:5, untoc 23; tip:6". */
const ArticleField = z
  .string()
  .max(500)
  .optional()
  .transform((value) => [...new Set((value ?? "").toLowerCase().split(/[\s,;]+/).filter(Boolean))])
  .pipe(z.array(ArticleRef).max(30));

/**
 * What a facilitator types for one observation. The text keeps its line breaks (a browser sends
 * them as CRLF); the topics are checked against the dialogue's agenda, and the articles against
 * the treaty, by the module.
 */
export const ObservationFields = z.object({
  body: z
    .string()
    .transform((value) => value.replace(/\r\n?/g, "\n").trim())
    .pipe(z.string().min(1).max(MAX_OBSERVATION_LENGTH)),
  topics: many(TopicCode, 20),
  clusters: many(z.enum(CLUSTERS), CLUSTERS.length),
  articles: ArticleField,
  stakeholderKinds: many(z.enum(ORGANIZATION_KINDS), ORGANIZATION_KINDS.length),
});
export type ObservationFields = z.output<typeof ObservationFields>;

/** A new observation: saved as a draft, or published at once. */
export const CreateObservationForm = ObservationFields.extend({ intent: z.enum(["create", "create-publish"]) });

/** An edit, against the revision the facilitator started from (a later edit by someone else is a conflict). */
export const UpdateObservationForm = ObservationFields.extend({ intent: z.literal("update"), baseRevision: ObservationId });

/** The buttons beside each observation in the editor's list. */
export const ObservationListAction = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("publish"), observationId: ObservationId }),
  z.object({ intent: z.literal("unpublish"), observationId: ObservationId }),
  z.object({ intent: z.literal("move"), observationId: ObservationId, direction: z.enum(["up", "down"]) }),
  z.object({ intent: z.literal("merge"), observationId: ObservationId, targetId: ObservationId }),
  z.object({ intent: z.literal("unmerge"), observationId: ObservationId }),
]);
export type ObservationListAction = z.output<typeof ObservationListAction>;

/** The publish button of the chair's summary. */
export const SummaryAction = z.object({ intent: z.literal("publish-summary") });

/** /observations filters from the query string; a value that is not valid is ignored, never an error. */
export const ObservationQuery = z.object({
  topic: TopicCode.optional().catch(undefined),
  cluster: z.enum(CLUSTERS).optional().catch(undefined),
  article: z
    .string()
    .trim()
    .toLowerCase()
    .transform((value) => value.replace(/\s+/g, ""))
    .pipe(ArticleRef)
    .optional()
    .catch(undefined),
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(1000).catch(1),
});
export type ObservationQuery = z.output<typeof ObservationQuery>;
