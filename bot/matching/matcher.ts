import type { ContentBundle, LocalizedKeywords, LocalizedText } from "../../shared/content/model.ts";
import { normalize } from "../../shared/text/normalize.ts";
import { expandSmsNormalized, expandSmsToken } from "../../shared/text/sms.ts";
import { CONCEPT_STEMS, CUE_WORDS, EXPRESSION_WORDS, LIGHT_STEMS, STOP_TOKENS } from "./lexicon-tables.ts";
import { arabicVariants, dariVariants, looksArabic, looksDari, stem } from "./stem.ts";

export type MatchTarget = { kind: "faq" | "step" | "topic"; id: string };
export type Match = MatchTarget & { score: number };
export type Matcher = { match(text: string): Match[] };

/**
 * Free-text matching: an inverted index over every locale at once (young people mix
 * languages). Chosen over D1 FTS5 because a query costs no round trip and typos, SMS spelling
 * and synonyms need logic FTS5 has not got.
 *
 * Text → normalise → SMS expansion → stop words out → light stem (+ shared concept for known
 * synonyms). Score = Σ field weight × idf over the query's terms, plus a bonus for two query
 * words that follow each other as in a keyword or title ("titre sejour"). A term unknown to the
 * index is corrected towards the keyword and title vocabulary (edit distance 1, 2 for long words).
 * A definition question ("c'est quoi X", "what is X", "ما هو X", "X چیست") favours the items
 * whose title or question names X (focusOf).
 * Acronyms are learnt from the content (learnAcronyms: "cej" and "contrat d'engagement jeune" as
 * keywords of one item): a text spelling the name out also holds the acronym's term. Names are
 * learnt too (learnNames: a keyword of several words that two items have, "titre de séjour",
 * "عقد الشاب الراشد"): their words count half, so the rest of the question decides.
 * Light words ("chercher", "trouver", "demander", "بحث", "طلب": lexicon LIGHT_WORDS) count
 * LIGHT_FACTOR and never make an item more precise than its topic; expressions of stop words
 * ("veulent pas", "dit non": lexicon EXPRESSIONS) read as the word they mean ("refus").
 * Arabic glued letters (و ف ب ل, verb persons, pronoun suffixes) and Dari possessives are not
 * stemmed away (Pashto and Dari words start and end with the same letters): a word of an Arabic
 * (or Dari) question is read without them only if the Arabic (or Dari) content has that word
 * (arabicVariants, dariVariants, MatchIndex.arabic / dari).
 * Light signals on top: question words ("quand", "combien", "کله"…) matched against the items'
 * own titles, questions and keywords (lexicon INTERROGATIVES), and multi-word keywords found
 * word for word, stop words included. Ranking: a topic is lifted just above its best item when
 * that item says nothing more than the topic (no query word in its title that the topic's title
 * lacks, none that at most one sibling has as keyword) and scores at most TOPIC_MARGIN above it;
 * ties go to the item whose title holds more query words, then to the most precise kind.
 * Tuned on the even half of tests/eval/questions.json (`npm run eval -- --split`).
 *
 * Cost: building the index reads every text of the content (~20 000 words), far too slow for
 * a cold isolate's first turn. So the index is built when content is published, stored with the
 * snapshot as a compact JSON string (serializeIndex), and a cold isolate only parses it, lazily,
 * on its first free-text question (adoptIndex). The typo vocabulary and the exact keywords are
 * stored grouped (by length, by first word): a question splits only the groups it needs.
 * Measured by scripts/bench-matcher.ts.
 */

/** Field weights: keywords > titles and FAQ questions > bodies. */
export const WEIGHTS = { keyword: 3, title: 2, body: 0.6, concept: 0.8, phrase: 1.5, cue: 1, exact: 1 } as const;
/**
 * Specificity: when the best step or FAQ of a topic scores at most this much above its topic and
 * matches no query word in its title or question that the topic's title lacks, the topic answers
 * ("je cherche un logement" is the housing topic, not its first step). Tuned on the even half of
 * tests/eval/questions.json.
 */
const TOPIC_MARGIN = 1.1;
/** A child's query word is its own when at most this many siblings have it as title or keyword. */
const DISTINCT = 1;
/** Stored weight × 10 from which a match counts as title or keyword (not body, not a two-word phrase). */
const STRONG = WEIGHTS.title * 10;
const FUZZY_FACTOR = 0.75;
/** Query words that spell out an acronym the content knows count this much (the acronym counts 1). */
const EXPANSION_FACTOR = 0.5;
const MAX_RESULTS = 5;


/**
 * Postings hold weight × 10 × 2, + 1 when the term is in the item's title or FAQ question.
 * Bump when the index format or the text analysis changes: stored indexes of another version are rebuilt. */
