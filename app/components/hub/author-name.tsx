import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { AuthorRef } from "~/modules/hub/authors.server";
import { useLocale } from "~/utils/i18n-react";

/** An author as the hub shows one: a link to the member's profile, or "deleted member". */
export function AuthorName({ author }: { author: AuthorRef }) {
  const { t } = useTranslation("hub");
  const { to } = useLocale();
  if (author.deleted || !author.id) return <span className="hub-author hub-author--deleted">{t("deletedMember")}</span>;
  return (
    <Link className="hub-author" to={to(`/hub/members/${author.id}`)}>
      {author.name}
    </Link>
  );
}
