import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DataNotice } from "~/components/data-notice";
import { getSessionUser } from "~/modules/auth/session.server";
import { getReviewsNotice } from "~/modules/reviews/queries.server";
import { getRequestLocale } from "~/utils/i18n.server";
import { useLocale } from "~/utils/i18n-react";
import { pageMeta } from "~/utils/meta";
import { pageHandle } from "~/utils/route-handle";

export const handle = pageHandle({ i18n: ["reviews", "library", "dialogues"] });

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await getSessionUser(request);
  return { includesContacts: user?.role === "secretariat", notice: await getReviewsNotice(getRequestLocale(request)) };
}

export default function ReviewsExport() {
  const { t } = useTranslation("reviews");
  const { includesContacts, notice } = useLoaderData<typeof loader>();
  const { locale } = useLocale();
  return (
    <>
      <h1>{t("export.title")}</h1>
      <p className="lead">{t("export.intro")}</p>
      <DataNotice notice={notice} />
      <ul>
        <li>
          <a href={`/reviews/export/parties.csv?lang=${locale}`} download>
            parties.csv
          </a>{" "}
          — {t("export.parties")}
        </li>
        <li>
          <a href={`/reviews/export/reviews.csv?lang=${locale}`} download>
            reviews.csv
          </a>{" "}
          — {t("export.reviews")}
        </li>
        <li>
          <a href={`/reviews/export/focal_points.csv?lang=${locale}`} download>
            focal_points.csv
          </a>{" "}
          — {t("export.focalPoints")}
        </li>
      </ul>
      <p>{includesContacts ? t("export.withContacts") : t("export.withoutContacts")}</p>
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "reviews:export.title");
