import { normalize } from "../../shared/text/normalize.ts";
import { IDIOMS, RULES } from "./crisis.ts";

/**
 * A crisis pattern's anchors: literal words (letter runs of 3 or more, outside lookbehinds)
 * such that every way through the pattern spells at least one of them, so a text holding none
 * cannot match and the pattern need not run (crisis.ts; tested). `npm run generate` writes
 * them into crisis-anchors.ts: derived at module load they cost ~3 ms of every cold isolate's
 * start-up. Only the generator and the tests import this file.
 */
export function anchorsOf(pattern: RegExp): string[] {
  const source = pattern.source.replace(/\(\?<!(?:[^()]|\([^()]*\))*\)/g, " ").replace(/\\[a-zA-Z]/g, " ")
    // An optional letter ("violences?") is not always there: it ends a word.
    .replace(/[a-z](?:[?*]|\{0,?\d*\})/g, " ");
  return narrowest(source) ?? [...new Set(source.match(/[a-z]{3,}/g) ?? [])];
}

/** Parentheses and runs of other characters, one regex token each. */
const TOKENS = /[()]|[^()]+/g;

const runsOutsideGroups = (text: string): string[] => {
  let flat = "";
  let depth = 0;
  for (const [token] of text.matchAll(TOKENS)) {
    if (token === "(") depth++;
    else if (token === ")") depth--;
    else flat += depth === 0 ? token : " ".repeat(token.length);
  }
  return flat.match(/[a-z]{3,}/g) ?? [];
};

/**
 * Fewer, rarer anchors when the pattern allows: a top-level group that is not optional must
 * match one of its alternatives, so one word of each alternative (outside its own inner groups)
 * is enough; of those groups, the one whose shortest such word is longest is kept ("mourir" rather
 * than "peur" in "mourir de peur"). Null when no group qualifies (then every word is an anchor).
 */
function narrowest(source: string): string[] | null {
  if (topLevelAlternation(source)) return null;
  let best: string[] | null = null;
  let bestShortest = 0;
  const consider = (anchors: string[] | null) => {
    if (!anchors) return;
    const shortest = Math.min(...anchors.map((a) => a.length));
    if (shortest > bestShortest) {
      best = anchors;
      bestShortest = shortest;
    }
  };
  // Words of the top level itself ("sans" in "sans (abri|toit)") are always in a match.
  for (const run of runsOutsideGroups(source)) consider([run]);
  let depth = 0;
  let start = -1;
  for (const { 0: token, index: i } of source.matchAll(TOKENS)) {
    if (token === "(") {
      if (depth === 0) start = i;
      depth++;
    } else if (token === ")") {
      depth--;
      if (depth === 0) {
        const quantifier = source[i + 1];
        if (quantifier === "?" || quantifier === "*" || (quantifier === "{" && source[i + 2] === "0")) continue;
        const body = source.slice(start + 1, i).replace(/^\?:/, "");
        const anchors: string[] = [];
        for (const alternative of splitTopLevel(body)) {
          const runs = runsOutsideGroups(alternative);
          if (runs.length === 0) {
            anchors.length = 0;
            break;
          }
          anchors.push(runs.reduce((a, b) => (b.length > a.length ? b : a)));
        }
        if (anchors.length > 0) consider([...new Set(anchors)]);
      }
    }
  }
  return best;
}

function splitTopLevel(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (const { 0: token, index: i } of body.matchAll(/[()|]/g)) {
    if (token === "(") depth++;
    else if (token === ")") depth--;
    else if (depth === 0) {
      parts.push(body.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(body.slice(from));
  return parts;
}

const topLevelAlternation = (source: string) => splitTopLevel(source).length > 1;

/** What crisis-anchors.ts holds, derived from the patterns (npm run generate). */
export function crisisTables(): { idiomAnchors: string[][]; ruleAnchors: string[][][]; scriptPhrases: string[][] } {
  return {
    idiomAnchors: IDIOMS.map(anchorsOf),
    ruleAnchors: RULES.map((rule) => rule.latin.map(anchorsOf)),
    scriptPhrases: RULES.map((rule) => rule.script.map((phrase) => normalize(phrase))),
  };
}
