/**
 * Multilingual text for PDFs (certificates, offline courses, chairs' summaries), drawn with pdf-lib.
 *
 * pdf-lib writes the PDF; everything about the text comes from standard implementations:
 * - HarfBuzz (hb-subset through subset-font) cuts each font down to the document's characters,
 *   keeping the glyphs its OpenType rules reach (Arabic joining forms, ligatures), and HarfBuzz
 *   (harfbuzzjs) shapes and positions every run from those same bytes;
 * - bidi-js (UAX #9) resolves the embedding levels of a paragraph, orders each line and mirrors
 *   brackets in right-to-left runs;
 * - linebreak (UAX #14) gives the break opportunities that lines are filled with.
 * The font dictionaries (Type 0 / CIDFontType2, Identity-H: a code is a glyph id of the subset) are
 * written here with pdf-lib's public object API, so no library's internals are patched or read.
 * Glyphs that are not a character's own glyph (joining forms, ligatures, Noto Sans Arabic's dots,
 * which are marks of their own) sit in an /ActualText span, so copying and searching the PDF give
 * back the text rather than glyph fragments.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import bidiFactory, { type EmbeddingLevels } from "bidi-js";
import * as hb from "harfbuzzjs";
import LineBreaker from "linebreak";
import {
  beginText,
  endText,
  PDFHexString,
  PDFName,
  PDFOperator,
  PDFOperatorNames,
  PDFString,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  setFillingRgbColor,
  setFontAndSize,
  setTextMatrix,
  showText,
  type PDFDocument,
  type PDFRef,
  type PDFPage,
  type RGB,
} from "pdf-lib";
import subsetFont from "subset-font";

type Script = "latin" | "arabic" | "cjk";
type Weight = "regular" | "bold";

const FONT_FILES: Record<Script, Record<Weight, string>> = {
  latin: { regular: "noto-sans/400Regular/NotoSans_400Regular.ttf", bold: "noto-sans/700Bold/NotoSans_700Bold.ttf" },
  arabic: { regular: "noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf", bold: "noto-sans-arabic/700Bold/NotoSansArabic_700Bold.ttf" },
  // One weight of the 10 MB CJK font is enough; headings stand out by size.
  cjk: { regular: "noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf", bold: "noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf" },
};

const fontBytes = new Map<string, Buffer>();

function readFont(file: string): Buffer {
  let bytes = fontBytes.get(file);
  if (!bytes) {
    bytes = readFileSync(path.resolve("node_modules/@expo-google-fonts", file));
    fontBytes.set(file, bytes);
  }
  return bytes;
}

const bidi = bidiFactory();

const isArabic = (cp: number) => (cp >= 0x0600 && cp <= 0x06ff) || (cp >= 0x0750 && cp <= 0x077f) || (cp >= 0x08a0 && cp <= 0x08ff) || (cp >= 0xfb50 && cp <= 0xfdff) || (cp >= 0xfe70 && cp <= 0xfeff);
const isCjk = (cp: number) => (cp >= 0x2e80 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xff00 && cp <= 0xffef) || (cp >= 0x20000 && cp <= 0x2fa1f);
/** Letters and digits of other scripts (Latin, Cyrillic, Greek…) are Noto Sans'; punctuation, spaces and marks are neutral. */
const isNeutral = (char: string) => !/[\p{L}\p{N}]/u.test(char);

function scriptOf(char: string): Script | undefined {
  const cp = char.codePointAt(0)!;
  if (isArabic(cp)) return "arabic";
  if (isCjk(cp)) return "cjk";
  return isNeutral(char) ? undefined : "latin";
}

function scriptsIn(text: string): Set<Script> {
  const scripts = new Set<Script>(["latin"]);
  for (const char of text) {
    const script = scriptOf(char);
    if (script) scripts.add(script);
  }
  return scripts;
}

/** A font embedded in the document: the subset's bytes, HarfBuzz's view of them and the PDF font they became. */
export type KitFont = {
  ref: PDFRef;
  hbFont: hb.Font;
  unitsPerEm: number;
  /** Code point → glyph id of the subset (its cmap): which characters the font has, and their own glyphs. */
  glyphOf: Map<number, number>;
  /** Each glyph's advance as the PDF has it (the W array, thousandths of the size). */
  pdfWidths: number[];
  /** Shaped widths of the texts measured so far, in font units. */
  widths: Map<string, number>;
};

