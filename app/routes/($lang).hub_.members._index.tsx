import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { HubFigures } from "~/components/hub/hub-figures";
import { MemberDirectory } from "~/components/hub/member-directory";
import { getSessionUser } from "~/modules/auth/session.server";
import { getDirectoryView } from "~/modules/hub/directory.server";
import { DirectoryQuery } from "~/modules/hub/members.schema.server";
import { getRequestLocale } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";
import { pageHandle } from "~/utils/route-handle";

export const handle = pageHandle({ i18n: ["members"] });

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await getSessionUser(request);
  const query = DirectoryQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return { view: await getDirectoryView(user, query, getRequestLocale(request)), signedIn: Boolean(user) };
}

export default function MembersDirectory() {
  const { t } = useTranslation("members");
  const { view, signedIn } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("directory.title")}</h1>
      <p className="lead">{t("directory.intro")}</p>
      {signedIn ? null : <p className="alert alert--info">{t("directory.visitorNote")}</p>}
      <MemberDirectory view={view} />
      <HubFigures figures={view.figures} />
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "members:directory.title");
