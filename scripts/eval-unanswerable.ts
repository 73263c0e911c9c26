/**
 * "No confident wrong answers" (issue 19 §2), printed by `npm run eval` after the matching
 * evaluation. tests/eval/unanswerable.json holds questions the content does not answer (the
 * content review's unanswered questions among them: `review` is their row in its table, 16 its
 * "next in line", null for the others), written as young people type, each labelled with the items that would still be an acceptable answer
 * (often none). Per language: the share answered "sure" with an item outside those (goal 0 %),
 * "sure" with an acceptable one, "unsure" (the closest items offered, not asserted), and
 * nothing found. Every 4th question is held out from tuning; `--verbose-unanswerable` lists the
 * tuned half's "sure" answers, `--verbose-unanswerable-held-out` the held-out half's (after
 * which it is no longer held out).
 */
import { readFileSync } from "node:fs";
import type { Matcher } from "../bot/matching/matcher.ts";
import type { Match } from "../bot/matching/rank.ts";

export type NoAnswerQuestion = { text: string; locale: string; accept: string[]; review: number | null };
type Confidence = "sure" | "unsure" | "none";
type Tally = { n: number; sureWrong: number; sureRight: number; unsure: number; none: number };

const LOCALES = ["fr", "en", "ar", "ps", "prs", "all"];
const pct = (a: number, n: number) => `${n === 0 ? "  -  " : ((100 * a) / n).toFixed(1).padStart(5)} %`;

export function readNoAnswerSet(): NoAnswerQuestion[] {
  return JSON.parse(
    readFileSync(new URL("../tests/eval/unanswerable.json", import.meta.url), "utf8"),
  ) as NoAnswerQuestion[];
}

/** Labels naming no item of the content (a renamed or removed item): the caller reports them. */
export function unknownNoAnswerLabels(questions: NoAnswerQuestion[], known: Set<string>): string[] {
  return questions.flatMap((q) =>
    q.accept
      .filter((ref) => !known.has(ref))
      .map((ref) => `unknown label ${ref} for ${JSON.stringify(q.text)} (unanswerable.json)`),
  );
}

/** The tally per half and language; `lines` holds each "sure" answer, for the verbose listings. */
export function scoreNoAnswer(
  questions: NoAnswerQuestion[],
  matcher: Matcher,
  confidenceOf: (matches: Match[]) => Confidence,
) {
  const tally = new Map<string, Tally>();
  const lines: { half: string; line: string }[] = [];
  for (const [index, q] of questions.entries()) {
    const half = index % 4 === 3 ? "held-out" : "tuned";
    const matches = matcher.match(q.text);
    const confidence = confidenceOf(matches);
    const ref = matches[0] ? `${matches[0].kind}:${matches[0].id}` : "nothing";
    const wrong = confidence === "sure" && !q.accept.includes(ref);
    for (const key of [`${half} ${q.locale}`, `${half} all`, ...(q.review !== null ? ["review"] : [])]) {
      const t = tally.get(key) ?? { n: 0, sureWrong: 0, sureRight: 0, unsure: 0, none: 0 };
      t.n++;
      if (wrong) t.sureWrong++;
      else if (confidence === "sure") t.sureRight++;
      else if (confidence === "unsure") t.unsure++;
      else t.none++;
      tally.set(key, t);
    }
    if (confidence === "sure")
      lines.push({
        half,
        line: `${wrong ? "WRONG" : "ok   "} ${q.locale} ${JSON.stringify(q.text)} → sure ${ref} (${matches[0]!.score})`,
      });
  }
  return { tally, lines };
}

export function printNoAnswerEvaluation(
  args: string[],
  matcher: Matcher,
  confidenceOf: (matches: Match[]) => Confidence,
): void {
  const { tally, lines } = scoreNoAnswer(readNoAnswerSet(), matcher, confidenceOf);
  console.log("\nQuestions the content does not answer (tests/eval/unanswerable.json; every 4th held out):");
  console.log(
    `${"".padEnd(6)} ${"tuned: sure+wrong  sure+ok  unsure  nothing".padEnd(52)} held-out: sure+wrong  sure+ok  unsure  nothing`,
  );
  for (const locale of LOCALES) {
    const cells = (["tuned", "held-out"] as const).map((half) => {
      const t = tally.get(`${half} ${locale}`) ?? { n: 0, sureWrong: 0, sureRight: 0, unsure: 0, none: 0 };
      return `${pct(t.sureWrong, t.n)} (${t.sureWrong}/${t.n})  ${pct(t.sureRight, t.n)}  ${pct(t.unsure, t.n)}  ${pct(t.none, t.n)}`;
    });
    console.log(`${locale.padEnd(6)} ${cells[0]!.padEnd(52)} ${cells[1]}`);
  }
  const review = tally.get("review");
  if (review)
    console.log(
      `the content review's unanswered questions (both halves): sure+wrong ${pct(review.sureWrong, review.n).trim()} (${review.sureWrong}/${review.n}), unsure ${pct(review.unsure, review.n).trim()}, nothing ${pct(review.none, review.n).trim()}`,
    );
  const show = (half: string) =>
    lines
      .filter((l) => l.half === half)
      .map((l) => `  ${l.line}`)
      .join("\n");
  if (args.includes("--verbose-unanswerable")) console.log(`\nTuned "sure" answers:\n${show("tuned")}`);
  if (args.includes("--verbose-unanswerable-held-out")) console.log(`\nHeld-out "sure" answers:\n${show("held-out")}`);
}
