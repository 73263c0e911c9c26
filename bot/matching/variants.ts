import type { Faq, LocalizedKeywords, LocalizedText, Step, Topic } from "../../shared/content/model.ts";
import { arabicVariants, dariVariants } from "./stem.ts";
import { CONCEPT_OF, stemsOf } from "./terms.ts";

/**
 * Arabic glued letters (و ف ب ل, verb persons, pronoun suffixes) and Dari possessives are not
 * stemmed away (Pashto and Dari words start and end with the same letters): a word of an
 * Arabic (or Dari) text is read without them only if the Arabic (or Dari) content has that
 * word (stem.ts arabicVariants, dariVariants). The content side decides it while the index is
 * built; the question side reads the words the index keeps (MatchIndex.arabic / dari).
 */

const ARABIC_LETTER = /[\u0600-\u06ff]/;

export type Variants = (token: string) => string[];

export function allTexts(text: LocalizedText | undefined): string[] {
  return text ? Object.values(text).filter((v): v is string => typeof v === "string") : [];
}
export function allKeywords(keywords: LocalizedKeywords | undefined): string[] {
  return keywords ? Object.values(keywords).flatMap((list) => list ?? []) : [];
}

/** What the content says in Arabic and Dari, for reading its own texts' glued letters. */
export type ContentVariants = {
  /** Stems of every keyword and title: a variant must be one of them (or a concept). */
  known: Set<string>;
  /** How to read a text's words: Arabic texts with arabicVariants, Dari ones with dariVariants. */
  variantsOf(text: string): Variants | undefined;
  /** A word read without its glued letters, when that word is known. */
  variantOf(token: string, variants: Variants): string | undefined;
  /** Keyword and title words of the Arabic and the Dari content (stored with the index). */
  arabicWords: Set<string>;
  dariWords: Set<string>;
};

export function contentVariants(items: (Faq | Step | Topic)[]): ContentVariants {
  const arabic = new Set<string>();
  const known = new Set<string>();
  const arabicWords = new Set<string>();
  const dari = new Set<string>();
  const dariWords = new Set<string>();
  for (const item of items) {
    const title = "question" in item ? item.question : item.title;
    for (const text of [...allKeywords(item.keywords), ...allTexts(title)]) for (const s of stemsOf(text)) known.add(s);
    for (const text of [...(item.keywords?.ar ?? []), title.ar ?? ""])
      for (const s of stemsOf(text)) if (ARABIC_LETTER.test(s)) arabicWords.add(s);
    const body = "answer" in item ? item.answer : "body" in item ? item.body : item.intro;
    for (const text of [...(item.keywords?.ar ?? []), title.ar, body.ar]) if (text) arabic.add(text);
    for (const text of [...(item.keywords?.prs ?? []), title.prs ?? ""])
      for (const s of stemsOf(text)) if (ARABIC_LETTER.test(s)) dariWords.add(s);
    for (const text of [...(item.keywords?.prs ?? []), title.prs, body.prs]) if (text) dari.add(text);
  }
  return {
    known,
    variantsOf: (text) => (arabic.has(text) ? arabicVariants : dari.has(text) ? dariVariants : undefined),
    variantOf: (token, variants) => variants(token).find((v) => known.has(v) || CONCEPT_OF.has(v)),
    arabicWords,
    dariWords,
  };
}

/** The question side: a word with glued letters read as a word of the Arabic (or Dari) content. */
export type QuestionVariants = { arabic(token: string): string | undefined; dari(token: string): string | undefined };

/** `arabic`, `dari`: the index's space-separated words, split on the first question that needs them. */
export function questionVariants(arabic: string, dari: string): QuestionVariants {
  let arabicWords: Set<string> | null = null;
  const isArabicWord = (term: string): boolean => {
    arabicWords ??= new Set(arabic ? arabic.split(" ") : []);
    return arabicWords.has(term) || CONCEPT_OF.has(term);
  };
  let dariWords: Set<string> | null = null;
  const isDariWord = (term: string): boolean => {
    dariWords ??= new Set(dari ? dari.split(" ") : []);
    return dariWords.has(term) || CONCEPT_OF.has(term);
  };
  return {
    arabic: (token) => arabicVariants(token).find(isArabicWord),
    dari: (token) => dariVariants(token).find(isDariWord),
  };
}
