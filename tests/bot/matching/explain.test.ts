import { describe, expect, it } from "vitest";
import { explain } from "../../../bot/matching/explain.ts";
import { createMatcher } from "../../../bot/matching/matcher.ts";
import { smallContent as bundle } from "../../support/bundle.ts";

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
