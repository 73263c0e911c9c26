import { describe, expect, it } from "vitest";
import { cuesOf, termsOf } from "../../../bot/matching/terms.ts";

describe("terms", () => {
  it('should read "je" glued to a verb without an apostrophe (jcherche)', () => {
    expect(termsOf("jcherche un logement")).toEqual(termsOf("je cherche un logement"));
    expect(termsOf("jtrouve pas")).toEqual(termsOf("je trouve pas"));
  });

  it("should drop everyday Arabic and French fillers as stop words", () => {
    expect(termsOf("ماذا أفعل بالنسبة للسكن")).toEqual(termsOf("السكن"));
    expect(termsOf("wesh frere genre un logement")).toEqual(termsOf("logement"));
  });

  it("should read an expression of stop words that means refused as the word refus", () => {
    expect(termsOf("ils veulent pas signer le contrat")).toEqual(termsOf("refus signer contrat"));
    expect(termsOf("on m'a dit non")).toEqual(termsOf("refus"));
    expect(termsOf("je veux pas")).toEqual([]);
  });

  it("should drop stop words and keep stems", () => {
    expect(termsOf("je cherche un logement")).toContain("cherch");
    expect(termsOf("je cherche un logement")).not.toContain("je");
  });

  it("should read question words in any language as kinds of question", () => {
    expect(cuesOf("qd je dois demander")).toEqual(["?when"]);
    expect(cuesOf("c koi un fjt")).toEqual(["?what"]);
    expect(cuesOf("how much is it")).toEqual(["?howmuch"]);
    expect(cuesOf("کله باید")).toEqual(["?when"]);
  });
});
