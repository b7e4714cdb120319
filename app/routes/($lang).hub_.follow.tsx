import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { safeRedirect } from "~/modules/auth/auth.schema.server";
import { requireUser } from "~/modules/auth/session.server";
import { setFollow } from "~/modules/hub/follows.server";
import { FollowForm } from "~/modules/hub/members.schema.server";
import { parseForm } from "~/utils/forms.server";
import { notFound } from "~/utils/http.server";
import { localePath } from "~/utils/i18n";
import { getRequestLocale } from "~/utils/i18n.server";

/** Follows are changed by the forms of other pages (FollowForm); the address itself shows the directory. */
export function loader({ request }: LoaderFunctionArgs) {
  return redirect(localePath(getRequestLocale(request), "/hub/members"));
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = parseForm(await request.formData(), FollowForm);
  if (!form.ok) throw new Response("Bad request", { status: 400 });
  if ((await setFollow(user, form.data)) === "notFound") notFound();
  const fallback = localePath(getRequestLocale(request), "/hub/members");
  return redirect(safeRedirect(form.data.redirectTo, fallback));
}