export type TextKit = {
  font(script: Script, weight: Weight): KitFont;
  scripts: Set<Script>;
};

const bigEndian = (table: Uint8Array | undefined) => (table ? new DataView(table.buffer, table.byteOffset, table.byteLength) : undefined);

/** The ToUnicode CMap of the characters' own glyphs; other glyphs are covered by /ActualText. */
function toUnicodeCmap(glyphOf: Map<number, number>) {
  const entries = new Map<number, string>();
  for (const [cp, gid] of glyphOf) if (!entries.has(gid) && gid !== 0) entries.set(gid, String.fromCodePoint(cp));
  const hex = (value: number) => value.toString(16).padStart(4, "0");
  const utf16 = (text: string) => [...text].map((char) => [...Array(char.length).keys()].map((index) => hex(char.charCodeAt(index))).join("")).join("");
  const lines = [...entries].map(([gid, text]) => `<${hex(gid)}> <${utf16(text)}>`);
  const blocks: string[] = [];
  for (let start = 0; start < lines.length; start += 100) {
    const block = lines.slice(start, start + 100);
    blocks.push(`${block.length} beginbfchar\n${block.join("\n")}\nendbfchar`);
  }
  return [
    "/CIDInit /ProcSet findresource begin",
    "12 dict begin",
    "begincmap",
    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
    "/CMapName /Adobe-Identity-UCS def",
    "/CMapType 2 def",
    "1 begincodespacerange\n<0000> <ffff>\nendcodespacerange",
    ...blocks,
    "endcmap",
    "CMapName currentdict /CMap defineresource pop",
    "end",
    "end",
  ].join("\n");
}

/**
 * Subsets a font to `text` with HarfBuzz and embeds it whole (it is already a subset), as a Type 0
 * font whose codes are the subset's glyph ids.
 */
async function embedFont(doc: PDFDocument, file: string, text: string): Promise<KitFont> {
  const bytes = await subsetFont(readFont(file), text, { targetFormat: "truetype" });
  const face = new hb.Face(new hb.Blob(bytes));
  const hbFont = new hb.Font(face);
  const unitsPerEm = face.upem;
  const scale = 1000 / unitsPerEm;
  const glyphOf = new Map<number, number>();
  for (const cp of face.collectUnicodes()) {
    const gid = hbFont.nominalGlyph(cp);
    if (gid !== undefined) glyphOf.set(cp, gid);
  }
  const head = bigEndian(face.referenceTable("head"))!;
  const hhea = bigEndian(face.referenceTable("hhea"))!;
  const os2 = bigEndian(face.referenceTable("OS/2"));
  const glyphCount = bigEndian(face.referenceTable("maxp"))!.getUint16(4);
  const units = (value: number) => Math.round(value * scale);
  const ascent = units(hhea.getInt16(4));
  const capHeight = os2 && os2.getUint16(0) >= 2 ? units(os2.getInt16(88)) : ascent;
  // A subset tag from the bytes: the same text gives the same PDF.
  const tag = [...createHash("sha256").update(bytes).digest().subarray(0, 6)].map((byte) => String.fromCharCode(65 + (byte % 26))).join("");
  const baseFont = `${tag}+${path.basename(file, ".ttf").replace(/[^A-Za-z0-9-]/g, "")}`;

  const context = doc.context;
  const fontFile = context.register(context.flateStream(bytes, { Length1: bytes.length }));
  const descriptor = context.register(
    context.obj({
      Type: "FontDescriptor",
      FontName: baseFont,
      // Symbolic: the glyphs are addressed by id, not through a standard encoding.
      Flags: 4,
      FontBBox: [units(head.getInt16(36)), units(head.getInt16(38)), units(head.getInt16(40)), units(head.getInt16(42))],
      ItalicAngle: 0,
      Ascent: ascent,
      Descent: units(hhea.getInt16(6)),
      CapHeight: capHeight,
      StemV: 80,
      FontFile2: fontFile,
    }),
  );
  const widths = Array.from({ length: glyphCount }, (_, gid) => units(hbFont.glyphHAdvance(gid)));
  const cidFont = context.register(
    context.obj({
      Type: "Font",
      Subtype: "CIDFontType2",
      BaseFont: baseFont,
      CIDSystemInfo: { Registry: PDFString.of("Adobe"), Ordering: PDFString.of("Identity"), Supplement: 0 },
      FontDescriptor: descriptor,
      W: [0, widths],
      CIDToGIDMap: "Identity",
    }),
  );
  const toUnicode = context.register(context.flateStream(toUnicodeCmap(glyphOf)));
  const ref = context.register(
    context.obj({ Type: "Font", Subtype: "Type0", BaseFont: baseFont, Encoding: "Identity-H", DescendantFonts: [cidFont], ToUnicode: toUnicode }),
  );
  return { ref, hbFont, unitsPerEm, glyphOf, pdfWidths: widths, widths: new Map() };
}

