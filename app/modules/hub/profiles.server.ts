/**
 * A member's hub profile: the page others see (each field only when its visibility lets the
 * viewer see it), and the editor the member fills in. The member's name in the hub is the
 * pseudonym when set, else the account's display name.
 */
import { sql } from "kysely";
import type { ProfileLink, Visibility } from "../../../db/schema/hub";
import { listCountries } from "~/modules/countries/countries.server";
import { listCourses } from "~/modules/courses/lessons.server";
import { getArticleTitles, getTreatyLabels } from "~/modules/treaty/treaty.server";
import { getDb, type Executor } from "~/utils/db.server";
import type { Locale } from "~/utils/i18n";
import { languageName } from "~/utils/format";
import { LINK_SLOTS, type HubProfileForm } from "./members.schema.server";
import { canSee, DEFAULT_VISIBILITY, type Viewer, type VisibilityField } from "./visibility.server";

/** The hub profile of a member, defaults filled in when there is no row yet. */
async function loadProfile(userId: string, executor: Executor = getDb()) {
  const row = await executor
    .selectFrom("app_user as u")
    .leftJoin("hub_profile as p", "p.user_id", "u.id")
    .select([
      "u.id",
      "u.display_name",
      "u.organization_name",
      "u.organization_kind",
      "u.country_code",
      "u.deleted_at",
      "u.suspended_at",
      "p.user_id as profile_user_id",
      "p.pseudonym",
      "p.bio",
      "p.languages",
      "p.expertise_instruments",
      "p.expertise_articles",
      "p.expertise_clusters",
      "p.links",
      "p.profile_visibility",
      "p.organization_visibility",
      "p.country_visibility",
      "p.languages_visibility",
      "p.expertise_visibility",
      "p.follows_visibility",
      "p.bio_visibility",
      "p.links_visibility",
      "p.certificates_visibility",
      "p.digest_frequency",
      "p.illustrative",
    ])
    .where("u.id", "=", userId)
    .executeTakeFirst();
  if (!row) return null;
  const visibility = Object.fromEntries(
    (Object.keys(DEFAULT_VISIBILITY) as VisibilityField[]).map((field) => [field, (row[`${field}_visibility`] ?? DEFAULT_VISIBILITY[field]) as Visibility]),
  ) as Record<VisibilityField, Visibility>;
  return {
    ...row,
    bio: row.bio ?? "",
    languages: row.languages ?? [],
    instruments: row.expertise_instruments ?? [],
    articles: row.expertise_articles ?? [],
    clusters: row.expertise_clusters ?? [],
    links: (row.links ?? []) as ProfileLink[],
    digestFrequency: row.digest_frequency ?? "monthly",
    illustrative: row.illustrative ?? false,
    visibility,
  };
}

/**
 * What `viewer` sees of a member's profile; null (a 404) when the member is erased, suspended
 * (except for the secretariat) or the profile is not visible to the viewer.
 */
export async function getProfileView(viewer: Viewer, userId: string, locale: Locale) {
  const profile = await loadProfile(userId);
  if (!profile || profile.deleted_at) return null;
  const isOwner = viewer?.id === userId;
  const isSecretariat = viewer?.role === "secretariat";
  if (profile.suspended_at && !isSecretariat && !isOwner) return null;
  const sees = (field: VisibilityField) => canSee(viewer, userId, profile.visibility[field]);
  if (!sees("profile")) return null;

  const [labels, articleTitles, follows, certificates, courses, following] = await Promise.all([
    getTreatyLabels(locale),
    sees("expertise") ? getArticleTitles(profile.articles, locale) : new Map<string, string>(),
    sees("follows") ? getDb().selectFrom("country_follow").select("party_code").where("user_id", "=", userId).execute() : [],
    sees("certificates") ? getDb().selectFrom("certificate").select(["code", "course_slug", "issued_at"]).where("user_id", "=", userId).orderBy("issued_at").execute() : [],
    sees("certificates") ? listCourses(locale) : [],
    viewer && !isOwner
      ? getDb().selectFrom("hub_follow").select("user_id").where("user_id", "=", viewer.id).where("target_type", "=", "member").where("target_key", "=", userId).executeTakeFirst()
      : undefined,
  ]);
  const countryName = new Map(listCountries(locale).map((country) => [country.code, country.name]));
  const collator = new Intl.Collator(locale);
  const title = <T extends { code: string; title: string }>(list: T[], code: string) => list.find((item) => item.code === code)?.title ?? code;
  return {
    id: userId,
    name: profile.pseudonym ?? profile.display_name,
    isOwner,
    /** The owner and the secretariat see every field, with who else sees it. */
    showVisibility: isOwner || isSecretariat,
    visibility: profile.visibility,
    suspended: Boolean(profile.suspended_at),
    illustrative: profile.illustrative,
    organization: sees("organization") ? { name: profile.organization_name, kind: profile.organization_kind } : null,
    country: sees("country") && profile.country_code ? { code: profile.country_code, name: countryName.get(profile.country_code) ?? profile.country_code } : null,
    languages: sees("languages") ? profile.languages.map((code) => ({ code, name: languageName(code, locale) })) : null,
    expertise: sees("expertise")
      ? [
          ...profile.instruments.map((code) => ({ key: `instrument:${code}`, label: title(labels.instruments, code) })),
          ...profile.clusters.map((code) => ({ key: `cluster:${code}`, label: title(labels.clusters, code) })),
          ...profile.articles.map((ref) => ({ key: `article:${ref}`, label: articleTitles.get(ref) ? `${ref.replace(":", " ")} — ${articleTitles.get(ref)}` : ref })),
        ]
      : null,
    follows: sees("follows")
      ? follows.map((row) => ({ code: row.party_code, name: countryName.get(row.party_code) ?? row.party_code })).sort((a, b) => collator.compare(a.name, b.name))
      : null,
    bio: sees("bio") ? profile.bio : null,
    links: sees("links") ? profile.links.filter((link) => link.url.startsWith("https://")) : null,
    certificates: sees("certificates")
      ? certificates.map((row) => ({ code: row.code, course: courses.find((course) => course.slug === row.course_slug)?.title ?? row.course_slug }))
      : null,
    following: Boolean(following),
    canFollow: Boolean(viewer) && !isOwner,
  };
}

