import { z } from "zod";

/**
 * A field error as an i18n key (in the `common` namespace, under `errors.`) plus values to
 * interpolate, so the page renders it in the reader's language.
 */
export type FieldError = { key: string; values?: Record<string, string | number> };
export type FieldErrors = Record<string, FieldError>;

export type FormResult<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors; values: Record<string, string> };

function toFieldError(issue: z.core.$ZodIssue): FieldError {
  switch (issue.code) {
    case "invalid_type":
      return { key: "errors.required" };
    case "too_small":
      if (issue.origin === "string" && issue.minimum === 1) return { key: "errors.required" };
      return { key: "errors.tooShort", values: { min: Number(issue.minimum) } };
    case "too_big":
      return { key: "errors.tooLong", values: { max: Number(issue.maximum) } };
    case "invalid_format":
      return { key: issue.format === "email" ? "errors.invalidEmail" : "errors.invalidFormat" };
    case "invalid_value":
      return { key: "errors.invalidChoice" };
    case "custom":
      // "errors.x" (common) or "<namespace>:errors.x", an area's own message.
      return { key: /^([a-z]+:)?errors\./.test(issue.message) ? issue.message : "errors.invalidFormat" };
    default:
      return { key: "errors.invalidFormat" };
  }
}

/**
 * Reads text fields from a form; repeated fields become arrays; files are ignored here. NUL
 * characters, which no browser form sends and PostgreSQL text cannot store, are dropped.
 */
export function formDataToObject(formData: FormData): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
  for (const [name, raw] of formData.entries()) {
    if (typeof raw !== "string") continue;
    const value = raw.replaceAll("\0", "");
    const existing = result[name];
    if (existing === undefined) result[name] = value;
    else result[name] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return result;
}

/**
 * Validates submitted form data against a zod schema. On failure, returns one localized error
 * per field and the submitted text values (never passwords) so the form can be refilled.
 */
export function parseForm<S extends z.ZodType>(formData: FormData, schema: S): FormResult<z.output<S>> {
  const raw = formDataToObject(formData);
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= toFieldError(issue);
  }
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (typeof value === "string" && !/password/i.test(name)) values[name] = value.slice(0, 10_000);
  }
  return { ok: false, errors, values };
}

/** What a refused form shows again: errors by field, one error for the form, what was typed. */
export type FormReplyBody = { errors?: FieldErrors; formError?: FieldError; values?: Record<string, string>; intent?: string };

/**
 * What a form's workflow function (a module's `submit…`) answers, for the route to turn into a
 * response: where to go next, a 404, or a body for the page with its status (a refusal, or a
 * confirmation shown in place).
 */
export type FormOutcome<Body = FormReplyBody> =
  | { kind: "redirect"; to: string; headers?: Record<string, string> }
  | { kind: "notFound" }
  | { kind: "reply"; status: number; body: Body; headers?: Record<string, string> };

/** Text fields read elsewhere (a multipart upload) as FormData, for `parseForm`. */
export function toFormData(fields: Record<string, string>): FormData {
  const formData = new FormData();
  for (const [name, value] of Object.entries(fields)) formData.append(name, value);
  return formData;
}

/** A trimmed text field; empty means missing. */
export const text = (max: number) => z.string().trim().min(1).max(max);

/** Optional text: trimmed, at most `max` characters, null when empty. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((value) => value || null);

/** An IANA zone name ("Africa/Nairobi", "UTC"); offsets and abbreviations are refused. */
export function isTimeZone(zone: string) {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return zone.includes("/") || zone === "UTC";
  } catch {
    return false;
  }
}
