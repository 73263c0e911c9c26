import type { ContentBundle, LocalizedText } from "../shared/content/model.ts";
import { normalize } from "../shared/text/normalize.ts";
import { INDEX_VERSION } from "./matching/build.ts";
import { STOP_TOKENS } from "./matching/lexicon-tables.ts";

/**
 * An unanswered question as it may be stored for the content team: what identifies a person
 * is removed before anything is written (issue 22, finding 10). Removed: e-mail addresses,
 * links, phone numbers, dates, every run of three digits or more, and every word the
 * published content does not use in any locale (a first name, a family name, a street, a
 * nickname cannot be told from an unknown word, so none is kept). Kept: the words of the
 * content's own texts and the matching stop words, each unknown stretch shown as "…".
 * Null when nothing known is left (nothing is stored then).
 */
export function scrubQuestion(text: string, content: ContentBundle): string | null {
  const known = knownWordOf(content);
  const words = normalize(removeIdentifiers(text))
    .split(" ")
    .filter((w) => w !== "");
  const kept: string[] = [];
  let anyKnown = false;
  for (const word of words) {
    const keep = known(word) && !/\d{3}/.test(word);
    if (keep) {
      kept.push(word);
      if (!STOP.has(word)) anyKnown = true;
    } else if (kept.at(-1) !== GAP) {
      kept.push(GAP);
    }
  }
  if (!anyKnown) return null;
  return kept.join(" ").slice(0, MAX_LENGTH);
}

/** What stands for a removed stretch of words. */
export const GAP = "…";
const MAX_LENGTH = 200;
const STOP = new Set(STOP_TOKENS.split(" "));

const MONTHS =
  "janvier|fevrier|février|mars|avril|mai|juin|juillet|aout|août|septembre|octobre|novembre|decembre|décembre|january|february|march|april|may|june|july|august|september|october|november|december";
const IDENTIFIERS = [
  // e-mail addresses, then links (before the dots and slashes are lost to normalisation)
  /[^\s@]+@[^\s@]+/g,
  /\b(?:https?:\/\/|www\.)\S+/gi,
  // dates: 12/03/2006, 2006-03-12, 12.03.06, "12 mars 2006", "le 3 mai"
  /\b\d{1,4}[/.-]\d{1,2}(?:[/.-]\d{1,4})?\b/g,
  new RegExp(`\\b\\d{1,2}(?:er)?\\s+(?:${MONTHS})(?:\\s+\\d{2,4})?\\b`, "giu"),
  // phone numbers however they are spaced: +33 6 12 34 56 78, 06.12.34.56.78, 0612345678
  /\+?\d[\d\s().-]{5,}\d/g,
];

/** E-mail addresses, links, dates and phone numbers blanked out (the first step of scrubQuestion). */
export function removeIdentifiers(text: string): string {
  let out = text.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (c) =>
    String(c.charCodeAt(0) >= 0x06f0 ? c.charCodeAt(0) - 0x06f0 : c.charCodeAt(0) - 0x0660),
  );
  for (const pattern of IDENTIFIERS) out = out.replace(pattern, " ");
  return out;
}

/** Every normalised word of the content's texts in every locale, and the stop words; once per bundle. */
const vocabularies = new WeakMap<object, Set<string>>();
/** Vocabularies stored with a publication (`serializeVocabulary`), searched as they are. */
const stored = new WeakMap<object, string>();

/**
 * The stored form of a bundle's vocabulary: a version line, then its words space-separated
 * (the stop words left out). Built once at publication, so that a cold isolate's first
 * unanswered question does not normalise the whole content (~30 ms for the seed on a quiet machine).
 * The version follows the matcher's index, which changes with `normalize`.
 */
export function serializeVocabulary(content: ContentBundle): string {
  const words = [...vocabularyOf(content)].filter((w) => !STOP.has(w));
  return `v${INDEX_VERSION}\n${words.join(" ")}`;
}

/** Uses a stored vocabulary for this snapshot; false (and ignored) for one of another version. */
export function adoptVocabulary(content: object, text: string): boolean {
  if (!text.startsWith(`v${INDEX_VERSION}\n`)) return false;
  stored.set(content, text);
  return true;
}

/**
 * Whether a normalised word is of the content's vocabulary or a stop word. A stored vocabulary
 * is searched as it is (" word " in the padded text) rather than made a set: a cold isolate's
 * first question looks up a few words, and splitting ~7 000 words into a set cost it ~1.5 ms.
 */
function knownWordOf(content: ContentBundle): (word: string) => boolean {
  let known = lookups.get(content);
  if (known) return known;
  const text = stored.get(content);
  if (text === undefined) {
    const words = vocabularyOf(content);
    known = (word) => words.has(word);
  } else {
    const padded = ` ${text.slice(text.indexOf("\n") + 1)} `;
    known = (word) => STOP.has(word) || (word !== "" && !word.includes(" ") && padded.includes(` ${word} `));
  }
  lookups.set(content, known);
  return known;
}
const lookups = new WeakMap<object, (word: string) => boolean>();

/** The vocabulary built from the content's texts (a publication, or a snapshot without a stored one). */
function vocabularyOf(content: ContentBundle): Set<string> {
  let words = vocabularies.get(content);
  if (words) return words;
  words = new Set(STOP);
  const add = (text: LocalizedText | undefined) => {
    if (!text) return;
    for (const value of Object.values(text)) {
      if (typeof value === "string") for (const word of normalize(value).split(" ")) if (word !== "") words!.add(word);
    }
  };
  const addKeywords = (keywords: Partial<Record<string, string[]>> | undefined) => {
    for (const list of Object.values(keywords ?? {})) for (const keyword of list ?? []) add({ fr: keyword });
  };
  for (const item of [...content.topics, ...content.steps, ...content.resources, ...content.faqs])
    addKeywords(item.keywords);
  const texts = [
    ...content.topics.flatMap((topic) => [topic.title, topic.intro]),
    ...content.steps.flatMap((step) => [step.title, step.body]),
    ...content.resources.flatMap((resource) => [resource.name, resource.description]),
    ...content.faqs.flatMap((faq) => [faq.question, faq.answer]),
  ];
  for (const text of texts) add(text);
  vocabularies.set(content, words);
  return words;
}
