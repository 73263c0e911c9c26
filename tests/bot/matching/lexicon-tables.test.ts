import { describe, expect, it } from "vitest";
import { lexiconTables } from "../../../bot/matching/lexicon-derive.ts";
import {
  CONCEPT_STEMS,
  CUE_WORDS,
  EXPRESSION_WORDS,
  LIGHT_STEMS,
  PLAIN_STEMS,
  STOP_TOKENS,
} from "../../../bot/matching/lexicon-tables.ts";
import { cuesOf, termsOf } from "../../../bot/matching/terms.ts";

describe("lexicon tables", () => {
  it("should be generated from the current lexicon (npm run generate)", () => {
    expect({
      stopTokens: STOP_TOKENS,
      lightStems: LIGHT_STEMS,
      plainStems: PLAIN_STEMS,
      conceptStems: CONCEPT_STEMS,
      expressionWords: EXPRESSION_WORDS,
      cueWords: CUE_WORDS,
    }).toEqual(lexiconTables());
  });

  it("should give the matcher the lexicon's stop words, concepts, expressions and question words", () => {
    // Stop words out, a shared concept for the synonyms of two languages.
    const [logement, housing] = [termsOf("le logement"), termsOf("housing")];
    expect(logement.some((t) => t.startsWith("~"))).toBe(true);
    expect(logement.filter((t) => t.startsWith("~"))).toEqual(housing.filter((t) => t.startsWith("~")));
    expect(termsOf("le la les")).toEqual([]);
    // An expression of stop words read as the word it means.
    expect(termsOf("ils veulent pas")).toEqual(termsOf("refus"));
    expect(cuesOf("jusqu'à quand je peux demander")).toEqual(["?when"]);
  });
});
