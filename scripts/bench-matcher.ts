/**
 * Matcher CPU cost in Node, for the seed content:
 * - cold first turn, in a fresh process per sample (as a new isolate pays it): JSON.parse of the
 *   stored snapshot (worker/store/content.ts storedPublication: keywords apart, index in its own
 *   column), the crisis check, then the first question (which opens the index), and the same
 *   when the index has to be built from the whole bundle;
 * - warm: index build, index parse, per-query time over the evaluation questions.
 * Run: npx tsx scripts/bench-matcher.ts
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

const questions = (
  JSON.parse(readFileSync(new URL("../tests/eval/questions.json", import.meta.url), "utf8")) as { text: string }[]
).map((q) => q.text);
const ms = (n: number) => `${n.toFixed(3)} ms`;
const SNAPSHOT_FILE = "/tmp/passerelle-bench-snapshot.json";
const FULL_FILE = "/tmp/passerelle-bench-bundle.json";
const INDEX_FILE = "/tmp/passerelle-bench-index.txt";

const mode = process.argv[2];
if (mode === "--cold-child") {
  // A fresh process: module loading is not timed (an isolate loads the bundle before any turn).
  const importStart = performance.now();
  const { adoptIndex, matcherFor } = await import("../bot/matching/matcher.ts");
  const { detectCrisis: crisisCheck } = await import("../bot/safety/crisis.ts");
  const importMs = performance.now() - importStart;
  const withIndex = process.argv[3] === "index";
  const text = readFileSync(withIndex ? SNAPSHOT_FILE : FULL_FILE, "utf8");
  const matchIndex = readFileSync(INDEX_FILE, "utf8");
  const t0 = performance.now();
  // As worker/store/content.ts loadForTurns does (the stored snapshot), or the whole bundle.
  const bundle = JSON.parse(text) as Record<string, unknown>;
  if (withIndex) adoptIndex(bundle, matchIndex);
  const t1 = performance.now();
  // Every turn's text goes through crisis detection first (its regular expressions compile now).
  crisisCheck(questions[5]!);
  const tc = performance.now();
  matcherFor(bundle as never).match(questions[5]!);
  const t2 = performance.now();
  console.log(JSON.stringify({ importMs, parse: t1 - t0, crisis: tc - t1, firstMatch: t2 - tc, total: t2 - t0 }));
  process.exit(0);
}

const { buildIndex } = await import("../bot/matching/build.ts");
const { createMatcher, matcherFromStored } = await import("../bot/matching/matcher.ts");
const { detectCrisis } = await import("../bot/safety/crisis.ts");
const { seedBundle } = await import("../shared/content/seed/index.ts");
const { storedPublication } = await import("../worker/store/content.ts");

const stored = storedPublication(seedBundle);
const indexJson = stored.matchIndex;
const snapshotJson = stored.snapshot;
writeFileSync(SNAPSHOT_FILE, snapshotJson);
writeFileSync(FULL_FILE, JSON.stringify(seedBundle));
writeFileSync(INDEX_FILE, indexJson);

type Cold = { importMs: number; parse: number; crisis: number; firstMatch: number; total: number };
const cold = (variant: string): Cold[] => {
  const out: Cold[] = [];
  for (let i = 0; i < 7; i++) {
    const stdout = execFileSync(
      process.execPath,
      [...process.execArgv, fileURLToPath(import.meta.url), "--cold-child", variant],
      { encoding: "utf8" },
    );
    out.push(JSON.parse(stdout.trim().split("\n").pop()!) as Cold);
  }
  return out;
};
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const report = (label: string, runs: Cold[]) =>
  console.log(
    `${label}: total median ${ms(median(runs.map((r) => r.total)))} (snapshot JSON.parse ${ms(median(runs.map((r) => r.parse)))} + crisis check ${ms(median(runs.map((r) => r.crisis)))} + first question ${ms(median(runs.map((r) => r.firstMatch)))}); max ${ms(Math.max(...runs.map((r) => r.total)))}; module import (not in turn) ${ms(median(runs.map((r) => r.importMs)))}`,
  );

console.log(
  `content: ${seedBundle.faqs.length} FAQs, ${seedBundle.steps.length} steps, ${seedBundle.topics.length} topics; snapshot ${(snapshotJson.length / 1024).toFixed(0)} KiB of which index ${(indexJson.length / 1024).toFixed(0)} KiB`,
);
report("cold first turn, stored index (fresh process ×7)", cold("index"));
report("cold first turn, index built at runtime (fresh process ×7)", cold("build"));

const timeIt = (fn: () => void, n: number) => {
  const runs: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = performance.now();
    fn();
    runs.push(performance.now() - s);
  }
  return median(runs);
};
console.log(`warm index build: median ${ms(timeIt(() => buildIndex(seedBundle), 20))}`);
console.log(
  `warm stored index open + first question: median ${ms(timeIt(() => matcherFromStored(indexJson)!.match(questions[5]!), 50))}`,
);

const matcher = createMatcher(seedBundle);
const rounds = 20;
const s = performance.now();
for (let r = 0; r < rounds; r++) for (const q of questions) matcher.match(q);
const perQuery = (performance.now() - s) / (rounds * questions.length);
const c = performance.now();
for (let r = 0; r < rounds; r++) for (const q of questions) detectCrisis(q);
const perCrisis = (performance.now() - c) / (rounds * questions.length);
console.log(`warm match: ${ms(perQuery)} per query (${questions.length} questions × ${rounds})`);
console.log(`warm crisis detection: ${ms(perCrisis)} per text`);
