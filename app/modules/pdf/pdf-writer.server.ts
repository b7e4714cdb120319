/**
 * Flowing A4 documents (offline courses, chairs' summaries): a cursor that writes wrapped
 * paragraphs, rules and tables down the page and starts a new page when the next line would not
 * fit, and a footer drawn on every page once the text is laid out. Text shaping, fonts and
 * direction come from ./pdf-text.server.
 */
import { rgb, type PDFDocument, type PDFPage, type RGB } from "pdf-lib";
import { drawLine, isRtlText, wrapText, type TextKit, type TextStyle } from "./pdf-text.server";

export const PAGE: [number, number] = [595.28, 841.89];
export const MARGIN = 56;
export const BRAND = rgb(0.043, 0.31, 0.541);
export const MUTED = rgb(0.29, 0.33, 0.38);
export const LINE = rgb(0.79, 0.82, 0.85);

export class Writer {
  page!: PDFPage;
  y = 0;
  pages: PDFPage[] = [];
  constructor(
    private doc: PDFDocument,
    readonly kit: TextKit,
    public rtl: boolean,
  ) {
    this.newPage();
  }

  get width() {
    return PAGE[0] - 2 * MARGIN;
  }

  newPage() {
    this.page = this.doc.addPage(PAGE);
    this.pages.push(this.page);
    this.y = PAGE[1] - MARGIN;
  }

  ensure(height: number) {
    if (this.y - height < MARGIN) this.newPage();
  }

  /** A wrapped paragraph; `indent` is measured from the start side (right in Arabic). */
  text(text: string, style: TextStyle & { indent?: number; gapAfter?: number; color?: RGB }, rtl = this.rtl || isRtlText(text)) {
    const indent = style.indent ?? 0;
    const width = this.width - indent;
    const lineHeight = style.size * 1.45;
    for (const line of wrapText(this.kit, text, style, width)) {
      this.ensure(lineHeight);
      this.y -= style.size;
      drawLine(this.page, this.kit, line, { ...style, x: MARGIN + (rtl ? 0 : indent), y: this.y, width, rtl });
      this.y -= lineHeight - style.size;
    }
    this.y -= style.gapAfter ?? 0;
  }

  rule(color = LINE) {
    this.ensure(8);
    this.page.drawLine({ start: { x: MARGIN, y: this.y }, end: { x: PAGE[0] - MARGIN, y: this.y }, thickness: 0.75, color });
    this.y -= 10;
  }

  /** A table with equal columns, wrapped cells, the first row as header. */
  table(rows: string[][], size: number, rtl: boolean) {
    const columns = Math.max(...rows.map((row) => row.length));
    const columnWidth = this.width / columns;
    rows.forEach((row, rowIndex) => {
      const style: TextStyle = { size, weight: rowIndex === 0 ? "bold" : "regular" };
      const cells = row.map((cell) => wrapText(this.kit, cell, style, columnWidth - 8));
      const height = Math.max(...cells.map((lines) => lines.length), 1) * size * 1.35 + 6;
      this.ensure(height);
      cells.forEach((lines, column) => {
        const x = rtl ? MARGIN + this.width - (column + 1) * columnWidth : MARGIN + column * columnWidth;
        let y = this.y - size - 3;
        for (const line of lines) {
          drawLine(this.page, this.kit, line, { ...style, x: x + 4, y, width: columnWidth - 8, rtl });
          y -= size * 1.35;
        }
      });
      this.y -= height;
      this.page.drawLine({ start: { x: MARGIN, y: this.y }, end: { x: PAGE[0] - MARGIN, y: this.y }, thickness: 0.5, color: LINE });
    });
    this.y -= 8;
  }

  /** A centred footer on every page, once the text is laid out (`footerOf` gets the page number). */
  footers(footerOf: (page: number) => string) {
    this.pages.forEach((page, index) => {
      const footer = wrapText(this.kit, footerOf(index + 1), { size: 8 }, PAGE[0] - 2 * MARGIN)[0];
      if (footer) drawLine(page, this.kit, footer, { size: 8, x: MARGIN, y: MARGIN / 2, width: PAGE[0] - 2 * MARGIN, rtl: this.rtl, align: "center", color: MUTED });
    });
  }
}
