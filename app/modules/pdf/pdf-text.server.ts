/**
 * Multilingual text for PDFs (certificates, offline courses) with pdf-lib and fontkit.
 *
 * pdf-lib draws one font per string and knows nothing of scripts or direction, so this module
 * - picks Noto Sans, Noto Sans Arabic or Noto Sans SC per run of text, embedding (subset) only the
 *   fonts the document needs;
 * - lets fontkit shape each Arabic run (joining forms; its layout already returns RTL glyphs in
 *   visual order) and measures with the same layout;
 * - breaks lines at spaces and between CJK characters, and orders the runs of a line with a
 *   two-level bidi (an RTL paragraph with LTR numbers and names inside it, or the reverse).
 * - places every glyph where fontkit's GPOS layout puts it: pdf-lib's drawText ignores glyph
 *   offsets, which drops Noto Sans Arabic's dots (they are marks positioned over their letters).
 * Full UAX #9 is beyond it: enough for names, titles and lesson prose.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import {
  beginText,
  endText,
  PDFHexString,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  setFillingRgbColor,
  setFontAndSize,
  setTextMatrix,
  showText,
  type PDFDocument,
  type PDFFont,
  type PDFName,
  type PDFPage,
  type RGB,
} from "pdf-lib";

type Script = "latin" | "arabic" | "cjk";
type Weight = "regular" | "bold";

const FONT_FILES: Record<Script, Record<Weight, string>> = {
  latin: { regular: "noto-sans/400Regular/NotoSans_400Regular.ttf", bold: "noto-sans/700Bold/NotoSans_700Bold.ttf" },
  arabic: { regular: "noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf", bold: "noto-sans-arabic/700Bold/NotoSansArabic_700Bold.ttf" },
  // One weight of the 10 MB CJK font is enough; headings stand out by size.
  cjk: { regular: "noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf", bold: "noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf" },
};

const fontBytes = new Map<string, Uint8Array>();

function readFont(file: string): Uint8Array {
  let bytes = fontBytes.get(file);
  if (!bytes) {
    bytes = readFileSync(path.resolve("node_modules/@expo-google-fonts", file));
    fontBytes.set(file, bytes);
  }
  return bytes;
}

const isArabic = (cp: number) => (cp >= 0x0600 && cp <= 0x06ff) || (cp >= 0x0750 && cp <= 0x077f) || (cp >= 0x08a0 && cp <= 0x08ff) || (cp >= 0xfb50 && cp <= 0xfdff) || (cp >= 0xfe70 && cp <= 0xfeff);
const isCjk = (cp: number) => (cp >= 0x2e80 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xff00 && cp <= 0xffef) || (cp >= 0x20000 && cp <= 0x2fa1f);
const isStrongLtr = (char: string) => /[\p{L}\p{N}]/u.test(char);

export function scriptsIn(text: string): Set<Script> {
  const scripts = new Set<Script>(["latin"]);
  for (const char of text) {
    const cp = char.codePointAt(0)!;
    if (isArabic(cp)) scripts.add("arabic");
    else if (isCjk(cp)) scripts.add("cjk");
  }
  return scripts;
}

export type TextKit = {
  font(script: Script, weight: Weight): PDFFont;
  scripts: Set<Script>;
};

type SubsetPrototype = { _addGlyph: (gid: number) => number; __agoraEvenGlyphs?: boolean };
type SubsetInstance = { glyf: Uint8Array[]; offset: number };

/**
 * fontkit's TrueType subsetter copies glyphs as they are and then writes a short `loca` table,
 * which counts in 2-byte units: Noto Sans and Noto Sans SC have odd-length glyphs (their long
 * `loca` allowed it), so every glyph after one of them was misplaced and vanished from the PDF.
 * Padding each copied glyph to an even length, as the TrueType spec recommends, fixes it.
 */
