import { sql } from "kysely";
import { writePostDocument } from "~/modules/hub/post-documents.server";
import { getDb } from "~/utils/db.server";
import { DEMO_ACCOUNTS } from "./accounts";

/**
 * ILLUSTRATIVE hub posts: written for this demonstration, about fictional organizations, events
 * and people; no post reports a real event or a real statement. Treaty references (articles,
 * instruments) are real. Every row carries `illustrative = true` and the pages say so.
 */
type DemoPost = {
  kind: "news" | "event" | "question" | "resource";
  locale: "en" | "fr" | "es" | "ar" | "zh" | "ru" | "pt";
  title: string;
  body: string;
  instruments?: string[];
  articles?: string[];
  clusters?: string[];
  countries?: string[];
  tags?: string[];
  event?: { inDays: number; hours: number; timeZone: string; place: string };
  resourceUrl?: string;
  comments?: Array<{ locale: string; body: string }>;
  /** Index of the comment accepted as the answer (questions). */
  accepted?: number;
};

const POSTS: DemoPost[] = [
  {
    kind: "question",
    locale: "en",
    title: "How did other NGOs contribute to their country's self-assessment questionnaire?",
    body: "Our network (a fictional coalition used for this demo) was invited to comment on the draft **self-assessment questionnaire** for Cluster I. How did you organize your input on article 5 (participation in an organized criminal group)? Did the focal point accept written submissions?",
    instruments: ["untoc"],
    articles: ["untoc:5"],
    clusters: ["I"],
    countries: ["KEN"],
    tags: ["saq", "civil-society"],
    comments: [
      { locale: "en", body: "We sent a short written note with three case summaries, in advance of the national consultation. Keeping it under five pages helped." },
      { locale: "fr", body: "Chez nous, le point focal a organisé une réunion en ligne ; nous avons ensuite envoyé une synthèse écrite." },
      { locale: "es", body: "Nosotros preparamos una tabla artículo por artículo con ejemplos de jurisprudencia pública." },
    ],
    accepted: 0,
  },
  {
    kind: "event",
    locale: "en",
    title: "Online workshop: preparing stakeholder input for Cluster II reviews",
    body: "A two-hour online workshop (demo event) on preparing written input on prevention and the protection of witnesses and victims (UNTOC articles 24 and 25). Open to all hub members; interpretation into French and Spanish.",
    instruments: ["untoc"],
    articles: ["untoc:24", "untoc:25"],
    clusters: ["II"],
    tags: ["workshop", "witness-protection"],
    event: { inDays: 21, hours: 2, timeZone: "Europe/Vienna", place: "Online" },
    comments: [{ locale: "en", body: "Will the slides be shared afterwards?" }, { locale: "en", body: "Yes, they will be posted here as a resource share." }],
  },
  {
    kind: "resource",
    locale: "fr",
    title: "Fiche pratique : comment lire la liste d'observations",
    body: "Une fiche de deux pages (document fictif pour la démonstration) qui explique la structure d'une liste d'observations et comment en assurer le suivi au niveau national.",
    instruments: ["untoc"],
    clusters: ["I"],
    tags: ["suivi", "liste-d-observations"],
    resourceUrl: "https://example.org/demo/fiche-liste-observations.pdf",
    comments: [{ locale: "fr", body: "Très utile, merci. Existe-t-il une version en arabe ?" }],
  },
  {
    kind: "news",
    locale: "es",
    title: "Nuestra red publica una guía de participación en el examen",
    body: "La red ficticia *Alianza Andina contra la Trata* (organización de demostración) ha publicado una guía breve sobre cómo las organizaciones de la sociedad civil pueden participar en el mecanismo de examen del Protocolo contra la trata de personas.",
    instruments: ["tip"],
    articles: ["tip:3", "tip:6"],
    countries: ["PER", "BOL"],
    tags: ["trata", "guia"],
    comments: [{ locale: "es", body: "¡Enhorabuena! ¿Está disponible también en portugués?" }, { locale: "pt", body: "Seria ótimo ter uma versão em português para as organizações do Brasil." }],
  },
  {
    kind: "question",
    locale: "ar",
    title: "ما أفضل الممارسات لحماية الشهود في قضايا الاتجار بالأشخاص؟",
    body: "نعمل في منظمة تجريبية على دعم الضحايا. نبحث عن أمثلة على تطبيق المادة 24 من الاتفاقية (حماية الشهود) في قضايا الاتجار بالأشخاص. هل لديكم تجارب يمكن مشاركتها؟",
    instruments: ["untoc", "tip"],
    articles: ["untoc:24", "tip:6"],
    countries: ["EGY", "JOR"],
    tags: ["حماية-الشهود"],
    comments: [
      { locale: "ar", body: "في تجربتنا، ساعد التنسيق المبكر مع النيابة العامة على توفير مرافقة نفسية للشهود." },
      { locale: "en", body: "We found that a single contact person for the witness throughout the proceedings made a real difference." },
    ],
  },
  {
    kind: "news",
    locale: "zh",
    title: "示例机构发布关于枪支标识的研究摘要",
    body: "一家虚构的研究机构（仅用于演示）发布了关于《枪支议定书》第8条（枪支标识）执行情况的研究摘要，讨论了进口枪支标识的做法。",
    instruments: ["firearms"],
    articles: ["firearms:8"],
    tags: ["枪支", "研究"],
    comments: [{ locale: "zh", body: "谢谢分享。摘要是否涉及记录保存（第7条）？" }],
  },
  {
    kind: "event",
    locale: "ru",
    title: "Семинар: международное сотрудничество по делам о незаконном ввозе мигрантов",
    body: "Демонстрационное мероприятие: семинар для практиков о взаимной правовой помощи (статья 18 Конвенции) по делам о незаконном ввозе мигрантов.",
    instruments: ["untoc", "som"],
    articles: ["untoc:18", "som:6"],
    clusters: ["IV"],
    tags: ["взаимная-правовая-помощь"],
    event: { inDays: 35, hours: 3, timeZone: "Asia/Almaty", place: "Алматы (вымышленное место проведения) и онлайн" },
    comments: [{ locale: "ru", body: "Будет ли синхронный перевод на английский?" }],
  },
  {
    kind: "resource",
    locale: "pt",
    title: "Modelo de contributo escrito para o exame do Grupo III",
    body: "Um modelo (documento fictício de demonstração) para organizar um contributo escrito sobre aplicação da lei e sistema judicial, com exemplos de perguntas e de fontes públicas.",
    instruments: ["untoc"],
    clusters: ["III"],
    countries: ["BRA", "MOZ"],
    tags: ["modelo", "contributo-escrito"],
    resourceUrl: "https://example.org/demo/modelo-contributo.docx",
    comments: [{ locale: "pt", body: "Usámos este modelo na nossa consulta nacional e funcionou bem." }],
  },
  {
    kind: "question",
    locale: "fr",
    title: "Blanchiment : quelles données publiques utiliser pour l'article 6 ?",
    body: "Pour préparer une contribution sur l'article 6 (incrimination du blanchiment du produit du crime), quelles sources publiques recommanderiez-vous ? Nous sommes une équipe universitaire fictive de la démonstration.",
    instruments: ["untoc"],
    articles: ["untoc:6"],
    clusters: ["I"],
    countries: ["SEN", "CIV"],
    tags: ["blanchiment", "donnees"],
    comments: [{ locale: "fr", body: "Les rapports annuels publics des cellules de renseignement financier sont un bon point de départ." }],
  },
  {
    kind: "news",
    locale: "en",
    title: "Demo NGO launches helpline guide for survivors of trafficking",
    body: "The fictional *Lakeside Survivors Network* published a plain-language guide on the assistance available to victims, with references to article 6 of the Trafficking in Persons Protocol.",
    instruments: ["tip"],
    articles: ["tip:6"],
    countries: ["UGA"],
    tags: ["victim-assistance"],
  },
];

