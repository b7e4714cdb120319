import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { MemberProfile } from "~/components/hub/member-profile";
import { getSessionUser } from "~/modules/auth/session.server";
import { memberIdParam } from "~/modules/hub/members.schema.server";
import { getProfileView } from "~/modules/hub/profiles.server";
import { notFound } from "~/utils/http.server";
import { getRequestLocale } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";
import { pageHandle } from "~/utils/route-handle";

export const handle = pageHandle({ i18n: ["members"] });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = memberIdParam(params.id);
  const { user } = await getSessionUser(request);
  const profile = await getProfileView(user, id, getRequestLocale(request));
  // Erased, suspended, private or members-only for a visitor: the same 404, so nothing tells which.
  if (!profile) notFound();
  return { profile, signedIn: Boolean(user) };
}

export default function MemberProfilePage() {
  const { profile, signedIn } = useLoaderData<typeof loader>();
  return <MemberProfile profile={profile} signedIn={signedIn} />;
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageMeta(matches, "members:profile.title", { title: data?.profile.name });
