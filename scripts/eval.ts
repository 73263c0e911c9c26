/**
 * Free-text matching evaluation: `npm run eval` (add `-- --verbose` to list the misses, each with
 * what it was read as and where its answer's points came from: bot/matching/explain.ts).
 * Reads tests/eval/questions.json (questions written as young people write, labelled with
 * content ids, never copied into the content's keywords) and prints top-1 accuracy per
 * language, per topic and overall, as the bot would answer (a question the bot would not
 * answer at all counts as a miss). Exits 1 under --min (default 0.9).
 * `--split=even` evaluates the even-indexed questions only (the tuning half), `--split=odd` the
 * odd-indexed ones (held out: never look at their misses while tuning), `--split` both halves
 * and overall, each on one line.
 * tests/eval/blind.json is a second set, written later by someone who saw neither the matcher,
 * the keywords nor the first set: it is scored on its own lines (per language and overall) and
 * its misses are listed only with `--verbose-blind` (after which it is no longer blind).
 * Then the questions the content does not answer (scripts/eval-unanswerable.ts: the share answered
 * "sure" with a wrong item, per language), then the crisis detection evaluation (scripts/eval-crisis.ts: recall and false positives per language).
 */
import { existsSync, readFileSync } from "node:fs";
import { confidenceOf } from "../bot/matching/confidence.ts";
import { explain, type Explanation } from "../bot/matching/explain.ts";
import { matcherFor } from "../bot/matching/matcher.ts";
import type { ContentBundle } from "../shared/content/model.ts";
import { seedBundle } from "../shared/content/seed/index.ts";
import { printCrisisEvaluation } from "./eval-crisis.ts";
import { printNoAnswerEvaluation, readNoAnswerSet, unknownNoAnswerLabels } from "./eval-unanswerable.ts";

type Question = { text: string; locale: string; expect: string | string[] };

const args = process.argv.slice(2);
const verbose = args.includes("--verbose");
const verboseBlind = args.includes("--verbose-blind");
const min = Number(args.find((a) => a.startsWith("--min="))?.slice(6) ?? "0.9");
const splitArg = args.find((a) => a === "--split" || a.startsWith("--split="));
const split = splitArg === undefined ? null : splitArg === "--split" ? "both" : splitArg.slice(8);
if (split !== null && !["both", "even", "odd"].includes(split))
  throw new Error(`--split must be even, odd or nothing, not ${split}`);
const file = new URL("../tests/eval/questions.json", import.meta.url);
const questions = JSON.parse(readFileSync(file, "utf8")) as Question[];
const blindFile = new URL("../tests/eval/blind.json", import.meta.url);
const blind = existsSync(blindFile) ? (JSON.parse(readFileSync(blindFile, "utf8")) as Question[]) : [];

export function topicOf(bundle: ContentBundle, ref: string): string {
  const [kind, id] = ref.split(":") as [string, string];
  if (kind === "topic") return id;
  if (kind === "faq") return bundle.faqs.find((f) => f.id === id)?.topicId ?? "?";
  return bundle.steps.find((s) => s.id === id)?.topicId ?? "?";
}

const bundle = seedBundle;
const known = new Set([
  ...bundle.topics.map((t) => `topic:${t.id}`),
  ...bundle.steps.map((s) => `step:${s.id}`),
  ...bundle.faqs.map((f) => `faq:${f.id}`),
]);

/** answered: not "nothing found"; sure: answered as sure; sureWrong: sure with an item outside the labels. */
type Tally = { n: number; top1: number; top3: number; answered: number; sure: number; sureWrong: number };
const tally = new Map<string, Tally>();
const add = (map: Map<string, Tally>, key: string, top1: boolean, top3: boolean, confidence: string) => {
  const t = map.get(key) ?? { n: 0, top1: 0, top3: 0, answered: 0, sure: 0, sureWrong: 0 };
  t.n++;
  if (top1) t.top1++;
  if (top3) t.top3++;
  if (confidence !== "none") t.answered++;
  if (confidence === "sure") t.sure++;
  if (confidence === "sure" && !top1) t.sureWrong++;
  map.set(key, t);
};
const count = (key: string, top1: boolean, top3: boolean, confidence: string) =>
  add(tally, key, top1, top3, confidence);

const matcher = matcherFor(bundle);

