/**
 * The chair's summary as an A4 PDF in the reader's language, laid out with the course PDF's writer:
 * the dialogue, the participation figures, then each agenda topic with its numbered observations.
 * Observation text is drawn in its own direction (English stays left to right in an Arabic PDF).
 */
import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";
import { PDFDocument } from "pdf-lib";
import { resources } from "~/locales";
import { createTextKit, isRtlText } from "~/modules/pdf/pdf-text.server";
import { BRAND, MUTED, Writer } from "~/modules/pdf/pdf-writer.server";
import { getDirection, type Locale } from "~/utils/i18n";
import { getFixedT } from "~/utils/i18n.server";
import type { SessionUser } from "~/modules/auth/session.server";
import { getSummaryView, type SummaryView } from "./summary.server";

async function renderSummaryPdf(view: SummaryView, locale: Locale): Promise<Uint8Array> {
  const t = await getFixedT(locale, "observations");
  const common = await getFixedT(locale, "common");
  const rtl = getDirection(locale) === "rtl";
  const kindLabel = (kind: string) => common(`organizationKinds.${kind}`);
  const figures: string[][] = [
    [t("summary.figure"), t("summary.count")],
    ...Object.entries(view.participation.organizations)
      .filter(([, count]) => count > 0)
      .map(([kind, count]) => [kindLabel(kind), String(count)]),
    [t("summary.states"), String(view.participation.states)],
    [t("summary.inPerson"), String(view.participation.attendees.in_person)],
    [t("summary.online"), String(view.participation.attendees.online)],
    [t("summary.observationCount"), String(view.total)],
  ];
  const tagLine = (observation: SummaryView["sections"][number]["observations"][number]) =>
    [
      ...observation.clusters.map((cluster) => t("tags.cluster", { code: cluster.code })),
      ...observation.articles.map((article) => article.ref),
      ...observation.stakeholderKinds.map(kindLabel),
    ].join(" · ");
  const heading = t("summary.title");
  const notices = [view.illustrative ? t("summary.illustrative") : null, view.published ? null : t("summary.previewNotice")].filter((notice): notice is string => !!notice);
  const footer = (page: number) => t("summary.pdfFooter", { title: view.title, page });

  const doc = await PDFDocument.create();
  doc.setTitle(`${heading}: ${view.title}`);
  doc.setSubject(view.session);
  doc.setLanguage(locale);
  const allText = [
    heading,
    view.title,
    view.session,
    view.when,
    view.venue,
    footer(1),
    t("summary.participation"),
    t("summary.otherTopics"),
    ...notices,
    ...figures.flat(),
    ...view.sections.flatMap((section) => [section.title ?? "", ...section.observations.flatMap((observation) => [observation.body, tagLine(observation)])]),
  ].join(" ");
  const kit = await createTextKit(doc, allText);
  const writer = new Writer(doc, kit, rtl);

  writer.text(heading, { size: 20, weight: "bold", color: BRAND, gapAfter: 6 }, rtl);
  writer.text(view.title, { size: 15, weight: "bold", gapAfter: 4 });
  writer.text(view.session, { size: 10.5, color: MUTED, gapAfter: 2 });
  writer.text([view.when, view.venue].filter(Boolean).join(" · "), { size: 10.5, color: MUTED, gapAfter: 8 });
  for (const notice of notices) writer.text(notice, { size: 10.5, weight: "bold", gapAfter: 6 }, rtl);
  writer.rule();
  writer.text(t("summary.participation"), { size: 13, weight: "bold", color: BRAND, gapAfter: 4 }, rtl);
  writer.table(figures, 10, rtl);
  for (const section of view.sections) {
    writer.rule();
    writer.text(section.title ?? t("summary.otherTopics"), { size: 13, weight: "bold", color: BRAND, gapAfter: 6 }, rtl);
    for (const observation of section.observations) {
      const own = isRtlText(observation.body);
      writer.text(`${observation.number}. ${observation.body}`, { size: 10.5, gapAfter: 2 }, own);
      const tags = tagLine(observation);
      if (tags) writer.text(tags, { size: 8.5, color: MUTED, indent: 14, gapAfter: 8 }, rtl);
    }
  }
  writer.footers(footer);
  return doc.save();
}

/** Each version of a summary is laid out once (fonts and shaping cost CPU); the key covers its text and the strings of its language. */
const renderedPdfs = new LRUCache<string, Promise<Uint8Array>>({ max: 30 });

export function getSummaryPdf(view: SummaryView, locale: Locale): Promise<Uint8Array> {
  const key = createHash("sha256")
    .update(locale)
    .update(JSON.stringify(view))
    .update(JSON.stringify(resources[locale].observations))
    .digest("hex");
  let pdf = renderedPdfs.get(key);
  if (!pdf) {
    pdf = renderSummaryPdf(view, locale);
    renderedPdfs.set(key, pdf);
    pdf.catch(() => renderedPdfs.delete(key));
  }
  return pdf;
}

/** The chair's summary of a dialogue as a PDF file in `locale`, with the page's visibility for `viewer`; null when they may not see it. */
export async function getSummaryPdfFile(dialogueId: number, locale: Locale, viewer: Pick<SessionUser, "id" | "role"> | null) {
  const view = await getSummaryView(dialogueId, locale, viewer);
  if (!view) return null;
  return { bytes: await getSummaryPdf(view, locale), filename: `chairs-summary-${view.id}-${locale}.pdf`, published: view.published };
}
