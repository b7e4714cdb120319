import { pageHandle } from "~/utils/route-handle";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listParties } from "~/modules/reviews/queries.server";
import { GROUPS } from "~/modules/reviews/vocabulary";
import { getRequestLocale } from "~/utils/i18n.server";
import { useLocale } from "~/utils/i18n-react";
import { pageMeta } from "~/utils/meta";

// A reading page: plain HTML, links and forms; no JavaScript needed (decision 0033).
export const handle = pageHandle({ i18n: ["reviews", "library", "dialogues"], hydrate: false });

export async function loader({ request }: LoaderFunctionArgs) {
  return { parties: await listParties(getRequestLocale(request)) };
}

export default function Countries() {
  const { t } = useTranslation("reviews");
  const { to } = useLocale();
  const { parties } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("countries.title")}</h1>
      <p className="lead">{t("countries.intro", { count: parties.length })}</p>
      {GROUPS.map((group) => (
        <section key={group} aria-labelledby={`group-${group}`} className="section">
          <h2 id={`group-${group}`}>{t("groupLabel", { group })}</h2>
          <ul className="tag-list">
            {parties
              .filter((party) => party.group === group)
              .map((party) => (
                <li key={party.code}>
                  <Link className="tag" to={to(`/countries/${party.code}`)}>
                    {party.name}
                  </Link>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "reviews:countries.title");