function padSubsetGlyphs(sampleFontBytes: Uint8Array) {
  const sample = fontkit.create(sampleFontBytes) as unknown as { createSubset(): object };
  const proto = Object.getPrototypeOf(sample.createSubset()) as SubsetPrototype;
  if (proto.__agoraEvenGlyphs) return;
  const addGlyph = proto._addGlyph;
  proto._addGlyph = function (this: SubsetInstance, gid: number) {
    const index = addGlyph.call(this, gid);
    const buffer = this.glyf[index]!;
    if (buffer.length % 2 === 1) {
      // The subsetter's stream only takes its own (bundled) Buffer class: allocate through it.
      const BufferClass = buffer.constructor as unknown as { alloc(size: number): Uint8Array };
      const padded = BufferClass.alloc(buffer.length + 1);
      padded.set(buffer);
      this.glyf[index] = padded;
      this.offset += 1;
    }
    return index;
  };
  proto.__agoraEvenGlyphs = true;
}

/** Embeds (as subsets) the fonts needed for `allText` into the document. */
export async function createTextKit(doc: PDFDocument, allText: string): Promise<TextKit> {
  doc.registerFontkit(fontkit);
  padSubsetGlyphs(readFont(FONT_FILES.arabic.regular));
  const scripts = scriptsIn(allText);
  const fonts = new Map<string, PDFFont>();
  for (const script of scripts) {
    for (const weight of ["regular", "bold"] as const) {
      const file = FONT_FILES[script][weight];
      const key = `${script}:${weight}`;
      const same = [...fonts.entries()].find(([other]) => FONT_FILES[other.split(":")[0] as Script][other.split(":")[1] as Weight] === file);
      fonts.set(key, same ? same[1] : await doc.embedFont(readFont(file), { subset: true }));
    }
  }
  return { scripts, font: (script, weight) => fonts.get(`${script}:${weight}`) ?? fonts.get(`latin:${weight}`)! };
}

/** "num": European digits, left to right inside, but they do not pull neighbouring punctuation into Latin runs. */
type Dir = "ltr" | "rtl" | "num" | "neutral";
type Segment = { text: string; script: Script; dir: Dir };
/** A unit between two line-break opportunities, with whether a space precedes it. */
type Word = { segments: Segment[]; spaceBefore: boolean };

function classify(char: string): { script: Script; dir: Dir } {
  const cp = char.codePointAt(0)!;
  if (isArabic(cp)) return { script: "arabic", dir: /[\u0660-\u0669\u06F0-\u06F9]/.test(char) ? "num" : "rtl" };
  if (isCjk(cp)) return { script: "cjk", dir: isStrongLtr(char) ? "ltr" : "neutral" };
  if (/[0-9]/.test(char)) return { script: "latin", dir: "num" };
  return { script: "latin", dir: isStrongLtr(char) ? "ltr" : "neutral" };
}

/** Splits text into words (break opportunities: spaces, and around every CJK character). */
export function toWords(text: string): Word[] {
  const words: Word[] = [];
  let current: Segment[] = [];
  let spaceBefore = false;
  const flush = () => {
    if (current.length) words.push({ segments: current, spaceBefore });
    current = [];
    spaceBefore = false;
  };
  for (const char of text) {
    if (/\s/.test(char)) {
      flush();
      spaceBefore = words.length > 0;
      continue;
    }
    const { script, dir } = classify(char);
    if (script === "cjk" && !/[，。、；：！？）」』》]/.test(char)) {
      // A CJK character is a word of its own (closing punctuation stays with the character before it).
      flush();
      current = [{ text: char, script, dir }];
      continue;
    }
    const last = current[current.length - 1];
    // Neutral characters (punctuation) join the run they sit in; a new script or direction starts a new segment.
    if (last && last.script === script && (last.dir === dir || dir === "neutral" || last.dir === "neutral")) {
      last.text += char;
      if (last.dir === "neutral") last.dir = dir;
    } else {
      current.push({ text: char, script, dir });
    }
  }
  flush();
  return words;
}

export type TextStyle = { size: number; weight?: Weight; color?: RGB };

function segmentFont(kit: TextKit, segment: Segment, weight: Weight) {
  if (segment.script !== "latin" && kit.scripts.has(segment.script)) return kit.font(segment.script, weight);
  return kit.font("latin", weight);
}

