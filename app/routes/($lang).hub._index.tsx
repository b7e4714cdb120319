import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FeedFilters, FeedList } from "~/components/hub/feed";
import { HubFigures } from "~/components/hub/hub-figures";
import { Notice } from "~/components/ui/form";
import { getSessionUser } from "~/modules/auth/session.server";
import { FeedQuery } from "~/modules/hub/posts.schema.server";
import { getFeedView } from "~/modules/hub/queries.server";
import { signInPath } from "~/utils/i18n";
import { getRequestLocale } from "~/utils/i18n.server";
import { useLocale } from "~/utils/i18n-react";
import { pageMeta } from "~/utils/meta";
import { pageHandle } from "~/utils/route-handle";

export const handle = pageHandle({ i18n: ["hub", "members"] });

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = getRequestLocale(request);
  const url = new URL(request.url);
  const query = FeedQuery.parse(Object.fromEntries(url.searchParams));
  const { user } = await getSessionUser(request);
  const view = await getFeedView(query, locale, user);
  return { view, signInHref: signInPath(locale, url.pathname), notice: url.searchParams.get("done") === "deleted" ? "deleted" : null };
}

export default function HubFeedPage() {
  const { t } = useTranslation("hub");
  const { to } = useLocale();
  const { view, signInHref, notice } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      {notice ? <Notice>{t("notices.deleted")}</Notice> : null}
      {view.posts.some((post) => post.illustrative) ? (
        <p className="alert alert--info" role="note">
          {t("illustrativeNotice")}
        </p>
      ) : null}
      <p>{view.signedIn ? <Link to={to("/hub/new")}>{t("newPost")}</Link> : <Link to={signInHref}>{t("signInToPost")}</Link>}</p>
      <div className="two-col">
        <div>
          <FeedList view={view} />
        </div>
        <FeedFilters view={view} />
      </div>
      <HubFigures figures={view.figures} />
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "hub:title");
