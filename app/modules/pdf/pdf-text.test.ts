import * as hb from "harfbuzzjs";
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFStream, rgb } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { createTextKit, drawLine, drawShaped, isRtlText, measureText, wrapText } from "./pdf-text.server";

type Drawn = { x: number; y: number; text: string; glyphs: Array<{ id: number; empty: boolean; font: string }> };

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString("latin1");
const utf16 = (hex: string) => Buffer.from(hex, "hex").swap16().toString("utf16le").replace(/^\uFEFF/, "");

/**
 * What a PDF reader sees on each page: every glyph (or /ActualText span) with its position and the
 * text it stands for (ToUnicode, or the span's ActualText), and whether the embedded font program
 * has an outline for it — read from the saved bytes with pdf-lib's object API and HarfBuzz, not
 * from the module under test.
 */
async function readPages(bytes: Uint8Array): Promise<Drawn[][]> {
  const doc = await PDFDocument.load(bytes);
  return doc.getPages().map((page) => {
    const fonts = new Map<string, { unicode: Map<number, string>; widths: number[]; outline: hb.Font }>();
    const fontDicts = page.node.Resources()!.lookup(PDFName.of("Font"), PDFDict);
    for (const [name, ref] of fontDicts.entries()) {
      const type0 = doc.context.lookup(ref as PDFRef, PDFDict);
      const unicode = new Map<number, string>();
      const cmap = latin1(decodePDFRawStream(type0.lookup(PDFName.of("ToUnicode"), PDFStream) as PDFRawStream).decode());
      for (const [, gid, hex] of cmap.matchAll(/<([0-9a-f]{4})> <([0-9a-f]+)>/gi)) unicode.set(parseInt(gid!, 16), utf16(hex!));
      const cidFont = type0.lookup(PDFName.of("DescendantFonts"), PDFArray).lookup(0, PDFDict);
      const widths = cidFont.lookup(PDFName.of("W"), PDFArray).lookup(1, PDFArray).asArray().map((width) => (width as PDFNumber).asNumber());
      const program = decodePDFRawStream(cidFont.lookup(PDFName.of("FontDescriptor"), PDFDict).lookup(PDFName.of("FontFile2"), PDFStream) as PDFRawStream).decode();
      fonts.set(name.asString(), { unicode, widths, outline: new hb.Font(new hb.Face(new hb.Blob(program))) });
    }
    const contents = page.node.Contents()!;
    const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => doc.context.lookup(ref, PDFStream) as PDFRawStream) : [contents as PDFRawStream];
    const drawn: Drawn[] = [];
    let font = "";
    let size = 0;
    let x = 0;
    let y = 0;
    let span: Drawn | undefined;
    for (const stream of streams) {
      const operators = latin1(decodePDFRawStream(stream).decode()).matchAll(/(\/\S+) ([\d.]+) Tf|1 0 0 1 ([-\d.]+) ([-\d.]+) Tm|<([0-9A-Fa-f]*)> Tj|\/ActualText <([0-9A-Fa-f]*)> >> BDC|EMC/g);
      for (const [operator, fontName, fontSize, tmX, tmY, codes, actualText] of operators) {
        if (fontName) [font, size] = [fontName, Number(fontSize)];
        else if (tmX) [x, y] = [Number(tmX), Number(tmY)];
        else if (actualText !== undefined) span = { x: Number.POSITIVE_INFINITY, y: 0, text: utf16(actualText), glyphs: [] };
        else if (operator === "EMC" && span) {
          drawn.push(span);
          span = undefined;
        } else if (codes !== undefined) {
          const used = fonts.get(font)!;
          for (let at = 0; at < codes.length; at += 4) {
            const id = parseInt(codes.slice(at, at + 4), 16);
            const glyph = { id, empty: used.outline.glyphToPath(id) === "", font };
            if (span) {
              span.glyphs.push(glyph);
              [span.x, span.y] = [Math.min(span.x, x), y];
            } else drawn.push({ x, y, text: used.unicode.get(id) ?? "\uFFFD", glyphs: [glyph] });
            x += (used.widths[id]! * size) / 1000;
          }
        }
      }
    }
    return drawn;
  });
}

/** Each line's text in visual order, left to right, top line first. */
function visualLines(drawn: Drawn[]): string[] {
  const rows = new Map<number, Drawn[]>();
  for (const item of drawn) {
    // Lines are 20 points apart; marks sit a few points above or below their line.
    const row = Math.round(item.y / 10);
    rows.set(row, [...(rows.get(row) ?? []), item]);
  }
  return [...rows.entries()].sort(([a], [b]) => b - a).map(([, items]) => items.sort((a, b) => a.x - b.x).map((item) => item.text).join(""));
}

const reversed = (text: string) => [...text].reverse().join("");

/** Lays `text` out as one paragraph in a `width`-point column and reads the saved PDF back. */
async function render(text: string, options: { rtl?: boolean; width?: number; size?: number } = {}) {
  const doc = await PDFDocument.create();
  const kit = await createTextKit(doc, text);
  const page = doc.addPage([595, 842]);
  const style = { size: options.size ?? 12 };
  const width = options.width ?? 480;
  const lines = wrapText(kit, text, style, width);
  lines.forEach((line, index) => drawLine(page, kit, line, { ...style, x: 50, y: 780 - index * 20, width, rtl: options.rtl ?? false }));
  const [drawn] = await readPages(await doc.save());
  return { lines, drawn: drawn!, text: visualLines(drawn!) };
}

