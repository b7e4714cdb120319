/**
 * The certificate as a one-page PDF (A4 landscape): the holder's name in its own script, the
 * course title and every label in the reader's language, the date, the code and the address
 * where anyone can verify it.
 */
import { PDFDocument, rgb } from "pdf-lib";
import { getDirection, type Locale } from "~/utils/i18n";
import { getFixedT } from "~/utils/i18n.server";
import { createTextKit, drawLine, isRtlText, wrapText, type TextStyle } from "~/modules/pdf/pdf-text.server";
import { formatLongDay } from "~/utils/format";

export type CertificatePdfInput = {
  code: string;
  holderName: string;
  courseTitle: string;
  issuedAt: Date;
  locale: Locale;
  verifyUrl: string;
};

const BRAND = rgb(0.043, 0.31, 0.541);
const MUTED = rgb(0.29, 0.33, 0.38);

export async function renderCertificatePdf(input: CertificatePdfInput): Promise<Uint8Array> {
  const t = await getFixedT(input.locale, "courses");
  const appName = (await getFixedT(input.locale, "common"))("appName");
  const rtl = getDirection(input.locale) === "rtl";
  const texts = {
    title: t("certificate.pdfTitle"),
    intro: t("certificate.pdfIntro"),
    completed: t("certificate.pdfCompleted"),
    issued: t("certificate.pdfIssued", { date: formatLongDay(input.issuedAt, input.locale) }),
    code: t("certificate.pdfCode", { code: input.code }),
    verify: t("certificate.pdfVerify"),
  };

  const doc = await PDFDocument.create();
  doc.setTitle(`${texts.title} — ${input.courseTitle}`);
  doc.setLanguage(input.locale);
  doc.setProducer(appName);
  doc.setCreator(appName);
  const kit = await createTextKit(doc, [...Object.values(texts), input.holderName, input.courseTitle, appName, input.verifyUrl].join(" "));
  const page = doc.addPage([841.89, 595.28]);
  const { width, height } = page.getSize();
  page.drawRectangle({ x: 24, y: 24, width: width - 48, height: height - 48, borderColor: BRAND, borderWidth: 3 });
  page.drawRectangle({ x: 32, y: 32, width: width - 64, height: height - 64, borderColor: BRAND, borderWidth: 0.75 });

  const margin = 80;
  const boxWidth = width - 2 * margin;
  let y = height - 100;
  const centered = (text: string, style: TextStyle, gapAfter: number, direction = rtl, maxLines = 3) => {
    const lines = wrapText(kit, text, style, boxWidth).slice(0, maxLines);
    for (const line of lines) {
      drawLine(page, kit, line, { ...style, x: margin, y, width: boxWidth, rtl: direction, align: "center" });
      y -= style.size * 1.35;
    }
    y -= gapAfter;
  };

  centered(appName, { size: 14, weight: "bold", color: BRAND }, 18);
  centered(texts.title, { size: 30, weight: "bold", color: BRAND }, 22);
  centered(texts.intro, { size: 14, color: MUTED }, 10);
  // The name keeps its own direction: an Arabic name in a French certificate still reads right to left.
  centered(input.holderName, { size: 30, weight: "bold" }, 12, isRtlText(input.holderName), 2);
  centered(texts.completed, { size: 14, color: MUTED }, 10);
  centered(input.courseTitle, { size: 20, weight: "bold" }, 18);
  centered(texts.issued, { size: 13 }, 0);

  y = 92;
  centered(texts.code, { size: 11, color: MUTED }, 0);
  centered(texts.verify, { size: 10, color: MUTED }, 0);
  centered(input.verifyUrl, { size: 10, color: BRAND }, 0, false);
  return doc.save();
}
