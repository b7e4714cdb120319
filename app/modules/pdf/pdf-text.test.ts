import { PDFDocument, rgb } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { createTextKit, drawShaped, measureText } from "./pdf-text.server";

describe("Arabic text in PDFs", () => {
  it("draws a word fontkit cannot lay out with its vowel marks (kasratan over a final fa) without them, instead of failing", async () => {
    const doc = await PDFDocument.create();
    const text = "وقت كافٍ للقراءة";
    const kit = await createTextKit(doc, text);
    const font = kit.font("arabic", "regular");
    expect(measureText(font, "كافٍ", 12)).toBeCloseTo(measureText(font, "كاف", 12));
    // Marks that fontkit can place are kept: they change the shaped width.
    expect(measureText(font, "المستعرَضة", 12)).toBeGreaterThan(0);
    const page = doc.addPage();
    expect(drawShaped(page, font, "كافٍ", 50, 700, 12, rgb(0, 0, 0))).toBeGreaterThan(0);
    const bytes = await doc.save();
    expect(Buffer.from(bytes.slice(0, 5)).toString()).toBe("%PDF-");
  });
});
