import { normalize } from "../../shared/text/normalize.ts";
import { CONCEPTS, EXPRESSIONS, INTERROGATIVES, LIGHT_WORDS, PLAIN_WORDS, STOPWORDS } from "./lexicon.ts";
import { stem } from "./stem.ts";

/**
 * The lexicon as the matcher reads it: normalised, stemmed, stop words out. `npm run generate`
 * writes these tables into lexicon-tables.ts, so an isolate's start-up only splits strings
 * (deriving them at module load cost ~4 ms of every cold start); a test checks they are
 * current. Only the generator and the tests import this file.
 */
export type LexiconTables = {
  /** Stop words, space-separated. */
  stopTokens: string;
  /** Stems of the light words, space-separated. */
  lightStems: string;
  /** Stems of the plain words (lexicon PLAIN_WORDS), space-separated. */
  plainStems: string;
  /** One line per concept (line n is concept "~n"): the stems of its words; a later line wins a shared stem. */
  conceptStems: string;
  /** One line per expression meaning: "<stem>=<words>|<words>", words space-separated. */
  expressionWords: string;
  /** One line per kind of question: "?<kind>=<words>|<words>". */
  cueWords: string;
};

const tokensOf = (text: string) => normalize(text).split(" ").filter(Boolean);
const unique = (list: string[]) => [...new Set(list)];

export function lexiconTables(): LexiconTables {
  const stop = new Set(STOPWORDS.split(/\s+/).flatMap(tokensOf));
  const lines = (text: string) => text.trim().split("\n");
  const phrases = (entries: string, min: number) =>
    entries
      .split(",")
      .map(tokensOf)
      .filter((words) => words.length >= min)
      .map((words) => words.join(" "));
  return {
    stopTokens: [...stop].join(" "),
    lightStems: unique(LIGHT_WORDS.split(/\s+/).flatMap(tokensOf).map(stem)).join(" "),
    plainStems: unique(
      PLAIN_WORDS.split(/\s+/)
        .flatMap(tokensOf)
        .filter((t) => !stop.has(t))
        .map(stem),
    ).join(" "),
    conceptStems: lines(CONCEPTS)
      .map((line) =>
        unique(
          line
            .split(",")
            .flatMap(tokensOf)
            .filter((t) => t.length >= 2 && !stop.has(t))
            .map(stem),
        ).join(" "),
      )
      .join("\n"),
    expressionWords: lines(EXPRESSIONS)
      .map((line) => {
        const at = line.indexOf(":");
        return `${stem(normalize(line.slice(0, at)))}=${phrases(line.slice(at + 1), 2).join("|")}`;
      })
      .join("\n"),
    cueWords: lines(INTERROGATIVES)
      .map((line) => {
        const at = line.indexOf(":");
        return `?${line.slice(0, at).trim()}=${phrases(line.slice(at + 1), 1).join("|")}`;
      })
      .join("\n"),
  };
}