export const INDEX_VERSION = 15;

/** A serialisable index. Postings are flat pairs [doc, weight × 10, doc, weight × 10, …]. */
export type MatchIndex = {
  v: number;
  /** "kind:id" per document. */
  docs: string[];
  /** Per document, the document number of its topic (-1 for a topic or an orphan). */
  parents: number[];
  postings: Record<string, number[]>;
  /** Keyword and title terms a typo may be corrected to (bodies are too noisy), grouped by length: "4:word word,5:words …". */
  vocab: string;
  /**
   * Keywords of several words, stop words kept, grouped by first word: ",ce:qu_il_y_a_dan_le_contrat qu_est,…"
   * (each is the term "=ce_qu_il_y_a_dan_le_contrat" of the postings).
   */
  exacts: string;
  /** Acronyms learnt from the content, with the stems of their expansions: "cej=contrat_engag_jeun,css=…". */
  acronyms: string;
  /**
   * Keyword and title words of the Arabic content, space-separated: a word of an Arabic question
   * with a glued letter is read as one of these only ("أنام" I sleep is not the Dari "نام" name).
   */
  arabic: string;
  /** The same for the Dari content (possessives: "پولم" my money is "پول"). */
  dari: string;
};

const ARABIC_LETTER = /[\u0600-\u06ff]/;
// The lexicon (lexicon.ts) as generated into lexicon-tables.ts: start-up only splits strings.
const STOP = new Set(STOP_TOKENS.split(" "));

/** Stems of the light words (lexicon LIGHT_WORDS): they count this much. */
const LIGHT = new Set(LIGHT_STEMS.split(" "));
const LIGHT_FACTOR = 0.4;

