import { describe, expect, it } from "vitest";
import {
  falsePositivesIn,
  scoreWhole,
  scoreCrisis,
  type CrisisItem,
  type OrdinaryItem,
} from "../../../scripts/crisis-score.ts";
import blind from "../../eval/blind.json";
import crisis from "../../eval/crisis.json";
import crisisBlind2 from "../../eval/crisis-blind2.json";
import crisisBlind3 from "../../eval/crisis-blind3.json";
import crisisDev from "../../eval/crisis-dev.json";
import ordinary from "../../eval/ordinary.json";
import ordinaryBlind2 from "../../eval/ordinary-blind2.json";
import ordinaryBlind3 from "../../eval/ordinary-blind3.json";
import ordinaryDev from "../../eval/ordinary-dev.json";
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
 * The development sets (tests/eval/crisis-dev.json, ordinary-dev.json): written blind on
 * 2026-12-04 by someone who saw neither the detector, its lexicons nor the other sets, and tuned
 * on since. Measured blind: recall 54.1 %, right number first 53.7 %, 5.8 % of the ordinary texts
 * and 12.9 % of the near-misses read as a crisis; measured after tuning the same day: recall 97.9 %, right number first 97.9 %, 0.4 % of the
 * ordinary texts and 0.8 % of the near-misses. The floors
 * sit just below, so that a change that loses what was generalised from them fails here
 * (`npx tsx scripts/eval-crisis.ts --verbose-crisis-dev` lists the misses). Being tuned on, they
 * no longer measure generalisation: a set written blind since does.
 */
describe("the crisis development sets (written blind, tuned on since)", () => {
  const devCrisis = crisisDev as CrisisItem[];
  const devOrdinary = ordinaryDev as OrdinaryItem[];
  const scored = scoreWhole("dev", devCrisis, devOrdinary);
  const minimum: Record<string, number> = { fr: 90, en: 40, ar: 45, ps: 35, prs: 35 };
  const categories: string[] = ["overdose", "suicide", "self_harm", "danger", "sexual_violence", "violence", "shelter"];
  const labels = (c: CrisisItem): string[] => (Array.isArray(c.category) ? c.category : [c.category]);

  it("should hold at least 250 crisis phrasings and 250 ordinary texts, each language at its minimum", () => {
    expect(devCrisis.length).toBeGreaterThanOrEqual(250);
    expect(devOrdinary.length).toBeGreaterThanOrEqual(250);
    for (const [locale, n] of Object.entries(minimum)) {
      expect(devCrisis.filter((c) => c.locale === locale).length, `crisis ${locale}`).toBeGreaterThanOrEqual(n);
      expect(devOrdinary.filter((o) => o.locale === locale).length, `ordinary ${locale}`).toBeGreaterThanOrEqual(n);
      for (const category of categories)
        expect(
          devCrisis.some((c) => c.locale === locale && labels(c).includes(category)),
          `${category} in ${locale}`,
        ).toBe(true);
    }
    expect(new Set([...devCrisis, ...devOrdinary].map((i) => i.locale))).toEqual(new Set(Object.keys(minimum)));
    expect(devOrdinary.filter((o) => o.nearMiss).length / devOrdinary.length).toBeGreaterThanOrEqual(0.4);
  });

  it("should keep its overall recall, right number first and false positives near what was reached", () => {
    const recall = scored.recall.get("dev all")!;
    const fp = scored.falsePositives.get("dev all")!;
    const nearMiss = scored.falsePositives.get("near-miss dev")!;
    expect(recall.hits / recall.n).toBeGreaterThanOrEqual(0.96);
    expect(recall.right / recall.n).toBeGreaterThanOrEqual(0.96);
    expect(fp.hits / fp.n).toBeLessThanOrEqual(0.015);
    expect(nearMiss.hits / nearMiss.n).toBeLessThanOrEqual(0.025);
  });
});

/**
 * The second blind sets (tests/eval/crisis-blind2.json, ordinary-blind2.json; tests/eval/BLIND2.md),
 * written on 2026-12-04 by someone who saw neither the detector, its lexicons nor any other set,
 * while the detector was tuned on the development sets: they measure generalisation, so nobody
 * tunes on them and a failure here prints rates only. Measured before that tuning: recall 43.7 %,
 * 10.8 % of the ordinary texts read as a crisis; after it: recall 54.9 %, 9.7 %. The floors sit a
 * few points below, so that a change that loses generalisation fails without anyone reading items.
 */
describe("the second blind crisis sets (never tuned on)", () => {
  const blindCrisis = crisisBlind2 as CrisisItem[];
  const blindOrdinary = ordinaryBlind2 as OrdinaryItem[];
  const scored = scoreWhole("blind", blindCrisis, blindOrdinary);

  it("should hold at least 260 crisis phrasings and 260 ordinary texts in the five languages", () => {
    expect(blindCrisis.length).toBeGreaterThanOrEqual(260);
    expect(blindOrdinary.length).toBeGreaterThanOrEqual(260);
    expect(new Set([...blindCrisis, ...blindOrdinary].map((i) => i.locale))).toEqual(
      new Set(["fr", "en", "ar", "ps", "prs"]),
    );
  });

  it("should keep its overall recall and false positives near what was measured", () => {
    const recall = scored.recall.get("blind all")!;
    const fp = scored.falsePositives.get("blind all")!;
    expect(recall.hits / recall.n).toBeGreaterThanOrEqual(0.5);
    expect(fp.hits / fp.n).toBeLessThanOrEqual(0.12);
  });
});

/**
 * The third blind sets (tests/eval/crisis-blind3.json, ordinary-blind3.json; tests/eval/BLIND3.md),
 * written on 2026-12-04 05:15–06:10 UTC, after the detector's last change (03:10), by someone who saw
 * neither the detector, its lexicons nor any other set. First scored on 2026-12-04 at 17:55: recall
 * 66.4 % (fr 70.5, en 76.0, ar 67.9, ps 55.6, prs 55.6 %), right number first 65.4 %, 5.0 % of the
 * ordinary texts and 10.2 % of the near-misses read as a crisis. Nobody tunes on them: the floors
 * sit a few points below, and a failure prints rates only.
 */
describe("the third blind crisis sets (never tuned on)", () => {
  const blindCrisis = crisisBlind3 as CrisisItem[];
  const blindOrdinary = ordinaryBlind3 as OrdinaryItem[];
  const scored = scoreWhole("blind3", blindCrisis, blindOrdinary);

  it("should hold at least 300 crisis phrasings and 300 ordinary texts in the five languages", () => {
    expect(blindCrisis.length).toBeGreaterThanOrEqual(300);
    expect(blindOrdinary.length).toBeGreaterThanOrEqual(300);
    expect(new Set([...blindCrisis, ...blindOrdinary].map((i) => i.locale))).toEqual(
      new Set(["fr", "en", "ar", "ps", "prs"]),
    );
  });

  it("should keep its overall recall and false positives near what was measured", () => {
    const recall = scored.recall.get("blind3 all")!;
    const fp = scored.falsePositives.get("blind3 all")!;
    const nearMiss = scored.falsePositives.get("near-miss blind3")!;
    expect(recall.hits / recall.n).toBeGreaterThanOrEqual(0.62);
    expect(recall.right / recall.n).toBeGreaterThanOrEqual(0.61);
    expect(fp.hits / fp.n).toBeLessThanOrEqual(0.07);
    expect(nearMiss.hits / nearMiss.n).toBeLessThanOrEqual(0.14);
  });
});
