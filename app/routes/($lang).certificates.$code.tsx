import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getCertificateForVerification } from "~/modules/courses/certificates.server";
import { getSessionUser } from "~/modules/auth/session.server";
import { notFound } from "~/utils/http.server";
import { getRequestLocale } from "~/utils/i18n.server";
import { useLocale } from "~/utils/i18n-react";
import { pageMeta } from "~/utils/meta";
import { formatLongDay } from "~/utils/format";
import { pageHandle } from "~/utils/route-handle";

export const handle = pageHandle({ i18n: ["courses"] });

/** Public: anyone holding a code can check it. Shows the holder's display name, the course and the date, nothing else. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = getRequestLocale(request);
  const { user } = await getSessionUser(request);
  const found = await getCertificateForVerification(params.code, locale, user?.id ?? null);
  if (!found) notFound();
  const { viewerIsHolder, ...certificate } = found;
  return { certificate, viewerIsHolder };
}

export default function CertificateVerification() {
  const { t } = useTranslation("courses");
  const { to, locale } = useLocale();
  const { certificate, viewerIsHolder } = useLoaderData<typeof loader>();
  const issued = formatLongDay(certificate.issuedAt, locale);
  return (
    <>
      <h1>{t("certificate.title")}</h1>
      <p role="status" className="alert alert--success">
        {t("certificate.valid")}
      </p>
      <dl className="details">
        <dt>{t("certificate.holder")}</dt>
        <dd dir="auto">{certificate.holderName}</dd>
        <dt>{t("certificate.course")}</dt>
        <dd lang={certificate.courseTitleLocale !== locale ? certificate.courseTitleLocale : undefined}>
          <Link to={to(`/courses/${certificate.courseSlug}`)}>{certificate.courseTitle}</Link>
        </dd>
        <dt>{t("certificate.issued")}</dt>
        <dd>
          <time dateTime={certificate.issuedAt}>{issued}</time>
        </dd>
        <dt>{t("certificate.code")}</dt>
        <dd>
          <code>{certificate.code}</code>
        </dd>
      </dl>
      <p className="meta">{t("certificate.privacy")}</p>
      {viewerIsHolder ? (
        <p>
          <a href={to(`/certificates/${certificate.code}/pdf`)} download>
            {t("certificate.download")}
          </a>
        </p>
      ) : null}
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => [...pageMeta(matches, "courses:certificate.title"), { name: "robots", content: "noindex" }];
