import * as z from "zod/mini";
import { lazy } from "../../shared/lazy.ts";
import { INDEX_VERSION, type MatchIndex } from "./build.ts";

/**
 * The index as stored with a published snapshot (worker/store/content.ts): built once at
 * publication, opened by a cold isolate on its first free-text question. Its fields are the
 * schema below, one per line in the schema's order; each field is a compact string that is
 * cut up only where a question needs it (a lookup scans one first letter's postings), so
 * opening the index parses nothing as a whole (JSON of the postings cost ~5-9 ms, this ~0.1).
 * Numbers are base 36. The schema is the format's reference; a cold isolate checks its rules by hand (checkStored).
 */
export const storedIndexSchema = lazy(() =>
  z.object({
    /** "v15": an index of another version is not read (the matcher rebuilds it). */
    version: z.literal(`v${INDEX_VERSION}`),
    /** "kind:id" per document, space-separated. */
    docs: z.string().check(z.regex(DOCS, "docs: kind:id, space-separated")),
    /** "|term:doc.weight,doc.weight|term:…|", terms sorted (MatchIndex.postings, pairs flattened). */
    postings: z.string().check(z.startsWith("|", "postings: |term:doc.weight,…|")),
    /** MatchIndex.vocab: "4:word word,5:words". */
    vocab: z.string(),
    /** MatchIndex.parents, space-separated decimal numbers. */
    parents: z.string().check(z.regex(PARENTS, "parents: numbers, space-separated")),
    /** MatchIndex.exacts: ",first:rest rest,first:rest". */
    exacts: z.string(),
    /** First letter + offset of its terms in `postings`, ","-separated: a lookup cuts out its letter only. */
    buckets: z.string(),
    /** MatchIndex.acronyms: "cej=contrat_engag_jeun,…" (names after "="). */
    acronyms: z.string(),
    /** MatchIndex.arabic and .dari: words, space-separated. */
    arabic: z.string(),
    dari: z.string(),
  }),
);
export type StoredIndex = z.infer<ReturnType<typeof storedIndexSchema>>;

const DOCS = /^(?:[a-z]+:[^\s:]+(?: [a-z]+:[^\s:]+)*)?$/;
const PARENTS = /^(?:-?\d+(?: -?\d+)*)?$/;
/** The schema's fields in its order, one line each (tests/bot/matching/stored.test.ts holds the two equal). */
export const STORED_FIELDS = [
  "version",
  "docs",
  "postings",
  "vocab",
  "parents",
  "exacts",
  "buckets",
  "acronyms",
  "arabic",
  "dari",
] as const satisfies readonly (keyof StoredIndex)[];

/**
 * The schema's rules checked by hand: a cold isolate opens the index on its first free-text
 * question, and a zod parse there (the schema built, then run) cost ~4 ms of a 5 ms budget.
 * Same verdict as `storedIndexSchema().safeParse` (tests/bot/matching/stored.test.ts, 180 altered indexes).
 */
function checkStored(lines: string[]): StoredIndex | null {
  if (lines.length !== STORED_FIELDS.length || lines[0] !== `v${INDEX_VERSION}`) return null;
  const stored = Object.fromEntries(STORED_FIELDS.map((field, i) => [field, lines[i]])) as StoredIndex;
  if (!DOCS.test(stored.docs) || !stored.postings.startsWith("|") || !PARENTS.test(stored.parents)) return null;
  return stored;
}

/** What the matcher reads of an index, built in memory or stored. */
export type IndexView = {
  docs: string[];
  parents: number[];
  exacts: string;
  acronyms: string;
  arabic: string;
  dari: string;
  vocab: string;
  /** The flat [doc, stored weight, …] pairs of a term, or undefined if no document has it. */
  lookup(term: string): number[] | undefined;
};

/** An index built in memory (buildIndex), as the matcher reads it. */
export function viewOfIndex(index: MatchIndex): IndexView {
  const postings = index.postings;
  return {
    docs: index.docs,
    parents: index.parents,
    exacts: index.exacts,
    acronyms: index.acronyms,
    arabic: index.arabic,
    dari: index.dari,
    vocab: index.vocab,
    lookup: (term) => (Object.hasOwn(postings, term) ? postings[term] : undefined),
  };
}

/** The stored form of a built index: the schema's fields, one per line (no field holds a line break). */
export function serializeIndex(index: MatchIndex): string {
  let postings = "|";
  // Sorted, so that the terms of one first letter are together: a lookup scans its letter only.
  const buckets: string[] = [];
  let letter = "";
  for (const term of Object.keys(index.postings).sort()) {
    if (term[0] !== letter) {
      letter = term[0]!;
      buckets.push(`${letter}${(postings.length - 1).toString(36)}`);
    }
    const list = index.postings[term]!;
    const pairs: string[] = [];
    for (let i = 0; i < list.length; i += 2) pairs.push(`${list[i]!.toString(36)}.${list[i + 1]!.toString(36)}`);
    postings += `${term}:${pairs.join(",")}|`;
  }
  const stored: StoredIndex = {
    version: `v${INDEX_VERSION}`,
    docs: index.docs.join(" "),
    postings,
    vocab: index.vocab,
    parents: index.parents.join(" "),
    exacts: index.exacts,
    buckets: buckets.join(","),
    acronyms: index.acronyms,
    arabic: index.arabic,
    dari: index.dari,
  };
  return STORED_FIELDS.map((field) => stored[field]).join("\n");
}

/** A stored index, or null if it is not one of this version or not well formed (then the matcher rebuilds it). */
export function openStored(text: string): IndexView | null {
  const stored = checkStored(text.split("\n"));
  if (!stored) return null;
  const postings = stored.postings;
  const memo = new Map<string, number[] | undefined>();
  /** First letter → [start, end) of its terms in the postings; cut out on first use. */
  const buckets = new Map<string, [number, number]>();
  const slices = new Map<string, string>();
  let previous: [number, number] | null = null;
  for (const entry of stored.buckets ? stored.buckets.split(",") : []) {
    const start = parseInt(entry.slice(1), 36);
    if (previous) previous[1] = start + 1;
    previous = [start, postings.length];
    buckets.set(entry[0]!, previous);
  }
  const bucketOf = (letter: string): string => {
    let slice = slices.get(letter);
    if (slice === undefined) {
      const range = buckets.get(letter);
      slice = range ? postings.slice(range[0], range[1]) : "";
      slices.set(letter, slice);
    }
    return slice;
  };
  return {
    docs: stored.docs ? stored.docs.split(" ") : [],
    parents: stored.parents ? stored.parents.split(" ").map(Number) : [],
    exacts: stored.exacts,
    acronyms: stored.acronyms,
    arabic: stored.arabic,
    dari: stored.dari,
    vocab: stored.vocab,
    lookup(term) {
      if (memo.has(term)) return memo.get(term);
      let list: number[] | undefined;
      const key = `|${term}:`;
      const bucket = bucketOf(term[0]!);
      const at = bucket.indexOf(key);
      if (at >= 0) {
        list = [];
        const end = bucket.indexOf("|", at + key.length);
        for (const pair of bucket.slice(at + key.length, end).split(",")) {
          const dot = pair.indexOf(".");
          list.push(parseInt(pair.slice(0, dot), 36), parseInt(pair.slice(dot + 1), 36));
        }
      }
      memo.set(term, list);
      return list;
    },
  };
}
