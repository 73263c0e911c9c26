import { normalize } from "../../shared/text/normalize.ts";
import { CRISIS_LANGS, CUE_CHARS, CUES, type Cue, type CrisisLang, type Lexicon } from "./cues.ts";
import { AR } from "./lexicon/ar.ts";
import { AZ } from "./lexicon/az.ts";
import { EN } from "./lexicon/en.ts";
import { FR } from "./lexicon/fr.ts";
import { PRS } from "./lexicon/prs.ts";
import { PS } from "./lexicon/ps.ts";
import { foldArabicScript, foldArabizi } from "./reading.ts";

/**
 * Derives crisis-tables.ts from the hand-written lexicons (`npm run generate`; a test checks
 * it is current): every variant spelled out, normalised and folded as reading.ts reads words,
 * and one line per form with all its families. Only the generator and the tests import this.
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
  return form.slice(open + 1, close).split(",").flatMap((choice) => tail.map((rest) => head + choice + rest));
}

/** A lexicon word as reading.ts will meet it in a text. */
export function formOf(lang: CrisisLang, word: string): string {
  return word.split("_").map((part) => {
    const normal = normalize(part).replace(/ /g, "");
    if (lang === "az") return foldArabizi(normal);
    return lang === "ar" || lang === "ps" || lang === "prs" ? foldArabicScript(normal) : normal;
  }).join(" ");
}

export function crisisTables(): { words: Record<CrisisLang, string>; stems: Record<CrisisLang, string> } {
  const words = {} as Record<CrisisLang, string>;
  const stems = {} as Record<CrisisLang, string>;
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
    const lines = (map: Map<string, Set<string>>) => [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([form, cues]) => `${form}\t${[...cues].sort().join("")}`).join("\n");
    words[lang] = lines(found);
    stems[lang] = lines(stemmed);
  }
  return { words, stems };
}
