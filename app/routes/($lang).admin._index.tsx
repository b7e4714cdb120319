import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRole } from "~/modules/auth/session.server";
import { useLocale } from "~/utils/i18n-react";
import { pageMeta } from "~/utils/meta";
import { pageHandle } from "~/utils/route-handle";

export const handle = pageHandle({ i18n: ["admin", "library", "courses", "reviews", "dialogues", "moderation"] });

/** The secretariat's tools: add a link when an area gains an admin page. */
export const ADMIN_TOOLS = [
  { path: "/admin/mail", labelKey: "mail.title" },
  { path: "/admin/learning", labelKey: "courses:admin.title" },
  { path: "/admin/library", labelKey: "library:admin.title" },
  { path: "/admin/reviews/import", labelKey: "reviews:import.title" },
  { path: "/admin/dialogues", labelKey: "dialogues:admin.title" },
  { path: "/admin/hub", labelKey: "moderation:title" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "secretariat");
  return null;
}

export default function AdminHome() {
  const { t } = useTranslation("admin");
  const { to } = useLocale();
  return (
    <>
      <h1>{t("title")}</h1>
      <ul>
        {ADMIN_TOOLS.map((tool) => (
          <li key={tool.path}>
            <Link to={to(tool.path)}>{t(tool.labelKey)}</Link>
          </li>
        ))}
      </ul>
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "admin:title");
