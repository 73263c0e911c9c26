/**
 * Text normalisation shared by matching, crisis detection and the unanswered-questions log:
 * lower case, no accents (é → e), Arabic-script variants folded, punctuation to spaces.
 */
const COMBINING_MARKS = /[\u0300-\u036f\u064b-\u065f\u0670]/g;
const ARABIC_FOLDS: Record<string, string> = {
  أ: "ا",
  إ: "ا",
  آ: "ا",
  ٱ: "ا",
  ى: "ي",
  ی: "ي",
  ې: "ي",
  ۍ: "ي",
  ئ: "ي",
  ك: "ک",
  ة: "ه",
  ۀ: "ه",
  ؤ: "و",
  ـ: "",
};
const ARABIC_FOLD_RE = new RegExp(`[${Object.keys(ARABIC_FOLDS).join("")}]`, "g");

/** Arabic-Indic (٠-٩) and Persian (۰-۹) digits, so "٣١١٤" reads as "3114". */
const EASTERN_DIGITS = /[\u0660-\u0669\u06f0-\u06f9]/g;
function latinDigit(c: string): string {
  const code = c.charCodeAt(0);
  return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
}

/**
 * Compiling a Unicode property class (`\p{L}`) costs ~1.4 ms on its first use in an isolate,
 * most of a cold turn's budget. Most texts are ASCII by this step (French and English once
 * accents are stripped), and on ASCII `[^a-z0-9]` is exactly `[^\p{L}\p{N}]` (lower-cased):
 * the Unicode class is only compiled for the texts that need it.
 */
const ASCII = /^[\x00-\x7f]*$/;
const NOT_WORD_ASCII = /[^a-z0-9]+/g;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;

/** Runs of letters of the same letter, three or more ("nooooon"), as `$1` keeps them: one. */
const REPEATED_ASCII = /([a-z])\1{2,}/g;
const REPEATED = /(\p{L})\1{2,}/gu;

/** Collapses "nooooon" to "non" in a normalised text (as crisis detection reads it). */
export function collapseRepeats(normalized: string): string {
  return normalized.replace(ASCII.test(normalized) ? REPEATED_ASCII : REPEATED, "$1");
}

export function normalize(text: string): string {
  const folded = text
    // Zero-width non-joiner inside Persian words ("می‌خواهم"): people type it or not.
    .replace(/[\u200c\u200d]/g, "")
    .replace(EASTERN_DIGITS, latinDigit)
    .toLowerCase()
    .normalize("NFD")
    .replace(COMBINING_MARKS, "")
    .replace(ARABIC_FOLD_RE, (c) => ARABIC_FOLDS[c] ?? c)
    .replace(/[’'`´]/g, " ");
  return folded.replace(ASCII.test(folded) ? NOT_WORD_ASCII : NOT_WORD, " ").trim();
}
