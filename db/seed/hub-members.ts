import { sql } from "kysely";
import type { Visibility } from "../schema/hub";
import type { OrganizationKind } from "../schema";
import { getDb } from "~/utils/db.server";

/**
 * Demo hub members, all illustrative (hub_profile.illustrative, shown on their pages): 160
 * fictional people from 70 countries with fictional organizations ("… (demo)"), varied languages,
 * expertise and privacy choices — pseudonyms, hidden countries, private profiles. Three NGOs in
 * Kenya work on the trafficking Protocol and say so in public, for the walkthrough.
 * Demo members cannot sign in (an unusable password hash, no argon2 per member) and get no mail
 * (unverified `.invalid` addresses). Idempotent: fixed ids, upserts.
 */

export const HUB_DEMO_MEMBER_COUNT = 160;

const GIVEN = ["Amara", "Bilal", "Chen", "Dalia", "Esteban", "Farida", "Goran", "Hana", "Ibrahim", "Jun", "Kwame", "Lucía", "Malik", "Nadia", "Oleksandr", "Priya", "Quentin", "Rania", "Sipho", "Tamar", "Umar", "Valeria", "Wei", "Ximena", "Yusuf", "Zainab", "Aigerim", "Bruno", "Chiamaka", "Dmitri"];
const FAMILY = ["Okonkwo", "Haddad", "Liang", "Moreau", "Ferreira", "Nasser", "Petrović", "Tanaka", "Diallo", "Kowalska", "Mensah", "Quispe", "Rahman", "Sokolova", "Achieng", "Van Dijk", "Halvorsen", "Mbeki", "Santos", "Yilmaz"];
const THEMES = ["Anti-Trafficking", "Migrant Rights", "Justice Reform", "Firearms Control", "Open Governance", "Victim Support", "Border Communities", "Legal Aid", "Youth Safety", "Financial Integrity"];
const FORMS = ["Network", "Coalition", "Initiative", "Foundation", "Centre", "Alliance", "Forum", "Watch"];
const KINDS: OrganizationKind[] = ["ngo", "ngo", "ngo", "academia", "ngo", "private_sector", "ngo", "igo", "academia", "government", "ngo", "other"];
const LANGUAGE_SETS = [["en"], ["fr", "en"], ["es"], ["ar", "en"], ["ru"], ["zh", "en"], ["pt", "es"], ["sw", "en"], ["en", "de"], ["fr", "ar"], ["ha", "en", "fr"], ["hi", "en"], ["tr", "en"], ["id", "en"]];
const INSTRUMENT_SETS = [["untoc"], ["tip"], ["som"], ["firearms"], ["untoc", "tip"], ["tip", "som"], [], ["untoc", "firearms"]];
const CLUSTER_SETS = [["I"], ["II"], [], ["III"], ["I", "II"], ["IV"]];
const ARTICLE_SETS = [[], ["untoc:5"], ["tip:5"], ["untoc:31", "untoc:32"], [], ["untoc:23"], ["untoc:29", "untoc:30"], []];
const BIOS = [
  "Works with survivors of trafficking and their families; interested in how the review hears from people with lived experience.",
  "Researcher on organized crime and the rule of law; follows the self-assessment questionnaires of the region.",
  "Coordinates a network of community organizations along a border; writes shadow contributions to country reviews.",
  "Compliance specialist on financial flows; interested in cooperation between the private sector and reviewers.",
  "Lawyer providing legal aid to migrants; follows the smuggling Protocol's review.",
  "",
];

function visibilityFor(index: number): Record<"profile" | "organization" | "country" | "languages" | "expertise" | "follows" | "bio" | "links" | "certificates", Visibility> {
  return {
    // One in ten keeps the whole profile private (not listed); half are public; the rest members only.
    profile: index % 10 === 0 ? "private" : index % 10 <= 5 ? "public" : "members",
    organization: index % 6 === 2 ? "members" : "public",
    // Some hide their country from everyone, as people at risk may.
    country: index % 7 === 3 ? "private" : index % 7 === 5 ? "members" : "public",
    languages: "public",
    expertise: index % 8 === 6 ? "members" : "public",
    follows: index % 3 === 0 ? "public" : index % 3 === 1 ? "members" : "private",
    bio: index % 5 === 4 ? "members" : "public",
    links: "public",
    certificates: "private",
  };
}

