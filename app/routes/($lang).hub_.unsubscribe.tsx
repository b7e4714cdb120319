import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { checkUnsubscribeToken, unsubscribeWithToken } from "~/modules/hub/unsubscribe.server";
import { formDataToObject } from "~/utils/forms.server";
import { pageMeta } from "~/utils/meta";
import { pageHandle } from "~/utils/route-handle";

export const handle = pageHandle({ i18n: ["notifications"] });

/**
 * One-click unsubscribe from digest e-mails, without signing in: the signed token is the
 * permission. GET shows a confirm button (link checkers and mail scanners follow GET links, so
 * GET changes nothing); POST stops the digests. Mail clients POST here on their own (RFC 8058),
 * without an Origin header, so scripts/server.ts exempts this path from the Origin check.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token");
  const result = await checkUnsubscribeToken(token);
  if (!result.ok) return data({ state: result.reason, token: null }, { status: 400 });
  return { state: "confirm" as const, token: token! };
}

export async function action({ request }: ActionFunctionArgs) {
  const fields = formDataToObject(await request.formData());
  const fromForm = typeof fields.token === "string" ? fields.token : null;
  const state = await unsubscribeWithToken(new URL(request.url).searchParams.get("token") ?? fromForm);
  if (state !== "done") return data({ state }, { status: 400 });
  return { state };
}

export default function Unsubscribe() {
  const { t } = useTranslation("notifications");
  const loaded = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  const state = acted?.state ?? loaded.state;
  const { pathname } = useLocation();
  return (
    <>
      <h1>{t("unsubscribe.title")}</h1>
      {state === "confirm" ? (
        // Posted to the address with its token, so the page shown after the post still has it.
        <Form method="post" action={`${pathname}?token=${encodeURIComponent(loaded.token ?? "")}`}>
          <p>{t("unsubscribe.confirmText")}</p>
          <input type="hidden" name="token" value={loaded.token ?? ""} />
          <button type="submit">{t("unsubscribe.confirm")}</button>
        </Form>
      ) : state === "done" ? (
        <p role="status" className="alert alert--success">
          {t("unsubscribe.done")}
        </p>
      ) : (
        <p role="alert" className="alert alert--error">
          {t(state === "expired" ? "unsubscribe.expired" : "unsubscribe.invalid")}
        </p>
      )}
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "notifications:unsubscribe.title");
