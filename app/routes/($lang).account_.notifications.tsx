import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { NotificationList } from "~/components/hub/notification-list";
import { requireUser } from "~/modules/auth/session.server";
import { NotificationsForm, NotificationsQuery } from "~/modules/hub/members.schema.server";
import { getNotificationsView, markNotificationsRead } from "~/modules/hub/notifications.server";
import { parseForm } from "~/utils/forms.server";
import { localePath } from "~/utils/i18n";
import { getRequestLocale } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";
import { pageHandle } from "~/utils/route-handle";

export const handle = pageHandle({ i18n: ["notifications"] });

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { page } = NotificationsQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return { view: await getNotificationsView(user.id, getRequestLocale(request), page) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = parseForm(await request.formData(), NotificationsForm);
  if (!form.ok) throw new Response("Bad request", { status: 400 });
  await markNotificationsRead(user.id, form.data.intent === "read-all" ? "all" : { id: form.data.id });
  const page = new URL(request.url).searchParams.get("page");
  return redirect(`${localePath(getRequestLocale(request), "/account/notifications")}${page && /^[0-9]{1,5}$/.test(page) ? `?page=${page}` : ""}`);
}

export default function Notifications() {
  const { t } = useTranslation("notifications");
  const { view } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("title")}</h1>
      <NotificationList view={view} />
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "notifications:title");
