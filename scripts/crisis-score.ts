import { detectCrisis, type CrisisCategory } from "../bot/safety/crisis.ts";

/**
 * Scores the crisis detector on labelled sets (used by scripts/eval-crisis.ts and by
 * tests/bot/safety/eval-set.test.ts). Items whose index is 3 modulo 4 are held out: they are
 * scored apart and their misses are only listed on request, so that tuning never sees them.
 * The development and second blind sets (scoreWhole) are scored whole.
 */
export type CrisisItem = { text: string; locale: string; category: CrisisCategory | CrisisCategory[] };
export type OrdinaryItem = { text: string; locale: string; nearMiss?: boolean };
export type Half = "tuned" | "held-out";

export const halfOf = (index: number): Half => (index % 4 === 3 ? "held-out" : "tuned");

export type Tally = { n: number; hits: number; right: number };
export type CrisisScore = {
  /** Per "<half> <locale>" and "<half> all": detected (any category) and answered with an expected category. */
  recall: Map<string, Tally>;
  /** Per "<half> <locale>", "<half> all", "near-miss <half>" and "near-miss <half> <locale>": how many ordinary texts were read as a crisis. */
  falsePositives: Map<string, Tally>;
  misses: { half: Half; line: string }[];
};

function count(map: Map<string, Tally>, key: string, hit: boolean, right: boolean) {
  const t = map.get(key) ?? { n: 0, hits: 0, right: 0 };
  t.n++;
  if (hit) t.hits++;
  if (right) t.right++;
  map.set(key, t);
}

function scoreBy<G extends string>(
  crisis: CrisisItem[],
  ordinary: OrdinaryItem[],
  groupOf: (index: number) => G,
): { recall: Map<string, Tally>; falsePositives: Map<string, Tally>; misses: { half: G; line: string }[] } {
  const score = {
    recall: new Map<string, Tally>(),
    falsePositives: new Map<string, Tally>(),
    misses: [] as { half: G; line: string }[],
  };
  crisis.forEach((item, index) => {
    const half = groupOf(index);
    const hit = detectCrisis(item.text);
    const expected = Array.isArray(item.category) ? item.category : [item.category];
    const right = hit !== null && expected.includes(hit.category);
    for (const key of [`${half} ${item.locale}`, `${half} all`]) count(score.recall, key, hit !== null, right);
    if (!right)
      score.misses.push({
        half,
        line: `${item.locale} ${JSON.stringify(item.text)} → ${hit?.category ?? "nothing"}; expected ${expected.join("|")}`,
      });
  });
  ordinary.forEach((item, index) => {
    const half = groupOf(index);
    const hit = detectCrisis(item.text);
    const keys = [
      `${half} ${item.locale}`,
      `${half} all`,
      ...(item.nearMiss ? [`near-miss ${half}`, `near-miss ${half} ${item.locale}`] : []),
    ];
    for (const key of keys) count(score.falsePositives, key, hit !== null, false);
    if (hit)
      score.misses.push({
        half,
        line: `${item.locale} ${JSON.stringify(item.text)} → ${hit.category} (ordinary${item.nearMiss ? ", near-miss" : ""})`,
      });
  });
  return score;
}

export function scoreCrisis(crisis: CrisisItem[], ordinary: OrdinaryItem[]): CrisisScore {
  return scoreBy(crisis, ordinary, halfOf);
}

/**
 * The development sets (tests/eval/crisis-dev.json, ordinary-dev.json): written blind on
 * 2026-12-04 by someone who saw neither the detector, its lexicons nor the other sets, then
 * tuned on since (its misses read and generalised from), so they no longer measure
 * generalisation: a new blind set does. Scored whole, keyed "dev <locale>", "dev all",
 * "near-miss dev" and "near-miss dev <locale>".
 */
export type WholeScore<G extends string> = {
  recall: Map<string, Tally>;
  falsePositives: Map<string, Tally>;
  misses: { half: G; line: string }[];
};

/**
 * A set scored whole, keyed "<group> <locale>", "<group> all", "near-miss <group>" and
 * "near-miss <group> <locale>": the second blind sets ("blind": tests/eval/crisis-blind2.json,
 * ordinary-blind2.json, tests/eval/BLIND2.md; never tuned on, they measure generalisation) and
 * the development sets ("dev", above).
 */
export function scoreWhole<G extends string>(group: G, crisis: CrisisItem[], ordinary: OrdinaryItem[]): WholeScore<G> {
  return scoreBy(crisis, ordinary, () => group);
}

/** Ordinary questions of another set (tests/eval/questions.json, blind.json) read as a crisis. */
export function falsePositivesIn(questions: { text: string; locale: string }[]): {
  byLocale: Map<string, Tally>;
  lines: string[];
} {
  const byLocale = new Map<string, Tally>();
  const lines: string[] = [];
  for (const q of questions) {
    const hit = detectCrisis(q.text);
    for (const key of [q.locale, "all"]) count(byLocale, key, hit !== null, false);
    if (hit) lines.push(`${q.locale} ${JSON.stringify(q.text)} → ${hit.category}`);
  }
  return { byLocale, lines };
}