export type ProfileView = NonNullable<Awaited<ReturnType<typeof getProfileView>>>;

/** The editor's current values (defaults when the member never saved it). */
async function getProfileEditorValues(userId: string) {
  const profile = await loadProfile(userId);
  if (!profile) throw new Error(`No account ${userId}`);
  const links = Array.from({ length: LINK_SLOTS }, (_, index) => profile.links[index] ?? { label: "", url: "" });
  return {
    id: userId,
    displayName: profile.display_name,
    pseudonym: profile.pseudonym ?? "",
    bio: profile.bio,
    languages: profile.languages,
    instruments: profile.instruments,
    clusters: profile.clusters,
    articles: profile.articles.join(", "),
    links,
    visibility: profile.visibility,
    digestFrequency: profile.digestFrequency,
  };
}

export type ProfileEditorView = Awaited<ReturnType<typeof getProfileEditorValues>>;

/** The profile editor's page: the member's current values and the treaty's labels in `locale` for its choices. */
export async function getProfileEditorView(userId: string, locale: Locale) {
  const [profile, labels] = await Promise.all([getProfileEditorValues(userId), getTreatyLabels(locale)]);
  return { profile, labels: { instruments: labels.instruments, clusters: labels.clusters } };
}

/** Saves the editor (creating the row on first save). Refuses unknown article references. */
export async function saveHubProfile(userId: string, form: HubProfileForm): Promise<"saved" | "unknownArticle"> {
  if (form.expertiseArticles.length) {
    const known = await getDb()
      .selectFrom("article")
      .select(sql<string>`instrument_code || ':' || number`.as("ref"))
      .where(sql<string>`instrument_code || ':' || number`, "in", form.expertiseArticles)
      .execute();
    if (known.length !== form.expertiseArticles.length) return "unknownArticle";
  }
  const links: ProfileLink[] = [];
  for (let index = 0; index < LINK_SLOTS; index++) {
    const url = form[`linkUrl${index}` as keyof HubProfileForm] as string;
    const label = form[`linkLabel${index}` as keyof HubProfileForm] as string;
    // Stored as the parser writes it (percent-encoded), so the page shows the address it links to.
    if (url) links.push({ url: new URL(url).href, label: label || new URL(url).hostname });
  }
  const values = {
    pseudonym: form.pseudonym || null,
    bio: form.bio,
    languages: form.languages,
    expertise_instruments: form.expertiseInstruments,
    expertise_clusters: form.expertiseClusters,
    expertise_articles: form.expertiseArticles,
    links: JSON.stringify(links),
    profile_visibility: form.profileVisibility,
    organization_visibility: form.organizationVisibility,
    country_visibility: form.countryVisibility,
    languages_visibility: form.languagesVisibility,
    expertise_visibility: form.expertiseVisibility,
    follows_visibility: form.followsVisibility,
    bio_visibility: form.bioVisibility,
    links_visibility: form.linksVisibility,
    certificates_visibility: form.certificatesVisibility,
    digest_frequency: form.digestFrequency,
    updated_at: new Date(),
  };
  await getDb()
    .insertInto("hub_profile")
    .values({ user_id: userId, ...values })
    .onConflict((conflict) => conflict.column("user_id").doUpdateSet(values))
    .execute();
  return "saved";
}
