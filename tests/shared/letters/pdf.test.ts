import { describe, expect, it } from "vitest";
import { seedBundle } from "../../../shared/content/seed/index.ts";
import { letterPdf, wrap, writable } from "../../../shared/letters/pdf.ts";
import { letterFor, makeLetter, type MadeLetter } from "../../../shared/letters/render.ts";

/** The hand-written PDF: a file readers accept (header, objects, cross-reference table), in WinAnsi. */

const made = makeLetter(letterFor(seedBundle, "cjm-appeal", "44")!, seedBundle, "fr", {
  dept: "44",
  birth: "2008-03",
  today: "2026-12-03",
  sender: { name: "Zoé Ñandú (test)", address: "3 allée des Érables\n44000 Nantes" },
});

function xrefOffsets(pdf: string): number[] {
  const start = Number(/startxref\n(\d+)/.exec(pdf)![1]);
  const table = pdf.slice(start).split("\n");
  expect(table[0]).toBe("xref");
  const count = Number(table[1]!.split(" ")[1]);
  return table.slice(3, 2 + count).map((line) => Number(line.slice(0, 10)));
}

describe("letter PDF", () => {
  it("should be a PDF whose cross-reference table points at each object", () => {
    const pdf = letterPdf(made);
    expect(pdf.startsWith("%PDF-1.4\n")).toBe(true);
    expect(pdf.trimEnd().endsWith("%%EOF")).toBe(true);
    const offsets = xrefOffsets(pdf);
    expect(offsets.length).toBeGreaterThan(5);
    for (const [i, offset] of offsets.entries())
      expect(pdf.slice(offset, offset + 12)).toMatch(new RegExp(`^${i + 1} 0 obj\\n`));
    for (const match of pdf.matchAll(/<< \/Length (\d+) >>\nstream\n/g)) {
      const begin = match.index! + match[0].length;
      expect(pdf.slice(begin + Number(match[1]), begin + Number(match[1]) + 10)).toBe("\nendstream");
    }
  });

  it("should be ASCII, with French letters as WinAnsi octal escapes and parentheses escaped", () => {
    const pdf = letterPdf(made);
    expect(/^[\x20-\x7e\n]*$/.test(pdf)).toBe(true);
    expect(pdf).toContain("Zo\\351 \\321and\\372 \\(test\\)"); // é, Ñ, ú, ( and )
    expect(pdf).toContain("recours gracieux");
    expect(pdf).toContain("L222-5");
    expect(pdf).toContain("d\\351cision du \\205\\205"); // é, …
    expect(pdf).toContain("/BaseFont /Helvetica /Encoding /WinAnsiEncoding");
  });

  it("should wrap lines within the page and start a new page when the text needs one", () => {
    for (const line of wrap(
      "Je vous prie d'agréer, Madame la Présidente, Monsieur le Président, l'expression de mes salutations respectueuses. ".repeat(
        3,
      ),
      481,
    ))
      expect(line.length).toBeLessThanOrEqual(100);
    const long: MadeLetter = { ...made, paragraphs: Array.from({ length: 40 }, () => made.paragraphs[1]!) };
    expect(letterPdf(long)).toMatch(/\/Count ([2-9]) >>/);
    expect(letterPdf(made)).toContain("/Count 1 >>");
  });

  it("should say which texts its fonts cannot write (the chat then asks for Latin letters)", () => {
    expect(writable("Awa Diallo, 3 rue de l'Œuvre, 44000 Nantes – bât. « B »")).toBe(true);
    expect(writable("عوا ديالو")).toBe(false);
    expect(writable("احمد Ahmad")).toBe(false);
  });
});
