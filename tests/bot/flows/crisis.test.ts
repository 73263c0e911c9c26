import { describe, expect, it } from "vitest";
import { handle } from "../../../bot/engine.ts";
import { answerCrisis, crisisAlertText, FIRST_NUMBER } from "../../../bot/flows/crisis.ts";
import { t } from "../../../shared/i18n/index.ts";
import { CRISIS_CATEGORIES, type CrisisCategory } from "../../../bot/safety/crisis.ts";
import type { ConversationState } from "../../../bot/state.ts";
import type { ContentSnapshot } from "../../../shared/content/model.ts";
import { LOCALES, type Locale } from "../../../shared/locales.ts";

const NOW = new Date("2026-11-23T12:00:00Z");
const EMPTY: ContentSnapshot = { version: 1, topics: [], steps: [], resources: [], faqs: [] };

const state = (locale: Locale, hasReferent = true, profile: ConversationState["profile"] = {}): ConversationState => ({
  youngId: "y1",
  locale,
  profile,
  cursor: { at: "menu" },
  openHelpRequests: 0,
  hasReferent,
});

/** The first emergency number a text gives (the one read first). */
const firstNumber = (text: string) => /\b(3114|119|115|112|114|17|15|3919)\b/.exec(text)?.[1];

/** What the young person types, per category, and the number that must come first. */
const TYPED: [string, CrisisCategory, string][] = [
  ["j'ai avalé toute la boîte de doliprane", "overdose", "15"],
  ["je veux mourir", "suicide", "3114"],
  ["je me scarifie", "self_harm", "3114"],
  ["quelqu'un me suit dans la rue", "danger", "112"],
  ["il m'a violée", "sexual_violence", "119"],
  ["mon beau-père me frappe", "violence", "119"],
  ["je dors dehors ce soir", "shelter", "115"],
];

