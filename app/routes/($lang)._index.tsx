import { pageHandle } from "~/utils/route-handle";
import type { MetaFunction } from "@remix-run/node";
import { Link, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { RootData } from "~/root";
import { useLocale } from "~/utils/i18n-react";
import { pageMeta } from "~/utils/meta";
import { numberFormat } from "~/utils/format";

// A reading page: plain HTML, links and forms; no JavaScript needed (decision 0033).
export const handle = pageHandle({ hydrate: false });

// Each capability with the area it leads to.
const CAPABILITIES = [
  { key: "learning", path: "/courses" },
  { key: "library", path: "/library" },
  { key: "reviews", path: "/reviews" },
  { key: "dialogues", path: "/dialogues" },
  { key: "hub", path: "/hub" },
] as const;

// The engagement programme's figures, from the secretariat's 2024 background paper.
const FIGURES = [
  { value: 3236, key: "officials" },
  { value: 2500, key: "stakeholders", plus: true },
  { value: 533, key: "hubMembers" },
  { value: 328, key: "dialogue2023" },
] as const;

export default function Home() {
  const { t, i18n } = useTranslation();
  const { to } = useLocale();
  const user = useRouteLoaderData<RootData>("root")?.user;
  const number = numberFormat(i18n.language);
  return (
    <>
      <section className="hero">
        <h1>{t("home.title")}</h1>
        <p className="lead">{t("home.lead")}</p>
        {user ? null : (
          <p className="actions">
            <Link className="button" to={to("/sign-up")}>
              {t("home.getStarted")}
            </Link>
            <Link className="button button--secondary" to={to("/sign-in")}>
              {t("home.learnMore")}
            </Link>
          </p>
        )}
      </section>
      <section className="section" aria-labelledby="capabilities">
        <h2 id="capabilities">{t("home.capabilitiesTitle")}</h2>
        <ul className="cards">
          {CAPABILITIES.map(({ key, path }) => (
            <li key={key} className="card">
              <h3>
                <Link to={to(path)}>{t(`home.${key}.title`)}</Link>
              </h3>
              <p>{t(`home.${key}.body`)}</p>
            </li>
          ))}
        </ul>
      </section>
      <section className="section" aria-labelledby="figures">
        <h2 id="figures">{t("home.figuresTitle")}</h2>
        <ul className="figures">
          {FIGURES.map((figure) => (
            <li key={figure.key}>
              <strong>
                {number.format(figure.value)}
                {"plus" in figure ? "+" : ""}
              </strong>
              {t(`home.figures.${figure.key}`)}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "home.title", { descriptionKey: "common:home.lead" });
