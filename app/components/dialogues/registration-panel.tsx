import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormAlert, SelectField, TextAreaField, TextField } from "~/components/ui/form";
import { ORGANIZATION_KINDS } from "~/modules/dialogues/vocabulary";
import type { FieldError, FieldErrors } from "~/utils/forms.server";
import { useLocale } from "~/utils/i18n-react";


export type RegistrationPanelProps = {
  dialogueId: number;
  signInHref: string;
  signedIn: boolean;
  windowOpen: boolean;
  eligibleKinds: string[];
  course: { slug: string; rule: "required" | "priority"; held: boolean } | null;
  modes: Array<{ mode: string; capacity: number; seatsLeft: number; waiting: number }>;
  registration: {
    mode: string;
    status: string;
    position: number | null;
    priority: boolean;
    checkInCode: string | null;
    onlineUrl: string | null;
    attended: boolean;
    reason: string | null;
  } | null;
  prefill: { organizationName: string; organizationKind: string } | null;
  errors?: FieldErrors;
  formError?: FieldError;
  values?: Record<string, string>;
};

/** The member's side of a dialogue: their registration and what they can do, or the form. */
export function RegistrationPanel(props: RegistrationPanelProps) {
  const { t } = useTranslation(["dialogues", "common"]);
  const { to } = useLocale();
  const { registration, course, formError } = props;
  return (
    <section aria-labelledby="registration" className="aside-box">
      <h2 id="registration">{t("registration.title")}</h2>
      {formError ? (
        <div role="alert" className="alert alert--error">
          {t(formError.key, formError.values)}
        </div>
      ) : null}
      {course ? (
        <p>
          {t(course.rule === "required" ? "registration.courseRequired" : "registration.coursePriority")}{" "}
          <Link to={to(`/courses/${course.slug}`)}>{t("registration.theCourse")}</Link>
          {props.signedIn ? ` ${t(course.held ? (course.rule === "required" ? "registration.youAreEligible" : "registration.youArePrioritized") : "registration.youHaveNoCertificate")}` : ""}
        </p>
      ) : null}
      {registration ? (
        <RegistrationStatus dialogueId={props.dialogueId} registration={registration} />
      ) : !props.windowOpen ? (
        <p>{t("registration.closedNow")}</p>
      ) : !props.signedIn ? (
        <p>
          <Link to={props.signInHref}>{t("registration.signInToRegister")}</Link>
        </p>
      ) : (
        <RegistrationForm {...props} />
      )}
    </section>
  );
}

function RegistrationStatus({ dialogueId, registration }: { dialogueId: number; registration: NonNullable<RegistrationPanelProps["registration"]> }) {
  const { t } = useTranslation("dialogues");
  const cancellable = registration.status === "confirmed" || registration.status === "waitlisted" || registration.status === "pending";
  return (
    <>
      <p role="status" className={`alert ${registration.status === "declined" ? "alert--error" : "alert--success"}`}>
        {t(`registration.outcome.${registration.status}`, { mode: t(`modes.${registration.mode}`), position: registration.position ?? 0 })}
      </p>
      {registration.priority && registration.status === "waitlisted" ? <p>{t("registration.priorityNote")}</p> : null}
      {registration.reason ? <p>{t("registration.reason", { reason: registration.reason })}</p> : null}
      {registration.checkInCode ? (
        <p>
          {t("registration.checkInCode")} <strong className="check-in-code">{registration.checkInCode}</strong>
        </p>
      ) : null}
      {registration.onlineUrl ? (
        <p>
          {t("registration.onlineLink")} <a href={registration.onlineUrl}>{registration.onlineUrl}</a>
        </p>
      ) : null}
      {registration.status === "confirmed" ? (
        <p>
          <a href={`/dialogues/${dialogueId}/calendar.ics`} download>
            {t("registration.addToCalendar")}
          </a>
        </p>
      ) : null}
      {registration.attended ? <p>{t("registration.attended")}</p> : null}
      {cancellable && !registration.attended ? (
        <Form method="post">
          <input type="hidden" name="intent" value="cancel" />
          <button type="submit" className="button--secondary">
            {t("registration.cancel")}
          </button>
        </Form>
      ) : null}
    </>
  );
}

function RegistrationForm({ modes, prefill, errors, values, eligibleKinds }: RegistrationPanelProps) {
  const { t } = useTranslation(["dialogues", "common"]);
  const value = (name: string, fallback = "") => values?.[name] ?? fallback;
  return (
    <Form method="post" className="form" noValidate>
      <input type="hidden" name="intent" value="register" />
      <FormAlert errors={errors} />
      <fieldset>
        <legend>{t("registration.mode")}</legend>
        {errors?.mode ? (
          <p id="mode-error" className="field__error">
            {t(`common:${errors.mode.key}`)}
          </p>
        ) : null}
        {modes.map((mode, index) => (
          <p key={mode.mode}>
            <input
              type="radio"
              id={`mode-${mode.mode}`}
              name="mode"
              value={mode.mode}
              defaultChecked={value("mode") ? value("mode") === mode.mode : index === 0}
              aria-describedby={`mode-${mode.mode}-seats`}
            />{" "}
            <label htmlFor={`mode-${mode.mode}`}>{t(`modes.${mode.mode}`)}</label>{" "}
            <span id={`mode-${mode.mode}-seats`} className="meta">
              {mode.seatsLeft > 0 ? t("seats.left", { count: mode.seatsLeft }) : t("seats.full", { count: mode.waiting })}
            </span>
          </p>
        ))}
      </fieldset>
      <TextField name="organizationName" label={t("registration.organization")} defaultValue={value("organizationName", prefill?.organizationName)} error={errors?.organizationName} maxLength={200} autoComplete="organization" />
      <SelectField
        name="organizationKind"
        label={t("registration.organizationKind")}
        hint={t("registration.eligibleKinds", { kinds: eligibleKinds.map((kind) => t(`kinds.${kind}`)).join(", ") })}
        defaultValue={value("organizationKind", prefill?.organizationKind)}
        error={errors?.organizationKind}
        options={ORGANIZATION_KINDS.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
      />
      <TextAreaField name="statement" label={t("registration.statement")} optional rows={4} maxLength={2000} defaultValue={value("statement")} error={errors?.statement} />
      <TextAreaField name="accessibilityNeeds" label={t("registration.accessibilityNeeds")} optional rows={2} maxLength={1000} defaultValue={value("accessibilityNeeds")} error={errors?.accessibilityNeeds} />
      <p>
        <input type="checkbox" id="listPublicly" name="listPublicly" defaultChecked={value("listPublicly") === "on"} />{" "}
        <label htmlFor="listPublicly">{t("registration.listPublicly")}</label>
      </p>
      <p>
        <button type="submit">{t("registration.submit")}</button>
      </p>
    </Form>
  );
}
