import { getDb } from "~/utils/db.server";
import { createObservation } from "~/modules/dialogues/observations.server";
import { publishSummary, refreshSummary } from "~/modules/dialogues/summary.server";
import type { ObservationFields } from "~/modules/dialogues/observations.schema.server";

type DemoObservation = Omit<ObservationFields, "clusters" | "stakeholderKinds"> & { clusters: Array<"I" | "II" | "III" | "IV">; stakeholderKinds: Array<"ngo" | "academia" | "private_sector" | "igo" | "government" | "other"> };

/**
 * ILLUSTRATIVE observations for the 2023 dialogue. The background paper gives only their number
 * (22) and four of their themes (data on the impact of organized crime, emerging technologies to
 * identify victims, human rights and victim protection, education and jobs for young people);
 * the text below was written for this demonstration on the paper's topics a–j and is not the
 * chair's actual summary. The dialogue row is marked illustrative, and every page says so.
 */
const OBSERVATIONS_2023: DemoObservation[] = [
  {
    body: "Several participants described how their organizations had been consulted, informally, by the focal point while the self-assessment questionnaire was being drafted, and asked that such consultations be announced in advance so that more organizations could prepare written input.",
    topics: ["saq-good-practice", "stakeholders-in-saq"],
    clusters: ["I"],
    articles: [],
    stakeholderKinds: ["ngo"],
  },
  {
    body: "Participants suggested that States under review share, where they agree, the list of national authorities that contributed to the questionnaire, so that stakeholders know whom to address with relevant information.",
    topics: ["saq-good-practice"],
    clusters: ["I"],
    articles: [],
    stakeholderKinds: ["ngo", "academia"],
  },
  {
    body: "Academic participants offered to make available their research on the criminalization of participation in an organized criminal group, noting that such material could help States answer the questions on article 5 with concrete examples of case law.",
    topics: ["saq-good-practice", "cluster-one-experience"],
    clusters: ["I"],
    articles: ["untoc:5"],
    stakeholderKinds: ["academia"],
  },
  {
    body: "Participants underlined the value of governmental experts taking part in person in the working-group sessions and in the constructive dialogue, where informal exchanges with stakeholders are easier, and encouraged support for travel of experts from least developed countries.",
    topics: ["in-person-participation"],
    clusters: [],
    articles: ["untoc:32"],
    stakeholderKinds: ["ngo", "government"],
  },
  {
    body: "The hybrid format was welcomed as it allowed organizations without resources to travel to Vienna to take part; participants asked that online participants be given the floor on an equal footing with those in the room.",
    topics: ["in-person-participation"],
    clusters: [],
    articles: [],
    stakeholderKinds: ["ngo", "private_sector"],
  },
  {
    body: "Concern was expressed that a large number of country reviews had not started because focal points had not been designated; stakeholders offered to raise awareness of the review mechanism with their national authorities.",
    topics: ["timely-completion"],
    clusters: [],
    articles: [],
    stakeholderKinds: ["ngo"],
  },
  {
    body: "Participants suggested that a simple public table of where each review stands would help stakeholders plan their contributions in time, without disclosing the content of the reviews.",
    topics: ["timely-completion", "timely-engagement"],
    clusters: [],
    articles: [],
    stakeholderKinds: ["ngo", "academia"],
  },
  {
    body: "Several speakers noted that stakeholders often learn that their country is under review only after the questionnaire has been submitted, and asked States to inform them at the start of each review.",
    topics: ["timely-engagement"],
    clusters: [],
    articles: [],
    stakeholderKinds: ["ngo"],
  },
  {
    body: "A representative of the private sector described the contribution that companies can make, in particular in the financial sector, to the information States provide on the laundering of proceeds of crime.",
    topics: ["timely-engagement", "stakeholders-in-saq"],
    clusters: ["I"],
    articles: ["untoc:6"],
    stakeholderKinds: ["private_sector"],
  },
  {
    body: "Participants stressed the need for better collection and analysis of data on the impact of organized crime on society, including disaggregated data on victims, to inform both the reviews and the technical assistance that follows them.",
    topics: ["technical-assistance"],
    clusters: ["III"],
    articles: ["untoc:28"],
    stakeholderKinds: ["academia", "ngo"],
  },
  {
    body: "Speakers described the use of emerging technologies, including artificial intelligence, to map trafficking networks and identify possible victims, and called for safeguards so that such tools respect privacy and human rights.",
    topics: ["technical-assistance", "cluster-one-experience"],
    clusters: ["II"],
    articles: ["tip:6", "untoc:28"],
    stakeholderKinds: ["private_sector", "academia"],
  },
  {
    body: "Participants invited States to include the needs of civil society organizations working with victims when identifying technical-assistance needs in the course of their reviews.",
    topics: ["technical-assistance"],
    clusters: ["II"],
    articles: ["untoc:29", "untoc:30"],
    stakeholderKinds: ["ngo"],
  },
  {
    body: "Participants regretted that the dialogue was held without interpretation, which limited the participation of speakers of languages other than English, and suggested that documents for the dialogue be circulated in advance in several languages.",
    topics: ["multilingualism"],
    clusters: [],
    articles: [],
    stakeholderKinds: ["ngo", "academia"],
  },
  {
    body: "Machine translation was mentioned as a useful interim help for stakeholders reading questionnaires and lists of observations in other languages, provided translations are clearly marked as unofficial.",
    topics: ["multilingualism"],
    clusters: [],
    articles: [],
    stakeholderKinds: ["academia"],
  },
  {
    body: "Participants emphasized that the protection of victims and respect for human rights should remain at the centre of responses to organized crime, including in the way criminalization provisions are applied.",
    topics: ["cluster-one-experience"],
    clusters: ["I", "II"],
    articles: ["untoc:25", "tip:6"],
    stakeholderKinds: ["ngo", "igo"],
  },
  {
    body: "Speakers drew attention to the link between corruption and organized crime and to the importance of reviewing the criminalization of corruption and the obstruction of justice together.",
    topics: ["cluster-one-experience"],
    clusters: ["I"],
    articles: ["untoc:8", "untoc:23"],
    stakeholderKinds: ["ngo", "academia"],
  },
  {
    body: "Participants asked how the experience of the first cluster of reviews, on criminalization and jurisdiction, would be used to improve the process for the following clusters, and offered to share their own assessments.",
    topics: ["cluster-one-experience", "follow-up"],
    clusters: ["I"],
    articles: ["untoc:15"],
    stakeholderKinds: ["academia"],
  },
  {
    body: "Participants encouraged States that have become parties since the mechanism was established to involve stakeholders from the beginning of their participation in the review process.",
    topics: ["new-parties"],
    clusters: [],
    articles: [],
    stakeholderKinds: ["ngo", "government"],
  },
  {
    body: "Organizations taking part in the voluntary pilot initiatives described the multi-stakeholder process in their countries and recommended that other States consider similar arrangements for their reviews.",
    topics: ["stakeholders-in-saq"],
    clusters: [],
    articles: [],
    stakeholderKinds: ["ngo"],
  },
  {
    body: "Grassroots organizations asked for guidance on how to submit information relevant to the questionnaire when they are not consulted directly, and for training on the review mechanism in their own languages.",
    topics: ["stakeholders-in-saq", "multilingualism"],
    clusters: [],
    articles: ["untoc:29"],
    stakeholderKinds: ["ngo"],
  },
  {
    body: "Participants called for strengthened efforts to provide education, entrepreneurship opportunities and jobs for young people as a contribution to preventing crime and recruitment into organized criminal groups.",
    topics: ["follow-up"],
    clusters: ["II"],
    articles: ["untoc:31"],
    stakeholderKinds: ["ngo", "private_sector"],
  },
  {
    body: "Stakeholders expressed their readiness to support the implementation of the observations arising from completed reviews, in particular in the areas of prevention and assistance to victims.",
    topics: ["follow-up"],
    clusters: ["II"],
    articles: ["untoc:25", "untoc:31"],
    stakeholderKinds: ["ngo", "academia", "igo"],
  },
];