/** --verbose: what a missed question was read as, and where the points of the answer and the expected item came from. */
function why(text: string, expected: string[]): string {
  const { terms, unknown, matches } = explain(bundle, text);
  const hits = (m: Explanation["matches"][number]) =>
    m.hits
      .slice(0, 4)
      .map((h) => `${h.term}${h.inTitle ? "*" : ""} ${h.points}`)
      .join(", ");
  const lines = [
    `    read as: ${terms.map((t) => `${t.term}×${t.factor}${t.light ? " (light)" : ""}${t.focus ? " (focus)" : ""}`).join(" ")}${unknown.length > 0 ? `; unknown: ${unknown.join(" ")}` : ""}`,
  ];
  for (const m of matches.filter((m, i) => i === 0 || expected.includes(`${m.kind}:${m.id}`)))
    lines.push(`    ${m.kind}:${m.id} ${m.score} (coverage ${m.coverage}, off topic ${m.offTopic}): ${hits(m)}`);
  return lines.join("\n");
}
const misses: string[] = [];
let unknownLabels = 0;
for (const [index, q] of questions.entries()) {
  const half = index % 2 === 0 ? "even" : "odd";
  if (split === "even" || split === "odd") {
    if (half !== split) continue;
  }
  const expected = Array.isArray(q.expect) ? q.expect : [q.expect];
  for (const ref of expected) {
    if (!known.has(ref)) {
      unknownLabels++;
      console.error(`unknown label ${ref} for ${JSON.stringify(q.text)}`);
    }
  }
  const matches = matcher.match(q.text);
  const refs = matches.map((m) => `${m.kind}:${m.id}`);
  const confidence = confidenceOf(matches);
  const top1 = confidence !== "none" && refs[0] !== undefined && expected.includes(refs[0]);
  const top3 = refs.slice(0, 3).some((r) => expected.includes(r));
  const topic = topicOf(bundle, expected[0]!);
  for (const key of ["all", `lang:${q.locale}`, `topic:${topic}`, `half:${half}`]) count(key, top1, top3, confidence);
  if (!top1)
    misses.push(
      `${half === "odd" ? "[held-out] " : ""}${q.locale} ${JSON.stringify(q.text)} → ${refs[0] ?? "nothing"} (${matches[0]?.score ?? 0}, ${confidence}); expected ${expected.join("|")}${verbose ? `\n${why(q.text, expected)}` : ""}`,
    );
}

const pct = (a: number, n: number) => `${((100 * a) / n).toFixed(1).padStart(5)} %`;
const line = (key: string, t: Tally) =>
  console.log(
    `${key.padEnd(18)} ${String(t.n).padStart(4)}  top-1 ${pct(t.top1, t.n)}  top-3 ${pct(t.top3, t.n)}  answered ${pct(t.answered, t.n)}  sure ${pct(t.sure, t.n)}  sure+wrong ${pct(t.sureWrong, t.n)}`,
  );
const evaluated = tally.get("all")?.n ?? 0;
console.log(
  `Matching evaluation: ${evaluated} of ${questions.length} questions${split === "even" || split === "odd" ? ` (${split}-indexed)` : ""}, content ${bundle.faqs.length} FAQs / ${bundle.steps.length} steps / ${bundle.topics.length} topics\n`,
);
for (const prefix of ["lang:", "topic:"]) {
  for (const [key, t] of [...tally].filter(([k]) => k.startsWith(prefix)).sort()) line(key, t);
  console.log("");
}
const all = tally.get("all")!;
if (split === "both") {
  line("tuning (even)", tally.get("half:even")!);
  line("held-out (odd)", tally.get("half:odd")!);
}
line("overall", all);
if (verbose) console.log(`\nMisses:\n${misses.join("\n")}`);

if (blind.length > 0 && (split === null || split === "both")) {
  const blindTally = new Map<string, Tally>();
  const blindMisses: string[] = [];
  for (const q of blind) {
    const expected = Array.isArray(q.expect) ? q.expect : [q.expect];
    for (const ref of expected) {
      if (!known.has(ref)) {
        unknownLabels++;
        console.error(`unknown label ${ref} in the blind set`);
      }
    }
    const matches = matcher.match(q.text);
    const refs = matches.map((m) => `${m.kind}:${m.id}`);
    const confidence = confidenceOf(matches);
    const top1 = confidence !== "none" && refs[0] !== undefined && expected.includes(refs[0]);
    const top3 = refs.slice(0, 3).some((r) => expected.includes(r));
    for (const key of ["blind", `blind lang:${q.locale}`]) add(blindTally, key, top1, top3, confidence);
    if (!top1)
      blindMisses.push(
        `${q.locale} ${JSON.stringify(q.text)} → ${refs[0] ?? "nothing"}; expected ${expected.join("|")}`,
      );
  }
  console.log("\nBlind set (tests/eval/blind.json, never tuned on):");
  for (const [key, t] of [...blindTally].filter(([k]) => k.startsWith("blind lang:")).sort()) line(key, t);
  line("blind overall", blindTally.get("blind")!);
  if (verboseBlind) console.log(`\nBlind misses:\n${blindMisses.join("\n")}`);
}
if (split === null || split === "both") {
  const noAnswer = readNoAnswerSet();
  for (const message of unknownNoAnswerLabels(noAnswer, known)) {
    unknownLabels++;
    console.error(message);
  }
  printNoAnswerEvaluation(args, matcher, confidenceOf);
}
printCrisisEvaluation(args);
if (unknownLabels > 0) console.error(`\n${unknownLabels} label(s) do not exist in the content`);
if (all.top1 / all.n < min || unknownLabels > 0) process.exit(1);
