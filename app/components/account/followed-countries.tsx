import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormAlert, Notice } from "~/components/ui/form";
import { useLocale } from "~/utils/i18n-react";

type Props = {
  countries: Array<{ code: string; name: string }>;
  /** The country just unfollowed, by name, to confirm it. */
  unfollowed: string | null;
  /** A refused unfollow (a forged country code). */
  failed: boolean;
};

/** The countries a member follows, each with a plain POST form to stop following it. */
export function FollowedCountries({ countries, unfollowed, failed }: Props) {
  const { t } = useTranslation(["account", "common"]);
  const { to } = useLocale();
  return (
    <section className="section" aria-labelledby="following">
      <h2 id="following">{t("following.title")}</h2>
      {unfollowed ? <Notice>{t("following.unfollowed", { country: unfollowed })}</Notice> : null}
      {failed ? <FormAlert message={t("common:errors.badRequestBody")} /> : null}
      {countries.length === 0 ? (
        <p>
          {t("following.none")} <Link to={to("/countries")}>{t("following.browse")}</Link>
        </p>
      ) : (
        <>
          <p>{t("following.intro")}</p>
          <ul className="follow-list">
            {countries.map((country) => (
              <li key={country.code}>
                <Link to={to(`/countries/${country.code}`)}>{country.name}</Link>
                <Form method="post">
                  <input type="hidden" name="intent" value="unfollow" />
                  <input type="hidden" name="country" value={country.code} />
                  {/* The visible words start the accessible name (WCAG 2.5.3); the name says which country. */}
                  <button type="submit" aria-label={t("following.unfollowCountry", { country: country.name })}>
                    {t("following.unfollow")}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
