/**
 * Matcher CPU cost in Node, for the seed content:
 * - cold first turn, in a fresh process per sample (as a new isolate pays it): JSON.parse of the
 *   stored snapshot (with its precomputed index string), the crisis check, then the first question (which parses
 *   the index), and the same when the index has to be built because the snapshot has none;
 * - warm: index build, index parse, per-query time over the evaluation questions.
 * Run: npx tsx scripts/bench-matcher.ts
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

const questions = (JSON.parse(readFileSync(new URL("../tests/eval/questions.json", import.meta.url), "utf8")) as { text: string }[]).map((q) => q.text);
const ms = (n: number) => `${n.toFixed(3)} ms`;
const SNAPSHOT_FILE = "/tmp/passerelle-bench-snapshot.json";

const mode = process.argv[2];
if (mode === "--cold-child") {
  // A fresh process: module loading is not timed (an isolate loads the bundle before any turn).
  const importStart = performance.now();
  const { adoptIndex, matcherFor } = await import("../bot/matching/matcher.ts");
  const { detectCrisis: crisisCheck } = await import("../bot/safety/crisis.ts");
  const importMs = performance.now() - importStart;
  const text = readFileSync(SNAPSHOT_FILE, "utf8");
  const withIndex = process.argv[3] === "index";
  const t0 = performance.now();
  // As worker/store/content.ts loadPublished does.
  const { matchIndex, ...bundle } = JSON.parse(text) as Record<string, unknown> & { matchIndex?: string };
  if (withIndex && matchIndex) adoptIndex(bundle, matchIndex);
  const t1 = performance.now();
  // Every turn's text goes through crisis detection first (its regular expressions compile now).
  crisisCheck(questions[5]!);
  const tc = performance.now();
  matcherFor(bundle as never).match(questions[5]!);
  const t2 = performance.now();
  console.log(JSON.stringify({ importMs, parse: t1 - t0, crisis: tc - t1, firstMatch: t2 - tc, total: t2 - t0 }));
  process.exit(0);
}

const { buildIndex, createMatcher, matcherFromStored, serializeIndex } = await import("../bot/matching/matcher.ts");
const { detectCrisis } = await import("../bot/safety/crisis.ts");
const { seedBundle } = await import("../shared/content/seed/index.ts");

const indexJson = serializeIndex(buildIndex(seedBundle));
const snapshotJson = JSON.stringify({ ...seedBundle, matchIndex: indexJson });
writeFileSync(SNAPSHOT_FILE, snapshotJson);

type Cold = { importMs: number; parse: number; crisis: number; firstMatch: number; total: number };
const cold = (variant: string): Cold[] => {
  const out: Cold[] = [];
  for (let i = 0; i < 7; i++) {
    const stdout = execFileSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), "--cold-child", variant], { encoding: "utf8" });
    out.push(JSON.parse(stdout.trim().split("\n").pop()!) as Cold);
  }
  return out;
};
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const report = (label: string, runs: Cold[]) =>
  console.log(
    `${label}: total median ${ms(median(runs.map((r) => r.total)))} (snapshot JSON.parse ${ms(median(runs.map((r) => r.parse)))} + crisis check ${ms(median(runs.map((r) => r.crisis)))} + first question ${ms(median(runs.map((r) => r.firstMatch)))}); max ${ms(Math.max(...runs.map((r) => r.total)))}; module import (not in turn) ${ms(median(runs.map((r) => r.importMs)))}`,
  );

console.log(`content: ${seedBundle.faqs.length} FAQs, ${seedBundle.steps.length} steps, ${seedBundle.topics.length} topics; snapshot ${(snapshotJson.length / 1024).toFixed(0)} KiB of which index ${(indexJson.length / 1024).toFixed(0)} KiB`);
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
console.log(`warm stored index open + first question: median ${ms(timeIt(() => matcherFromStored(indexJson)!.match(questions[5]!), 50))}`);

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