const LANG_NOTES: Record<DemoPost["locale"], { title: string; body: string }> = {
  en: { title: "Notes from a demo peer-learning call (%n)", body: "Illustrative notes from a fictional peer-learning call on preparing input for the review mechanism: sharing drafts early, citing public sources, and following up on the list of observations." },
  fr: { title: "Notes d'un échange entre pairs de démonstration (%n)", body: "Notes illustratives d'un échange fictif sur la préparation des contributions au mécanisme d'examen : partager les projets tôt, citer des sources publiques, assurer le suivi." },
  es: { title: "Notas de una llamada de aprendizaje entre pares de demostración (%n)", body: "Notas ilustrativas de una llamada ficticia sobre cómo preparar aportes al mecanismo de examen: compartir borradores pronto, citar fuentes públicas y dar seguimiento." },
  ar: { title: "ملاحظات من اجتماع تجريبي لتبادل الخبرات (%n)", body: "ملاحظات توضيحية من اجتماع افتراضي حول إعداد المساهمات في آلية الاستعراض: مشاركة المسودات مبكرًا، والاستشهاد بمصادر عامة، والمتابعة." },
  zh: { title: "演示同行交流会议纪要（%n）", body: "一次虚构的同行交流会议的示例纪要：关于为审议机制准备意见——尽早分享草稿、引用公开来源并做好后续跟进。" },
  ru: { title: "Заметки с демонстрационной встречи по обмену опытом (%n)", body: "Иллюстративные заметки с вымышленной встречи о подготовке материалов для механизма обзора: ранний обмен проектами, ссылки на открытые источники, последующие действия." },
  pt: { title: "Notas de uma reunião de aprendizagem entre pares de demonstração (%n)", body: "Notas ilustrativas de uma reunião fictícia sobre a preparação de contributos para o mecanismo de exame: partilhar rascunhos cedo, citar fontes públicas e acompanhar." },
};
const LOCALE_ORDER: DemoPost["locale"][] = ["en", "fr", "es", "ar", "zh", "ru", "pt"];
const INSTRUMENT_ROTATION = ["untoc", "tip", "som", "firearms"];
const CLUSTER_ROTATION = ["I", "II", "III", "IV"];
const COUNTRY_ROTATION = ["KEN", "NGA", "BRA", "IND", "PHL", "MEX", "FRA", "EGY", "KAZ", "ZAF"];

