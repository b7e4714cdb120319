import { generateCheckInCode } from "~/modules/dialogues/registration.server";
import { STANDARD_TOPICS } from "~/modules/dialogues/vocabulary";
import { getDb } from "~/utils/db.server";
import type { OrganizationKind } from "../schema";

/**
 * Demo dialogues, all marked illustrative: the 2022 and 2023 dialogues as held, with attended
 * registrations whose participation equals the background paper's figures (2022: 200+
 * non-governmental stakeholders; 2023: 299 NGOs, 15 academic institutions, 14 private-sector
 * entities, 72 member states and one intergovernmental organization), and one upcoming
 * dialogue open for registration with few in-person seats, so the waiting list can be tried.
 * Organization names are made up and say so; dates and venues are illustrative too.
 */

const TOPIC_TAGS: Record<(typeof STANDARD_TOPICS)[number], { clusters: string[]; articles: string[] }> = {
  "saq-good-practice": { clusters: ["I"], articles: [] },
  "in-person-participation": { clusters: [], articles: [] },
  "timely-completion": { clusters: [], articles: [] },
  "timely-engagement": { clusters: [], articles: [] },
  "technical-assistance": { clusters: ["II"], articles: ["untoc:29", "untoc:30"] },
  multilingualism: { clusters: [], articles: [] },
  "cluster-one-experience": { clusters: ["I"], articles: ["untoc:5", "untoc:6", "untoc:8", "untoc:23", "tip:5"] },
  "new-parties": { clusters: [], articles: [] },
  "stakeholders-in-saq": { clusters: ["II"], articles: ["untoc:31", "untoc:32"] },
  "follow-up": { clusters: [], articles: [] },
};

const THEMES = ["Anti-Trafficking", "Migrant Rights", "Justice Reform", "Firearms Control", "Open Governance", "Victim Support", "Border Communities", "Legal Aid", "Youth Safety", "Financial Integrity"];
const FORMS = ["Network", "Coalition", "Initiative", "Foundation", "Centre", "Alliance", "Forum", "Watch", "Association", "Collective"];

/** A made-up organization name that says it is one: "Victim Support Forum 12 (demo)". */
function demoOrganization(kind: OrganizationKind, index: number) {
  if (kind === "academia") return `Institute of Criminal Justice Studies ${index + 1} (demo)`;
  if (kind === "private_sector") return `Compliance Partners ${index + 1} (demo)`;
  if (kind === "igo") return `Intergovernmental organization ${index + 1} (demo)`;
  return `${THEMES[index % THEMES.length]} ${FORMS[Math.floor(index / THEMES.length) % FORMS.length]} ${index + 1} (demo)`;
}

type DemoRegistration = {
  organization_name: string;
  organization_kind: OrganizationKind;
  country_code: string | null;
  mode: "in_person" | "online";
  attended: boolean;
  list_publicly: boolean;
};

/** Registrations whose attended organizations number exactly `counts` per kind, plus `states` governments. */
function demoRegistrations(counts: Partial<Record<OrganizationKind, number>>, states: string[], partyCodes: string[], extras: { secondRegistrants: number; absent: number }) {
  const rows: DemoRegistration[] = [];
  let serial = 0;
  for (const [kind, count] of Object.entries(counts) as Array<[OrganizationKind, number]>) {
    for (let index = 0; index < count; index++) {
      serial++;
      rows.push({
        organization_name: demoOrganization(kind, index),
        organization_kind: kind,
        country_code: partyCodes[serial % partyCodes.length]!,
        mode: serial % 5 < 2 ? "in_person" : "online",
        attended: true,
        list_publicly: serial % 3 !== 0,
      });
    }
  }
  for (const code of states) {
    serial++;
    rows.push({ organization_name: `Government delegation ${code} (demo)`, organization_kind: "government", country_code: code, mode: serial % 2 ? "in_person" : "online", attended: true, list_publicly: false });
  }
  // A second person from the same organization counts once; absent registrants do not count.
  for (let index = 0; index < extras.secondRegistrants; index++) rows.push({ ...rows[index]!, mode: "online" });
  for (let index = 0; index < extras.absent; index++) rows.push({ ...rows[index]!, organization_name: `Registered but absent ${index + 1} (demo)`, attended: false });
  return rows;
}

const text = (en: string, fr: string, es: string) => JSON.stringify({ en, fr, es });