/** Every character a font may draw beyond the document's own: ASCII (page numbers) and the mirror of each bracket. */
function subsetText(allText: string, script: Script) {
  const chars = new Set<string>();
  for (let cp = 0x20; cp < 0x7f; cp++) chars.add(String.fromCodePoint(cp));
  for (const char of allText) {
    const own = scriptOf(char);
    if (own === script || own === undefined) chars.add(char);
    const mirrored = bidi.getMirroredCharacter(char);
    if (mirrored) chars.add(mirrored);
  }
  return [...chars].join("");
}

/** Embeds (as subsets) the fonts needed for `allText` into the document. */
export async function createTextKit(doc: PDFDocument, allText: string): Promise<TextKit> {
  const scripts = scriptsIn(allText);
  const byFile = new Map<string, Promise<KitFont>>();
  const fonts = new Map<string, KitFont>();
  for (const script of scripts) {
    for (const weight of ["regular", "bold"] as const) {
      const file = FONT_FILES[script][weight];
      let font = byFile.get(file);
      if (!font) byFile.set(file, (font = embedFont(doc, file, subsetText(allText, script))));
      fonts.set(`${script}:${weight}`, await font);
    }
  }
  return { scripts, font: (script, weight) => fonts.get(`${script}:${weight}`) ?? fonts.get(`latin:${weight}`)! };
}

export type TextStyle = { size: number; weight?: Weight; color?: RGB };

type Glyph = { id: number; cluster: number; xAdvance: number; xOffset: number; yOffset: number };

// One buffer, reset for every run: shaping is synchronous.
const buffer = new hb.Buffer();

/** HarfBuzz's glyphs for a run, in visual (left-to-right) order, in font units. */
function shape(font: KitFont, text: string, direction?: "ltr" | "rtl"): Glyph[] {
  buffer.reset();
  buffer.addText(text);
  if (direction) buffer.setDirection(direction === "rtl" ? hb.Direction.RTL : hb.Direction.LTR);
  buffer.guessSegmentProperties();
  hb.shape(font.hbFont, buffer);
  const positions = buffer.getGlyphPositions();
  return buffer.getGlyphInfos().map((info, index) => ({ id: info.codepoint, cluster: info.cluster, xAdvance: positions[index]!.xAdvance, xOffset: positions[index]!.xOffset, yOffset: positions[index]!.yOffset }));
}

/** Advance width of shaped text, kerning and GPOS adjustments included. */
export function measureText(font: KitFont, text: string, size: number) {
  let width = font.widths.get(text);
  if (width === undefined) {
    width = shape(font, text).reduce((sum, glyph) => sum + glyph.xAdvance, 0);
    font.widths.set(text, width);
  }
  return (width * size) / font.unitsPerEm;
}

const fontKeys = new WeakMap<PDFPage, Map<KitFont, PDFName>>();

function fontKey(page: PDFPage, font: KitFont): PDFName {
  let keys = fontKeys.get(page);
  if (!keys) fontKeys.set(page, (keys = new Map()));
  let key = keys.get(font);
  if (!key) keys.set(font, (key = page.node.newFontDictionary("F", font.ref)));
  return key;
}

