import { z } from "zod";
import { AUDIENCES, CLUSTERS, INSTRUMENTS, STAGES } from "~/modules/treaty/vocabulary";
import { LOCALES } from "~/utils/i18n";

export const QUESTION_KINDS = ["single", "multiple", "truefalse"] as const;
/**
 * original: the English text Agora wrote; reviewed: Agora's translation, reviewed by a person;
 * machine: machine-assisted, reviewed lightly; missing: not translated (English shown). None of
 * them is an official United Nations text, and the labels must not suggest one.
 */
export const TRANSLATION_STATUSES = ["original", "reviewed", "machine", "missing"] as const;

export type QuestionKind = (typeof QUESTION_KINDS)[number];
export type TranslationStatus = (typeof TRANSLATION_STATUSES)[number];

const localeEnum = z.enum(LOCALES);
const Article = z.string().regex(/^(untoc|tip|som|firearms):\d+[a-z]?$/, "articles are <instrument>:<number>");

/** Localized text: English is required, other locales optional. */
const LocalizedText = z
  .partialRecord(localeEnum, z.string().trim().min(1))
  .refine((value) => typeof value.en === "string", { message: "an English (en) text is required" });

const Tags = z.object({
  instruments: z.array(z.enum(INSTRUMENTS)).default([]),
  articles: z.array(Article).default([]),
  clusters: z.array(z.enum(CLUSTERS)).default([]),
  stages: z.array(z.enum(STAGES)).default([]),
});
export type Tags = z.infer<typeof Tags>;

/** `content/courses/<slug>/course.md` frontmatter. */
export const CourseFrontmatter = z.strictObject({
  order: z.number().int().min(0),
  estimatedMinutes: z.number().int().positive().max(6000),
  passMark: z.number().int().min(1).max(100),
  /** Minutes a learner waits after a failed attempt before the next (Moodle's enforced delay between attempts). */
  retryDelayMinutes: z.number().int().min(0).max(7 * 24 * 60).default(10),
  audiences: z.array(z.enum(AUDIENCES)).min(1),
  tags: Tags,
  title: LocalizedText,
  summary: LocalizedText,
});
export type CourseFrontmatter = z.infer<typeof CourseFrontmatter>;

/** `content/courses/<slug>/<locale>/<nn>-<lesson>.mdx` frontmatter. */
export const LessonFrontmatter = z.strictObject({
  title: z.string().trim().min(1).max(300),
  estimatedMinutes: z.number().int().positive().max(600),
  translation: z.enum(["reviewed", "machine"]),
  tags: Tags.partial().optional(),
});
export type LessonFrontmatter = z.infer<typeof LessonFrontmatter>;

/** A lesson file name without extension: two digits, a dash, a kebab-case slug. */
export const LESSON_FILE = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.mdx$/;
export const COURSE_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A quiz as the browser may see it: texts only, never which options are correct. */
export type PublicQuiz = {
  id: string;
  questions: Array<{ id: string; kind: QuestionKind; prompt: string; options: Array<{ id: string; label: string }> }>;
};

/** Catalogue filters, read from the query string; unknown values are ignored rather than refused. */
export const CatalogueFilters = z.object({
  audience: z.enum(AUDIENCES).optional().catch(undefined),
  cluster: z.enum(CLUSTERS).optional().catch(undefined),
  language: localeEnum.optional().catch(undefined),
});
export type CatalogueFilters = z.infer<typeof CatalogueFilters>;

export const LessonIntent = z.object({ intent: z.enum(["complete", "quiz"]) });

/** The fixed part of a quiz submission; the answers (`q.<questionId>` fields) are checked against the quiz itself. */
export const QuizSubmission = z.object({
  intent: z.literal("quiz"),
  quizId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/),
});

export const ANSWER_FIELD_PREFIX = "q.";

export const CertificateCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

/** The enroll button of a course page. */
export const EnrollForm = z.object({ intent: z.literal("enroll") });
