import { describe, expect, it } from "vitest";
import { learnAcronyms, learnNames } from "../../../bot/matching/names.ts";

describe("names learnt from the content", () => {
  it("should link an acronym to its expansion only when one item has both as keywords, with three letters or more", () => {
    const learnt = learnAcronyms([
      ["cej", "contrat d'engagement jeune"],
      ["cb", "carte bancaire"],
      ["tds"],
      ["titre de séjour"],
    ]);
    expect([...learnt.keys()]).toEqual(["cej"]);
  });

  it("should learn a keyword of several words that several items have as a name", () => {
    expect(learnNames([["titre de séjour", "préfecture"], ["titre de séjour"], ["séjour"]])).toEqual([
      ["titr", "sejour"],
    ]);
    expect(learnNames([["titre de séjour"], ["carte de séjour"]])).toEqual([]);
  });
});