/**
 * Draws one run at the positions HarfBuzz computed (pdf-lib's drawText ignores glyph offsets, which
 * would drop Noto Sans Arabic's dots); `text` is in logical order, `direction` defaults to the
 * script's. Returns the advance.
 */
export function drawShaped(page: PDFPage, font: KitFont, text: string, x: number, y: number, size: number, color: RGB, direction?: "ltr" | "rtl") {
  const glyphs = shape(font, text, direction);
  const scale = size / font.unitsPerEm;
  const operators = [pushGraphicsState(), setFillingRgbColor(color.red, color.green, color.blue), beginText(), setFontAndSize(fontKey(page, font), size)];
  // Glyphs go out in runs of one Tj while each sits where the previous one's PDF width leaves the pen.
  let codes = "";
  let expected = Number.NaN;
  const flush = () => {
    if (codes) operators.push(showText(PDFHexString.of(codes)));
    codes = "";
  };
  const clusterStarts = [...new Set(glyphs.map((glyph) => glyph.cluster))].sort((a, b) => a - b);
  let pen = x;
  for (let index = 0; index < glyphs.length; ) {
    // A cluster: the glyphs HarfBuzz made from one stretch of the text (a letter, its marks, a ligature).
    const cluster = glyphs[index]!.cluster;
    let end = index + 1;
    while (end < glyphs.length && glyphs[end]!.cluster === cluster) end++;
    const source = text.slice(cluster, clusterStarts.find((start) => start > cluster) ?? text.length);
    const ownGlyph = end - index === 1 && [...source].length === 1 && font.glyphOf.get(source.codePointAt(0)!) === glyphs[index]!.id;
    // Glyphs that are not their character's own (joining forms, dots, ligatures) carry the text they stand for.
    if (!ownGlyph) {
      flush();
      operators.push(PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [PDFName.of("Span"), `<< /ActualText ${PDFHexString.fromText(source).toString()} >>`]));
    }
    for (const glyph of glyphs.slice(index, end)) {
      const glyphX = pen + glyph.xOffset * scale;
      if (glyph.yOffset !== 0 || !(Math.abs(glyphX - expected) <= 0.001)) {
        flush();
        operators.push(setTextMatrix(1, 0, 0, 1, glyphX, y + glyph.yOffset * scale));
      }
      codes += glyph.id.toString(16).padStart(4, "0");
      expected = glyph.yOffset === 0 ? glyphX + (font.pdfWidths[glyph.id]! * size) / 1000 : Number.NaN;
      pen += glyph.xAdvance * scale;
    }
    if (!ownGlyph) {
      flush();
      operators.push(PDFOperator.of(PDFOperatorNames.EndMarkedContent));
    }
    index = end;
  }
  flush();
  operators.push(endText(), popGraphicsState());
  page.pushOperators(...operators);
  return pen - x;
}

/** A paragraph as laid out: its text and the font of each UTF-16 unit, shared by its lines. */
type Paragraph = { text: string; fonts: KitFont[]; levels: Partial<Record<"ltr" | "rtl", EmbeddingLevels>> };
/** One line: the units [start, end) of its paragraph, trailing spaces left out. */
export type Line = { paragraph: Paragraph; start: number; end: number; width: number };

/**
 * The font of each character: its script's, or for punctuation, spaces and marks the font of the
 * character before it when that font has it (an Arabic comma stays in the Arabic font).
 */
function fontsOf(kit: TextKit, text: string, weight: Weight): KitFont[] {
  const latin = kit.font("latin", weight);
  const fonts: KitFont[] = [];
  let previous = latin;
  for (const char of text) {
    const script = scriptOf(char);
    const cp = char.codePointAt(0)!;
    let font = script ? kit.font(script, weight) : previous.glyphOf.has(cp) ? previous : latin;
    if (!font.glyphOf.has(cp)) font = [latin, kit.font("arabic", weight), kit.font("cjk", weight)].find((other) => other.glyphOf.has(cp)) ?? font;
    for (let unit = 0; unit < char.length; unit++) fonts.push(font);
    previous = font;
  }
  return fonts;
}