type FontkitRun = { glyphs: unknown[]; positions: Array<{ xAdvance: number; xOffset: number; yOffset: number }> };
type FontkitFont = { unitsPerEm: number; layout(text: string): FontkitRun };

/** The fontkit font behind a pdf-lib font (pdf-lib keeps it on its private embedder). */
function fontkitOf(font: PDFFont): FontkitFont {
  return (font as unknown as { embedder: { font: FontkitFont } }).embedder.font;
}

/** Arabic vowel and other optional marks (tanwin, harakat, shadda, sukun, superscript alef). */
const OPTIONAL_ARABIC_MARKS = /[\u064B-\u065F\u0670]/g;

/**
 * fontkit's layout, and the text it was able to lay out. fontkit throws on a few mark-over-letter
 * pairs that Noto Sans Arabic gives no anchor (kasratan over a final fa, in "كافٍ"): the word is
 * then drawn without its optional vowel marks, which Arabic readers do without, rather than
 * failing the whole document.
 */
function shape(fk: FontkitFont, text: string): { run: FontkitRun; text: string } {
  try {
    return { run: fk.layout(text), text };
  } catch (error) {
    const bare = text.replace(OPTIONAL_ARABIC_MARKS, "");
    if (bare === text) throw error;
    return { run: fk.layout(bare), text: bare };
  }
}

/** Advance width of shaped text, kerning and GPOS adjustments included. */
export function measureText(font: PDFFont, text: string, size: number) {
  const fk = fontkitOf(font);
  return (shape(fk, text).run.positions.reduce((sum, position) => sum + position.xAdvance, 0) * size) / fk.unitsPerEm;
}

const fontKeys = new WeakMap<PDFPage, Map<PDFFont, PDFName>>();

function fontKey(page: PDFPage, font: PDFFont): PDFName {
  let keys = fontKeys.get(page);
  if (!keys) fontKeys.set(page, (keys = new Map()));
  let key = keys.get(font);
  if (!key) keys.set(font, (key = page.node.newFontDictionary(font.name, font.ref)));
  return key;
}

/** Draws shaped text glyph by glyph at the positions fontkit computed; returns the advance. */
export function drawShaped(page: PDFPage, font: PDFFont, text: string, x: number, y: number, size: number, color: RGB) {
  const fk = fontkitOf(font);
  const { run, text: shaped } = shape(fk, text);
  // encodeText lays the text out the same way, adds its glyphs to the subset and returns their codes, 4 hex digits each.
  const codes = font.encodeText(shaped).asString();
  const scale = size / fk.unitsPerEm;
  const operators = [pushGraphicsState(), setFillingRgbColor(color.red, color.green, color.blue), beginText(), setFontAndSize(fontKey(page, font), size)];
  let pen = x;
  run.positions.forEach((position, index) => {
    operators.push(setTextMatrix(1, 0, 0, 1, pen + position.xOffset * scale, y + position.yOffset * scale), showText(PDFHexString.of(codes.slice(index * 4, index * 4 + 4))));
    pen += position.xAdvance * scale;
  });
  operators.push(endText(), popGraphicsState());
  page.pushOperators(...operators);
  return pen - x;
}

function wordWidth(kit: TextKit, word: Word, style: TextStyle) {
  return word.segments.reduce((sum, segment) => sum + measureText(segmentFont(kit, segment, style.weight ?? "regular"), segment.text, style.size), 0);
}

export type Line = { words: Word[]; width: number };

/** Greedy line breaking within `maxWidth`. */
export function wrapText(kit: TextKit, text: string, style: TextStyle, maxWidth: number): Line[] {
  const spaceWidth = measureText(kit.font("latin", style.weight ?? "regular"), " ", style.size);
  const lines: Line[] = [];
  let line: Line = { words: [], width: 0 };
  for (const word of toWords(text)) {
    const width = wordWidth(kit, word, style);
    const gap = line.words.length && word.spaceBefore ? spaceWidth : 0;
    if (line.words.length && line.width + gap + width > maxWidth) {
      lines.push(line);
      line = { words: [{ ...word, spaceBefore: false }], width };
    } else {
      line.words.push(line.words.length ? word : { ...word, spaceBefore: false });
      line.width += gap + width;
    }
  }
  if (line.words.length) lines.push(line);
  return lines;
}

