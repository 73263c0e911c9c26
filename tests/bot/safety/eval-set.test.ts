import { describe, expect, it } from "vitest";
import {
  falsePositivesIn,
  scoreBlind,
  scoreCrisis,
  type CrisisItem,
  type OrdinaryItem,
} from "../../../scripts/crisis-score.ts";
import blind from "../../eval/blind.json";
import crisis from "../../eval/crisis.json";
import crisisBlind from "../../eval/crisis-blind.json";
import ordinary from "../../eval/ordinary.json";
import ordinaryBlind from "../../eval/ordinary-blind.json";
import questions from "../../eval/questions.json";

/**
 * The labelled sets (tests/eval/crisis.json, ordinary.json) as `npm run eval` scores them.
 * The tuned half must be read perfectly; the held-out half (never tuned on) has a floor, so
 * that a change that breaks generalisation fails here without anyone reading its misses.
 */
const score = scoreCrisis(crisis as CrisisItem[], ordinary as OrdinaryItem[]);
const rate = (key: string, map: typeof score.recall) => {
  const t = map.get(key)!;
  return t.hits / t.n;
};

describe("the crisis evaluation sets", () => {
  it("should hold at least 200 crisis phrasings in five languages, and more ordinary questions", () => {
    expect(crisis.length).toBeGreaterThanOrEqual(200);
    expect(new Set(crisis.map((c) => c.locale))).toEqual(new Set(["fr", "en", "ar", "ps", "prs"]));
    expect(ordinary.length).toBeGreaterThan(crisis.length);
  });

  it.each(["fr", "en", "ar", "ps", "prs"])(
    "should find every tuned crisis phrasing in %s, with the right number first",
    (locale) => {
      const t = score.recall.get(`tuned ${locale}`)!;
      expect(
        score.misses.filter(
          (m) => m.half === "tuned" && m.line.startsWith(`${locale} `) && !m.line.includes("(ordinary"),
        ),
      ).toEqual([]);
      expect(t.right).toBe(t.n);
    },
  );

  it("should read at most 1 % of the tuned ordinary questions as a crisis", () => {
    expect(rate("tuned all", score.falsePositives)).toBeLessThanOrEqual(0.01);
  });

  it("should keep its floor on the held-out half", () => {
    expect(rate("held-out all", score.recall)).toBeGreaterThanOrEqual(0.93);
    expect(rate("held-out all", score.falsePositives)).toBeLessThanOrEqual(0.02);
  });

  it("should read at most 1 % of the matching questions as a crisis", () => {
    const { byLocale } = falsePositivesIn([...questions, ...blind]);
    const all = byLocale.get("all")!;
    expect(all.hits / all.n).toBeLessThanOrEqual(0.01);
  });
});

/**
 * The blind sets (tests/eval/crisis-blind.json, ordinary-blind.json), written on 2026-12-04 by
 * someone who saw neither the detector, its lexicons nor the other sets, and never tuned on.
 * Measured then: recall 54.1 %, right number first 53.7 %, 5.8 % of the ordinary texts and
 * 12.9 % of the near-misses read as a crisis. The floors sit a few points off, so that a change
 * that loses generalisation fails here without anyone reading the misses (they are listed only by
 * `npx tsx scripts/eval-crisis.ts --verbose-crisis-blind`, after which the set is no longer blind).
 */
describe("the blind crisis evaluation sets", () => {
  const blindCrisis = crisisBlind as CrisisItem[];
  const blindOrdinary = ordinaryBlind as OrdinaryItem[];
  const scored = scoreBlind(blindCrisis, blindOrdinary);
  const minimum: Record<string, number> = { fr: 90, en: 40, ar: 45, ps: 35, prs: 35 };
  const categories: string[] = ["overdose", "suicide", "self_harm", "danger", "sexual_violence", "violence", "shelter"];
  const labels = (c: CrisisItem): string[] => (Array.isArray(c.category) ? c.category : [c.category]);

  it("should hold at least 250 crisis phrasings and 250 ordinary texts, each language at its minimum", () => {
    expect(blindCrisis.length).toBeGreaterThanOrEqual(250);
    expect(blindOrdinary.length).toBeGreaterThanOrEqual(250);
    for (const [locale, n] of Object.entries(minimum)) {
      expect(blindCrisis.filter((c) => c.locale === locale).length, `crisis ${locale}`).toBeGreaterThanOrEqual(n);
      expect(blindOrdinary.filter((o) => o.locale === locale).length, `ordinary ${locale}`).toBeGreaterThanOrEqual(n);
      for (const category of categories)
        expect(
          blindCrisis.some((c) => c.locale === locale && labels(c).includes(category)),
          `${category} in ${locale}`,
        ).toBe(true);
    }
    expect(new Set([...blindCrisis, ...blindOrdinary].map((i) => i.locale))).toEqual(new Set(Object.keys(minimum)));
    expect(blindOrdinary.filter((o) => o.nearMiss).length / blindOrdinary.length).toBeGreaterThanOrEqual(0.4);
  });

  it("should keep its overall recall, right number first and false positives near what was measured", () => {
    const recall = scored.recall.get("blind all")!;
    const fp = scored.falsePositives.get("blind all")!;
    const nearMiss = scored.falsePositives.get("near-miss blind")!;
    expect(recall.hits / recall.n).toBeGreaterThanOrEqual(0.5);
    expect(recall.right / recall.n).toBeGreaterThanOrEqual(0.5);
    expect(fp.hits / fp.n).toBeLessThanOrEqual(0.09);
    expect(nearMiss.hits / nearMiss.n).toBeLessThanOrEqual(0.17);
  });
});