/** ILLUSTRATIVE drafts a facilitator has started for the upcoming dialogue. */
const DRAFTS_2027: DemoObservation[] = [
  {
    body: "Draft: participants asked that the results of the second cluster of reviews be presented to stakeholders before the next session of the working group.",
    topics: ["follow-up"],
    clusters: ["II"],
    articles: [],
    stakeholderKinds: ["ngo"],
  },
  {
    body: "Draft: several organizations offered to help translate the civil-society guide to the review mechanism into Portuguese and Russian.",
    topics: ["multilingualism"],
    clusters: [],
    articles: [],
    stakeholderKinds: ["ngo", "academia"],
  },
];

/** Records the demo observations of one dialogue, once: a dialogue that has observations is left as it is. */
async function recordOnce(sessionCode: string, observations: DemoObservation[], publish: boolean) {
  const dialogue = await getDb().selectFrom("dialogue").select(["id", "state"]).where("session_code", "=", sessionCode).orderBy("id").executeTakeFirst();
  if (!dialogue) return null;
  const existing = await getDb().selectFrom("dialogue_observation").select("id").where("dialogue_id", "=", dialogue.id).limit(1).executeTakeFirst();
  if (!existing) {
    const agenda = new Set((await getDb().selectFrom("dialogue_topic").select("code").where("dialogue_id", "=", dialogue.id).execute()).map((row) => row.code));
    const author = await getDb()
      .selectFrom("dialogue_facilitator as f")
      .select("f.user_id")
      .where("f.dialogue_id", "=", dialogue.id)
      .executeTakeFirst();
    const fallback = await getDb().selectFrom("app_user").select("id").where("email", "=", "facilitator@agora.test").executeTakeFirst();
    // One transaction, so the seed queues no job (it runs without workers) and leaves all or nothing.
    await getDb()
      .transaction()
      .execute(async (trx) => {
        for (const observation of observations) {
          await createObservation(dialogue.id, { ...observation, topics: observation.topics.filter((code) => agenda.has(code)) }, { actorId: author?.user_id ?? fallback?.id ?? null, publish }, trx);
        }
      });
  }
  return dialogue;
}

/**
 * The chair's observations of the 2023 dialogue (22, published, illustrative) with its summary
 * published through the summary module — so the library resource and the search documents
 * exist — and two drafts on the upcoming 2027 dialogue. Does nothing for a dialogue the
 * "dialogues" step has not created.
 */
export async function seedObservations() {
  const held = await recordOnce("wg-2023", OBSERVATIONS_2023, true);
  if (held?.state === "held") await publishSummary(held.id, null, { syncSearch: "now" });
  else if (held?.state === "summary_published") await refreshSummary(held.id, { syncSearch: "now" });
  await recordOnce("wg-2027", DRAFTS_2027, false);
}
