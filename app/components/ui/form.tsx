import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";
import { useTranslation } from "react-i18next";
import type { FieldError, FieldErrors } from "~/utils/forms.server";

function useErrorText() {
  const { t } = useTranslation("common");
  return (error: FieldError | undefined) => (error ? t(error.key, error.values) : undefined);
}

type FieldProps = {
  name: string;
  label: string;
  hint?: string;
  error?: FieldError;
  optional?: boolean;
};

/**
 * The id of a field's control. Not the field's name alone: a page's other ids (a section heading
 * `<h2 id="password">`) would clash with it and take its label. React's useId is unique in the
 * page and the same on the server and in the browser.
 */
function useFieldId(name: string) {
  return `${name}-${useId().replace(/:/g, "")}`;
}

function FieldFrame({ id, label, hint, error, optional, children }: Omit<FieldProps, "name"> & { id: string; children: ReactNode }) {
  const { t } = useTranslation("common");
  const errorText = useErrorText()(error);
  return (
    <div className={`field${error ? " field--invalid" : ""}`}>
      <label htmlFor={id}>
        {label}
        {optional ? <span className="field__optional"> ({t("form.optional")})</span> : null}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      {errorText ? (
        <p id={`${id}-error`} className="field__error">
          {errorText}
        </p>
      ) : null}
      {children}
    </div>
  );
}

function describedBy(id: string, hint?: string, error?: FieldError) {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

export function TextField({ name, label, hint, error, optional, ...input }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const id = useFieldId(name);
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} optional={optional}>
      <input
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        required={!optional}
        {...input}
      />
    </FieldFrame>
  );
}

export function TextAreaField({ name, label, hint, error, optional, ...textarea }: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useFieldId(name);
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} optional={optional}>
      <textarea
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        required={!optional}
        {...textarea}
      />
    </FieldFrame>
  );
}

export function SelectField({
  name,
  label,
  hint,
  error,
  optional,
  options,
  ...select
}: FieldProps & SelectHTMLAttributes<HTMLSelectElement> & { options: Array<{ value: string; label: string }> }) {
  const id = useFieldId(name);
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} optional={optional}>
      <select id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} required={!optional} {...select}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/**
 * A choice in a GET filter form: a label, "any" (the empty value) first, then the options. No
 * required or error state, unlike SelectField: a filter cannot be filled in wrong.
 */
export function FilterSelect({ id, name, label, any, options, value }: { id: string; name: string; label: string; any: string; options: Array<{ value: string; label: string; lang?: string }>; value?: string }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? ""}>
        <option value="">{any}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value} lang={option.lang}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A summary at the top of a failed form: a live region that names what to fix. */
export function FormAlert({ errors, message }: { errors?: FieldErrors; message?: string }) {
  const { t } = useTranslation("common");
  if (!message && (!errors || Object.keys(errors).length === 0)) return null;
  return (
    <div role="alert" className="alert alert--error">
      {message ?? t("errors.formHasErrors")}
    </div>
  );
}

export function Notice({ children }: { children: ReactNode }) {
  return (
    <div role="status" className="alert alert--success">
      {children}
    </div>
  );
}
