import type { MadeLetter } from "./render.ts";

/**
 * A letter as a PDF, written by hand: no library (a general PDF library would weigh more than
 * the rest of the Worker; BENCHMARKS.md, "Letters"). A letter needs only text, so this uses the
 * two standard fonts every PDF reader has (Helvetica and Helvetica-Bold, nothing embedded) in
 * WinAnsi encoding, which holds every character of French. A4, 2 cm margins, pages added as the
 * text needs. The file is pure ASCII (other bytes as octal escapes), so offsets are lengths.
 */

const PAGE_W = 595;
const PAGE_H = 842;
const MARGIN = 57;
const SIZE = 11;
const LEADING = 15;
const TEXT_W = PAGE_W - 2 * MARGIN;

/** Helvetica's widths (1/1000 em) for ASCII 32–126; accented letters take their base letter's. */
const ASCII_WIDTHS = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833,
  722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556,
  556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334,
  260, 334, 584,
];
const WIDE: Record<string, number> = { "…": 1000, "—": 1000, "–": 556, "«": 556, "»": 556, "’": 222, "€": 556 };

/** WinAnsi (cp1252) bytes of the characters outside Latin-1 that French text uses. */
const CP1252: Record<string, number> = {
  "€": 0x80,
  "‚": 0x82,
  "„": 0x84,
  "…": 0x85,
  "‰": 0x89,
  Š: 0x8a,
  "‹": 0x8b,
  Œ: 0x8c,
  "‘": 0x91,
  "’": 0x92,
  "“": 0x93,
  "”": 0x94,
  "•": 0x95,
  "–": 0x96,
  "—": 0x97,
  "™": 0x99,
  š: 0x9a,
  "›": 0x9b,
  œ: 0x9c,
  Ÿ: 0x9f,
};

/** Whether a text (lines of it) can be written in the letter's fonts (French, Latin letters). */
export function writable(text: string): boolean {
  for (const ch of text) if (ch !== "\n" && ch !== "\r" && byteOf(ch) === null) return false;
  return true;
}

function byteOf(ch: string): number | null {
  const code = ch.codePointAt(0) ?? 0;
  if (code === 0x202f || code === 0x2009) return 0xa0; // narrow spaces before « : ; » → non-breaking
  if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff)) return code;
  return CP1252[ch] ?? null;
}

/** Widths of the characters met so far (NFD decomposition is slow: once per character). */
const widths = new Map<string, number>();

function charWidth(ch: string): number {
  const code = ch.charCodeAt(0);
  if (code >= 32 && code <= 126) return ASCII_WIDTHS[code - 32]!;
  let w = widths.get(ch);
  if (w === undefined) {
    const base = ch.normalize("NFD").charCodeAt(0);
    w = WIDE[ch] ?? (base >= 32 && base <= 126 ? ASCII_WIDTHS[base - 32]! : 556);
    widths.set(ch, w);
  }
  return w;
}

function textWidth(text: string, size: number, bold: boolean): number {
  let w = 0;
  for (const ch of text) w += charWidth(ch);
  // Bold is about 6 % wider on average: wrap it a little earlier.
  return (w * size * (bold ? 1.06 : 1)) / 1000;
}

/** Words to lines of at most `width` points (a word longer than a line is cut). */
export function wrap(text: string, width: number, size = SIZE, bold = false): string[] {
  const lines: string[] = [];
  const space = textWidth(" ", size, bold);
  let line = "";
  let used = 0;
  for (const word of text.split(/ +/)) {
    const w = textWidth(word, size, bold);
    if (line && used + space + w <= width) {
      line = `${line} ${word}`;
      used += space + w;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    used = w;
    while (used > width && line.length > 1) {
      let cut = line.length - 1;
      while (cut > 1 && textWidth(line.slice(0, cut), size, bold) > width) cut--;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
      used = textWidth(line, size, bold);
    }
  }
  lines.push(line);
  return lines;
}

/**
 * A text the fonts cannot write reached the PDF: refused loudly rather than written as "?".
 * The content checks (shared/letters/validate.ts) and the sender's checks (bot/letters/flow.ts,
 * worker/letters/routes.tsx) keep such text out; this is the last guard. No text in the message.
 */
export class UnwritableTextError extends Error {
  override name = "UnwritableTextError";
}

function pdfString(text: string): string {
  if (/^[\x20-\x27\x2a-\x5b\x5d-\x7e]*$/.test(text)) return `(${text})`;
  let out = "(";
  for (const ch of text) {
    const byte = byteOf(ch);
    if (byte === null) throw new UnwritableTextError("a letter's text has characters its fonts cannot write");
    if (byte === 0x28 || byte === 0x29 || byte === 0x5c) out += `\\${ch}`;
    else if (byte < 0x80) out += String.fromCharCode(byte);
    else out += `\\${byte.toString(8).padStart(3, "0")}`;
  }
  return `${out})`;
}

type Line = { text: string; x: number; bold: boolean; gapBefore: number };

/** The letter laid out as lines: sender top left, recipient on the right, then the text. */
function layout(letter: MadeLetter): Line[] {
  const lines: Line[] = [];
  const push = (texts: string[], x: number, bold = false, gap = 0) =>
    texts.forEach((text, i) => {
      lines.push({ text, x, bold, gapBefore: i === 0 ? gap : 0 });
    });
  const flow = (text: string, gap: number, bold = false) =>
    push(
      text.split("\n").flatMap((l) => wrap(l, TEXT_W, SIZE, bold)),
      MARGIN,
      bold,
      gap,
    );
  const right = MARGIN + TEXT_W * 0.48;
  push(
    letter.sender.flatMap((l) => wrap(l, TEXT_W * 0.5)),
    MARGIN,
  );
  push(
    letter.recipient.flatMap((l) => wrap(l, TEXT_W * 0.52)),
    right,
    false,
    LEADING,
  );
  push([letter.date], right, false, LEADING);
  flow(letter.subject, 2 * LEADING, true);
  for (const p of letter.paragraphs) flow(p, LEADING);
  push([letter.signature], right, false, 2 * LEADING);
  if (letter.enclosures.length > 0) {
    flow("Pièces jointes :", 2 * LEADING, true);
    for (const e of letter.enclosures) flow(`- ${e}`, 0);
  }
  return lines;
}

/** The letter's PDF file, as a string of ASCII characters (one byte each). */
export function letterPdf(letter: MadeLetter): string {
  const pages: string[][] = [[]];
  let y = PAGE_H - MARGIN;
  for (const line of layout(letter)) {
    y -= LEADING + line.gapBefore;
    if (y < MARGIN) {
      pages.push([]);
      y = PAGE_H - MARGIN - LEADING;
    }
    const font = line.bold ? "F2" : "F1";
    pages[pages.length - 1]!.push(`BT /${font} ${SIZE} Tf ${line.x} ${y} Td ${pdfString(line.text)} Tj ET`);
  }
  const objects: string[] = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "", // the page tree, once the pages' numbers are known
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
    `<< /Title ${pdfString(letter.subject)} /Producer (Passerelle) >>`,
  ];
  const kids: number[] = [];
  for (const content of pages) {
    const stream = content.join("\n");
    objects.push(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
    const contentRef = objects.length;
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_W} ${PAGE_H}] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${contentRef} 0 R >>`,
    );
    kids.push(objects.length);
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(" ")}] /Count ${kids.length} >>`;
  let file = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(file.length);
    file += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = file.length;
  file += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) file += `${String(offset).padStart(10, "0")} 00000 n \n`;
  file += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 5 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return file;
}