const MIRRORED: Record<string, string> = { "(": ")", ")": "(", "[": "]", "]": "[", "{": "}", "}": "{", "«": "»", "»": "«", "<": ">", ">": "<" };

/** The line's pieces in visual (left-to-right) order, after a two-level bidi reordering. */
function visualPieces(line: Line, rtlBase: boolean): Array<{ text: string; script: Script; rtl: boolean }> {
  type Piece = { text: string; script: Script; dir: Dir; level: number };
  const pieces: Piece[] = [];
  for (const word of line.words) {
    if (word.spaceBefore) pieces.push({ text: " ", script: "latin", dir: "neutral", level: 0 });
    for (const segment of word.segments) pieces.push({ ...segment, level: 0 });
  }
  const base = rtlBase ? 1 : 0;
  // Numbers count as the paragraph's direction when resolving the punctuation around them (UAX #9, N1).
  const strong = (piece: Piece | undefined) => (piece && piece.dir !== "neutral" ? (piece.dir === "num" ? (rtlBase ? "rtl" : "ltr") : piece.dir) : undefined);
  for (let index = 0; index < pieces.length; index++) {
    const piece = pieces[index]!;
    let dir = piece.dir;
    if (dir === "neutral") {
      let before: Dir | undefined;
      for (let back = index - 1; back >= 0 && !before; back--) before = strong(pieces[back]);
      let after: Dir | undefined;
      for (let ahead = index + 1; ahead < pieces.length && !after; ahead++) after = strong(pieces[ahead]);
      dir = before && before === after ? before : rtlBase ? "rtl" : "ltr";
    }
    if (dir === "num") dir = "ltr";
    piece.level = dir === "rtl" ? 1 : base === 1 ? 2 : 0;
    if (dir === "rtl" && piece.dir === "neutral") piece.text = [...piece.text].map((char) => MIRRORED[char] ?? char).join("");
  }
  // Reverse every maximal run at or above each level, from the highest level down to 1.
  for (let level = 2; level >= 1; level--) {
    let start = -1;
    for (let index = 0; index <= pieces.length; index++) {
      const inRun = index < pieces.length && pieces[index]!.level >= level;
      if (inRun && start < 0) start = index;
      if (!inRun && start >= 0) {
        pieces.splice(start, index - start, ...pieces.slice(start, index).reverse());
        start = -1;
      }
    }
  }
  return pieces.map((piece) => ({ text: piece.text, script: piece.script, rtl: piece.level % 2 === 1 }));
}

export type Align = "start" | "end" | "center";

/** Draws one line between x and x + width. */
export function drawLine(page: PDFPage, kit: TextKit, line: Line, options: TextStyle & { x: number; y: number; width: number; rtl: boolean; align?: Align }) {
  const weight = options.weight ?? "regular";
  const align = options.align ?? "start";
  let x = options.x;
  const leftAligned = (align === "start" && !options.rtl) || (align === "end" && options.rtl);
  if (align === "center") x += (options.width - line.width) / 2;
  else if (!leftAligned) x += options.width - line.width;
  for (const piece of visualPieces(line, options.rtl)) {
    const font = segmentFont(kit, { text: piece.text, script: piece.script, dir: "ltr" }, weight);
    if (piece.text.trim()) x += drawShaped(page, font, piece.text, x, options.y, options.size, options.color ?? rgb(0.1, 0.12, 0.14));
    else x += measureText(font, piece.text, options.size);
  }
}

/** Whether a text reads right to left (its first strong character is Arabic). */
export function isRtlText(text: string): boolean {
  for (const char of text) {
    const { dir } = classify(char);
    if (dir === "rtl") return true;
    if (dir === "ltr") return false;
  }
  return false;
}