/** Width of the units [start, end) of a paragraph, run by run of one font. */
function widthOf(paragraph: Paragraph, start: number, end: number, size: number) {
  let width = 0;
  for (let runStart = start; runStart < end; ) {
    let runEnd = runStart + 1;
    while (runEnd < end && paragraph.fonts[runEnd] === paragraph.fonts[runStart]) runEnd++;
    width += measureText(paragraph.fonts[runStart]!, paragraph.text.slice(runStart, runEnd), size);
    runStart = runEnd;
  }
  return width;
}

/** Greedy line filling within `maxWidth`, at the break opportunities of UAX #14. */
export function wrapText(kit: TextKit, text: string, style: TextStyle, maxWidth: number): Line[] {
  const paragraph: Paragraph = { text, fonts: fontsOf(kit, text, style.weight ?? "regular"), levels: {} };
  const trimEnd = (start: number, end: number) => {
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    return end;
  };
  const lines: Line[] = [];
  let lineStart = 0;
  let lineEnd = 0;
  let lineWidth = 0;
  const flush = () => {
    const end = trimEnd(lineStart, lineEnd);
    if (end > lineStart) lines.push({ paragraph, start: lineStart, end, width: widthOf(paragraph, lineStart, end, style.size) });
  };
  const breaker = new LineBreaker(text);
  let last = 0;
  for (let opportunity = breaker.nextBreak(); opportunity; opportunity = breaker.nextBreak()) {
    const chunkEnd = opportunity.position;
    // A chunk's trailing spaces hang past the line's end: only its visible part has to fit.
    const visible = widthOf(paragraph, last, trimEnd(last, chunkEnd), style.size);
    if (lineEnd > lineStart && lineWidth + visible > maxWidth) {
      flush();
      lineStart = last;
      lineWidth = 0;
    }
    lineWidth += widthOf(paragraph, last, chunkEnd, style.size);
    lineEnd = chunkEnd;
    last = chunkEnd;
    if (opportunity.required && chunkEnd < text.length) {
      flush();
      lineStart = lineEnd = chunkEnd;
      lineWidth = 0;
    }
  }
  flush();
  return lines;
}

export type Align = "start" | "end" | "center";

/** Draws one line between x and x + width, in the visual order UAX #9 gives it in a paragraph of direction `rtl`. */
export function drawLine(page: PDFPage, _kit: TextKit, line: Line, options: TextStyle & { x: number; y: number; width: number; rtl: boolean; align?: Align }) {
  const { paragraph, start, end } = line;
  const { text, fonts } = paragraph;
  const base = options.rtl ? "rtl" : "ltr";
  const levels = (paragraph.levels[base] ??= bidi.getEmbeddingLevels(text, base));
  const order = Array.from({ length: end - start }, (_, index) => start + index);
  for (const [from, to] of bidi.getReorderSegments(text, levels, start, end - 1)) {
    order.splice(from! - start, to! - from! + 1, ...order.slice(from! - start, to! - start + 1).reverse());
  }

  const align = options.align ?? "start";
  let x = options.x;
  const leftAligned = (align === "start" && !options.rtl) || (align === "end" && options.rtl);
  if (align === "center") x += (options.width - line.width) / 2;
  else if (!leftAligned) x += options.width - line.width;
  const color = options.color ?? rgb(0.1, 0.12, 0.14);
  // Runs of one level and one font, contiguous in the text: left to right for even levels, right to left for odd ones.
  for (let index = 0; index < order.length; ) {
    const first = order[index]!;
    const rtl = levels.levels[first]! % 2 === 1;
    const step = rtl ? -1 : 1;
    let next = index + 1;
    while (next < order.length && order[next] === order[next - 1]! + step && levels.levels[order[next]!] === levels.levels[first] && fonts[order[next]!] === fonts[first]) next++;
    const [from, to] = rtl ? [order[next - 1]!, first] : [first, order[next - 1]!];
    // HarfBuzz mirrors brackets in right-to-left runs itself (UAX #9, L4).
    x += drawShaped(page, fonts[first]!, text.slice(from, to + 1), x, options.y, options.size, color, rtl ? "rtl" : "ltr");
    index = next;
  }
}

/** Whether a text reads right to left: its first strong character is (UAX #9, P2–P3). */
export function isRtlText(text: string): boolean {
  return bidi.getEmbeddingLevels(text, "auto").paragraphs[0]?.level === 1;
}
