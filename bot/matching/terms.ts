import { normalize } from "../../shared/text/normalize.ts";
import { expandSmsNormalized, expandSmsToken } from "../../shared/text/sms.ts";
import { CONCEPT_STEMS, CUE_WORDS, EXPRESSION_WORDS, LIGHT_STEMS, PLAIN_STEMS, STOP_TOKENS } from "./lexicon-tables.ts";
import { stem } from "./stem.ts";

/**
 * Tokenising, the same for the content and the question: text → normalise → SMS expansion →
 * stop words out → light stem (+ the shared concept of known synonyms). The lexicon
 * (lexicon.ts) comes as generated into lexicon-tables.ts: start-up only splits strings.
 */

export const STOP = new Set(STOP_TOKENS.split(" "));

/** Stems of the light words (lexicon LIGHT_WORDS): they count LIGHT_FACTOR. */
export const LIGHT = new Set(LIGHT_STEMS.split(" "));
export const LIGHT_FACTOR = 0.4;

/** Stems of the plain words (lexicon PLAIN_WORDS): unknown to the content, they are not what a question is about. */
export const PLAIN = new Set(PLAIN_STEMS.split(" "));

/** stem → concept id ("~3"), from the shared synonym groups. */
export const CONCEPT_OF = new Map<string, string>();
CONCEPT_STEMS.split("\n").forEach((line, index) => {
  for (const s of line.split(" ")) if (s) CONCEPT_OF.set(s, `~${index}`);
});

/** "<value>=<words>|<words>" lines → first word → [words, value], longest first. */
function phraseTable(lines: string): Map<string, [string[], string][]> {
  const table = new Map<string, [string[], string][]>();
  for (const line of lines.split("\n")) {
    const at = line.indexOf("=");
    for (const entry of line.slice(at + 1).split("|")) {
      if (!entry) continue;
      const words = entry.split(" ");
      const list = table.get(words[0]!) ?? [];
      list.push([words, line.slice(0, at)]);
      list.sort((a, b) => b[0].length - a[0].length);
      table.set(words[0]!, list);
    }
  }
  return table;
}

/** normalised token → its stems (SMS-expanded, stop words out); cached, the same words recur. */
const STEMS_CACHE = new Map<string, string[]>();
const NONE: string[] = [];
export function stemsOfToken(token: string): string[] {
  let stems = STEMS_CACHE.get(token);
  if (stems) return stems;
  let expanded = expandSmsToken(token);
  // "jcherche", "jtrouve": "je" glued to any verb, as the SMS table does for the common ones.
  if (expanded === token && /^j[bcdfghklmnpqrstvwxz][a-z]{3,}$/.test(token)) expanded = `je ${token.slice(1)}`;
  stems = NONE;
  for (const word of expanded === token ? [token] : expanded.split(" ")) {
    if (word.length < 2 || STOP.has(word)) continue;
    if (stems === NONE) stems = [];
    stems.push(stem(word));
  }
  if (STEMS_CACHE.size > 50_000) STEMS_CACHE.clear();
  STEMS_CACHE.set(token, stems);
  return stems;
}

/** Expressions of stop words that mean one word (lexicon EXPRESSIONS): first word → [words, its stem], longest first. */
const EXPRESSION_OF = phraseTable(EXPRESSION_WORDS);

/** The stems of a text's meaningful words, in order (and in `sources`, the word each comes from). */
export function stemsOf(text: string, sources?: string[]): string[] {
  const normalized = normalize(text);
  if (!normalized) return [];
  const tokens = normalized.split(" ");
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    // "c est" is already spelled out: only a lone "c" ("c koi") is expanded (to stop words).
    if (token === "c") continue;
    const expressions = EXPRESSION_OF.get(token);
    const expression = expressions?.find(([words]) => words.every((w, k) => tokens[i + k] === w));
    if (expression) {
      out.push(expression[1]);
      sources?.push(token);
      i += expression[0].length - 1;
      continue;
    }
    for (const s of stemsOfToken(token)) {
      out.push(s);
      sources?.push(token);
    }
  }
  return out;
}

/** The terms of a text: stems of its meaningful words, and the concepts they belong to. */
export function termsOf(text: string): string[] {
  const out: string[] = [];
  for (const s of stemsOf(text)) {
    out.push(s);
    const concept = CONCEPT_OF.get(s);
    if (concept) out.push(concept);
  }
  return out;
}

/** Question words (lexicon INTERROGATIVES): first word → [words, cue term], longest first. */
const CUES = phraseTable(CUE_WORDS);

/** A text's words, normalised and SMS spelling expanded, stop words kept. */
export function wordsOf(text: string): string[] {
  return expandSmsNormalized(normalize(text)).split(" ");
}

/** The kinds of question a text asks ("?when", "?howmuch"…), from its question words. */
export function cuesOf(text: string, tokens = wordsOf(text)): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const candidates = CUES.get(tokens[i]!);
    if (!candidates) continue;
    for (const [words, cue] of candidates) {
      if (words.every((w, k) => tokens[i + k] === w)) {
        if (!out.includes(cue)) out.push(cue);
        i += words.length - 1;
        break;
      }
    }
  }
  return out;
}

/** Two words following each other, as one term ("_" never occurs in a normalised word). */
export const phrase = (a: string, b: string) => `${a}_${b}`;

/**
 * A keyword of several words found as is in the question, stop words included, is strong
 * evidence ("qu'est-ce qu'il y a dans le contrat" → the keyword "ce qu'il y a dans le contrat"):
 * the words that the stems drop (question words, "dans", "pas") then count too.
 */
export function exactWords(text: string, tokens = wordsOf(text)): string[] {
  const out: string[] = [];
  for (const token of tokens) if (token) out.push(stem(token));
  return out;
}
/** The longest exact keyword, in words. */
export const MAX_EXACT = 8;