/** The ten written posts, then short illustrative notes in every language, 42 in all. */
function demoPosts(): DemoPost[] {
  const notes = Array.from({ length: 32 }, (_, index): DemoPost => {
    const locale = LOCALE_ORDER[index % LOCALE_ORDER.length]!;
    const note = LANG_NOTES[locale];
    return {
      kind: index % 5 === 0 ? "question" : "news",
      locale,
      title: note.title.replace("%n", String(index + 1)),
      body: note.body,
      instruments: [INSTRUMENT_ROTATION[index % 4]!],
      clusters: [CLUSTER_ROTATION[(index + 1) % 4]!],
      countries: [COUNTRY_ROTATION[index % COUNTRY_ROTATION.length]!],
      tags: ["peer-learning"],
      comments: index % 3 === 0 ? [{ locale, body: note.body.split(":")[0]! + "." }] : [],
    };
  });
  return [...POSTS, ...notes];
}

/** Illustrative hub members when the "hub-members" step made them; else the demo member accounts. */
async function demoAuthors(): Promise<string[]> {
  const db = getDb();
  const members = await db.selectFrom("hub_profile").select("user_id").where("illustrative", "=", true).orderBy("user_id").limit(40).execute();
  if (members.length >= 3) return members.map((row) => row.user_id);
  // Never the accounts the route matrix signs in as "member" or "facilitator": they must not own demo posts.
  const emails = DEMO_ACCOUNTS.filter((account) => account.role === "member" && account.email !== "member@agora.test").map((account) => account.email);
  const rows = await db.selectFrom("app_user").select("id").where("email", "in", emails).orderBy("email").execute();
  return rows.map((row) => row.id);
}

