import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RegistrantTable } from "~/components/dialogues/registrant-table";
import { FormAlert, Notice, SelectField, TextField } from "~/components/ui/form";
import { requireRole } from "~/modules/auth/session.server";
import { submitRegistrantAction } from "~/modules/dialogues/admin-actions.server";
import { getRegistrantsView } from "~/modules/dialogues/admin.server";
import { dialogueIdParam, REGISTRANT_FILTER_STATUSES, RegistrantQuery } from "~/modules/dialogues/dialogues.schema.server";
import { ORGANIZATION_KINDS } from "~/modules/dialogues/vocabulary";
import { notFound, respond } from "~/utils/http.server";
import { getRequestLocale } from "~/utils/i18n.server";
import { useLocale } from "~/utils/i18n-react";
import { pageMeta } from "~/utils/meta";
import { pageHandle } from "~/utils/route-handle";

export const handle = pageHandle({ i18n: ["admin", "dialogues", "observations"] });

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "secretariat");
  const url = new URL(request.url);
  const view = await getRegistrantsView(dialogueIdParam(params.id), RegistrantQuery.parse(Object.fromEntries(url.searchParams)), getRequestLocale(request));
  if (!view) notFound();
  return { view, changed: url.searchParams.get("changed"), checkedIn: url.searchParams.get("checkedIn"), again: url.searchParams.has("again"), statuses: REGISTRANT_FILTER_STATUSES };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "secretariat");
  return respond(await submitRegistrantAction(request, dialogueIdParam(params.id), user.id));
}

export default function Registrants() {
  const { t } = useTranslation(["dialogues", "common"]);
  const { to } = useLocale();
  const { view, changed, checkedIn, again, statuses } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const search = new URLSearchParams(Object.entries(view.query).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
  return (
    <>
      <h1>{t("admin.registrantsOf", { title: view.title })}</h1>
      <p>
        <Link to={to(`/admin/dialogues/${view.id}`)}>{t("admin.backToDialogue")}</Link> · <a href={`${to(`/admin/dialogues/${view.id}/registrations.csv`)}?${search}`}>{t("admin.exportCsv")}</a>
      </p>
      {changed !== null ? <Notice>{t("admin.changed", { count: Number(changed) })}</Notice> : null}
      <section aria-labelledby="check-in">
        <h2 id="check-in">{t("admin.checkIn")}</h2>
        {checkedIn ? <Notice>{t(again ? "admin.checkedInAgain" : "admin.checkedIn", { organization: checkedIn })}</Notice> : null}
        <Form method="post" className="form" noValidate>
          <input type="hidden" name="intent" value="check-in" />
          <TextField name="code" label={t("admin.checkInCode")} autoComplete="off" defaultValue={result?.intent === "check-in" ? result.values?.code : ""} error={result?.intent === "check-in" ? result.errors?.code : undefined} maxLength={9} />
          <p>
            <button type="submit">{t("admin.checkInButton")}</button>
          </p>
        </Form>
      </section>
      <section aria-labelledby="registrants">
        <h2 id="registrants">{t("admin.registrants")}</h2>
        <Form method="get" className="filters" aria-label={t("calendar.filters")}>
          <SelectField name="status" label={t("admin.status")} optional defaultValue={view.query.status ?? ""} options={[{ value: "", label: t("calendar.any") }, ...statuses.map((status) => ({ value: status, label: t(`statuses.${status}`) }))]} />
          <SelectField name="mode" label={t("registration.mode")} optional defaultValue={view.query.mode ?? ""} options={[{ value: "", label: t("calendar.any") }, ...view.modes.map((mode) => ({ value: mode, label: t(`modes.${mode}`) }))]} />
          <SelectField
            name="kind"
            label={t("registration.organizationKind")}
            optional
            defaultValue={view.query.kind ?? ""}
            options={[{ value: "", label: t("calendar.any") }, ...ORGANIZATION_KINDS.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))]}
          />
          <TextField name="q" label={t("admin.searchRegistrants")} optional defaultValue={view.query.q ?? ""} maxLength={100} />
          <p>
            <button type="submit">{t("calendar.apply")}</button>
          </p>
        </Form>
        {result && result.intent !== "check-in" ? <FormAlert errors={result.errors} message={result.formError ? t(result.formError.key) : undefined} /> : null}
        <p role="status">{t("admin.registrantCount", { count: view.registrants.length })}</p>
        <RegistrantTable registrants={view.registrants} modes={view.modes} errors={result && result.intent !== "check-in" ? result.errors : undefined} />
      </section>
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "dialogues:admin.registrants");
