import type { ContentBundle } from "../../shared/content/model.ts";
import { buildIndex } from "./build.ts";
import { FOCUS_FACTOR } from "./definition.ts";
import { readerOf, targetsOf, type Match } from "./matcher.ts";
import { readQuery } from "./query.ts";
import { rankMatches } from "./rank.ts";
import { idfOf, scoreQuery } from "./score.ts";
import { viewOfIndex } from "./stored.ts";

/**
 * Why a question got the answers it got: the terms it was read as (with their factors), and
 * for each match the points each term brought, from its title or question or not. For tuning
 * (`npm run eval -- --verbose`); never on a turn's path (it builds the index).
 */
export type Explanation = {
  terms: { term: string; factor: number; idf: number; light: boolean; focus: boolean }[];
  /** Words of meaning the content has no term for (they lower every match's coverage). */
  unknown: string[];
  /** A topic lifted above its best item (rank.ts) scores more than its hits add up to. */
  matches: (Match & { hits: { term: string; points: number; inTitle: boolean }[] })[];
};

export function explain(bundle: ContentBundle, text: string): Explanation {
  const index = viewOfIndex(buildIndex(bundle));
  const idf = idfOf(index);
  const query = readQuery(text, readerOf(index, idf));
  if (!query) return { terms: [], unknown: [], matches: [] };
  const docs = targetsOf(index);
  const matches = rankMatches(docs, index.parents, scoreQuery(index, query, idf));
  const round = (n: number) => Math.round(n * 1000) / 1000;
  return {
    terms: [...query.terms].map(([term, factor]) => ({
      term,
      factor,
      idf: round(idf(term)),
      light: query.light.has(term),
      focus: query.focus.has(term),
    })),
    unknown: query.unknown,
    matches: matches.map((match) => {
      const doc = index.docs.indexOf(`${match.kind}:${match.id}`);
      const hits: Explanation["matches"][number]["hits"] = [];
      for (const [term, factor] of query.terms) {
        const list = index.lookup(term)!;
        for (let i = 0; i < list.length; i += 2) {
          if (list[i] !== doc) continue;
          const stored = list[i + 1]!;
          const inTitle = (stored & 1) === 1;
          // As score.ts counts it.
          const points =
            ((stored >> 1) * (idf(term) * factor) * (query.focus.has(term) && inTitle ? FOCUS_FACTOR : 1)) / 10;
          hits.push({ term, points: round(points), inTitle });
        }
      }
      return { ...match, hits: hits.sort((a, b) => b.points - a.points) };
    }),
  };
}
