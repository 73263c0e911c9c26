import { describe, expect, it } from "vitest";
import {
  confidenceOf,
  MIN_SCORE,
  OFF_TOPIC,
  PARTIAL_COVERAGE,
  PARTIAL_SECOND,
  REST_ABOUT,
  REST_SHARE,
  RIVAL_COVERAGE,
  SURE_COVERAGE,
  SURE_SCORE,
  UNANSWERED_SECOND,
  UNANSWERED_SHARE,
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
  held: 2,
  words: 2,
  rest: 0.4,
  restAbout: 1,
  topic: "t",
  unansweredShare: 0,
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

  it("should not be sure of an answer that holds one word of a question that has several", () => {
    expect(confidenceOf([match({ held: 1, words: 2 })])).toBe("unsure");
    expect(confidenceOf([match({ held: 1, words: 1 })])).toBe("sure");
  });

  it("should not be sure of an answer about one word of the question and hardly about the rest", () => {
    expect(confidenceOf([match({ rest: REST_SHARE, restAbout: REST_ABOUT - 0.01 })])).toBe("unsure");
    expect(confidenceOf([match({ rest: REST_SHARE, restAbout: REST_ABOUT })])).toBe("sure");
    // Little left beyond its word: nothing to back.
    expect(confidenceOf([match({ rest: REST_SHARE - 0.01, restAbout: 0 })])).toBe("sure");
  });

  it("should not be sure of a partial answer with a close second of another topic, or of its own topic as a whole", () => {
    const partial = match({ coverage: PARTIAL_COVERAGE - 0.01 });
    const close = 20 * PARTIAL_SECOND;
    const second = (over: Partial<Match>) =>
      match({ id: "b", coverage: PARTIAL_COVERAGE - 0.01, score: close, ...over });
    expect(confidenceOf([partial, second({ topic: "u" })])).toBe("unsure");
    expect(confidenceOf([partial, second({ kind: "topic", id: "t" })])).toBe("unsure");
    // Two items of one topic close together tell the same answer: still sure.
    expect(confidenceOf([partial, second({})])).toBe("sure");
    expect(confidenceOf([partial, second({ topic: "u", score: close - 0.01 })])).toBe("sure");
    expect(
      confidenceOf([match({ coverage: PARTIAL_COVERAGE }), second({ topic: "u", coverage: PARTIAL_COVERAGE })]),
    ).toBe("sure");
  });

  it("should not be sure of an answer lacking a heavy word another close item is about, unless it leads by far", () => {
    const lacking = match({ unansweredShare: UNANSWERED_SHARE });
    expect(confidenceOf([lacking, match({ id: "b", score: 20 * UNANSWERED_SECOND })])).toBe("unsure");
    expect(confidenceOf([lacking, match({ id: "b", score: 20 * UNANSWERED_SECOND - 0.01 })])).toBe("sure");
    expect(confidenceOf([match({ unansweredShare: UNANSWERED_SHARE - 0.01 }), match({ id: "b", score: 15 })])).toBe(
      "sure",
    );
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

  it.each([
    ["combien de temps la préfecture met pour répondre", "faq:faq-cjm-until-25"],
    ["كيف أعادل شهادتي", "step:pecule-documents"],
    ["je dois faire ma declaration d'impots en ligne", "step:nationality-declaration"],
    ["forfait telephone pas cher", "faq:faq-sos-free"],
  ])("should not be sure of an item that shares a word but not the question (%s → %s)", (text, wrong) => {
    const { confidence, best } = assess(text);
    expect(confidence === "sure" && best === wrong).toBe(false);
  });

  it.each([
    ["jvais avoir 21 ans et mon cjm se termine, apres ya quoi pour moi", "faq:faq-cjm-until-25"],
    ["comment changer de nom de famille", "faq:faq-health-at-18"],
    ["mon patron me paye pas mon salaire depuis 2 mois", "step:apprenticeship"],
    ["je peux avoir un logement avec mon copain", "step:sos-3919"],
    ["زما بانکي کارت ورک شو", "step:bank-account"],
    ["comment obtenir une carte d'identité française apres la nationalité", "step:nationality-declaration"],
  ])("should not be sure of an item for a question the content does not answer (%s → %s)", (text, wrong) => {
    const { confidence, best } = assess(text);
    expect(confidence === "sure" && best === wrong).toBe(false);
  });

  it("should not count a word an item has only through a synonym when the content has the word itself", () => {
    // "logement" is the housing items' word; the violence step has only "بيت" (home) in Arabic.
    expect(matcher.match("je peux avoir un logement avec mon copain")[0]).toMatchObject({ id: "sos-3919", held: 1 });
    // A synonym still counts when the content lacks the question's own word.
    expect(assess("mon copain me frappe")).toEqual({ confidence: "sure", best: "step:sos-3919" });
  });

  it("should measure the heaviest word the answer lacks that another close item is about", () => {
    // The bank account step lacks "ورک" (lost), the papers step is about it.
    const [bank] = matcher.match("زما بانکي کارت ورک شو");
    expect(bank).toMatchObject({ id: "bank-account" });
    expect(bank!.unansweredShare).toBeGreaterThanOrEqual(UNANSWERED_SHARE);
    // Nothing is left over when the answer holds the whole question.
    expect(matcher.match("ouvrir un compte en banque")[0]).toMatchObject({ id: "bank-account", unansweredShare: 0 });
  });

  it("should measure how much of the question beyond its best word an item is about", () => {
    // "déclaration" is the only word the nationality step holds ("impôts" the content has not got).
    expect(matcher.match("je dois faire ma declaration d'impots en ligne")[0]).toMatchObject({
      id: "nationality-declaration",
      held: 1,
      words: 3,
    });
    // The free-calls FAQ is about "forfait"; it has "téléphone" only in its body, "cher" nowhere.
    const forfait = matcher.match("forfait telephone pas cher")[0]!;
    expect(forfait).toMatchObject({ id: "faq-sos-free", held: 2, words: 3 });
    expect(forfait.rest).toBeGreaterThanOrEqual(REST_SHARE);
    expect(forfait.restAbout).toBeLessThan(REST_ABOUT);
    // The domestic violence step is about "copain" and says "frapper" in its body: backed enough.
    const hit = matcher.match("mon copain me frappe")[0]!;
    expect(hit).toMatchObject({ id: "sos-3919", held: 2, words: 2 });
    expect(hit.restAbout).toBeGreaterThanOrEqual(REST_ABOUT);
    expect(assess("mon copain me frappe")).toEqual({ confidence: "sure", best: "step:sos-3919" });
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