describe("the crisis answer", () => {
  for (const locale of LOCALES) {
    it.each(TYPED)(
      `should answer %j first with its number, and offer the alert (${locale})`,
      (text, category, number) => {
        const r = handle({ ...state(locale), cursor: { at: "contact" } }, { kind: "text", text }, EMPTY, NOW);
        const first = r.replies[0]!;
        expect(firstNumber(first.text)).toBe(number);
        expect(FIRST_NUMBER[category]).toBe(number);
        expect(first.buttons?.[0]?.action).toBe(`alert:${category}`);
        expect(r.effects).toContainEqual({ type: "track", event: "crisis", key: category });
      },
    );
  }

  it("should give every category its first number in every language", () => {
    for (const locale of LOCALES) {
      for (const category of CRISIS_CATEGORIES) {
        const text = answerCrisis(state(locale), { category, severe: category !== "shelter" }, NOW, false).replies[0]!
          .text;
        expect(firstNumber(text), `${locale} ${category}`).toBe(FIRST_NUMBER[category]);
      }
    }
  });

  it("should carry the short numbers of its text to call, in order, each with what it is for in the young person's language", () => {
    for (const locale of LOCALES) {
      for (const category of CRISIS_CATEGORIES) {
        const first = answerCrisis(state(locale), { category, severe: true }, NOW, false).replies[0]!;
        const numbers = first.call?.map((c) => c.number) ?? [];
        expect(numbers[0], `${locale} ${category}`).toBe(FIRST_NUMBER[category]);
        expect(numbers.length).toBeLessThanOrEqual(3);
        for (const n of numbers) expect(first.text).toContain(n);
        for (const c of first.call ?? []) expect(c.label.length).toBeGreaterThan(0);
      }
    }
    const suicide = answerCrisis(state("ar"), { category: "suicide", severe: true }, NOW, false).replies[0]!;
    expect(suicide.call).toEqual([
      { number: "3114", label: t("ar", "offline3114") },
      { number: "112", label: t("ar", "offline112") },
    ]);
    const overdose = answerCrisis(state("fr"), { category: "overdose", severe: true }, NOW, false).replies[0]!;
    expect(overdose.call?.map((c) => c.number)).toEqual(["15", "112", "3114"]);
  });

  it("should not read the young person's age or a longer number as a number to call", () => {
    // "j'ai 17 ans" in the shelter text is no police number; 0 800 235 236 has no short number in it.
    const shelter = answerCrisis(
      state("fr", true, { birth: "2009-01" }),
      { category: "shelter", severe: false },
      NOW,
      false,
    ).replies[0]!;
    expect(shelter.text).toContain("17 ans");
    expect(shelter.call?.map((c) => c.number)).toEqual(["115", "119"]);
    const selfHarm = answerCrisis(state("fr"), { category: "self_harm", severe: true }, NOW, false).replies[0]!;
    expect(selfHarm.call?.map((c) => c.number)).toEqual(["3114", "15", "112"]);
  });

  it("should add one line per other need found", () => {
    const r = answerCrisis(state("fr"), { category: "violence", severe: true, also: ["shelter"] }, NOW, false);
    expect(r.replies[0]!.text).toContain("119");
    expect(r.replies[0]!.text).toContain("115");
  });

  it("should say, with no référent linked, what the alert does, and still offer it and the numbers", () => {
    const r = answerCrisis(state("fr", false), { category: "suicide", severe: true }, NOW, false);
    const first = r.replies[0]!;
    expect(firstNumber(first.text)).toBe("3114");
    expect(first.text).toContain("pas encore de référent");
    expect(first.buttons?.map((b) => b.action)).toEqual(["alert:suicide", "link", "menu"]);
    expect(first.buttons?.[0]?.label).toBe("Enregistrer ma demande");
  });

  it("should alert automatically for a severe case when auto-alert is on, and say so truthfully", () => {
    const linked = answerCrisis(state("prs"), { category: "suicide", severe: true }, NOW, true);
    expect(linked.effects).toContainEqual({
      type: "raiseAlert",
      kind: "crisis",
      severity: "severe",
      subject: "suicide",
    });
    expect(linked.replies[0]!.text).toContain("به مربی‌ات خبر دادم");
    const alone = answerCrisis(state("fr", false), { category: "overdose", severe: true }, NOW, true);
    expect(alone.effects).toContainEqual({
      type: "raiseAlert",
      kind: "crisis",
      severity: "severe",
      subject: "overdose",
    });
    expect(alone.replies[0]!.text).not.toContain("J'ai prévenu ton référent");
    expect(alone.replies[0]!.text).toContain("personne ne la verra tout de suite");
  });

  it("should not alert automatically when nobody is in immediate danger (shelter), and use the age", () => {
    const r = answerCrisis(state("fr", true, { birth: "2009-01" }), { category: "shelter", severe: false }, NOW, true);
    expect(r.effects.some((e) => e.type === "raiseAlert")).toBe(false);
    expect(r.replies[0]!.text).toContain("17 ans");
    expect(r.replies[0]!.buttons?.[0]?.action).toBe("alert:shelter");
  });

  it("should keep the numbers and say why when no alert may be raised (first screens, hourly cap)", () => {
    const first = answerCrisis(state("fr", false), { category: "overdose", severe: true }, NOW, true, "onboarding");
    expect(firstNumber(first.replies[0]!.text)).toBe("15");
    expect(first.effects.some((e) => e.type === "raiseAlert")).toBe(false);
    expect(first.replies[0]!.text).toContain("choisis d'abord ta langue");
    const capped = answerCrisis(state("en"), { category: "suicide", severe: true }, NOW, false, "limit");
    expect(firstNumber(capped.replies[0]!.text)).toBe("3114");
    expect(capped.replies[0]!.buttons?.map((b) => b.action)).toEqual(["menu"]);
  });

  it("should repeat the number once the alert is sent, or only saved", () => {
    expect(crisisAlertText(state("fr"), "overdose")).toContain("15");
    expect(crisisAlertText(state("fr", false), "shelter")).toContain("115");
    expect(crisisAlertText(state("en"), "something-else")).toContain("112");
    // The alert button is accepted once the engine offered it (bot/offers.ts).
    const offered = handle(state("fr"), { kind: "text", text: "je veux mourir" }, EMPTY, NOW);
    const r = handle(offered.state, { kind: "action", action: "alert:suicide" }, EMPTY, NOW);
    expect(r.replies[0]!.text).toContain("3114");
    expect(r.effects).toContainEqual({ type: "raiseAlert", kind: "crisis", severity: "high", subject: "suicide" });
  });
});
