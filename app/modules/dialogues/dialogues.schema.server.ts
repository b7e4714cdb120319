import { fromZonedTime } from "date-fns-tz";
import { z } from "zod";
import { ORGANIZATION_KINDS } from "../../../db/schema/platform";
import { CLUSTERS } from "~/modules/treaty/vocabulary";
import { isTimeZone, text } from "~/utils/forms.server";
import { notFound } from "~/utils/http.server";
import { LOCALES } from "~/utils/i18n";
import { ATTENDANCE_MODES, DIALOGUE_FORMATS, DIALOGUE_STATES } from "./vocabulary";

/** A positive integer id from a URL or a form; anything else is a 404 or a 400 for the caller. */
export const DialogueId = z.coerce.number().int().positive().max(2_147_483_647);

/** The dialogue id of a URL (`params.id`); anything else is a 404. */
export function dialogueIdParam(raw: string | undefined): number {
  const parsed = DialogueId.safeParse(raw);
  if (!parsed.success) notFound();
  return parsed.data;
}

const checkbox = z
  .union([z.literal("on"), z.literal("1"), z.literal("true")])
  .optional()
  .transform((value) => value !== undefined);

const many = <T extends z.ZodType>(item: T) =>
  z
    .union([item, z.array(item)])
    .optional()
    .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]));


/** `YYYY-MM-DDTHH:mm` as typed in a datetime-local field: a wall-clock time in the venue's zone. */
const localDateTime = z.string().trim().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "dialogues:errors.invalidDate");
const optionalLocalDateTime = z
  .string()
  .trim()
  .optional()
  .transform((value) => value || undefined)
  .pipe(localDateTime.optional());

/** An article reference `<instrument>:<number>`, e.g. `untoc:5`. */
const ArticleRef = z.string().trim().regex(/^(untoc|tip|som|firearms):[0-9]{1,3}[a-z]?$/, "errors.invalidFormat");

/** A comma- or space-separated list of article references, as typed in one field. */
export const ArticleList = z
  .string()
  .trim()
  .max(500)
  .optional()
  .transform((value) => [...new Set((value ?? "").split(/[\s,;]+/).filter(Boolean).map((item) => item.toLowerCase()))])
  .pipe(z.array(ArticleRef).max(30));

/** The secretariat's dialogue form: shared fields plus the title and description in one language. */
export const DialogueForm = z
  .object({
    locale: z.enum(LOCALES),
    title: text(200),
    description: z.string().trim().max(5000).optional().default(""),
    sessionCode: z.string().trim().toLowerCase().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "dialogues:errors.invalidSlug").max(60),
    sessionTitle: text(200),
    timeZone: z.string().trim().max(60).refine(isTimeZone, "dialogues:errors.invalidTimeZone"),
    startsAt: localDateTime,
    endsAt: localDateTime,
    format: z.enum(DIALOGUE_FORMATS),
    venue: z.string().trim().max(300).optional().default(""),
    onlineUrl: z
      .string()
      .trim()
      .max(500)
      .optional()
      .transform((value) => value || null)
      .pipe(z.url({ protocol: /^https$/ }).nullable()),
    capacityInPerson: z.coerce.number().int().min(0).max(100_000).catch(-1).pipe(z.number().min(0)),
    capacityOnline: z.coerce.number().int().min(0).max(100_000).catch(-1).pipe(z.number().min(0)),
    registrationOpensAt: optionalLocalDateTime,
    registrationClosesAt: optionalLocalDateTime,
    approvalRequired: checkbox,
    eligibleKinds: many(z.enum(ORGANIZATION_KINDS)).pipe(z.array(z.enum(ORGANIZATION_KINDS)).min(1)),
    courseSlug: z
      .string()
      .trim()
      .optional()
      .transform((value) => value || null)
      .pipe(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).nullable()),
    courseRule: z
      .enum(["required", "priority", ""])
      .optional()
      .transform((value) => value || null),
  })
  .transform((form, context) => {
    const startsAt = fromZonedTime(form.startsAt, form.timeZone);
    const endsAt = fromZonedTime(form.endsAt, form.timeZone);
    if (!(endsAt > startsAt)) context.addIssue({ code: "custom", path: ["endsAt"], message: "dialogues:errors.endBeforeStart" });
    const opensAt = form.registrationOpensAt ? fromZonedTime(form.registrationOpensAt, form.timeZone) : null;
    const closesAt = form.registrationClosesAt ? fromZonedTime(form.registrationClosesAt, form.timeZone) : null;
    if (opensAt && closesAt && !(closesAt > opensAt)) context.addIssue({ code: "custom", path: ["registrationClosesAt"], message: "dialogues:errors.endBeforeStart" });
    if ((form.courseSlug === null) !== (form.courseRule === null)) context.addIssue({ code: "custom", path: ["courseRule"], message: "dialogues:errors.courseRuleNeedsCourse" });
    if (form.format !== "online" && form.capacityInPerson === 0) context.addIssue({ code: "custom", path: ["capacityInPerson"], message: "dialogues:errors.capacityNeeded" });
    if (form.format !== "in_person" && form.capacityOnline === 0) context.addIssue({ code: "custom", path: ["capacityOnline"], message: "dialogues:errors.capacityNeeded" });
    return {
      ...form,
      startsAt,
      endsAt,
      registrationOpensAt: opensAt,
      registrationClosesAt: closesAt,
      courseRule: form.courseRule as "required" | "priority" | null,
      capacityInPerson: form.format === "online" ? 0 : form.capacityInPerson,
      capacityOnline: form.format === "in_person" ? 0 : form.capacityOnline,
    };
  });