export async function seedHubPosts() {
  const db = getDb();
  const existing = await db.selectFrom("hub_post").select(sql<number>`count(*)::int`.as("n")).where("illustrative", "=", true).executeTakeFirstOrThrow();
  if (existing.n > 0) return;
  const authors = await demoAuthors();
  if (authors.length === 0) return;
  const author = (index: number) => authors[index % authors.length]!;
  const reporters = [...authors].reverse();
  const now = Date.now();
  await db.transaction().execute(async (trx) => {
    const posts = demoPosts();
    for (const [index, post] of posts.entries()) {
      const createdAt = new Date(now - (index + 1) * 31 * 3_600_000);
      const startsAt = post.event ? new Date(Math.floor((now + post.event.inDays * 86_400_000) / 3_600_000) * 3_600_000) : null;
      const row = await trx
        .insertInto("hub_post")
        .values({
          author_id: author(index),
          kind: post.kind,
          title: post.title,
          body: post.body,
          locale: post.locale,
          instruments: post.instruments ?? [],
          articles: post.articles ?? [],
          clusters: post.clusters ?? [],
          countries: post.countries ?? [],
          tags: post.tags ?? [],
          event_starts_at: startsAt,
          event_ends_at: startsAt && post.event ? new Date(startsAt.getTime() + post.event.hours * 3_600_000) : null,
          event_time_zone: post.event?.timeZone ?? null,
          event_place: post.event?.place ?? null,
          resource_url: post.resourceUrl ?? null,
          illustrative: true,
          created_at: createdAt,
          updated_at: createdAt,
          last_activity_at: createdAt,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const commentIds: number[] = [];
      for (const [position, comment] of (post.comments ?? []).entries()) {
        const at = new Date(createdAt.getTime() + (position + 1) * 3_600_000);
        const inserted = await trx
          .insertInto("hub_comment")
          .values({ post_id: row.id, author_id: author(index + position + 1), body: comment.body, illustrative: true, created_at: at, updated_at: at })
          .returning("id")
          .executeTakeFirstOrThrow();
        commentIds.push(inserted.id);
        await trx.updateTable("hub_post").set({ last_activity_at: at }).where("id", "=", row.id).execute();
      }
      if (post.accepted !== undefined && commentIds[post.accepted]) await trx.updateTable("hub_post").set({ accepted_comment_id: commentIds[post.accepted] }).where("id", "=", row.id).execute();
      // Some "useful" marks, from members other than the author.
      const fans = authors.filter((id) => id !== author(index)).slice(0, index % 4);
      if (fans.length) await trx.insertInto("hub_reaction").values(fans.map((userId) => ({ target_type: "post" as const, target_id: row.id, user_id: userId }))).onConflict((oc) => oc.doNothing()).execute();
      if (commentIds[0] && fans[0]) await trx.insertInto("hub_reaction").values({ target_type: "comment", target_id: commentIds[0], user_id: fans[0] }).onConflict((oc) => oc.doNothing()).execute();
      // A few open reports for the moderation queue.
      if (index >= 10 && index % 9 === 2) {
        const reporter = reporters.find((id) => id !== author(index));
        if (reporter) await trx.insertInto("hub_report").values({ target_type: "post", target_id: row.id, reporter_id: reporter, reason: index % 2 ? "off_topic" : "spam", details: "Demo report: this looks like a duplicate of another note." }).onConflict((oc) => oc.doNothing()).execute();
      }
      await writePostDocument(trx, row.id);
    }
  });
}
