import type { ContentBundle, LocalizedKeywords, LocalizedText } from "../../shared/content/model.ts";
import { acronymsIn, learnAcronyms, learnNames, serializeAcronyms } from "./names.ts";
import { CONCEPT_OF, cuesOf, exactWords, MAX_EXACT, phrase, stemsOf } from "./terms.ts";
import { allKeywords, allTexts, contentVariants } from "./variants.ts";

/**
 * Building the index of a content bundle: at publication (stored with the snapshot, see
 * stored.ts), or for a draft preview. It reads every text of the content (~20 000 words):
 * far too slow for a cold isolate's first turn, which only opens the stored index.
 */

/** Field weights: keywords > titles and FAQ questions > bodies. */
export const WEIGHTS = { keyword: 3, title: 2, body: 0.6, concept: 0.8, phrase: 1.5, cue: 1, exact: 1 } as const;

/**
 * Postings hold weight × 10 × 2, + 1 when the term is in the item's title or FAQ question.
 * Bump when the index format or the text analysis changes: stored indexes of another version are rebuilt.
 */
export const INDEX_VERSION = 15;

/** The index as built, in memory. Postings are flat pairs [doc, weight × 10, doc, weight × 10, …]. */
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

/** Builds the index of a content bundle (at publication, or for a draft preview). */
export function buildIndex(bundle: ContentBundle): MatchIndex {
  const items = [...bundle.faqs, ...bundle.steps, ...bundle.topics];
  const keywordLists = items.map((item) => allKeywords(item.keywords));
  const acronyms = learnAcronyms(keywordLists);
  const names = learnNames(keywordLists);
  if (names.length > 0) acronyms.set("", names);
  const docs: string[] = [];
  const parents: number[] = [];
  const postings: Record<string, number[]> = Object.create(null);
  const vocab = new Set<string>();
  const exacts = new Map<string, Set<string>>();
  // Arabic texts glue letters to words ("وبطاقة", "إقامتك"): such a word also stands for the word
  // without them when that word is a keyword or title word of the content (variants.ts).
  const scripts = contentVariants(items);

  const addDoc = (
    ref: string,
    keywords: LocalizedKeywords | undefined,
    titles: LocalizedText[],
    bodies: LocalizedText[],
  ) => {
    const doc = docs.push(ref) - 1;
    const weights = new Map<string, number>();
    const set = (term: string, w: number) => {
      if ((weights.get(term) ?? 0) < w) weights.set(term, w);
    };
    /** Terms of the title or FAQ question: what the item is about, for specificity. */
    const titled = new Set<string>();
    const put = (texts: string[], weight: number, phrases: boolean) => {
      for (const text of texts) {
        const variants = scripts.variantsOf(text);
        const sources: string[] | undefined = variants ? [] : undefined;
        const stems = stemsOf(text, sources);
        for (let i = 0; i < stems.length; i++) {
          const s = stems[i]!;
          set(s, weight);
          if (weight === WEIGHTS.title) titled.add(s);
          const concept = CONCEPT_OF.get(s);
          if (concept) set(concept, WEIGHTS.concept * weight);
          const variant =
            sources && variants && !concept && !scripts.known.has(s)
              ? scripts.variantOf(sources[i]!, variants)
              : undefined;
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
    for (const text of [...titles.flatMap(allTexts), ...allKeywords(keywords)])
      for (const cue of cuesOf(text)) set(cue, WEIGHTS.cue);
    for (const [term, weight] of weights) {
      (postings[term] ??= []).push(doc, Math.round(weight * 10) * 2 + (titled.has(term) ? 1 : 0));
      if (weight >= WEIGHTS.title && term.length >= 4 && !term.startsWith("~") && !term.includes("_")) vocab.add(term);
    }
  };
  const topicDoc = (id: string) =>
    bundle.faqs.length + bundle.steps.length + bundle.topics.findIndex((t) => t.id === id);
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
  return {
    v: INDEX_VERSION,
    docs,
    parents: parents.map((p) => (p < firstTopic ? -1 : p)),
    postings,
    vocab: groupByLength([...vocab]),
    exacts: [...exacts].map(([first, rests]) => `,${first}:${[...rests].join(" ")}`).join(""),
    acronyms: serializeAcronyms(acronyms),
    arabic: [...scripts.arabicWords].join(" "),
    dari: [...scripts.dariWords].join(" "),
  };
}