export async function seedDialogues() {
  const db = getDb();
  const existing = await db.selectFrom("dialogue").select("session_code").where("session_code", "in", ["wg-2022", "wg-2023", "wg-2027"]).execute();
  const have = new Set(existing.map((row) => row.session_code));
  const parties = await db.selectFrom("party").select("code").where("kind", "=", "state").orderBy("code").execute();
  const partyCodes = parties.map((party) => party.code);
  const facilitator = await db.selectFrom("app_user").select("id").where("email", "=", "facilitator@agora.test").executeTakeFirst();
  const description = text(
    "Illustrative demo data: this dialogue, its dates, venue, registrations and observations are made up to show how Agora works. The participation figures reproduce those of the background paper.",
    "Données de démonstration : ce dialogue, ses dates, son lieu, ses inscriptions et ses observations sont fictifs et montrent le fonctionnement d'Agora. Les chiffres de participation reprennent ceux du document d'information.",
    "Datos de demostración: este diálogo, sus fechas, lugar, inscripciones y observaciones son ficticios y muestran cómo funciona Agora. Las cifras de participación reproducen las del documento de antecedentes.",
  );

  const plans = [
    {
      code: "wg-2022",
      title: text("Constructive dialogue, 2022 (demo)", "Dialogue constructif, 2022 (démo)", "Diálogo constructivo, 2022 (demostración)"),
      session: text("Working-group sessions, 2022", "Sessions des groupes de travail, 2022", "Períodos de sesiones de los grupos de trabajo, 2022"),
      startsAt: new Date("2022-06-10T13:00:00Z"),
      state: "held" as const,
      capacity: { in_person: 120, online: 300 },
      registrations: () => demoRegistrations({ ngo: 176, academia: 18, private_sector: 9 }, [], partyCodes, { secondRegistrants: 8, absent: 6 }),
    },
    {
      code: "wg-2023",
      title: text("Constructive dialogue, 2023 (demo)", "Dialogue constructif, 2023 (démo)", "Diálogo constructivo, 2023 (demostración)"),
      session: text("Working-group sessions, 2023", "Sessions des groupes de travail, 2023", "Períodos de sesiones de los grupos de trabajo, 2023"),
      startsAt: new Date("2023-06-16T13:00:00Z"),
      state: "held" as const,
      capacity: { in_person: 200, online: 400 },
      registrations: () => demoRegistrations({ ngo: 299, academia: 15, private_sector: 14, igo: 1 }, partyCodes.slice(0, 72), partyCodes, { secondRegistrants: 20, absent: 10 }),
    },
    {
      code: "wg-2027",
      title: text("Constructive dialogue after the next working-group session (demo)", "Dialogue constructif après la prochaine session des groupes de travail (démo)", "Diálogo constructivo tras el próximo período de sesiones de los grupos de trabajo (demostración)"),
      session: text("Next working-group sessions", "Prochaines sessions des groupes de travail", "Próximos períodos de sesiones de los grupos de trabajo"),
      // Upcoming whenever the demo is loaded: four weeks on, 14:00 in Vienna.
      startsAt: new Date(Math.ceil((Date.now() + 28 * 86_400_000) / 86_400_000) * 86_400_000 + 13 * 3_600_000),
      state: "open" as const,
      capacity: { in_person: 3, online: 25 },
      registrations: () => demoRegistrations({ ngo: 3 }, [], partyCodes, { secondRegistrants: 0, absent: 0 }).map((row) => ({ ...row, mode: "in_person" as const, attended: false })),
    },
  ];

  for (const plan of plans) {
    if (have.has(plan.code)) continue;
    await db.transaction().execute(async (trx) => {
      const { id } = await trx
        .insertInto("dialogue")
        .values({
          title: plan.title,
          description,
          session_code: plan.code,
          session_title: plan.session,
          starts_at: plan.startsAt,
          ends_at: new Date(plan.startsAt.getTime() + 3 * 3_600_000),
          time_zone: "Europe/Vienna",
          format: "hybrid",
          venue: "Vienna International Centre (illustrative)",
          online_url: "https://meet.example.org/agora-demo-dialogue",
          capacity_in_person: plan.capacity.in_person,
          capacity_online: plan.capacity.online,
          registration_closes_at: new Date(plan.startsAt.getTime() - 86_400_000),
          course_slug: plan.state === "open" ? "review-mechanism" : null,
          course_rule: plan.state === "open" ? "priority" : null,
          state: plan.state,
          illustrative: true,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await trx
        .insertInto("dialogue_topic")
        .values(STANDARD_TOPICS.map((code, index) => ({ dialogue_id: id, code, position: index + 1, title: "{}", ...TOPIC_TAGS[code] })))
        .execute();
      if (facilitator && plan.code !== "wg-2022") await trx.insertInto("dialogue_facilitator").values({ dialogue_id: id, user_id: facilitator.id }).execute();
      const rows = plan.registrations();
      for (let start = 0; start < rows.length; start += 200) {
        await trx
          .insertInto("dialogue_registration")
          .values(
            rows.slice(start, start + 200).map((row) => ({
              dialogue_id: id,
              user_id: null,
              mode: row.mode,
              status: "confirmed" as const,
              organization_name: row.organization_name,
              organization_kind: row.organization_kind,
              country_code: row.country_code,
              list_publicly: row.list_publicly,
              check_in_code: generateCheckInCode(),
              attended_at: row.attended ? plan.startsAt : null,
              created_at: new Date(plan.startsAt.getTime() - 20 * 86_400_000),
            })),
          )
          .execute();
      }
    });
  }
}
