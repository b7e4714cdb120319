import { z } from "zod";
import { optionalText } from "~/utils/forms.server";
import { RESOURCE_TYPES, type DatePrecision } from "../../../db/schema/library";
import { ArticleRef } from "~/modules/treaty/treaty.schema.server";
import { AUDIENCES, CLUSTERS, INSTRUMENTS, STAGES } from "~/modules/treaty/vocabulary";
import { LOCALES } from "~/utils/i18n";

export { RESOURCE_TYPES };

const CountryCode = z.string().regex(/^[A-Z]{3}$/);
export const Slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(120);

export const ResourceTags = z.object({
  instruments: z.array(z.enum(INSTRUMENTS)).default([]),
  articles: z.array(ArticleRef).default([]),
  clusters: z.array(z.enum(CLUSTERS)).default([]),
  stages: z.array(z.enum(STAGES)).default([]),
  audiences: z.array(z.enum(AUDIENCES)).default([]),
});
export type ResourceTags = z.infer<typeof ResourceTags>;

/**
 * A publication date as precise as it is known: a year ("2017"), a month ("2020-06") or a day
 * ("2020-06-18"). YAML reads an unquoted year as a number.
 */
export const PublishedOn = z
  .union([z.number().int(), z.string()])
  .transform((value) => String(value))
  .pipe(z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, "a year (YYYY), a month (YYYY-MM) or a date (YYYY-MM-DD)"));

/** "2017" → 2017-01-01 with precision "year": the database keeps a date and how much of it is known. */
export function splitPublishedOn(value: string): { date: string; precision: DatePrecision } {
  if (value.length === 4) return { date: `${value}-01-01`, precision: "year" };
  if (value.length === 7) return { date: `${value}-01`, precision: "month" };
  return { date: value, precision: "day" };
}

/** content/resources/<slug>/meta.yml */
export const ResourceMetaFile = z.object({
  type: z.enum(RESOURCE_TYPES),
  publishedOn: PublishedOn,
  /** Where an exact day (or month) was taken from: a URL or a document symbol. content:check requires it. */
  dateSource: z.string().trim().min(1).max(500).optional(),
  /** A demonstration record, not a real document: pages and exports say so. */
  illustrative: z.boolean().optional(),
  issuingBody: z.string().min(1).max(200),
  symbol: z.string().max(80).optional(),
  country: CountryCode.optional(),
  supersedes: Slug.optional(),
  tags: ResourceTags,
});

/** Frontmatter of content/resources/<slug>/<locale>.md */
export const ResourceEditionFrontmatter = z.object({
  title: z.string().min(1).max(300),
  summary: z.string().min(1).max(1000),
  url: z.url({ protocol: /^https?$/ }).optional(),
});

export type EditionInput = {
  locale: (typeof LOCALES)[number];
  title: string;
  summary: string;
  body: string;
  externalUrl: string | null;
  file?: { key: string; name: string; type: string; size: number } | null;
};

/** A resource as the library writes it, whether from content files or the admin form. */
export type ResourceInput = {
  slug: string;
  type: (typeof RESOURCE_TYPES)[number];
  /** YYYY-MM-DD; with `publishedPrecision` "year", only its year is known. */
  publishedOn: string;
  publishedPrecision: DatePrecision;
  dateSource: string | null;
  illustrative: boolean;
  issuingBody: string;
  symbol: string | null;
  country: string | null;
  supersedesSlug: string | null;
  status: "published" | "unpublished";
  tags: ResourceTags;
  editions: EditionInput[];
};

/** Comma/space separated tag lists in the admin form: "untoc:5, untoc:6". */
const tagList = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((value) => [value ?? []].flat().flatMap((part) => part.split(/[\s,]+/)).filter(Boolean))
    .pipe(z.array(item));


/** The admin form: one resource with one edition edited at a time. */
export const ResourceForm = z.object({
  slug: Slug,
  type: z.enum(RESOURCE_TYPES),
  publishedOn: z.iso.date(),
  issuingBody: z.string().trim().min(1).max(200),
  symbol: optionalText(80),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .optional()
    .transform((value) => value || null)
    .pipe(CountryCode.nullable()),
  supersedes: z
    .string()
    .trim()
    .optional()
    .transform((value) => value || null)
    .pipe(Slug.nullable()),
  instruments: tagList(z.enum(INSTRUMENTS)),
  articles: tagList(ArticleRef),
  clusters: tagList(z.enum(CLUSTERS)),
  stages: tagList(z.enum(STAGES)),
  audiences: tagList(z.enum(AUDIENCES)),
  locale: z.enum(LOCALES),
  title: z.string().trim().min(1).max(300),
  summary: z.string().trim().min(1).max(1000),
  body: z.string().max(100_000).default(""),
  externalUrl: z
    .string()
    .trim()
    .optional()
    .transform((value) => value || null)
    .pipe(z.url({ protocol: /^https?$/ }).nullable()),
});
export type ResourceForm = z.infer<typeof ResourceForm>;

/** The secretariat's resource list: a text filter and a page; anything else is ignored. */
export const AdminResourceQuery = z.object({ q: z.string().trim().max(120).optional().catch(undefined), page: z.coerce.number().int().min(1).max(1000).catch(1) });
export type AdminResourceQuery = z.infer<typeof AdminResourceQuery>;

/** A publish, unpublish or delete button on the resource list. */
export const AdminResourceAction = z.object({ intent: z.enum(["publish", "unpublish", "delete"]), slug: Slug });
