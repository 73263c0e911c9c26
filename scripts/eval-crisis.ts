/**
 * Crisis detection evaluation, printed by `npm run eval` after the matching evaluation (or
 * alone: `npx tsx scripts/eval-crisis.ts`). tests/eval/crisis.json holds crisis phrasings
 * written from how young people type (labelled with the categories whose first number fits),
 * tests/eval/ordinary.json ordinary questions and near-misses; every 4th item of each is held
 * out (scripts/crisis-score.ts). Prints recall and "right number first" per language, and the
 * false-positive rate on the ordinary questions, the near-misses, and the matching sets
 * (questions.json, blind.json). `--verbose-crisis` lists the tuned half's misses;
 * `--verbose-crisis-held-out` the held-out half's (after which it is no longer held out).
 * Then the development sets (tests/eval/crisis-dev.json, ordinary-dev.json), written blind on
 * 2026-12-04 by someone who saw neither the detector, its lexicons nor the other sets, and tuned
 * on since: scored whole (recall, right number first and false positives per language, and the
 * near-misses); `--verbose-crisis-dev` lists their misses. Being tuned on, they no longer measure
 * generalisation: only a set written blind after the last tuning does.
 */
import { readFileSync } from "node:fs";
import {
  falsePositivesIn,
  scoreWhole,
  scoreCrisis,
  type CrisisItem,
  type OrdinaryItem,
  type WholeScore,
  type Tally,
} from "./crisis-score.ts";

const read = <T>(name: string): T =>
  JSON.parse(readFileSync(new URL(`../tests/eval/${name}`, import.meta.url), "utf8")) as T;
const pct = (a: number, n: number) => `${n === 0 ? "  -  " : ((100 * a) / n).toFixed(1).padStart(5)} %`;
const LOCALES = ["fr", "en", "ar", "ps", "prs", "all"];

export function printCrisisEvaluation(args: string[]): void {
  const score = scoreCrisis(read<CrisisItem[]>("crisis.json"), read<OrdinaryItem[]>("ordinary.json"));
  console.log("\nCrisis detection (tests/eval/crisis.json, ordinary.json; every 4th item held out):");
  console.log(`${"".padEnd(6)} ${"tuned: recall  number first  FP".padEnd(40)} held-out: recall  number first  FP`);
  for (const locale of LOCALES) {
    const cells = (["tuned", "held-out"] as const).map((half) => {
      const r = score.recall.get(`${half} ${locale}`) ?? { n: 0, hits: 0, right: 0 };
      const f = score.falsePositives.get(`${half} ${locale}`) ?? { n: 0, hits: 0, right: 0 };
      return `${pct(r.hits, r.n)} ${pct(r.right, r.n)} (${r.n})  ${pct(f.hits, f.n)} (${f.hits}/${f.n})`;
    });
    console.log(`${locale.padEnd(6)} ${cells[0]!.padEnd(40)} ${cells[1]}`);
  }
  for (const half of ["tuned", "held-out"] as const) {
    const f = score.falsePositives.get(`near-miss ${half}`) ?? { n: 0, hits: 0, right: 0 };
    console.log(`near-misses (${half}): ${f.hits} of ${f.n} read as a crisis (${pct(f.hits, f.n).trim()})`);
  }
  const others = falsePositivesIn([
    ...read<{ text: string; locale: string }[]>("questions.json"),
    ...read<{ text: string; locale: string }[]>("blind.json"),
  ]);
  const line = (t: Tally | undefined) => (t ? `${t.hits}/${t.n}` : "-");
  console.log(
    `matching sets (questions.json + blind.json) read as a crisis: ${LOCALES.map((l) => `${l} ${line(others.byLocale.get(l))}`).join(", ")}`,
  );
  for (const l of others.lines) console.log(`  ${l}`);
  const show = (half: string) =>
    score.misses
      .filter((m) => m.half === half)
      .map((m) => `  ${m.line}`)
      .join("\n");
  if (args.includes("--verbose-crisis")) console.log(`\nTuned misses and false positives:\n${show("tuned")}`);
  if (args.includes("--verbose-crisis-held-out"))
    console.log(`\nHeld-out misses and false positives:\n${show("held-out")}`);
  for (const set of WHOLE_SETS) printWholeSet(set, args);
}

