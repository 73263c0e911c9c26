import { collapseRepeats, normalize } from "../../shared/text/normalize.ts";
import { expandSmsNormalized } from "../../shared/text/sms.ts";
import { ARABIC_SCRIPT_LANGS, CUE_CHARS, type CrisisLang, GRAMMATICAL_CUES, TRIGGERS } from "./cues.ts";
import { CRISIS_FUZZY, CRISIS_STEMS, CRISIS_TABLES } from "./crisis-tables.ts";
import { foldArabicScript, foldArabizi } from "./fold.ts";

/**
 * How the crisis detector reads a text: cut into clauses (punctuation, "mais", "but"…), each
 * normalised (shared/text/normalize.ts), SMS spelling expanded (shared/text/sms.ts) and letter
 * runs squeezed, then each word tagged with its cue families by each lexicon of its script.
 * Words are looked up as typed, two to four at a time ("en finir", "nulle part"), glued
 * ("می خواهم" = "میخواهم"), without their clitics (بالشارع → شارع, نمیخواهم → ن + میخواهم)
 * and, for long French and English words, with one typo undone ("mourrir", "suicde"). Only
 * Arabic-script words are tried glued to the next ones (ZWNJ and spacing variants).
 * Tables are parsed per language on first use, so a French text never builds the Dari one.
 */
export type Tagged = { lang: CrisisLang; tokens: string[]; tags: string[] };

/** The tag of a word read as part of the group before it ("secours" in "au secours"): no family of its own. */
export const CONTINUED = " ";

const CLAUSE_BREAK = /[.!?;:\n,،؟؛…]+/;
const CONJUNCTIONS = new Set(["mais", "but", "sauf", "لكن", "ولكن", "بس", "اما", "ولي", "خو", "مگر"]);

/** The clauses of a text, as normalised word lists. */
export function clausesOf(text: string): string[][] {
  const clauses: string[][] = [];
  for (const raw of text.split(CLAUSE_BREAK)) {
    const read = collapseRepeats(expandSmsNormalized(normalize(raw)));
    if (!read) continue;
    let current: string[] = [];
    for (const token of read.split(" ")) {
      if (CONJUNCTIONS.has(token)) {
        if (current.length > 0) clauses.push(current);
        current = [];
      } else current.push(token);
    }
    if (current.length > 0) clauses.push(current);
  }
  return clauses;
}

const isArabicScript = (token: string) => {
  const c = token.charCodeAt(0);
  return c >= 0x0600 && c <= 0x06ff;
};

type Affix = [affix: string, adds: string];
const NEG = CUE_CHARS.neg;
const FUTURE = CUE_CHARS.future;
/** Clitics stripped (once or twice) when a word is not found as typed; written normalised (ک, ي). */
const PREFIXES: Partial<Record<CrisisLang, Affix[]>> = {
  ar: [
    ["وال", ""],
    ["فال", ""],
    ["بال", ""],
    ["کال", ""],
    ["لل", ""],
    ["ال", ""],
    ["ما", NEG],
    ["غا", FUTURE],
    ["و", ""],
    ["ف", ""],
    ["ب", ""],
    ["ک", ""],
    ["ل", ""],
    ["س", FUTURE],
    ["ح", FUTURE],
  ],
  ps: [
    ["ن", NEG],
    ["و", ""],
  ],
  prs: [
    ["ن", NEG],
    ["و", ""],
  ],
  az: [
    ["qa", ""],
    ["ta", ""],
    ["bi", ""],
    ["b", ""],
    ["l", ""],
  ],
};
const SUFFIXES: Partial<Record<CrisisLang, Affix[]>> = {
  ar: [["ش", NEG]],
  // Darija "ma bghitch": the negation's second half on a word of its own.
  az: [["sh", NEG]],
  prs: [
    // Spoken Dari's object marker: "دستمه" (دستم را), "خوده ره".
    ["ره", ""],
    ["ه", ""],
    ["هايم", ""],
    ["هاي", ""],
    ["ها", ""],
    ["يم", ""],
    ["ام", ""],
    ["م", ""],
    ["ت", ""],
    ["ش", ""],
    ["ي", ""],
    ["را", ""],
  ],
};

/**
 * A language's lexicon, looked up in its generated strings (one per first character) with
 * indexOf: nothing to build in a cold isolate. Each word looked up is kept in `seen`, so a
 * warm isolate answers most words from there; `seen` is emptied when it grows too big.
 */
