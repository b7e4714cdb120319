import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { ProfileView } from "~/modules/hub/profiles.server";
import type { VisibilityField } from "~/modules/hub/visibility.server";
import { useLocale } from "~/utils/i18n-react";
import { FollowForm } from "./follow-form";

/**
 * A member's profile as the viewer may see it: fields hidden from the viewer are absent (the
 * loader never sent them). The member and the secretariat see who else sees each field.
 */
export function MemberProfile({ profile, signedIn }: { profile: ProfileView; signedIn: boolean }) {
  const { t } = useTranslation(["members", "common"]);
  const { to } = useLocale();
  const field = (name: VisibilityField, label: string, content: ReactNode) => (
    <>
      <dt>
        {label}
        {profile.showVisibility ? <span className="meta"> ({t(`visibility.${profile.visibility[name]}`)})</span> : null}
      </dt>
      <dd>{content}</dd>
    </>
  );
  return (
    <article>
      <h1>{profile.name}</h1>
      {profile.illustrative ? (
        <p className="alert alert--info" role="note">
          {t("illustrative.notice")}
        </p>
      ) : null}
      {profile.suspended ? <p className="alert alert--error">{t("profile.suspended")}</p> : null}
      {profile.isOwner ? (
        <p>
          <Link to={to("/account/profile")}>{t("profile.edit")}</Link>
        </p>
      ) : profile.canFollow ? (
        <FollowForm targetType="member" targetKey={profile.id} following={profile.following} name={profile.name} />
      ) : !signedIn ? (
        <p className="meta">{t("profile.signInToFollow")}</p>
      ) : null}
      <dl className="details">
        {profile.organization
          ? field("organization", t("profile.organization"), `${profile.organization.name} (${t(`common:organizationKinds.${profile.organization.kind}`)})`)
          : null}
        {profile.country ? field("country", t("profile.country"), <Link to={to(`/hub/members?country=${profile.country.code}`)}>{profile.country.name}</Link>) : null}
        {profile.languages?.length ? field("languages", t("profile.languages"), profile.languages.map((language) => language.name).join(", ")) : null}
        {profile.expertise?.length
          ? field(
              "expertise",
              t("profile.expertise"),
              <ul className="tag-list">
                {profile.expertise.map((item) => (
                  <li key={item.key} className="tag">
                    <Link to={to(`/hub/members?expertise=${encodeURIComponent(item.key)}`)}>{item.label}</Link>
                  </li>
                ))}
              </ul>,
            )
          : null}
        {profile.follows?.length
          ? field(
              "follows",
              t("profile.follows"),
              <ul className="tag-list">
                {profile.follows.map((country) => (
                  <li key={country.code} className="tag">
                    <Link to={to(`/countries/${country.code}`)}>{country.name}</Link>
                  </li>
                ))}
              </ul>,
            )
          : null}
        {profile.bio ? field("bio", t("profile.bio"), <p className="plain-text">{profile.bio}</p>) : null}
        {profile.links?.length
          ? field(
              "links",
              t("profile.links"),
              <ul>
                {profile.links.map((link) => (
                  <li key={link.url}>
                    <a href={link.url} rel="nofollow ugc noopener">
                      {link.label}
                    </a>
                  </li>
                ))}
              </ul>,
            )
          : null}
        {profile.certificates?.length
          ? field(
              "certificates",
              t("profile.certificates"),
              <ul>
                {profile.certificates.map((certificate) => (
                  <li key={certificate.code}>
                    <Link to={to(`/certificates/${certificate.code}`)}>{certificate.course}</Link>
                  </li>
                ))}
              </ul>,
            )
          : null}
      </dl>
      <p>
        <Link to={to("/hub/members")}>{t("profile.backToDirectory")}</Link>
      </p>
    </article>
  );
}
