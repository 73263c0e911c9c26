import { describe, expect, it } from "vitest";
import {
  confidenceOf,
  MIN_SCORE,
  OFF_TOPIC,
  RIVAL_COVERAGE,
  SURE_COVERAGE,
  SURE_SCORE,
} from "../../../bot/matching/confidence.ts";
import { explain } from "../../../bot/matching/explain.ts";
import { createMatcher, type Match } from "../../../bot/matching/matcher.ts";
import { seedBundle } from "../../../shared/content/seed/index.ts";

const match = (over: Partial<Match> = {}): Match => ({
  kind: "faq",
  id: "a",
  score: 20,
  coverage: 1,
  offTopic: 0,
  missesFocus: false,
  ...over,
});
const matcher = createMatcher(seedBundle);
const assess = (text: string) => {
  const matches = matcher.match(text);
  return { confidence: confidenceOf(matches), best: matches[0] ? `${matches[0].kind}:${matches[0].id}` : null };
};

describe("confidenceOf", () => {
  it("should be sure of a strong answer that holds what the question is about", () => {
    expect(confidenceOf([match(), match({ id: "b", score: 5 })])).toBe("sure");
  });

  it("should find nothing without a match or under the minimum score", () => {
    expect(confidenceOf([])).toBe("none");
    expect(confidenceOf([match({ score: MIN_SCORE - 0.01 })])).toBe("none");
  });

  it("should not be sure of a weak score or of a close second", () => {
    expect(confidenceOf([match({ score: SURE_SCORE - 0.01 })])).toBe("unsure");
    expect(confidenceOf([match(), match({ id: "b", score: 16 })])).toBe("unsure");
  });

  it("should not be sure of an answer that misses most of the question, however high its score", () => {
    expect(confidenceOf([match({ score: 90, coverage: SURE_COVERAGE - 0.01 })])).toBe("unsure");
    expect(confidenceOf([match({ score: 90, coverage: SURE_COVERAGE })])).toBe("sure");
  });

  it("should not be sure of an answer that does not name what a definition question asks about", () => {
    expect(confidenceOf([match({ missesFocus: true })])).toBe("unsure");
    // The content answers "accueil solidaire" now (step accueil-solidaire): the prime d'activité it does not.
    expect(assess("c quoi la prime d'activite").confidence).not.toBe("sure");
    expect(matcher.match("c quoi la prime d'activite")[0]).toMatchObject({ missesFocus: true });
    expect(matcher.match("c quoi un récépissé")[0]).toMatchObject({ id: "faq-permit-recepisse", missesFocus: false });
  });

  it("should not be sure when another of the closest items holds clearly more of the question", () => {
    expect(confidenceOf([match({ coverage: 0.6 }), match({ id: "b", score: 5, coverage: 0.6 + RIVAL_COVERAGE })])).toBe(
      "unsure",
    );
    expect(confidenceOf([match({ coverage: 0.6 }), match({ id: "b", score: 5, coverage: 0.69 })])).toBe("sure");
  });

  it("should not be sure when another topic's items hold clearly more of the question", () => {
    expect(confidenceOf([match({ offTopic: OFF_TOPIC + 0.01 })])).toBe("unsure");
    expect(confidenceOf([match({ offTopic: OFF_TOPIC })])).toBe("sure");
  });
});

describe("confidence over the seed content", () => {
  it("should not answer the OQTF appeal question with the contract-age FAQ (the review's example)", () => {
    for (const text of [
      "J'ai reçu une OQTF, combien de temps pour un recours ?",
      "jai recu une oqtf combien de temps jai pour contester",
      "I got an OQTF, how long do I have to appeal?",
    ]) {
      const { confidence, best } = assess(text);
      expect(confidence === "sure" && best === "faq:faq-cjm-until-25", text).toBe(false);
    }
  });

  it.each([
    ["test IST anonyme", "step:age-assessment"],
    ["Comment donner mon avis sur l'ASE ?", "step:cjm-ask"],
    ["Je veux lire mon dossier de l'ASE", "step:permit-before-18"],
    ["service civique", "step:sos-what-to-say"],
    ["Il existe une aide pour passer le permis de conduire ?", "step:permit-other-help"],
  ])("should not be sure of the wrong item the review found (%s → %s)", (text, wrong) => {
    const { confidence, best } = assess(text);
    expect(confidence === "sure" && best === wrong).toBe(false);
  });

  it("should count a word the content has not got, not a plain everyday one", () => {
    expect(explain(seedBundle, "est-ce que j'ai droit à l'AAH").unknown).toEqual(["aah"]);
    expect(explain(seedBundle, "jai besoin dun job asap").unknown).toEqual([]);
    expect(assess("est-ce que j'ai droit à l'AAH").confidence).not.toBe("sure");
  });

  it("should stay sure of questions the content answers", () => {
    expect(assess("le cjm dure jusqua quel age")).toEqual({ confidence: "sure", best: "faq:faq-cjm-until-25" });
    expect(assess("c'est quoi un récépissé, je peux travailler avec ?")).toEqual({
      confidence: "sure",
      best: "faq:faq-permit-recepisse",
    });
  });
});
