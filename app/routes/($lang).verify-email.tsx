import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Notice } from "~/components/ui/form";
import { verifyEmail } from "~/modules/auth/accounts.server";
import { useLocale } from "~/utils/i18n-react";
import { pageMeta } from "~/utils/meta";
import { pageHandle } from "~/utils/route-handle";

export const handle = pageHandle({ i18n: ["auth", "account", "dialogues"] });

// Following the e-mailed link confirms the address; the token is single-use.
export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const verified = token.length >= 10 && token.length <= 100 ? await verifyEmail(token) : false;
  return { verified };
}

export default function VerifyEmail() {
  const { t } = useTranslation(["auth", "common"]);
  const { to } = useLocale();
  const { verified } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("verify.title")}</h1>
      {verified ? <Notice>{t("verify.success")}</Notice> : <div role="alert" className="alert alert--error">{t("verify.failed")}</div>}
      <p>
        <Link to={to("/account")}>{t("common:nav.account")}</Link>
      </p>
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "auth:verify.title");