type Table = { buckets: Record<string, string>; stems: [string, string][]; seen: Map<string, string | null> };
const tables = new Map<CrisisLang, Table>();
const SEEN_MAX = 20_000;
function tableOf(lang: CrisisLang): Table {
  let table = tables.get(lang);
  if (!table) {
    const stems = CRISIS_STEMS[lang]
      .split("\n")
      .filter(Boolean)
      .map((line) => line.split("\t") as [string, string]);
    table = { buckets: CRISIS_TABLES[lang], stems, seen: new Map() };
    tables.set(lang, table);
  }
  return table;
}

function exact(table: Table, form: string): string | undefined {
  const seen = table.seen.get(form);
  if (seen !== undefined) return seen ?? undefined;
  const bucket = table.buckets[form[0]!];
  let found: string | null = null;
  if (bucket !== undefined) {
    const at = bucket.indexOf(`\n${form}\t`);
    if (at >= 0) {
      const from = at + form.length + 2;
      found = bucket.slice(from, bucket.indexOf("\n", from));
    }
  }
  if (table.seen.size >= SEEN_MAX) table.seen.clear();
  table.seen.set(form, found);
  return found ?? undefined;
}

/** Whether some group of words of the lexicon starts with this word ("en" of "en finir"). */
function startsGroup(table: Table, word: string): boolean {
  const key = `${word} `;
  const seen = table.seen.get(key);
  if (seen !== undefined) return seen !== null;
  const found = table.buckets[word[0]!]?.includes(`\n${word} `) ? "" : null;
  table.seen.set(key, found);
  return found !== null;
}

function stemmed(table: Table, form: string): string | undefined {
  for (const [stem, tags] of table.stems) if (form.length >= stem.length && form.startsWith(stem)) return tags;
  return undefined;
}

/** A word with its clitics: as typed, then without a prefix or suffix (twice at most). */
function withAffixes(lang: CrisisLang, table: Table, form: string, depth = 0): string | undefined {
  const found = exact(table, form);
  if (found !== undefined || depth === 2) return found;
  if (lang === "az" && form.length > 5 && form.startsWith("ma") && form.endsWith("sh")) {
    const inner = withAffixes(lang, table, form.slice(2, -2), depth + 1);
    if (inner !== undefined) return inner + NEG;
  }
  for (const [prefix, adds] of PREFIXES[lang] ?? []) {
    if (form.length - prefix.length < 2 || !form.startsWith(prefix)) continue;
    const inner = withAffixes(lang, table, form.slice(prefix.length), depth + 1);
    if (inner !== undefined) return inner + adds;
  }
  for (const [suffix, adds] of SUFFIXES[lang] ?? []) {
    if (form.length - suffix.length < 2 || !form.endsWith(suffix)) continue;
    const inner = withAffixes(lang, table, form.slice(0, -suffix.length), depth + 1);
    if (inner !== undefined) return inner + adds;
  }
  return undefined;
}

/**
 * Words typed apart that are one word ("می خواهم", "خود کشی", "self harm"): the glued form
 * as it is, or with its negation prefix (نمی خواهم). No other clitic is stripped from a glued
 * form: "پدرم مرا" must not become "پدرم" + "م" + "را".
 */
function glued(lang: CrisisLang, table: Table, form: string): string | undefined {
  const found = exact(table, form);
  if (found !== undefined) return found;
  for (const [prefix, adds] of PREFIXES[lang] ?? []) {
    if (adds !== NEG || !form.startsWith(prefix)) continue;
    const inner = exact(table, form.slice(prefix.length));
    if (inner !== undefined) return inner + adds;
  }
  return undefined;
}

/** Families a typo may stand for: content words, never the small grammatical ones. */
const NOT_FUZZY = new Set(GRAMMATICAL_CUES.map((cue) => CUE_CHARS[cue]));

/**
 * One typo undone in a long word: a doubled letter, a trailing letter, one letter too many,
 * two letters swapped. Only for words starting like a long content word of the lexicon.
 */
function fuzzy(lang: CrisisLang, table: Table, token: string): string | undefined {
  if (token.length < 5 || !inBucket(CRISIS_FUZZY[lang], token.slice(0, 4))) return undefined;
  const candidates: string[] = [];
  let single = "";
  for (const ch of token) if (ch !== single[single.length - 1]) single += ch;
  if (single !== token) candidates.push(single);
  if (token.length >= 5 && "estx".includes(token[token.length - 1]!)) candidates.push(token.slice(0, -1));
  if (token.length >= 6) {
    for (let i = 1; i < token.length; i++) candidates.push(token.slice(0, i) + token.slice(i + 1));
    for (let i = 1; i < token.length - 1; i++)
      candidates.push(token.slice(0, i) + token[i + 1] + token[i] + token.slice(i + 2));
  }
  for (const candidate of candidates) {
    if (candidate.length < 5) continue;
    const tags = exact(table, candidate);
    if (tags && [...tags].some((t) => !NOT_FUZZY.has(t))) return tags;
  }
  return undefined;
}

