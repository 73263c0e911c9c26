import type { ContentBundle, ContentSnapshot, Faq, Resource, Step, Topic } from "../../shared/content/model.ts";

/**
 * Content for the engine's and the matcher's tests, written with only what a test is about: the
 * source and review date every item carries, empty lists and placeholder texts are filled in.
 */

const TRACE = {
  sources: [{ label: "Article L222-5 CASF", url: "https://www.legifrance.gouv.fr" }],
  reviewedAt: "2026-11-23",
};

type Given<T, K extends keyof T> = Pick<T, K> & Partial<T>;

export function topic(fields: Given<Topic, "id" | "title">): Topic {
  return { order: 1, intro: { fr: "." }, keywords: {}, stepIds: [], ...TRACE, ...fields };
}

export function step(fields: Given<Step, "id" | "topicId" | "title">): Step {
  return { body: { fr: "." }, keywords: {}, resourceIds: [], ...TRACE, ...fields };
}

export function faq(fields: Given<Faq, "id" | "topicId" | "question">): Faq {
  return { answer: { fr: "." }, keywords: {}, resourceIds: [], ...TRACE, ...fields };
}

export function resource(fields: Given<Resource, "id" | "scope" | "name">): Resource {
  return { description: { fr: "." }, ...TRACE, ...fields };
}

/** A bundle of the parts given (the others empty). */
export function bundleOf(parts: Partial<ContentBundle>): ContentBundle {
  return { topics: [], steps: [], resources: [], faqs: [], ...parts };
}

/** The same, published (version 1), as the engine reads it. */
export function snapshotOf(parts: Partial<ContentBundle>): ContentSnapshot {
  return { version: 1, ...bundleOf(parts) };
}

/** The rights topic of the engine's and the question flow's tests: asking for the contract, appealing a refusal. */
export const rightsTopic: Topic = topic({
  id: "rights",
  order: 1,
  icon: "⚖️",
  title: { fr: "Mes droits", en: "My rights" },
  intro: { fr: "Intro droits" },
  keywords: { fr: ["droits"] },
  stepIds: ["ask", "appeal"],
});

/**
 * A housing topic and step, a training step and a papers FAQ (in French and Arabic): enough for
 * the matcher's and its explanation's tests to see typos, stems, SMS spelling and synonyms.
 */
export const smallContent: ContentBundle = {
  topics: [
    topic({
      id: "housing",
      title: { fr: "Me loger" },
      intro: { fr: "Trouver où habiter." },
      keywords: { fr: ["logement"] },
      stepIds: ["housing-fjt"],
    }),
  ],
  steps: [
    step({
      id: "housing-fjt",
      topicId: "housing",
      title: { fr: "Demande une place en foyer de jeunes travailleurs" },
      body: { fr: "Un FJT est un logement meublé." },
      keywords: { fr: ["fjt", "foyer"] },
    }),
    step({
      id: "apprenticeship",
      topicId: "training",
      title: { fr: "Apprends un métier en apprentissage" },
      body: { fr: "Un contrat payé." },
      keywords: { fr: ["alternance"] },
    }),
  ],
  resources: [],
  faqs: [
    faq({
      id: "faq-permit",
      topicId: "residence",
      question: { fr: "Quel titre de séjour à 18 ans ?", ar: "ما هي الإقامة في 18 سنة؟" },
      answer: { fr: "Ça dépend." },
      keywords: { fr: ["papiers"] },
    }),
  ],
};
