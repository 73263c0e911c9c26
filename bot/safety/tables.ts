import { normalize } from "../../shared/text/normalize.ts";
import { CRISIS_LANGS, CUE_CHARS, CUES, GRAMMATICAL_CUES, type Cue, type CrisisLang, type Lexicon } from "./cues.ts";
import { AR } from "./lexicon/ar.ts";
import { AZ } from "./lexicon/az.ts";
import { EN } from "./lexicon/en.ts";
import { FR } from "./lexicon/fr.ts";
import { PRS } from "./lexicon/prs.ts";
import { PS } from "./lexicon/ps.ts";
import { foldArabicScript, foldArabizi } from "./fold.ts";

/**
 * Derives crisis-tables.ts from the hand-written lexicons (`npm run generate`; a test checks
 * it is current): every variant spelled out, normalised and folded as reading.ts reads words,
 * one line per form with all its families, in one string per first character: a cold isolate
 * looks words up in them with indexOf instead of building a hash table (~2 ms for the three
 * Latin lexicons). Only the generator and the tests import this file.
 */
export const LEXICONS: Record<CrisisLang, Lexicon> = { fr: FR, en: EN, az: AZ, ar: AR, ps: PS, prs: PRS };

/** "mour{,r}ir" → ["mourir", "mourrir"]. */
export function expandVariants(form: string): string[] {
  const open = form.indexOf("{");
  if (open < 0) return [form];
  const close = form.indexOf("}", open);
  if (close < 0) throw new Error(`unclosed variant in ${form}`);
  const head = form.slice(0, open);
  const tail = expandVariants(form.slice(close + 1));
  return form
    .slice(open + 1, close)
    .split(",")
    .flatMap((choice) => tail.map((rest) => head + choice + rest));
}

/** A lexicon word as reading.ts will meet it in a text. */
export function formOf(lang: CrisisLang, word: string): string {
  return word
    .split("_")
    .map((part) => {
      const normal = normalize(part).replace(/ /g, "");
      if (lang === "az") return foldArabizi(normal);
      return lang === "ar" || lang === "ps" || lang === "prs" ? foldArabicScript(normal) : normal;
    })
    .join(" ");
}

/** Per language, per first character, "\n<form>\t<cue characters>" lines (reading.ts looks them up with indexOf). */
export type CrisisWordTables = Record<CrisisLang, Record<string, string>>;

/** Families a typo may stand for (reading.ts fuzzy): content words, never the small grammatical ones. */
export const FUZZY_CUES: readonly Cue[] = CUES.filter((cue) => !GRAMMATICAL_CUES.includes(cue));

/** "|a|b|" strings per first character, so that a lookup scans a few dozen forms, not all. */
export type Buckets = Record<string, string>;

function barBuckets(forms: Iterable<string>): Buckets {
  const out: Buckets = {};
  for (const form of [...new Set(forms)].sort()) out[form[0]!] = `${out[form[0]!] ?? "|"}${form}|`;
  return out;
}

export function crisisTables(): {
  words: CrisisWordTables;
  stems: Record<CrisisLang, string>;
  fuzzy: Record<CrisisLang, Buckets>;
} {
  const words = {} as CrisisWordTables;
  const stems = {} as Record<CrisisLang, string>;
  const fuzzy = {} as Record<CrisisLang, Buckets>;
  for (const lang of CRISIS_LANGS) {
    const found = new Map<string, Set<string>>();
    const stemmed = new Map<string, Set<string>>();
    const lexicon = LEXICONS[lang];
    for (const cue of CUES) {
      for (const entry of (lexicon[cue as Cue] ?? "").split(/\s+/).filter(Boolean)) {
        for (const variant of expandVariants(entry)) {
          const stem = variant.endsWith("*");
          const form = formOf(lang, stem ? variant.slice(0, -1) : variant);
          if (!form) continue;
          const into = stem ? stemmed : found;
          if (!into.has(form)) into.set(form, new Set());
          into.get(form)!.add(CUE_CHARS[cue]);
        }
      }
    }
    const sorted = (map: Map<string, Set<string>>) =>
      [...map]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([form, cues]) => [form, [...cues].sort().join("")] as const);
    const buckets: Record<string, string> = {};
    for (const [form, cues] of sorted(found)) buckets[form[0]!] = `${buckets[form[0]!] ?? ""}\n${form}\t${cues}`;
    for (const first of Object.keys(buckets)) buckets[first] += "\n";
    words[lang] = buckets;
    // The first four letters of the long content words: only a word starting so is tried for a typo.
    const fuzzyChars = FUZZY_CUES.map((cue) => CUE_CHARS[cue]);
    const prefixes = [...found]
      .filter(
        ([form, cues]) => form.length >= 5 && !form.includes(" ") && [...cues].some((c) => fuzzyChars.includes(c)),
      )
      .map(([form]) => form.slice(0, 4));
    fuzzy[lang] = lang === "fr" || lang === "en" ? barBuckets(prefixes) : {};
    stems[lang] = sorted(stemmed)
      .map(([form, cues]) => `${form}\t${cues}`)
      .join("\n");
  }
  return { words, stems, fuzzy };
}
