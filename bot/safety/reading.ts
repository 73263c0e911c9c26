import { collapseRepeats, normalize } from "../../shared/text/normalize.ts";
import { expandSmsNormalized } from "../../shared/text/sms.ts";
import { ARABIC_SCRIPT_LANGS, CUE_CHARS, type CrisisLang } from "./cues.ts";
import { CRISIS_STEMS, CRISIS_TABLES } from "./crisis-tables.ts";

/**
 * How the crisis detector reads a text: cut into clauses (punctuation, "mais", "but"…), each
 * normalised (shared/text/normalize.ts), SMS spelling expanded (shared/text/sms.ts) and letter
 * runs squeezed, then each word tagged with its cue families by each lexicon of its script.
 * Words are looked up as typed, two to four at a time ("en finir", "nulle part"), glued
 * ("می خواهم" = "میخواهم"), without their clitics (بالشارع → شارع, نمیخواهم → ن + میخواهم)
 * and, for long French and English words, with one typo undone ("mourrir", "suicde").
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

/** Pashto letters as a Persian keyboard types them (ګ → گ, ړ → ر, ځ → ز…), and Maghrebi ڭ. */
const KEYBOARD_FOLD: Record<string, string> = { "ګ": "گ", "ڭ": "گ", "ړ": "ر", "ښ": "ش", "ټ": "ت", "ډ": "د", "ږ": "ژ", "ڼ": "ن", "ځ": "ز", "ڤ": "ف" };
export function foldArabicScript(token: string): string {
  let out = "";
  for (const ch of token) out += KEYBOARD_FOLD[ch] ?? ch;
  return out;
}

/** Arabizi spellings folded together: digits to letters, o/ou → u, e → i, ch → sh, k → q, no doubles. */
const ARABIZI: Record<string, string> = { "2": "", "3": "a", "5": "kh", "7": "h", "8": "gh", "9": "q", k: "q", o: "u", e: "i", y: "i" };
export function foldArabizi(token: string): string {
  let mapped = "";
  for (let i = 0; i < token.length; i++) {
    const ch = token[i]!;
    mapped += ch === "c" ? (token[i + 1] === "h" ? "s" : "q") : (ARABIZI[ch] ?? ch);
  }
  let out = "";
  for (const ch of mapped) if (ch !== out[out.length - 1]) out += ch;
  return out;
}

type Affix = [affix: string, adds: string];
const NEG = CUE_CHARS.neg;
const FUTURE = CUE_CHARS.future;
/** Clitics stripped (once or twice) when a word is not found as typed; written normalised (ک, ي). */
const PREFIXES: Partial<Record<CrisisLang, Affix[]>> = {
  ar: [["وال", ""], ["فال", ""], ["بال", ""], ["کال", ""], ["لل", ""], ["ال", ""], ["ما", NEG], ["غا", FUTURE], ["و", ""], ["ف", ""], ["ب", ""], ["ک", ""], ["ل", ""], ["س", FUTURE], ["ح", FUTURE]],
  ps: [["ن", NEG], ["و", ""]],
  prs: [["ن", NEG], ["و", ""]],
  az: [["qa", ""], ["ta", ""], ["bi", ""], ["b", ""], ["l", ""]],
};
const SUFFIXES: Partial<Record<CrisisLang, Affix[]>> = {
  ar: [["ش", NEG]],
  prs: [["هايم", ""], ["هاي", ""], ["ها", ""], ["يم", ""], ["ام", ""], ["م", ""], ["ت", ""], ["ش", ""], ["ي", ""], ["را", ""]],
};

type Table = { words: Map<string, string>; stems: [string, string][] };
const tables = new Map<CrisisLang, Table>();
function tableOf(lang: CrisisLang): Table {
  let table = tables.get(lang);
  if (!table) {
    const words = new Map<string, string>();
    for (const line of CRISIS_TABLES[lang].split("\n")) {
      const tab = line.indexOf("\t");
      if (tab > 0) words.set(line.slice(0, tab), line.slice(tab + 1));
    }
    const stems = CRISIS_STEMS[lang].split("\n").filter(Boolean).map((line) => line.split("\t") as [string, string]);
    table = { words, stems };
    tables.set(lang, table);
  }
  return table;
}

function exact(table: Table, form: string): string | undefined {
  const found = table.words.get(form);
  if (found !== undefined) return found;
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
const NOT_FUZZY = new Set(["neg", "first", "third", "me", "meOrSelf", "self", "relative", "pastAux", "of", "filler", "liveComplement",
  "copula", "causative", "passive", "have", "idiom", "time", "nonPerson", "fearFuture"].map((cue) => CUE_CHARS[cue as keyof typeof CUE_CHARS]));

/** One typo undone in a long word: a doubled letter, a trailing letter, one letter too many, two letters swapped. */
function fuzzy(table: Table, token: string): string | undefined {
  const candidates: string[] = [];
  let single = "";
  for (const ch of token) if (ch !== single[single.length - 1]) single += ch;
  if (single !== token) candidates.push(single);
  if (token.length >= 5 && "estx".includes(token[token.length - 1]!)) candidates.push(token.slice(0, -1));
  if (token.length >= 6) {
    for (let i = 1; i < token.length; i++) candidates.push(token.slice(0, i) + token.slice(i + 1));
    for (let i = 1; i < token.length - 1; i++) candidates.push(token.slice(0, i) + token[i + 1] + token[i] + token.slice(i + 2));
  }
  for (const candidate of candidates) {
    if (candidate.length < 5) continue;
    const tags = exact(table, candidate);
    if (tags && [...tags].some((t) => !NOT_FUZZY.has(t))) return tags;
  }
  return undefined;
}

/** A word as the lexicon of `lang` spells it, or null when it is in the other script. */
function prepared(lang: CrisisLang, arabic: boolean, token: string): string | null {
  if (isArabicScript(token) !== arabic) return null;
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
    for (let k = Math.min(4, words.length - i); k >= 2 && found === undefined; k--) {
      const group = words.slice(i, i + k);
      if (group.includes(null)) continue;
      found = table.words.get(group.join(" "));
      if (found === undefined && k <= (arabic ? 3 : 2)) found = glued(lang, table, group.join(""));
      if (found !== undefined) span = k;
    }
    found ??= withAffixes(lang, table, word) ?? (lang === "fr" || lang === "en" ? fuzzy(table, word) : undefined);
    if (found === undefined) continue;
    tags[i] = found;
    for (let j = 1; j < span; j++) tags[i + j] = CONTINUED;
    any = true;
    i += span - 1;
  }
  return any ? { lang, tokens, tags } : null;
}