export type DialogueForm = z.output<typeof DialogueForm>;

export const StateForm = z.object({ intent: z.literal("state"), state: z.enum(DIALOGUE_STATES) });

export const TopicForm = z.object({
  intent: z.literal("add-topic"),
  code: z.string().trim().toLowerCase().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "dialogues:errors.invalidSlug").max(60),
  title: z.string().trim().max(300).optional().default(""),
  clusters: many(z.enum(CLUSTERS)),
  articles: ArticleList,
});
export const RemoveTopicForm = z.object({ intent: z.literal("remove-topic"), code: z.string().trim().max(60) });
export const FacilitatorForm = z.object({ intent: z.enum(["add-facilitator", "remove-facilitator"]), userId: z.string().trim().min(1).max(64) });

/** A member's registration. The organization defaults to the profile's. */
export const RegistrationForm = z.object({
  intent: z.literal("register"),
  mode: z.enum(ATTENDANCE_MODES),
  organizationName: text(200),
  organizationKind: z.enum(ORGANIZATION_KINDS),
  statement: z.string().trim().max(2000).optional().default(""),
  accessibilityNeeds: z.string().trim().max(1000).optional().default(""),
  listPublicly: checkbox,
});
export type RegistrationForm = z.output<typeof RegistrationForm>;

export const CancelForm = z.object({ intent: z.literal("cancel") });

/** Filters of the calendar: plain GET parameters; anything unknown is ignored. */
export const CalendarQuery = z.object({
  session: z.string().trim().max(60).regex(/^[a-z0-9-]+$/).optional().catch(undefined),
  format: z.enum(DIALOGUE_FORMATS).optional().catch(undefined),
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
});
export type CalendarQuery = z.infer<typeof CalendarQuery>;

export const REGISTRANT_FILTER_STATUSES = ["pending", "confirmed", "waitlisted", "declined", "cancelled", "attended"] as const;

/** Filters of the secretariat's registrant list. */
export const RegistrantQuery = z.object({
  status: z.enum(REGISTRANT_FILTER_STATUSES).optional().catch(undefined),
  mode: z.enum(ATTENDANCE_MODES).optional().catch(undefined),
  kind: z.enum(ORGANIZATION_KINDS).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
});
export type RegistrantQuery = z.infer<typeof RegistrantQuery>;

const RegistrationIds = many(z.coerce.number().int().positive()).pipe(z.array(z.number()).min(1, "dialogues:errors.selectSomeone").max(1000));

/** The secretariat's actions on registrations, singly (one id) or in bulk (many). */
export const RegistrantAction = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("approve"), ids: RegistrationIds }),
  z.object({ intent: z.literal("decline"), ids: RegistrationIds, reason: text(1000) }),
  z.object({ intent: z.literal("move"), ids: RegistrationIds, mode: z.enum(ATTENDANCE_MODES) }),
  z.object({ intent: z.literal("attended"), ids: RegistrationIds }),
  z.object({ intent: z.literal("check-in"), code: z.string().trim().toUpperCase().regex(/^[0-9A-Z]{4}-?[0-9A-Z]{4}$/, "dialogues:errors.invalidCheckInCode") }),
]);
export type RegistrantAction = z.output<typeof RegistrantAction>;
