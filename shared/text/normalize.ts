/**
 * Text normalisation shared by matching, crisis detection and the unanswered-questions log:
 * lower case, no accents (é → e), Arabic-script variants folded, punctuation to spaces.
 */
const COMBINING_MARKS = /[\u0300-\u036f\u064b-\u065f\u0670]/g;
const ARABIC_FOLDS: Record<string, string> = {
  "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ی": "ي", "ې": "ي", "ۍ": "ي", "ئ": "ي",
  "ك": "ک", "ة": "ه", "ۀ": "ه", "ؤ": "و", "ـ": "",
};
const ARABIC_FOLD_RE = new RegExp(`[${Object.keys(ARABIC_FOLDS).join("")}]`, "g");

/** Arabic-Indic (٠-٩) and Persian (۰-۹) digits, so "٣١١٤" reads as "3114". */
const EASTERN_DIGITS = /[\u0660-\u0669\u06f0-\u06f9]/g;
function latinDigit(c: string): string {
  const code = c.charCodeAt(0);
  return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
}

export function normalize(text: string): string {
  return text
    // Zero-width non-joiner inside Persian words ("می‌خواهم"): people type it or not.
    .replace(/[\u200c\u200d]/g, "")
    .replace(EASTERN_DIGITS, latinDigit)
    .toLowerCase()
    .normalize("NFD")
    .replace(COMBINING_MARKS, "")
    .replace(ARABIC_FOLD_RE, (c) => ARABIC_FOLDS[c] ?? c)
    .replace(/[’'`´]/g, " ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

export function tokenize(text: string): string[] {
  const normalized = normalize(text);
  return normalized ? normalized.split(" ") : [];
}
