import { describe, expect, it } from "vitest";
import { changeText } from "../../../bot/flows/roadmap-changes.ts";
import type { ConversationState } from "../../../bot/state.ts";
import { LOCALES } from "../../../shared/locales.ts";
import { roadmapChanges } from "../../../shared/roadmap/changes.ts";
import { seedRules } from "../../support/content.ts";

/**
 * What a publication of the roadmap rules changed for one young person (issue 21 §2), pure:
 * a step added, a date moved, and a step they had that is gone (announced unless done), and the
 * notice's words for each in the five languages.
 */

const TODAY = "2027-01-10";
// In care, 17½: the contract request is on their roadmap (due 31/05/2027).
const profile = { birth: "2009-06", status: "ase", dept: "44" } as const;
const withoutContract = () => {
  const rules = seedRules();
  rules.steps = rules.steps.filter((s) => s.id !== "cjm-request");
  return rules;
};
const state = (locale: ConversationState["locale"]): ConversationState => ({
  youngId: "y",
  locale,
  profile,
  cursor: { at: "menu" },
  openHelpRequests: 0,
  hasReferent: false,
});

describe("roadmapChanges", () => {
  it("should find nothing when the rules did not change for this person", () => {
    expect(roadmapChanges(profile, seedRules(), seedRules(), TODAY)).toEqual([]);
  });

  it("should report a step the publication removed, with its old rule and date", () => {
    const changes = roadmapChanges(profile, seedRules(), withoutContract(), TODAY);
    expect(changes.map((c) => [c.kind, c.step.id, c.before])).toEqual([["removed", "cjm-request", "2027-05-31"]]);
  });

  it("should not report a removed step the young person had done", () => {
    expect(roadmapChanges(profile, seedRules(), withoutContract(), TODAY, { "cjm-request": "done" })).toEqual([]);
  });

  it("should report a step added and a date moved", () => {
    const moved = seedRules();
    moved.steps.find((s) => s.id === "cjm-request")!.due = { from: "birth", years: 18, months: -2 };
    expect(roadmapChanges(profile, seedRules(), moved, TODAY).map((c) => [c.kind, c.step.id, c.before])).toEqual([
      ["moved", "cjm-request", "2027-05-31"],
    ]);
    expect(roadmapChanges(profile, withoutContract(), seedRules(), TODAY).map((c) => [c.kind, c.step.id])).toEqual([
      ["added", "cjm-request"],
    ]);
  });
});

describe("the change notice's words for a removed step", () => {
  const expected = {
    fr: "• L'étape « Demander ton contrat jeune majeur » n'est plus dans ton parcours.",
    en: "• The step “Ask for your young adult contract (contrat jeune majeur)” is no longer on your roadmap.",
    ar: "• الخطوة «اطلب عقد الشاب الراشد (contrat jeune majeur)» لم تعد في مسارك.",
    ps: "• ګام «د ځوان بالغ تړون (contrat jeune majeur) وغواړه» نور ستا په لاره کې نشته.",
    prs: "• قدم «قرارداد جوان بالغ (contrat jeune majeur) را درخواست کن» دیگر در مسیر تو نیست.",
  };
  for (const locale of LOCALES)
    it(`should say in ${locale} that the step is no longer on their roadmap, with its title in that language`, () => {
      const rules = withoutContract();
      const changes = roadmapChanges(profile, seedRules(), rules, TODAY);
      const lines = changeText(state(locale), rules, changes).split("\n");
      expect(lines).toHaveLength(2);
      expect(lines[1]).toBe(expected[locale]);
    });
});
