import { describe, expect, it } from "vitest";
import { Clause } from "../../../bot/safety/clause.ts";
import { CRISIS_FUZZY, CRISIS_STEMS, CRISIS_TABLES } from "../../../bot/safety/crisis-tables.ts";
import { CUE_CHARS, CUES, type Cue, type CrisisLang } from "../../../bot/safety/cues.ts";
import { foldArabicScript, foldArabizi } from "../../../bot/safety/fold.ts";
import { clausesOf, tagClause } from "../../../bot/safety/reading.ts";
import { crisisTables, expandVariants, LEXICONS } from "../../../bot/safety/tables.ts";

/** The families of each word of a text's first clause, as one language reads it. */
function families(lang: CrisisLang, text: string): Cue[][] {
  const tagged = tagClause(lang, clausesOf(text)[0]!);
  if (!tagged) return [];
  return tagged.tags.map((tags) => CUES.filter((cue) => tags.includes(CUE_CHARS[cue])));
}

describe("crisis reading", () => {
  it("should cut a text into clauses at punctuation and at 'but'", () => {
    expect(clausesOf("J'ai une question. Mais jveux mourir, vraiment")).toEqual([
      ["j", "ai", "une", "question"],
      ["je", "veux", "mourir"],
      ["vraiment"],
    ]);
    expect(clausesOf("ما بدي عيش، بس بدي موت")).toEqual([
      ["ما", "بدي", "عيش"],
      ["بدي", "موت"],
    ]);
  });

  it("should read a group of words as one ('en finir', 'nulle part')", () => {
    expect(families("fr", "envie d'en finir")).toEqual([["wish"], ["of"], ["endAll"], []]);
  });

  it("should read Dari words typed apart, glued or with a zero-width non-joiner alike", () => {
    const wish = (text: string) => families("prs", text)[0];
    expect(wish("می خواهم بمیرم")).toContain("wish");
    expect(wish("میخواهم بمیرم")).toContain("wish");
    expect(wish("می‌خواهم بمیرم")).toContain("wish");
    expect(wish("نمی خواهم زنده باشم")).toEqual(expect.arrayContaining(["wish", "neg"]));
  });

  it("should strip Arabic clitics and Dari suffixes, and keep what they add", () => {
    expect(families("ar", "بالشارع")[0]).toContain("outside");
    expect(families("ar", "مابغيتش")[0]).toEqual(expect.arrayContaining(["wish", "neg"]));
    expect(families("prs", "قرص‌هایم")[0]).toContain("pills");
    // A glued pair is never cut into other words: "پدرم مرا" is father + me.
    expect(families("prs", "پدرم مرا")).toEqual([expect.arrayContaining(["third"]), ["me"]]);
  });

  it("should read Pashto typed on a Persian keyboard as Pashto", () => {
    expect(foldArabicScript("ځان")).toBe(foldArabicScript("زان"));
    expect(families("ps", "غوارم")[0]).toContain("wish");
  });

  it("should fold arabizi spellings together", () => {
    expect(foldArabizi("nmout")).toBe(foldArabizi("nmoot"));
    expect(foldArabizi("n7eb")).toBe(foldArabizi("nheb"));
    expect(foldArabizi("n9tel")).toBe(foldArabizi("nqtel"));
    expect(families("az", "mabghitch n3ich")[0]).toEqual(expect.arrayContaining(["wish", "neg"]));
  });

  it("should undo one typo in a long French or English word, never in a short one", () => {
    expect(families("fr", "mourrir")[0]).toContain("die");
    expect(families("fr", "mourire")[0]).toContain("die");
    expect(families("en", "suicdie")[0]).toContain("suicide");
    // "courir" (run) and "nourrir" (feed) are one letter from "mourir" but are not it.
    expect(families("fr", "courir")).toEqual([]);
    expect(families("fr", "nourrir")).toEqual([]);
  });

  it("should say whose action a verb is", () => {
    const clause = (text: string) => new Clause(tagClause("fr", clausesOf(text)[0]!)!);
    const at = (c: Clause, word: string) => c.tokens.indexOf(word);
    const self = clause("je vais me tuer");
    expect(self.direction(at(self, "tuer"))).toBe("self");
    const other = clause("il va me tuer");
    expect(other.direction(at(other, "tuer"))).toBe("other");
    const thing = clause("ca me tue");
    expect(thing.direction(at(thing, "tue"))).toBeNull();
    const relative = clause("l educateur qui me suit");
    expect(relative.subjectBefore(at(relative, "suit"))).toBe("professional");
  });
});

describe("crisis tables", () => {
  it("should spell variants out", () => {
    expect(expandVariants("mour{,r}i{r,re}")).toEqual(["mourir", "mourire", "mourrir", "mourrire"]);
  });

  it("should be generated from the current lexicons (npm run generate)", () => {
    expect({ words: CRISIS_TABLES, stems: CRISIS_STEMS, fuzzy: CRISIS_FUZZY }).toEqual(crisisTables());
  });

  it("should only use known families in every lexicon", () => {
    for (const lexicon of Object.values(LEXICONS)) for (const cue of Object.keys(lexicon)) expect(CUES).toContain(cue);
  });
});
