/**
 * A whole course as a PDF, in the reader's language (lessons without a translation in English),
 * for reading without a connection: A4 pages of headings, paragraphs, lists, tables, callouts,
 * key points, glossary and quiz questions (never their answers).
 */
import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";
import { PDFDocument } from "pdf-lib";
import { resources } from "~/locales";
import { getDirection, type Locale } from "~/utils/i18n";
import { getFixedT } from "~/utils/i18n.server";
import type { Block } from "./lesson-extract.server";
import { getCourseForOffline } from "./lessons.server";
import { createTextKit, isRtlText, type TextStyle } from "~/modules/pdf/pdf-text.server";
import { BRAND, MUTED, Writer } from "~/modules/pdf/pdf-writer.server";

type OfflineCourse = NonNullable<Awaited<ReturnType<typeof getCourseForOffline>>>;

function writeBlocks(writer: Writer, blocks: Block[], context: { rtl: boolean; indent: number; labels: Record<string, string>; quizzes: OfflineCourse["lessons"][number]["quizzes"] }) {
  const body: TextStyle = { size: 10.5 };
  for (const block of blocks) {
    switch (block.type) {
      case "heading":
        writer.text(block.text, { size: block.depth <= 2 ? 14 : 12, weight: "bold", indent: context.indent, gapAfter: 4 }, context.rtl);
        break;
      case "paragraph":
        writer.text(block.text, { ...body, indent: context.indent, gapAfter: 6 }, context.rtl);
        break;
      case "list":
        block.items.forEach((item, index) => {
          const marker = block.ordered ? `${index + 1}.` : "•";
          const [first, ...rest] = item;
          if (first?.type === "paragraph") writer.text(`${marker} ${first.text}`, { ...body, indent: context.indent + 8, gapAfter: 2 }, context.rtl);
          else writer.text(marker, { ...body, indent: context.indent + 8 }, context.rtl);
          writeBlocks(writer, first?.type === "paragraph" ? rest : item, { ...context, indent: context.indent + 20 });
        });
        writer.y -= 4;
        break;
      case "table":
        writer.table(block.rows, 9, context.rtl);
        break;
      case "callout":
        writer.text(block.title ? `${context.labels[block.kind]}: ${block.title}` : context.labels[block.kind]!, { size: 10.5, weight: "bold", color: BRAND, indent: context.indent + 10 }, context.rtl);
        writeBlocks(writer, block.children, { ...context, indent: context.indent + 10 });
        break;
      case "figure":
        writer.text(block.caption, { size: 10.5, weight: "bold", color: MUTED, indent: context.indent, gapAfter: 2 }, context.rtl);
        writeBlocks(writer, block.children, context);
        break;
      case "keypoints":
        writer.text(context.labels.keyPoints!, { size: 12, weight: "bold", color: BRAND, indent: context.indent, gapAfter: 2 }, context.rtl);
        writeBlocks(writer, block.children, context);
        break;
      case "quote":
        writeBlocks(writer, block.children, { ...context, indent: context.indent + 14 });
        break;
      case "quiz": {
        const quiz = context.quizzes.find((item) => item.id === block.id);
        if (!quiz) break;
        writer.text(context.labels.quiz!, { size: 12, weight: "bold", color: BRAND, indent: context.indent, gapAfter: 2 }, context.rtl);
        quiz.questions.forEach((question, index) => {
          writer.text(`${index + 1}. ${question.prompt}`, { ...body, weight: "bold", indent: context.indent, gapAfter: 2 }, context.rtl);
          for (const option of question.options) writer.text(`○ ${option.label}`, { ...body, indent: context.indent + 14, gapAfter: 1 }, context.rtl);
          writer.y -= 4;
        });
        break;
      }
    }
  }
}

