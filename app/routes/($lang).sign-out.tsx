import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser, signOut } from "~/modules/auth/session.server";
import { localePath } from "~/utils/i18n";
import { getRequestLocale } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";
import { pageHandle } from "~/utils/route-handle";

export const handle = pageHandle({ i18n: ["auth", "account", "dialogues"] });

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const cookie = await signOut(request);
  return redirect(localePath(getRequestLocale(request), "/"), { headers: { "Set-Cookie": cookie } });
}

/** Reached by GET only when someone follows a link: signing out takes a POST. */
export default function SignOut() {
  const { t } = useTranslation("auth");
  return (
    <>
      <h1>{t("signOut.title")}</h1>
      <Form method="post" className="form">
        <p>{t("signOut.confirm")}</p>
        <p>
          <button type="submit">{t("signOut.submit")}</button>
        </p>
      </Form>
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "auth:signOut.title");