export async function seedHubMembers() {
  const db = getDb();
  const parties = await db.selectFrom("party").select("code").orderBy("code").limit(70).execute();
  const countries = parties.map((party) => party.code).filter((code) => code !== "KEN");
  if (countries.length === 0) throw new Error("seed the reviews (parties) before hub members");

  const members = Array.from({ length: HUB_DEMO_MEMBER_COUNT }, (_, index) => {
    const kenyan = index < 3;
    const kind: OrganizationKind = kenyan ? "ngo" : KINDS[index % KINDS.length]!;
    const organization =
      kind === "academia"
        ? `Institute of Criminal Justice Studies ${index + 1} (demo)`
        : kind === "private_sector"
          ? `Compliance Partners ${index + 1} (demo)`
          : kind === "government"
            ? `Ministry of Justice liaison office ${index + 1} (demo)`
            : `${THEMES[index % THEMES.length]} ${FORMS[Math.floor(index / THEMES.length) % FORMS.length]} ${index + 1} (demo)`;
    const id = `demohub${String(index).padStart(4, "0")}`;
    return {
      user: {
        id,
        email: `${id}@demo.agora.invalid`,
        password_hash: "!demo-cannot-sign-in",
        display_name: `${GIVEN[index % GIVEN.length]} ${FAMILY[(index * 7) % FAMILY.length]}`,
        organization_name: organization,
        organization_kind: kind,
        country_code: kenyan ? "KEN" : countries[index % countries.length]!,
        preferred_locale: (["en", "fr", "es", "ar", "ru", "zh", "pt"] as const)[index % 7],
      },
      profile: {
        user_id: id,
        pseudonym: index % 9 === 4 ? `Field observer ${index + 1}` : null,
        bio: BIOS[index % BIOS.length]!,
        languages: kenyan ? ["sw", "en"] : LANGUAGE_SETS[index % LANGUAGE_SETS.length]!,
        expertise_instruments: kenyan ? ["tip"] : INSTRUMENT_SETS[index % INSTRUMENT_SETS.length]!,
        expertise_clusters: CLUSTER_SETS[index % CLUSTER_SETS.length]!,
        expertise_articles: kenyan ? ["tip:5"] : ARTICLE_SETS[index % ARTICLE_SETS.length]!,
        links: JSON.stringify(index % 4 === 0 ? [{ label: "Organization website (demo)", url: `https://example.org/demo/${id}` }] : []),
        ...Object.fromEntries(Object.entries(kenyan ? { ...visibilityFor(1), country: "public" } : visibilityFor(index)).map(([field, value]) => [`${field}_visibility`, value])),
        digest_frequency: "never" as const,
        illustrative: true,
      },
      follows: index % 2 === 0 ? [kenyan ? "KEN" : countries[(index * 3) % countries.length]!] : [],
    };
  });

  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("app_user")
      .values(members.map((member) => member.user))
      .onConflict((conflict) =>
        conflict.column("id").doUpdateSet((eb) => ({
          display_name: eb.ref("excluded.display_name"),
          organization_name: eb.ref("excluded.organization_name"),
          organization_kind: eb.ref("excluded.organization_kind"),
          country_code: eb.ref("excluded.country_code"),
        })),
      )
      .execute();
    const profiles = members.map((member) => member.profile);
    await trx
      .insertInto("hub_profile")
      .values(profiles as never)
      .onConflict((conflict) =>
        conflict.column("user_id").doUpdateSet({
          pseudonym: sql`excluded.pseudonym`,
          bio: sql`excluded.bio`,
          languages: sql`excluded.languages`,
          expertise_instruments: sql`excluded.expertise_instruments`,
          expertise_clusters: sql`excluded.expertise_clusters`,
          expertise_articles: sql`excluded.expertise_articles`,
          links: sql`excluded.links`,
          profile_visibility: sql`excluded.profile_visibility`,
          organization_visibility: sql`excluded.organization_visibility`,
          country_visibility: sql`excluded.country_visibility`,
          expertise_visibility: sql`excluded.expertise_visibility`,
          follows_visibility: sql`excluded.follows_visibility`,
          bio_visibility: sql`excluded.bio_visibility`,
          illustrative: sql`true`,
        } as never),
      )
      .execute();
    const follows = members.flatMap((member) => member.follows.map((party) => ({ user_id: member.user.id, party_code: party })));
    if (follows.length) await trx.insertInto("country_follow").values(follows).onConflict((conflict) => conflict.doNothing()).execute();
  });
}