/** Whether a lexicon reads this form (or group of words) as a word of a trigger family. */
function triggers(form: string | undefined): boolean {
  if (form === undefined) return false;
  for (let i = 0; i < form.length; i++) if (TRIGGER_CHARS.includes(form[i]!)) return true;
  return false;
}

/**
 * Whether a clause may hold a crisis: an Arabic-script word, or a Latin one that is (or may
 * be, through a stem, a typo or an arabizi clitic) a word of a trigger family. Most questions
 * have none, and a cold isolate then tags nothing and compiles no rule. Looked up in the
 * French, English and arabizi tables themselves (no gate of their own to ship).
 */
export function mayHoldCrisis(tokens: string[]): boolean {
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (isArabicScript(token)) return true;
    for (const lang of LATIN) {
      const table = tableOf(lang);
      if (triggers(exact(table, token))) return true;
      if (!startsGroup(table, token)) continue;
      let group = token;
      for (let k = 1; k < 4 && i + k < tokens.length; k++) {
        group += " " + tokens[i + k];
        if (triggers(exact(table, group))) return true;
      }
    }
    if (token.length >= 6) {
      const start = token.slice(0, 4);
      if (inBucket(CRISIS_FUZZY.fr, start) || inBucket(CRISIS_FUZZY.en, start)) return true;
    }
    for (let s = 0; s < STEM_STARTS.length; s++) if (token.startsWith(STEM_STARTS[s]!)) return true;
    if (triggers(withAffixes("az", tableOf("az"), foldArabizi(token)))) return true;
  }
  return false;
}
const LATIN: readonly CrisisLang[] = ["fr", "en"];
const TRIGGER_CHARS = TRIGGERS.map((cue) => CUE_CHARS[cue]).join("");
const inBucket = (buckets: Record<string, string>, form: string) =>
  form !== "" && (buckets[form[0]!]?.indexOf("|" + form + "|") ?? -1) >= 0;
const STEM_STARTS = (CRISIS_STEMS.fr + "\n" + CRISIS_STEMS.en)
  .split("\n")
  .filter(Boolean)
  .map((line) => line.split("\t")[0]!);

/** A word as the lexicon of `lang` spells it, or null when it is in the other script. */
function prepared(lang: CrisisLang, arabic: boolean, token: string): string | null {
  // A number is read by every lexicon ("به ۱۱۵ زنگ زدم": the 115, written in Eastern digits, normalised).
  if (isArabicScript(token) !== arabic && !/^\d+$/.test(token)) return null;
  if (arabic) return foldArabicScript(token);
  return lang === "az" ? foldArabizi(token) : token;
}

/**
 * One language's reading of a clause: per word, its cue characters ("" for none). A group
 * of words found together is tagged on its first word; the others are left untagged.
 */
export function tagClause(lang: CrisisLang, tokens: string[]): Tagged | null {
  const arabic = ARABIC_SCRIPT_LANGS.includes(lang);
  const words = tokens.map((t) => prepared(lang, arabic, t));
  if (words.every((w) => w === null)) return null;
  const table = tableOf(lang);
  const tags: string[] = new Array<string>(tokens.length).fill("");
  let any = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (word === null || word === undefined) continue;
    let found: string | undefined;
    let span = 1;
    const head = startsGroup(table, word);
    for (let k = Math.min(4, words.length - i); k >= 2 && found === undefined; k--) {
      if (!head && !(arabic && k <= 3)) continue;
      const group = words.slice(i, i + k);
      if (group.includes(null)) continue;
      if (head) found = exact(table, group.join(" "));
      if (found === undefined && arabic && k <= 3) found = glued(lang, table, group.join(""));
      if (found !== undefined) span = k;
    }
    if (found === undefined) {
      const latin = lang === "fr" || lang === "en";
      found =
        (latin ? exact(table, word) : withAffixes(lang, table, word)) ??
        stemmed(table, word) ??
        (latin ? fuzzy(lang, table, word) : undefined);
    }
    if (found === undefined) continue;
    tags[i] = found;
    for (let j = 1; j < span; j++) tags[i + j] = CONTINUED;
    any = true;
    i += span - 1;
  }
  return any ? { lang, tokens, tags } : null;
}