/** stem → concept id ("~3"), from the shared synonym groups. */
const CONCEPT_OF = new Map<string, string>();
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
function stemsOfToken(token: string): string[] {
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
function wordsOf(text: string): string[] {
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

/**
 * Asking what a thing is ("c'est quoi un récépissé", "what is a recepisse", "ما هو الوصل",
 * "رسید چیست", "رسید څه شی دی") puts that thing first: its words (up to FOCUS_WORDS meaningful
 * ones, after the cue, or before it in Persian and Pashto where the cue comes last) count
 * FOCUS_FACTOR.
 */
export const DEFINITION_CUES = {
  before: ["c est quoi", "c quoi", "cest quoi", "what is", "whats", "what s", "what are", "what does", "ما هو", "ما هي", "ماهو", "ماهي"],
  after: ["چيست", "چي است", "چه است", "چي هست", "څه شي دي", "څه شي ده"],
};
// Written already normalised (a test checks it): normalising Arabic script at start-up compiled a Unicode pattern (~1.4 ms).
const CUES_BEFORE = DEFINITION_CUES.before.map((cue) => cue.split(" "));
const CUES_AFTER = DEFINITION_CUES.after.map((cue) => cue.split(" "));
const FOCUS_WORDS = 3;
const FOCUS_FACTOR = 2;

/** The stems a definition question is about. */
export function focusOf(text: string, tokens = wordsOf(text)): Set<string> {
  const out = new Set<string>();
  const at = (cue: string[], i: number) => cue.every((w, k) => tokens[i + k] === w);
  const take = (from: number, step: 1 | -1) => {
    let taken = 0;
    for (let j = from; j >= 0 && j < tokens.length && taken < FOCUS_WORDS; j += step) {
      const stems = stemsOfToken(tokens[j]!);
      if (stems.length === 0) continue;
      for (const s of stems) out.add(s);
      taken++;
    }
  };
  for (let i = 0; i < tokens.length; i++) {
    for (const cue of CUES_BEFORE) if (at(cue, i)) take(i + cue.length, 1);
    for (const cue of CUES_AFTER) if (at(cue, i)) take(i - 1, -1);
  }
  return out;
}

/** Two words following each other, as one term ("_" never occurs in a normalised word). */
const phrase = (a: string, b: string) => `${a}_${b}`;

function allTexts(text: LocalizedText | undefined): string[] {
  return text ? Object.values(text).filter((v): v is string => typeof v === "string") : [];
}
function allKeywords(keywords: LocalizedKeywords | undefined): string[] {
  return keywords ? Object.values(keywords).flatMap((list) => list ?? []) : [];
}

/** "4:abcd efgh,5:abcde": a typo only looks at words of about its length. */
function groupByLength(words: string[]): string {
  const groups = new Map<number, string[]>();
  for (const word of words) {
    const group = groups.get(word.length);
    if (group) group.push(word);
    else groups.set(word.length, [word]);
  }
  return [...groups].map(([length, group]) => `${length}:${group.join(" ")}`).join(",");
}

/**
 * A keyword of several words found as is in the question, stop words included, is strong
 * evidence ("qu'est-ce qu'il y a dans le contrat" → the keyword "ce qu'il y a dans le contrat"):
 * the words that the stems drop (question words, "dans", "pas") then count too.
 */
function exactWords(text: string, tokens = wordsOf(text)): string[] {
  const out: string[] = [];
  for (const token of tokens) if (token) out.push(stem(token));
  return out;
}
const MAX_EXACT = 8;

/** Builds the index of a content bundle (at publication, or for a draft preview). */
export function buildIndex(bundle: ContentBundle): MatchIndex {
  const keywordLists = [...bundle.faqs, ...bundle.steps, ...bundle.topics].map((item) => allKeywords(item.keywords));
  const acronyms = learnAcronyms(keywordLists);
  const names = learnNames(keywordLists);
  if (names.length > 0) acronyms.set("", names);
  const docs: string[] = [];
  const parents: number[] = [];
  const postings: Record<string, number[]> = Object.create(null);
  const vocab = new Set<string>();
  const exacts = new Map<string, Set<string>>();

  // Arabic texts glue letters to words ("وبطاقة", "إقامتك"): such a word also stands for the word
  // without them when that word is a keyword or title word of the content (arabicVariants).
  const arabic = new Set<string>();
  const known = new Set<string>();
  const arabicWords = new Set<string>();
  const dari = new Set<string>();
  const dariWords = new Set<string>();
  for (const item of [...bundle.faqs, ...bundle.steps, ...bundle.topics]) {
    const title = "question" in item ? item.question : item.title;
    for (const text of [...allKeywords(item.keywords), ...allTexts(title)]) for (const s of stemsOf(text)) known.add(s);
    for (const text of [...(item.keywords?.ar ?? []), title.ar ?? ""]) for (const s of stemsOf(text)) if (ARABIC_LETTER.test(s)) arabicWords.add(s);
    const body = "answer" in item ? item.answer : "body" in item ? item.body : item.intro;
    for (const text of [...(item.keywords?.ar ?? []), title.ar, body.ar]) if (text) arabic.add(text);
    for (const text of [...(item.keywords?.prs ?? []), title.prs ?? ""]) for (const s of stemsOf(text)) if (ARABIC_LETTER.test(s)) dariWords.add(s);
    for (const text of [...(item.keywords?.prs ?? []), title.prs, body.prs]) if (text) dari.add(text);
  }
  const variantOf = (token: string, variants: (token: string) => string[]): string | undefined => variants(token).find((v) => known.has(v) || CONCEPT_OF.has(v));

  const addDoc = (ref: string, keywords: LocalizedKeywords | undefined, titles: LocalizedText[], bodies: LocalizedText[]) => {
    const doc = docs.push(ref) - 1;
    const weights = new Map<string, number>();
    const set = (term: string, w: number) => {
      if ((weights.get(term) ?? 0) < w) weights.set(term, w);
    };
    /** Terms of the title or FAQ question: what the item is about, for specificity. */
    const titled = new Set<string>();
    const put = (texts: string[], weight: number, phrases: boolean) => {
      for (const text of texts) {
        const variants = arabic.has(text) ? arabicVariants : dari.has(text) ? dariVariants : undefined;
        const sources: string[] | undefined = variants ? [] : undefined;
        const stems = stemsOf(text, sources);
        for (let i = 0; i < stems.length; i++) {
          const s = stems[i]!;
          set(s, weight);
          if (weight === WEIGHTS.title) titled.add(s);
          const concept = CONCEPT_OF.get(s);
          if (concept) set(concept, WEIGHTS.concept * weight);
          const variant = sources && variants && !concept && !known.has(s) ? variantOf(sources[i]!, variants) : undefined;
          if (variant) {
            set(variant, weight);
            if (weight === WEIGHTS.title) titled.add(variant);
            const variantConcept = CONCEPT_OF.get(variant);
            if (variantConcept) set(variantConcept, WEIGHTS.concept * weight);
          }
          if (phrases && i > 0) set(phrase(stems[i - 1]!, s), WEIGHTS.phrase);
        }
        // An acronym's expansion in the text stands for the acronym too (and the acronym thus for it).
        for (const acronym of acronymsIn(stems, acronyms)) set(acronym, weight);
      }
    };
    put(bodies.flatMap(allTexts), WEIGHTS.body, false);
    put(titles.flatMap(allTexts), WEIGHTS.title, true);
    put(allKeywords(keywords), WEIGHTS.keyword, true);
    for (const keyword of allKeywords(keywords)) {
      const words = exactWords(keyword);
      if (words.length < 2 || words.length > MAX_EXACT) continue;
      const rest = words.slice(1).join("_");
      let group = exacts.get(words[0]!);
      if (!group) exacts.set(words[0]!, (group = new Set()));
      group.add(rest);
      set(`=${words[0]}_${rest}`, WEIGHTS.exact);
    }
    for (const text of [...titles.flatMap(allTexts), ...allKeywords(keywords)]) for (const cue of cuesOf(text)) set(cue, WEIGHTS.cue);
    for (const [term, weight] of weights) {
      (postings[term] ??= []).push(doc, Math.round(weight * 10) * 2 + (titled.has(term) ? 1 : 0));
      if (weight >= WEIGHTS.title && term.length >= 4 && !term.startsWith("~") && !term.includes("_")) vocab.add(term);
    }
  };
  const topicDoc = (id: string) => bundle.faqs.length + bundle.steps.length + bundle.topics.findIndex((t) => t.id === id);
  for (const faq of bundle.faqs) {
    addDoc(`faq:${faq.id}`, faq.keywords, [faq.question], [faq.answer]);
    parents.push(topicDoc(faq.topicId));
  }
  for (const step of bundle.steps) {
    addDoc(`step:${step.id}`, step.keywords, [step.title], [step.body]);
    parents.push(topicDoc(step.topicId));
  }
  for (const topic of bundle.topics) {
    addDoc(`topic:${topic.id}`, topic.keywords, [topic.title], [topic.intro]);
    parents.push(-1);
  }
  // An unknown topic id gives findIndex -1, so a number below the topics: no parent.
  const firstTopic = bundle.faqs.length + bundle.steps.length;
  return { v: INDEX_VERSION, docs, parents: parents.map((p) => (p < firstTopic ? -1 : p)), postings, vocab: groupByLength([...vocab]), exacts: [...exacts].map(([first, rests]) => `,${first}:${[...rests].join(" ")}`).join(""), acronyms: serializeAcronyms(acronyms), arabic: [...arabicWords].join(" "), dari: [...dariWords].join(" ") };
}

/** Items from which a keyword of several words is the name of a thing. */
const NAME_MIN_ITEMS = 2;
/**
 * Names the content uses: a keyword of 2 to 4 meaningful words that NAME_MIN_ITEMS items have
 * ("titre de séjour", "عقد الشاب الراشد"). In a question they are one thing, not several words of
 * meaning: its words count EXPANSION_FACTOR, as an acronym's expansion ("refusé" in "on m'a
 * refusé le contrat jeune majeur" then weighs as much as the name). Stored with the acronyms,
 * under the empty acronym.
 */
export function learnNames(keywordLists: string[][]): string[][] {
  const count = new Map<string, number>();
  for (const keywords of keywordLists) {
    const seen = new Set<string>();
    for (const keyword of keywords) {
      const stems = stemsOf(keyword);
      if (stems.length >= 2 && stems.length <= 4) seen.add(stems.join("_"));
    }
    for (const key of seen) count.set(key, (count.get(key) ?? 0) + 1);
  }
  return [...count].filter(([, n]) => n >= NAME_MIN_ITEMS).map(([key]) => key.split("_"));
}

/** Acronym stem → the stems of its expansions. */
type Acronyms = Map<string, string[][]>;

/**
 * Acronyms the content teaches: an item whose keywords hold both "cej" and "contrat
 * d'engagement jeune" (initials of its words, with or without the stop words) links the two,
 * for every item and every question. Three letters at least: two initials match too often by chance.
 */
export function learnAcronyms(keywordLists: string[][]): Acronyms {
  const out: Acronyms = new Map();
  for (const keywords of keywordLists) {
    const singles = new Set<string>();
    for (const keyword of keywords) {
      const token = normalize(keyword);
      if (/^[a-z]{3,6}$/.test(token) && !STOP.has(token)) singles.add(token);
    }
    if (singles.size === 0) continue;
    for (const keyword of keywords) {
      const words = normalize(keyword).split(" ").filter(Boolean);
      if (words.length < 2) continue;
      const all = words.map((w) => w[0]).join("");
      const meaningful = words.filter((w) => !STOP.has(w)).map((w) => w[0]).join("");
      for (const acronym of singles) {
        if (acronym !== all && acronym !== meaningful) continue;
        const stems = stemsOf(keyword);
        if (stems.length < 2) continue;
        const key = stem(acronym);
        const list = out.get(key) ?? [];
        if (!list.some((known) => known.join("_") === stems.join("_"))) list.push(stems);
        out.set(key, list);
      }
    }
  }
  return out;
}

function serializeAcronyms(acronyms: Acronyms): string {
  return [...acronyms].flatMap(([acronym, expansions]) => expansions.map((stems) => `${acronym}=${stems.join("_")}`)).join(",");
}

function parseAcronyms(text: string): Acronyms {
  const out: Acronyms = new Map();
  for (const entry of text ? text.split(",") : []) {
    const at = entry.indexOf("=");
    const list = out.get(entry.slice(0, at)) ?? [];
    list.push(entry.slice(at + 1).split("_"));
    out.set(entry.slice(0, at), list);
  }
  return out;
}

/** Positions of the stems that spell out an acronym. */
function coveredByExpansions(stems: string[], acronyms: Acronyms): Set<number> {
  const out = new Set<number>();
  for (const expansions of acronyms.values()) {
    for (const expansion of expansions) {
      for (let at = stems.indexOf(expansion[0]!); at >= 0; at = stems.indexOf(expansion[0]!, at + 1)) {
        if (expansion.every((s, k) => stems[at + k] === s)) for (let k = 0; k < expansion.length; k++) out.add(at + k);
      }
    }
  }
  return out;
}

/** The acronyms whose expansion occurs, word after word, in a sequence of stems. */
function acronymsIn(stems: string[], acronyms: Acronyms): string[] {
  const out: string[] = [];
  if (acronyms.size === 0 || stems.length < 2) return out;
  for (const [acronym, expansions] of acronyms) {
    // Names (learnNames) have no acronym.
    if (!acronym) continue;
    for (const expansion of expansions) {
      const at = stems.indexOf(expansion[0]!);
      if (at >= 0 && expansion.every((s, k) => stems[at + k] === s) && !out.includes(acronym)) out.push(acronym);
    }
  }
  return out;
}

/**
 * The stored form: one string, no JSON inside (so it costs nothing to parse with the snapshot
 * and is never parsed as a whole): "v<version>\n<docs, space-separated>\n|term:doc.weight,doc.weight|…\n<vocab>\n<parents, space-separated>\n<exact keywords>\n<first letter + offset of its terms in the postings, ","-separated>\n<acronyms and names>\n<Arabic words, space-separated>\n<Dari words>".
 * Numbers are base 36; a query looks its few terms up with indexOf.
 */
export function serializeIndex(index: MatchIndex): string {
  let postings = "|";
  // Sorted, so that the terms of one first letter are together: a lookup scans its letter only.
  const buckets: string[] = [];
  let letter = "";
  for (const term of Object.keys(index.postings).sort()) {
    if (term[0] !== letter) {
      letter = term[0]!;
      buckets.push(`${letter}${(postings.length - 1).toString(36)}`);
    }
    const list = index.postings[term]!;
    const pairs: string[] = [];
    for (let i = 0; i < list.length; i += 2) pairs.push(`${list[i]!.toString(36)}.${list[i + 1]!.toString(36)}`);
    postings += `${term}:${pairs.join(",")}|`;
  }
  return `v${index.v}\n${index.docs.join(" ")}\n${postings}\n${index.vocab}\n${index.parents.join(" ")}\n${index.exacts}\n${buckets.join(",")}\n${index.acronyms}\n${index.arabic}\n${index.dari}`;
}

type StoredIndex = { docs: string[]; parents: number[]; exacts: string; acronyms: string; arabic: string; dari: string; lookup: (term: string) => number[] | undefined; vocab: string };

/** A stored index, or null if it is not one of this version (then the matcher rebuilds it). */
function openStored(stored: string): StoredIndex | null {
  const parts = stored.split("\n");
  if (parts.length !== 10 || parts[0] !== `v${INDEX_VERSION}`) return null;
  const postings = parts[2]!;
  const memo = new Map<string, number[] | undefined>();
  /** First letter → [start, end) of its terms in the postings; cut out on first use. */
  const buckets = new Map<string, [number, number]>();
  const slices = new Map<string, string>();
  let previous: [number, number] | null = null;
  for (const entry of parts[6] ? parts[6].split(",") : []) {
    const start = parseInt(entry.slice(1), 36);
    if (previous) previous[1] = start + 1;
    previous = [start, postings.length];
    buckets.set(entry[0]!, previous);
  }
  const bucketOf = (letter: string): string => {
    let slice = slices.get(letter);
    if (slice === undefined) {
      const range = buckets.get(letter);
      slice = range ? postings.slice(range[0], range[1]) : "";
      slices.set(letter, slice);
    }
    return slice;
  };
  return {
    docs: parts[1] ? parts[1].split(" ") : [],
    parents: parts[4] ? parts[4].split(" ").map(Number) : [],
    exacts: parts[5]!,
    acronyms: parts[7]!,
    arabic: parts[8]!,
    dari: parts[9]!,
    vocab: parts[3]!,
    lookup(term) {
      if (memo.has(term)) return memo.get(term);
      let list: number[] | undefined;
      const key = `|${term}:`;
      const bucket = bucketOf(term[0]!);
      const at = bucket.indexOf(key);
      if (at >= 0) {
        list = [];
        const end = bucket.indexOf("|", at + key.length);
        for (const pair of bucket.slice(at + key.length, end).split(",")) {
          const dot = pair.indexOf(".");
          list.push(parseInt(pair.slice(0, dot), 36), parseInt(pair.slice(dot + 1), 36));
        }
      }
      memo.set(term, list);
      return list;
    },
  };
}

/** Optimal string alignment distance (a swap of two letters counts 1), capped at `max + 1`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      row.push(d);
      if (d < best) best = d;
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/** A matcher over a built index. */
export function matcherFromIndex(index: MatchIndex): Matcher {
  const postings = index.postings;
  return matcherOver({ docs: index.docs, parents: index.parents, exacts: index.exacts, acronyms: index.acronyms, arabic: index.arabic, dari: index.dari, vocab: index.vocab, lookup: (term) => (Object.prototype.hasOwnProperty.call(postings, term) ? postings[term] : undefined) });
}

/** A matcher over a stored index (serializeIndex), or null if it is of another version. */
export function matcherFromStored(stored: string): Matcher | null {
  const index = openStored(stored);
  return index ? matcherOver(index) : null;
}

function matcherOver(index: StoredIndex): Matcher {
  const docs: MatchTarget[] = index.docs.map((ref) => {
    const at = ref.indexOf(":");
    return { kind: ref.slice(0, at) as MatchTarget["kind"], id: ref.slice(at + 1) };
  });
  const lookup = index.lookup;
  const acronyms = parseAcronyms(index.acronyms);
  /** The exact keywords starting with a word (what follows it), looked up once per word. */
  const exactsAfter = new Map<string, string[]>();
  const exactsStartingWith = (word: string): string[] => {
    let rests = exactsAfter.get(word);
    if (!rests) {
      const key = `,${word}:`;
      const at = index.exacts.indexOf(key);
      rests = at < 0 ? [] : index.exacts.slice(at + key.length, (index.exacts.indexOf(",", at + key.length) + 1 || index.exacts.length + 1) - 1).split(" ");
      exactsAfter.set(word, rests);
    }
    return rests;
  };
  const has = (term: string) => lookup(term) !== undefined;
  /** Words of the Arabic content (MatchIndex.arabic), split on the first Arabic question. */
  let arabicWords: Set<string> | null = null;
  const isArabicWord = (term: string): boolean => {
    arabicWords ??= new Set(index.arabic ? index.arabic.split(" ") : []);
    return arabicWords.has(term) || CONCEPT_OF.has(term);
  };
  let dariWords: Set<string> | null = null;
  const isDariWord = (term: string): boolean => {
    dariWords ??= new Set(index.dari ? index.dari.split(" ") : []);
    return dariWords.has(term) || CONCEPT_OF.has(term);
  };
  const idf = (term: string) => Math.log(1 + docs.length / ((lookup(term)?.length ?? 2 * docs.length) / 2));

  /** Typo vocabulary of one length, split when a typo of about that length first needs it. */
  const byLength = new Map<number, string[]>();
  const vocab = `,${index.vocab}`;
  const vocabOfLength = (length: number): string[] => {
    let list = byLength.get(length);
    if (!list) {
      const key = `,${length}:`;
      const at = vocab.indexOf(key);
      const end = at < 0 ? -1 : vocab.indexOf(",", at + key.length);
      list = at < 0 ? [] : vocab.slice(at + key.length, end < 0 ? undefined : end).split(" ");
      byLength.set(length, list);
    }
    return list;
  };

  /** The indexed term closest to an unknown one, if a typo away. */
  const correct = (term: string): string | null => {
    if (term.length < 5 || term.startsWith("~")) return null;
    const max = term.length >= 8 ? 2 : 1;
    let best: string | null = null;
    let bestDistance = max + 1;
    for (let length = term.length - max; length <= term.length + max; length++) {
      for (const candidate of vocabOfLength(length)) {
        // Typos rarely touch both of the first two letters.
        if (candidate[0] !== term[0] && candidate[1] !== term[1] && candidate[0] !== term[1]) continue;
        const d = editDistance(term, candidate, Math.min(max, bestDistance));
        if (d < bestDistance || (d === bestDistance && best !== null && idf(candidate) > idf(best))) {
          best = candidate;
          bestDistance = d;
        }
      }
    }
    return bestDistance <= max ? best : null;
  };

  return {
    match(text) {
      const query = new Map<string, number>();
      const add = (term: string, factor: number) => {
        if (has(term) && (query.get(term) ?? 0) < factor) query.set(term, factor);
      };
      const seen: string[] = [];
      /** Query terms made of light words: they never make an item more precise than its topic. */
      const lightTerms = new Set<string>();
      // A name spelled out is read as its acronym: one unit of meaning, not three words.
      // A name spelled out ("contrat d'engagement jeune") counts as its acronym, its words
      // only at EXPANSION_FACTOR: one name, not three words of meaning (else the item that
      // merely repeats the name outweighs the one answering the rest of the question).
      const arabicText = looksArabic(text);
      const dariText = !arabicText && looksDari(text);
      const sources: string[] | undefined = arabicText || dariText ? [] : undefined;
      const stems = stemsOf(text, sources);
      for (const acronym of acronymsIn(stems, acronyms)) add(acronym, 1);
      const covered = coveredByExpansions(stems, acronyms);
      const words = wordsOf(text);
      const focus = focusOf(text, words);
      const focusTerms = new Set<string>();
      for (const [position, s] of stems.entries()) {
        let term: string | null = s;
        let factor = covered.has(position) ? EXPANSION_FACTOR : 1;
        if (!has(s)) {
          // An Arabic-script word with a glued letter ("وللإقامة", "أوراقي"), else a typo.
          // Without Persian letters, a short Dari text looks Arabic: its possessives are tried after.
          const variant = sources && ((arabicText && arabicVariants(sources[position]!).find(isArabicWord)) || dariVariants(sources[position]!).find(isDariWord));
          if (variant) term = variant;
          else {
            term = correct(s);
            factor = FUZZY_FACTOR;
          }
        }
        const known = CONCEPT_OF.get(s);
        if (known) add(known, 1);
        if (!term) continue;
        if (LIGHT.has(term)) {
          factor *= LIGHT_FACTOR;
          lightTerms.add(term);
        }
        add(term, factor);
        // An Arabic word the content also writes with a glued letter ("أوراقي" in one keyword)
        // still stands for the plain word ("أوراق") of the others.
        if (arabicText && term === s && !CONCEPT_OF.has(s)) {
          const plain = arabicVariants(sources![position]!).find(isArabicWord);
          if (plain) {
            const light = LIGHT.has(plain);
            if (light) lightTerms.add(plain);
            add(plain, light ? factor * LIGHT_FACTOR : factor);
            const concept = CONCEPT_OF.get(plain);
            if (concept) add(concept, factor);
          }
        }
        if (focus.has(s)) focusTerms.add(term);
        const concept = CONCEPT_OF.get(term);
        if (concept) add(concept, factor);
        const previous = seen[seen.length - 1];
        if (previous) {
          if (LIGHT.has(previous) || LIGHT.has(term)) lightTerms.add(phrase(previous, term));
          add(phrase(previous, term), LIGHT.has(previous) ? factor * LIGHT_FACTOR : factor);
        }
        seen.push(term);
      }
      if (query.size === 0) return [];
      // Question words only help to choose between items the words of meaning found.
      for (const cue of cuesOf(text, words)) add(cue, 1);
      if (index.exacts) {
        const exact = exactWords(text, words);
        for (let i = 0; i + 1 < exact.length; i++) {
          const rests = exactsStartingWith(exact[i]!);
          if (rests.length === 0) continue;
          const following = `${exact.slice(i + 1, i + MAX_EXACT).join("_")}_`;
          for (const rest of rests) {
            if (!following.startsWith(`${rest}_`)) continue;
            // "chercher un logement": a keyword that is a light word and the topic's word says little more.
            const light = LIGHT.has(exact[i]!) || rest.split("_").some((w) => LIGHT.has(w));
            if (light) lightTerms.add(`=${exact[i]}_${rest}`);
            add(`=${exact[i]}_${rest}`, light ? LIGHT_FACTOR : 1);
          }
        }
      }
      const scores = new Float64Array(docs.length);
      /** Per document, the part of its score that light words bring. */
      const lightScores = new Float64Array(docs.length);
      /** Per document, the query terms (one bit each) it matches in its title or FAQ question. */
      const titleHits = new Uint32Array(docs.length);
      /** Per document, the query's words of meaning it matches in a title, question or keyword. */
      const strongHits = new Uint32Array(docs.length);
      /** Per topic and query word (bit number), how many of its items have the word as title or keyword. */
      const holders = new Uint8Array(docs.length * 32);
      const parents = index.parents;
      let bit = 1;
      let bitNumber = 0;
      for (const [term, factor] of query) {
        const weightOfTerm = idf(term) * factor;
        const focused = focusTerms.has(term);
        const light = lightTerms.has(term);
        const list = lookup(term)!;
        for (let i = 0; i < list.length; i += 2) {
          const doc = list[i]!;
          const stored = list[i + 1]!;
          // The thing a definition question asks about counts more in an item's own title or question.
          const points = ((stored >> 1) * weightOfTerm * (focused && stored & 1 ? FOCUS_FACTOR : 1)) / 10;
          scores[doc] = scores[doc]! + points;
          if (light) lightScores[doc] = lightScores[doc]! + points;
          if (stored & 1) titleHits[doc] = titleHits[doc]! | bit;
          if (stored >> 1 >= STRONG && term[0] !== "?" && term[0] !== "~" && !LIGHT.has(term)) {
            strongHits[doc] = strongHits[doc]! | bit;
            const parent = parents[doc] ?? -1;
            if (parent >= 0) holders[parent * 32 + bitNumber] = holders[parent * 32 + bitNumber]! + 1;
          }
        }
        if (bitNumber < 31) {
          bit *= 2;
          bitNumber++;
        }
      }
      // Specificity (TOPIC_MARGIN): the topic is lifted just above its best child when that child
      // only says, more strongly, what the topic says.
      // Ties (same score to the thousandth): the item whose title or question holds more of the
      // query's words, then the one whose topic matches best (a stray item of another topic that
      // shares a keyword loses), then the most precise kind.
      const rounded = (doc: number) => Math.round(scores[doc]! * 1000);
      const family = (doc: number) => scores[(parents[doc] ?? -1) < 0 ? doc : parents[doc]!]!;
      const rank = (a: number, b: number) =>
        rounded(b) - rounded(a) ||
        bitCount(titleHits[b]!) - bitCount(titleHits[a]!) ||
        family(b) - family(a) ||
        KIND_ORDER[docs[a]!.kind] - KIND_ORDER[docs[b]!.kind];
      const bestChild = new Int32Array(docs.length).fill(-1);
      for (let doc = 0; doc < docs.length; doc++) {
        const parent = parents[doc] ?? -1;
        if (parent >= 0 && scores[doc]! > 0 && (bestChild[parent]! < 0 || rank(doc, bestChild[parent]!) < 0)) bestChild[parent] = doc;
      }
      for (let parent = 0; parent < docs.length; parent++) {
        const child = bestChild[parent]!;
        if (child < 0 || scores[parent]! <= 0) continue;
        // What the child says more than its topic: a query word in its title the topic's title
        // lacks, or one that few of its siblings have as keyword ("recepisse" among the papers
        // items, unlike "titre de séjour" that all of them have).
        let rare = 0;
        for (let b = 0, bits = strongHits[child]!; bits !== 0; b++, bits >>>= 1) {
          if (bits & 1 && holders[parent * 32 + b]! <= DISTINCT) rare |= 1 << b;
        }
        const adds = (titleHits[child]! & ~titleHits[parent]!) | rare;
        if (adds === 0 && scores[child]! >= scores[parent]! && scores[child]! - lightScores[child]! <= (scores[parent]! - lightScores[parent]!) * TOPIC_MARGIN) scores[parent] = scores[child]! * 1.001;
      }
      const ranked: number[] = [];
      for (let doc = 0; doc < docs.length; doc++) if (scores[doc]! > 0) ranked.push(doc);
      return ranked
        .sort(rank)
        .slice(0, MAX_RESULTS)
        .map((doc) => ({ ...docs[doc]!, score: rounded(doc) / 1000 }));
    },
  };
}

export function createMatcher(bundle: ContentBundle): Matcher {
  return matcherFromIndex(buildIndex(bundle));
}

function bitCount(bits: number): number {
  let n = 0;
  for (let b = bits >>> 0; b !== 0; b >>>= 1) n += b & 1;
  return n;
}

/** On a tie, the most precise answer first. */
const KIND_ORDER = { faq: 0, step: 1, topic: 2 } as const;

const cache = new WeakMap<object, Matcher>();

/** Uses the index stored with a snapshot (serializeIndex); false for one of another version (ignored, rebuilt on use). */
export function adoptIndex(bundle: object, stored: string): boolean {
  const matcher = matcherFromStored(stored);
  if (matcher) cache.set(bundle, matcher);
  return matcher !== null;
}

/** The matcher for a content snapshot: its stored index, or built on first use; kept while the snapshot lives. */
export function matcherFor(bundle: ContentBundle): Matcher {
  let matcher = cache.get(bundle);
  if (!matcher) {
    matcher = createMatcher(bundle);
    cache.set(bundle, matcher);
  }
  return matcher;
}
