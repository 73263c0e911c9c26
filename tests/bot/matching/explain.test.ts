import { describe, expect, it } from "vitest";
import { explain } from "../../../bot/matching/explain.ts";
import { createMatcher } from "../../../bot/matching/matcher.ts";
import type { ContentBundle } from "../../../shared/content/model.ts";

const base = { sources: [], reviewedAt: "2026-01-01", resourceIds: [] };
const bundle: ContentBundle = {
  topics: [
    {
      id: "training",
      order: 1,
      title: { fr: "Formation" },
      intro: { fr: "Études." },
      keywords: { fr: ["formation"] },
      stepIds: ["apprenticeship"],
      sources: [],
      reviewedAt: "2026-01-01",
    },
  ],
  steps: [
    {
      ...base,
      id: "apprenticeship",
      topicId: "training",
      title: { fr: "Apprends un métier en apprentissage" },
      body: { fr: "Un contrat payé." },
      keywords: { fr: ["alternance"] },
    },
  ],
  resources: [],
  faqs: [],
};

describe("explain", () => {
  it("should say what a question was read as: a typo corrected counts less", () => {
    const { terms } = explain(bundle, "aprentissage payé");
    expect(terms.map((t) => [t.term, t.factor])).toEqual(
      expect.arrayContaining([
        ["apprentissag", 0.75],
        ["pay", 1],
      ]),
    );
  });

  it("should give the matches of the matcher, with the points each term brought", () => {
    const text = "aprentissage payé";
    const { matches } = explain(bundle, text);
    expect(matches.map(({ hits: _, ...match }) => match)).toEqual(createMatcher(bundle).match(text));
    const step = matches[0]!;
    expect(step.hits.find((h) => h.term === "apprentissag")).toMatchObject({ inTitle: true });
    expect(step.hits.reduce((sum, h) => sum + h.points, 0)).toBeCloseTo(step.score, 2);
  });

  it("should explain nothing for a question without a word of the content", () => {
    expect(explain(bundle, "zzzz qwerty")).toEqual({ terms: [], unknown: [], matches: [] });
  });
});
