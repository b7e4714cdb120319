import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getSessionUser } from "~/modules/auth/session.server";
import { pageMeta } from "~/utils/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await getSessionUser(request);
  return { includesContacts: user?.role === "secretariat" };
}

export default function ReviewsExport() {
  const { t } = useTranslation("reviews");
  const { includesContacts } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("export.title")}</h1>
      <p className="lead">{t("export.intro")}</p>
      <ul>
        <li>
          <a href="/reviews/export/parties.csv" download>
            parties.csv
          </a>{" "}
          — {t("export.parties")}
        </li>
        <li>
          <a href="/reviews/export/reviews.csv" download>
            reviews.csv
          </a>{" "}
          — {t("export.reviews")}
        </li>
        <li>
          <a href="/reviews/export/focal_points.csv" download>
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
