import { Form, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useLocale } from "~/utils/i18n-react";

type Props = {
  targetType: "member" | "tag" | "dialogue" | "country";
  targetKey: string;
  following: boolean;
  /** What is followed, by name: it completes the button's accessible name ("Follow Kenya"). */
  name: string;
  /** Where to come back to; the current page by default. */
  redirectTo?: string;
};

/**
 * A follow or unfollow button for anything followable: a plain POST to /hub/follow that comes
 * back to the page, so it works without JavaScript.
 */
export function FollowForm({ targetType, targetKey, following, name, redirectTo }: Props) {
  const { t } = useTranslation("common");
  const { to } = useLocale();
  const location = useLocation();
  return (
    <Form method="post" action={to("/hub/follow")} className="inline-form">
      <input type="hidden" name="targetType" value={targetType} />
      <input type="hidden" name="targetKey" value={targetKey} />
      <input type="hidden" name="follow" value={following ? "0" : "1"} />
      <input type="hidden" name="redirectTo" value={redirectTo ?? `${location.pathname}${location.search}`} />
      {/* The visible words start the accessible name (WCAG 2.5.3). */}
      <button type="submit" className={following ? "button--secondary" : undefined} aria-label={t(following ? "follow.unfollowNamed" : "follow.followNamed", { name })}>
        {t(following ? "follow.unfollow" : "follow.follow")}
      </button>
    </Form>
  );
}