/** A set scored whole: its files, how it is keyed, and what to say of it and of its misses. */
type WholeSet = {
  group: "dev" | "blind" | "blind3";
  crisis: string;
  ordinary: string;
  title: string;
  flag: string;
  /** Printed without the flag. */
  hint: string;
  /** Printed before the misses. */
  warning?: string;
};

const WHOLE_SETS: WholeSet[] = [
  {
    group: "dev",
    crisis: "crisis-dev.json",
    ordinary: "ordinary-dev.json",
    title:
      "Crisis detection, development set (tests/eval/crisis-dev.json, ordinary-dev.json: written blind on 2026-12-04, tuned on since):",
    flag: "--verbose-crisis-dev",
    hint: "(misses: --verbose-crisis-dev; a tuned set: generalisation is measured by a set written blind since)",
  },
  {
    group: "blind",
    crisis: "crisis-blind2.json",
    ordinary: "ordinary-blind2.json",
    title:
      "Crisis detection, blind (tests/eval/crisis-blind2.json, ordinary-blind2.json, written 2026-12-04 by someone who saw neither the detector, its lexicons nor the other sets; never tuned on):",
    flag: "--verbose-crisis-blind",
    hint: "(misses: --verbose-crisis-blind, after which the set is no longer blind)",
    warning:
      "WARNING: these are the blind set's misses. Once read, crisis-blind2.json and ordinary-blind2.json\nare no longer blind: do not tune on them; write a new blind set to measure generalisation.",
  },
  {
    group: "blind3",
    crisis: "crisis-blind3.json",
    ordinary: "ordinary-blind3.json",
    title:
      "Crisis detection, third blind set (tests/eval/crisis-blind3.json, ordinary-blind3.json, written 2026-12-04 after the last tuning by someone who saw neither the detector, its lexicons nor the other sets; never tuned on):",
    flag: "--verbose-crisis-blind3",
    hint: "(misses: --verbose-crisis-blind3, after which the set is no longer blind)",
    warning:
      "WARNING: these are the third blind set's misses. Once read, crisis-blind3.json and ordinary-blind3.json\nare no longer blind: do not tune on them; write a new blind set to measure generalisation.",
  },
];

function printWholeSet(set: WholeSet, args: string[]): void {
  const score = scoreWhole(set.group, read<CrisisItem[]>(set.crisis), read<OrdinaryItem[]>(set.ordinary));
  printWhole(set.title, score, set.group);
  if (!args.includes(set.flag)) {
    console.log(set.hint);
    return;
  }
  if (set.warning) console.log(`\n${set.warning}`);
  console.log(`\nMisses and false positives:\n${score.misses.map((m) => `  ${m.line}`).join("\n")}`);
}

/** Recall, right number first, false positives and near-miss false positives per language of a set scored whole. */
function printWhole<G extends string>(title: string, score: WholeScore<G>, group: G): void {
  const none: Tally = { n: 0, hits: 0, right: 0 };
  console.log(`\n${title}`);
  console.log(`${"".padEnd(6)} recall  number first         FP (ordinary)      near-miss FP`);
  for (const locale of LOCALES) {
    const r = score.recall.get(`${group} ${locale}`) ?? none;
    const f = score.falsePositives.get(`${group} ${locale}`) ?? none;
    const m =
      score.falsePositives.get(locale === "all" ? `near-miss ${group}` : `near-miss ${group} ${locale}`) ?? none;
    console.log(
      `${locale.padEnd(6)} ${pct(r.hits, r.n)} ${pct(r.right, r.n)} (${r.n})`.padEnd(36) +
        `${pct(f.hits, f.n)} (${f.hits}/${f.n})`.padEnd(19) +
        `${pct(m.hits, m.n)} (${m.hits}/${m.n})`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) printCrisisEvaluation(process.argv.slice(2));
