import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ScrollableTable } from "~/components/ui/scrollable-table";
import { SelectField, TextField } from "~/components/ui/form";
import type { FieldErrors } from "~/utils/forms.server";

type Registrant = {
  id: number;
  name: string;
  email: string;
  organization: string;
  kind: string;
  country: string;
  mode: string;
  status: string;
  priority: boolean;
  statement: string;
  accessibilityNeeds: string;
  checkInCode: string;
  attended: boolean;
  reason: string;
};


/**
 * The registrant list with a checkbox per row for bulk decisions (the checkboxes belong to the
 * bulk form through their `form` attribute, so each row can also hold its own one-click forms).
 */
export function RegistrantTable({ registrants, modes, errors }: { registrants: Registrant[]; modes: string[]; errors?: FieldErrors }) {
  const { t } = useTranslation(["dialogues", "common"]);
  return (
    <>
      <Form method="post" id="bulk" className="form form--wide" noValidate>
        <fieldset>
          <legend>{t("admin.bulk")}</legend>
          {errors?.ids ? <p className="field__error">{t(errors.ids.key)}</p> : null}
          <SelectField
            name="intent"
            label={t("admin.bulkAction")}
            options={[
              { value: "approve", label: t("admin.approve") },
              { value: "decline", label: t("admin.decline") },
              { value: "move", label: t("admin.move") },
              { value: "attended", label: t("admin.markAttended") },
            ]}
          />
          <TextField name="reason" label={t("admin.reason")} hint={t("admin.reasonHint")} optional error={errors?.reason} maxLength={1000} />
          <SelectField name="mode" label={t("admin.moveTo")} optional options={modes.map((mode) => ({ value: mode, label: t(`modes.${mode}`) }))} />
          <p>
            <button type="submit">{t("admin.applyToSelected")}</button>
          </p>
        </fieldset>
      </Form>
      <ScrollableTable label={t("admin.registrants")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("admin.select")}</th>
              <th scope="col">{t("admin.person")}</th>
              <th scope="col">{t("registration.organization")}</th>
              <th scope="col">{t("registration.mode")}</th>
              <th scope="col">{t("admin.status")}</th>
              <th scope="col">{t("admin.needs")}</th>
              <th scope="col">{t("admin.code")}</th>
              <th scope="col">{t("admin.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {registrants.map((row) => (
              <tr key={row.id}>
                <td>
                  <input type="checkbox" form="bulk" name="ids" value={row.id} id={`select-${row.id}`} />
                  <label htmlFor={`select-${row.id}`} className="visually-hidden">
                    {t("admin.selectRow", { name: row.name || row.organization })}
                  </label>
                </td>
                <td>
                  {row.name || t("admin.noAccount")}
                  {row.email ? <div className="meta">{row.email}</div> : null}
                </td>
                <td>
                  {row.organization}
                  <div className="meta">
                    {t(`kinds.${row.kind}`)}
                    {row.country ? ` · ${row.country}` : ""}
                  </div>
                </td>
                <td>{t(`modes.${row.mode}`)}</td>
                <td>
                  {t(`statuses.${row.status}`)}
                  {row.priority ? ` · ${t("admin.priority")}` : ""}
                  {row.attended ? ` · ${t("statuses.attended")}` : ""}
                  {row.reason ? <div className="meta">{row.reason}</div> : null}
                </td>
                <td>
                  {row.statement ? <p>{row.statement}</p> : null}
                  {row.accessibilityNeeds ? <p className="meta">{row.accessibilityNeeds}</p> : null}
                </td>
                <td>{row.checkInCode}</td>
                <td className="actions-cell">
                  {row.status === "pending" ? <RowAction id={row.id} intent="approve" label={t("admin.approve")} who={row.name || row.organization} /> : null}
                  {row.status === "confirmed" && !row.attended ? <RowAction id={row.id} intent="attended" label={t("admin.markAttended")} who={row.name || row.organization} /> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollableTable>
    </>
  );
}

function RowAction({ id, intent, label, who }: { id: number; intent: string; label: string; who: string }) {
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="ids" value={id} />
      <button type="submit" className="button--small">
        {label}
        <span className="visually-hidden">: {who}</span>
      </button>
    </Form>
  );
}
