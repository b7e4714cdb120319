import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DialogueList, IllustrativeNotice } from "~/components/dialogues/dialogue-list";
import { SelectField } from "~/components/ui/form";
import { CalendarQuery } from "~/modules/dialogues/dialogues.schema.server";
import { getCalendarView } from "~/modules/dialogues/queries.server";
import { DIALOGUE_FORMATS } from "~/modules/dialogues/vocabulary";
import { getRequestLocale } from "~/utils/i18n.server";
import { useLocale } from "~/utils/i18n-react";
import { pageMeta } from "~/utils/meta";
import { pageHandle } from "~/utils/route-handle";

export const handle = pageHandle({ i18n: ["dialogues", "observations"] });

export async function loader({ request }: LoaderFunctionArgs) {
  const query = CalendarQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return getCalendarView(getRequestLocale(request), query);
}

export default function Calendar() {
  const { t } = useTranslation("dialogues");
  const { to, locale } = useLocale();
  const { upcoming, past, sessionOptions, years, query, illustrative } = useLoaderData<typeof loader>();
  const filtered = Boolean(query.session || query.format || query.year);
  return (
    <>
      <h1>{t("calendar.title")}</h1>
      <p className="lead">{t("calendar.intro")}</p>
      {illustrative ? <IllustrativeNotice /> : null}
      <Form method="get" className="filters" aria-label={t("calendar.filters")}>
        <SelectField name="session" label={t("calendar.session")} optional defaultValue={query.session ?? ""} options={[{ value: "", label: t("calendar.any") }, ...sessionOptions]} />
        <SelectField
          name="format"
          label={t("calendar.format")}
          optional
          defaultValue={query.format ?? ""}
          options={[{ value: "", label: t("calendar.any") }, ...DIALOGUE_FORMATS.map((format) => ({ value: format, label: t(`formats.${format}`) }))]}
        />
        <SelectField name="year" label={t("calendar.year")} optional defaultValue={query.year ? String(query.year) : ""} options={[{ value: "", label: t("calendar.any") }, ...years.map((year) => ({ value: String(year), label: String(year) }))]} />
        <p>
          <button type="submit">{t("calendar.apply")}</button>
        </p>
        {filtered ? (
          <p>
            <Link to={to("/dialogues")}>{t("calendar.clear")}</Link>
          </p>
        ) : null}
      </Form>
      <section aria-labelledby="upcoming">
        <h2 id="upcoming">{t("calendar.upcoming")}</h2>
        {upcoming.length ? <DialogueList dialogues={upcoming} /> : <p>{t("calendar.noneUpcoming")}</p>}
      </section>
      <section aria-labelledby="past">
        <h2 id="past">{t("calendar.past")}</h2>
        {past.length ? <DialogueList dialogues={past} /> : <p>{t("calendar.nonePast")}</p>}
      </section>
      <p className="meta">
        <a href={`/dialogues.ics?lang=${locale}`}>{t("calendar.feed")}</a> · <a href="/dialogues.json">{t("calendar.openData")}</a> · <Link to={to("/observations")}>{t("calendar.observations")}</Link>
      </p>
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "dialogues:calendar.title", { descriptionKey: "dialogues:calendar.intro" });
