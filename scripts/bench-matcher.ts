/**
 * Matcher CPU cost in Node: cold build of the index for the seed content (as a new isolate's
 * first turn pays it) and warm per-query time over the evaluation questions.
 * Run: npx tsx scripts/bench-matcher.ts
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { createMatcher } from "../bot/matching/matcher.ts";
import { detectCrisis } from "../bot/safety/crisis.ts";
import { seedBundle } from "../shared/content/seed/index.ts";

const questions = (JSON.parse(readFileSync(new URL("../tests/eval/questions.json", import.meta.url), "utf8")) as { text: string }[]).map((q) => q.text);

const t0 = performance.now();
const first = createMatcher(seedBundle);
const coldBuild = performance.now() - t0;
const t1 = performance.now();
first.match(questions[0]!);
const firstQuery = performance.now() - t1;

const builds: number[] = [];
for (let i = 0; i < 30; i++) {
  const s = performance.now();
  createMatcher(seedBundle);
  builds.push(performance.now() - s);
}
const rounds = 20;
const s = performance.now();
for (let r = 0; r < rounds; r++) for (const q of questions) first.match(q);
const perQuery = (performance.now() - s) / (rounds * questions.length);
const c = performance.now();
for (let r = 0; r < rounds; r++) for (const q of questions) detectCrisis(q);
const perCrisis = (performance.now() - c) / (rounds * questions.length);

builds.sort((a, b) => a - b);
const ms = (n: number) => `${n.toFixed(3)} ms`;
console.log(`content: ${seedBundle.faqs.length} FAQs, ${seedBundle.steps.length} steps, ${seedBundle.topics.length} topics`);
console.log(`cold build (first in process, JIT cold): ${ms(coldBuild)}; first query after it: ${ms(firstQuery)}`);
console.log(`warm build: median ${ms(builds[15]!)}, max ${ms(builds[29]!)}`);
console.log(`warm match: ${ms(perQuery)} per query (${questions.length} questions × ${rounds})`);
console.log(`warm crisis detection: ${ms(perCrisis)} per text`);