function collectText(course: OfflineCourse, labels: Record<string, string>): string {
  const parts: string[] = [course.course.title, course.course.summary, ...Object.values(labels)];
  const walk = (blocks: Block[]) => {
    for (const block of blocks) {
      if (block.type === "heading" || block.type === "paragraph") parts.push(block.text);
      else if (block.type === "list") block.items.forEach(walk);
      else if (block.type === "table") parts.push(...block.rows.flat());
      else if (block.type === "callout" || block.type === "figure" || block.type === "keypoints" || block.type === "quote") {
        if (block.type === "callout") parts.push(block.title ?? "");
        if (block.type === "figure") parts.push(block.caption);
        walk(block.children);
      }
    }
  };
  for (const lesson of course.lessons) {
    parts.push(lesson.title, ...lesson.terms.flatMap((term) => [term.term, term.definition]));
    parts.push(...lesson.quizzes.flatMap((quiz) => quiz.questions.flatMap((question) => [question.prompt, ...question.options.map((option) => option.label)])));
    walk(lesson.blocks);
  }
  return parts.join(" ");
}

async function renderCoursePdf(course: OfflineCourse, locale: Locale): Promise<Uint8Array> {
  const t = await getFixedT(locale, "courses");
  const rtl = getDirection(locale) === "rtl";
  const labels: Record<string, string> = {
    info: t("components.info"),
    tip: t("components.tip"),
    warning: t("components.warning"),
    keyPoints: t("components.keyPoints"),
    glossary: t("lesson.glossary"),
    quiz: t("offline.quiz"),
    inEnglish: t("offline.inEnglish"),
  };
  const doc = await PDFDocument.create();
  doc.setTitle(course.course.title);
  doc.setLanguage(locale);
  const kit = await createTextKit(doc, collectText(course, labels) + t("offline.pdfFooter", { course: course.course.title, page: 1 }));
  const writer = new Writer(doc, kit, rtl);

  writer.text(course.course.title, { size: 20, weight: "bold", color: BRAND, gapAfter: 8 }, rtl || isRtlText(course.course.title));
  writer.text(course.course.summary, { size: 11, color: MUTED, gapAfter: 12 });
  course.lessons.forEach((lesson, index) => {
    // Each lesson reads in its own language's direction: an English fallback stays left to right.
    const lessonRtl = getDirection(lesson.locale) === "rtl";
    if (index > 0) writer.rule();
    writer.text(t("offline.lesson", { position: index + 1 }), { size: 10, color: MUTED }, rtl);
    writer.text(lesson.fallback ? `${lesson.title} (${labels.inEnglish})` : lesson.title, { size: 16, weight: "bold", gapAfter: 6 }, lessonRtl);
    writeBlocks(writer, lesson.blocks, { rtl: lessonRtl, indent: 0, labels, quizzes: lesson.quizzes });
    if (lesson.terms.length) {
      writer.text(labels.glossary!, { size: 12, weight: "bold", color: BRAND, gapAfter: 2 }, lessonRtl);
      for (const term of lesson.terms) writer.text(`${term.term}: ${term.definition}`, { size: 10, gapAfter: 2 }, lessonRtl);
    }
  });

  writer.footers((page) => t("offline.pdfFooter", { course: course.course.title, page }));
  return doc.save();
}

/**
 * A course's PDF is the same for every learner, and laying it out takes 0.1–0.5 s of CPU (decision 0034)
 * that would stall every other request of the process: render each version once. The key covers
 * everything the PDF is made from — the course's text and the interface strings of its language.
 */
const renderedPdfs = new LRUCache<string, Promise<Uint8Array>>({ max: 50 });

export function getCoursePdf(course: OfflineCourse, locale: Locale): Promise<Uint8Array> {
  const key = createHash("sha256").update(locale).update(JSON.stringify(course)).update(JSON.stringify(resources[locale].courses)).digest("hex");
  let pdf = renderedPdfs.get(key);
  if (!pdf) {
    // The promise itself is stored, so simultaneous downloads share one render; a failure is not kept.
    pdf = renderCoursePdf(course, locale);
    renderedPdfs.set(key, pdf);
    pdf.catch(() => renderedPdfs.delete(key));
  }
  return pdf;
}

/** A whole course as a PDF file in `locale`; null for an unknown course. */
export async function getCoursePdfFile(slug: string, locale: Locale) {
  const offline = await getCourseForOffline(slug, locale);
  if (!offline) return null;
  return { bytes: await getCoursePdf(offline, locale), filename: `${offline.course.slug}-${locale}.pdf` };
}
