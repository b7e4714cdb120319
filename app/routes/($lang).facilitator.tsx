import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRole } from "~/modules/auth/session.server";
import { getFacilitatorView } from "~/modules/dialogues/observation-views.server";
import { getRequestLocale } from "~/utils/i18n.server";
import { useLocale } from "~/utils/i18n-react";
import { pageMeta } from "~/utils/meta";
import { pageHandle } from "~/utils/route-handle";

export const handle = pageHandle({ i18n: ["dialogues", "observations"] });

/** The facilitator's own page: the dialogues they facilitate (the secretariat sees all). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "facilitator");
  return getFacilitatorView(user, getRequestLocale(request));
}

export default function FacilitatorPage() {
  const { t } = useTranslation("observations");
  const { to } = useLocale();
  const { dialogues, allDialogues } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("facilitator.title")}</h1>
      <p>{t(allDialogues ? "facilitator.introAll" : "facilitator.intro")}</p>
      {dialogues.length === 0 ? (
        <p>{t("facilitator.none")}</p>
      ) : (
        <ul className="cards">
          {dialogues.map((dialogue) => (
            <li key={dialogue.id} className="card">
              <h2 className="h-small">
                <Link to={to(`/dialogues/${dialogue.id}`)}>{dialogue.title}</Link>
              </h2>
              <p className="meta">
                {dialogue.when} · {t(`states.${dialogue.state}`)}
              </p>
              <p className="meta">{t("editor.counts", { published: dialogue.published, drafts: dialogue.drafts })}</p>
              <p>
                <Link className="button" to={to(`/dialogues/${dialogue.id}/observations`)}>
                  {t("facilitator.observations")}
                  <span className="visually-hidden">: {dialogue.title}</span>
                </Link>{" "}
                <Link to={to(`/dialogues/${dialogue.id}/summary`)}>
                  {t("facilitator.summary")}
                  <span className="visually-hidden">: {dialogue.title}</span>
                </Link>
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "observations:facilitator.title");