describe("text in PDFs", () => {
  it("wraps Latin text at spaces within the width, and every glyph is in the embedded font", async () => {
    const text = "The Convention applies to the prevention, investigation and prosecution of offences established in accordance with articles 5, 6, 8 and 23 — where the offence is transnational in nature and involves an organized criminal group.";
    const { lines, drawn, text: read } = await render(text, { width: 200 });
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(200);
    expect(read.join(" ")).toBe(text);
    expect(drawn.filter((item) => item.text.trim() && item.glyphs.some((glyph) => glyph.empty))).toEqual([]);
  });

  it("keeps every glyph of Noto Sans SC text (odd-length glyphs once made the ones after them vanish) and breaks lines between CJK characters, never before closing punctuation", async () => {
    const text = "根据第三条第一款，《公约》适用于对根据第五条、第六条、第八条和第二十三条确立的犯罪以及严重犯罪的预防、侦查和起诉，条件是这类犯罪具有跨国性且涉及有组织犯罪集团。第三条第二款说明了犯罪在何种情况下具有跨国性。";
    const { lines, drawn, text: read } = await render(text, { width: 150 });
    expect(lines.length).toBeGreaterThan(4);
    expect(read.join("")).toBe(text);
    for (const line of read.slice(1)) expect(line).not.toMatch(/^[，。、》）]/);
    const glyphs = drawn.flatMap((item) => item.glyphs);
    expect(glyphs.length).toBe([...text].length);
    expect(glyphs.filter((glyph) => glyph.empty)).toEqual([]);
  });

  it("orders an Arabic line with Latin words and numbers inside it as UAX #9 does", async () => {
    const text = "نشرت الدورة 2024 تقرير UNODC عن 15 دولة";
    const { text: read } = await render(text, { rtl: true });
    // Left to right on the page: the last words first; numbers and Latin keep their own order.
    expect(read).toEqual([`${reversed("دولة")} 15 ${reversed("عن")} UNODC ${reversed("تقرير")} 2024 ${reversed("الدورة")} ${reversed("نشرت")}`]);
    // In an English line the Arabic stretches read right to left between the English words.
    const english = await render(`The report ${text} was read`);
    expect(english.text).toEqual([`The report ${reversed("تقرير")} 2024 ${reversed("الدورة")} ${reversed("نشرت")} UNODC ${reversed("دولة")} 15 ${reversed("عن")} was read`]);
  });

  it("mirrors brackets in right-to-left runs and keeps Arabic dots and vowel marks", async () => {
    const doc = await PDFDocument.create();
    const text = "وقت كافٍ (للقراءة) 3";
    const kit = await createTextKit(doc, text);
    const page = doc.addPage();
    const [line] = wrapText(kit, text, { size: 12 }, 400);
    drawLine(page, kit, line!, { size: 12, x: 50, y: 700, width: 400, rtl: true });
    const [drawn] = await readPages(await doc.save());
    // "فٍ" (the fa and its kasratan) is one cluster, read back in its own order.
    expect(visualLines(drawn!)).toEqual([`3 )${reversed("للقراءة")}( فٍاك ${reversed("وقت")}`]);
    // The bracket read as ")" at the left is drawn with the "(" glyph, so it opens towards the words it encloses.
    const font = kit.font("arabic", "regular");
    const bracketFont = font.glyphOf.has(0x28) ? font : kit.font("latin", "regular");
    const leftBracket = drawn!.find((item) => item.text === ")")!;
    expect(leftBracket.glyphs[0]!.id).toBe(bracketFont.glyphOf.get(0x28));
    // The kasratan over the final fa is drawn (HarfBuzz places it; fontkit used to throw on it).
    expect(drawn!.find((item) => item.text === "فٍ")!.glyphs.length).toBeGreaterThan(drawn!.find((item) => item.text === "ف")?.glyphs.length ?? 1);
    expect(drawn!.filter((item) => item.text.trim() && item.glyphs.some((glyph) => glyph.empty))).toEqual([]);
    expect(measureText(font, "كافٍ", 12)).toBeGreaterThan(0);
    expect(drawShaped(page, font, "كافٍ", 50, 650, 12, rgb(0, 0, 0))).toBeCloseTo(measureText(font, "كافٍ", 12));
  });

  it("draws a French certificate for an Arabic name, the name right to left and the labels left to right", async () => {
    const { renderCertificatePdf } = await import("~/modules/courses/certificate-pdf.server");
    const bytes = await renderCertificatePdf({ code: "AB12-CD34", holderName: "ليلى بن علي", courseTitle: "Le mécanisme d'examen (article 5)", issuedAt: new Date("2026-03-04T10:00:00Z"), locale: "fr", verifyUrl: "https://agora.example/certificates/AB12-CD34" });
    const [drawn] = await readPages(bytes);
    const lines = visualLines(drawn!);
    expect(lines).toContain(`${reversed("علي")} ${reversed("بن")} ${reversed("ليلى")}`);
    expect(lines).toContain("Le mécanisme d'examen (article 5)");
    expect(lines).toContain("https://agora.example/certificates/AB12-CD34");
    expect(drawn!.filter((item) => item.text.trim() && item.glyphs.some((glyph) => glyph.empty))).toEqual([]);
  });

  it("finds a text's direction from its first strong character", () => {
    expect(isRtlText("مرحبا Hello")).toBe(true);
    expect(isRtlText("2024 مرحبا")).toBe(true);
    expect(isRtlText("Hello مرحبا")).toBe(false);
    expect(isRtlText("2024")).toBe(false);
  });
});
