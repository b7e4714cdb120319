import { pageHandle } from "~/utils/route-handle";
import type { MetaFunction } from "@remix-run/node";
import { useTranslation } from "react-i18next";
import { pageMeta } from "~/utils/meta";

// A reading page: plain HTML, links and forms; no JavaScript needed (decision 0033).
export const handle = pageHandle({ i18n: ["about"], hydrate: false });

/** UNODC's own pages, for official information. The review mechanism's addresses are those the background paper cites (footnotes 1, 4, 5). */
const OFFICIAL_SOURCES = [
  { key: "reviewMechanism", href: "https://www.unodc.org/unodc/en/organized-crime/intro/review-mechanism-untoc/home.html" },
  { key: "countryProfiles", href: "https://www.unodc.org/unodc/en/organized-crime/intro/review-mechanism-untoc/country-profile.html" },
  { key: "resources", href: "https://www.unodc.org/unodc/en/organized-crime/intro/review-mechanism-untoc/resources.html" },
  { key: "sherloc", href: "https://sherloc.unodc.org/" },
  { key: "se4u", href: "https://www.unodc.org/unodc/en/ngos/self-paced-course-on-stakeholder-engagement-in-the-implementation-of-the-review-mechanism-of-the-untoc.html" },
  { key: "whatson", href: "https://whatson.unodc.org/whatson/en/" },
] as const;

export default function About() {
  const { t } = useTranslation("about");
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      <section aria-labelledby="official" className="section">
        <h2 id="official">{t("officialTitle")}</h2>
        <p>{t("official1")}</p>
        <p>{t("official2")}</p>
        <p>{t("official3")}</p>
      </section>
      <section aria-labelledby="sources" className="section">
        <h2 id="sources">{t("sourcesTitle")}</h2>
        <p>{t("sourcesLead")}</p>
        <ul>
          {OFFICIAL_SOURCES.map((source) => (
            <li key={source.key}>
              <a href={source.href} rel="noopener noreferrer external" hrefLang="en">
                {t(`links.${source.key}`)}
              </a>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="content" className="section">
        <h2 id="content">{t("contentTitle")}</h2>
        <p>{t("content1")}</p>
        <p>{t("content2")}</p>
      </section>
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "about:title");
