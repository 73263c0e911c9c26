import { describe, expect, it } from "vitest";
import { falsePositivesIn, scoreCrisis, type CrisisItem, type OrdinaryItem } from "../../../scripts/crisis-score.ts";
import blind from "../../eval/blind.json";
import crisis from "../../eval/crisis.json";
import ordinary from "../../eval/ordinary.json";
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
