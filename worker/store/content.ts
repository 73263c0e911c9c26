import { desc, eq, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { contentItems, PUBLICATION_PARTS, publications } from "../../shared/db/schema.ts";
import {
  KIND_LISTS,
  type ContentBundle,
  type ContentSnapshot,
  type LocalizedKeywords,
} from "../../shared/content/model.ts";
import { buildIndex } from "../../bot/matching/build.ts";
import { adoptIndex } from "../../bot/matching/matcher.ts";
import { serializeIndex } from "../../bot/matching/stored.ts";
import { adoptVocabulary, serializeVocabulary } from "../../bot/scrub.ts";
import { validateBundle } from "../../shared/content/validate.ts";
import { bundleChanges, changeStatements, latestLocaleTimes } from "./content-revisions.ts";
import type { Db } from "./db.ts";
import { chunkInserts, joinParts, partsQuery, replaceParts, type PublicationParts } from "./publication-chunks.ts";

/** SQL for guidance content: drafts per item, and whole published snapshots by version. */

/** A bundle's keywords by list and item id: stored apart from the snapshot a turn reads. */
type KeywordsByItem = { [K in keyof ContentBundle]?: Record<string, LocalizedKeywords> };

/**
 * The stored form of a published bundle. A turn parses `snapshot` (the bundle with empty
 * keywords, ~25 % less JSON) and opens `matchIndex`, the free-text index built here once from
 * the keywords, so that a cold isolate neither parses the keywords nor builds the index on its
 * first question (see bot/matching/stored.ts).
 */
export function storedPublication(bundle: ContentBundle): {
  snapshot: string;
  keywords: string;
  matchIndex: string;
  vocab: string;
} {
  const keywords: KeywordsByItem = {};
  const lean = { ...bundle };
  for (const list of LISTS) {
    const byId: Record<string, LocalizedKeywords> = {};
    lean[list] = bundle[list].map((item) => {
      if (item.keywords) byId[item.id] = item.keywords;
      return { ...item, keywords: {} };
    }) as never;
    keywords[list] = byId;
  }
  return {
    snapshot: JSON.stringify(lean),
    keywords: JSON.stringify(keywords),
    matchIndex: serializeIndex(buildIndex(bundle)),
    vocab: serializeVocabulary(bundle),
  };
}

const LISTS = ["topics", "steps", "resources", "faqs"] as const satisfies readonly (keyof ContentBundle)[];

function withKeywords(bundle: ContentBundle, keywords: KeywordsByItem): ContentBundle {
  const out = { ...bundle };
  for (const list of LISTS) {
    const byId = keywords[list] ?? {};
    out[list] = bundle[list].map((item) => (byId[item.id] ? { ...item, keywords: byId[item.id] } : item)) as never;
  }
  return out;
}

type Row = { snapshot: string; keywords?: string | null; matchIndex: string | null; vocab?: string | null };

/** A row as a snapshot, its stored index (and vocabulary) adopted when of this matcher's version. */
function fromRow(row: Row, version: number): { snapshot: ContentSnapshot; indexed: boolean } {
  // Rows written before migration 0006 hold the keywords and the index inside the JSON.
  const { matchIndex: inline, ...parsed } = JSON.parse(row.snapshot) as ContentBundle & { matchIndex?: unknown };
  const bundle = row.keywords ? withKeywords(parsed, JSON.parse(row.keywords) as KeywordsByItem) : parsed;
  const snapshot: ContentSnapshot = { ...bundle, version };
  const index = row.matchIndex ?? (typeof inline === "string" ? inline : null);
  if (row.vocab) adoptVocabulary(snapshot, row.vocab);
  return { snapshot, indexed: index !== null && adoptIndex(snapshot, index) };
}

/**
 * A version's parts in one round trip: its chunks (since migration 0015), or the columns of a
 * row stored before (then `chunked` is false). Null: no such version.
 */
async function readStored(
  db: Db,
  version: number,
  withKeywordsPart: boolean,
): Promise<{ row: Row; chunked: boolean } | null> {
  const parts = withKeywordsPart ? PUBLICATION_PARTS : (["snapshot", "index", "vocab"] as const);
  const [rows, chunks] = await db.batch([
    db
      .select({
        snapshot: publications.snapshot,
        matchIndex: publications.matchIndex,
        ...(withKeywordsPart ? { keywords: publications.keywords } : {}),
      })
      .from(publications)
      .where(eq(publications.version, version)),
    partsQuery(db, version, parts),
  ]);
  const legacy = rows[0] as Row | undefined;
  if (!legacy) return null;
  const stored = joinParts(chunks);
  if (stored.snapshot === undefined) return { row: legacy, chunked: false };
  return {
    row: {
      snapshot: stored.snapshot,
      keywords: stored.keywords ?? null,
      matchIndex: stored.index ?? null,
      vocab: stored.vocab ?? null,
    },
    chunked: true,
  };
}

/** A published version whole, keywords included (rollback, the admin's pending changes). */
export async function loadPublished(db: Db, version: number): Promise<ContentSnapshot | null> {
  const stored = await readStored(db, version, true);
  return stored ? fromRow(stored.row, version).snapshot : null;
}

/**
 * A published version as a turn needs it: without the keywords, with its stored index, in one
 * D1 round trip. An index of another matcher version (a deploy changed the matcher) is rebuilt
 * from the keywords once and stored back, so the other isolates find it ready.
 */
export async function loadForTurns(db: Db, version: number): Promise<ContentSnapshot | null> {
  const stored = await readStored(db, version, false);
  if (!stored) return null;
  const lean = fromRow(stored.row, version);
  // A row without the keywords column has them inline: the matcher builds from them if needed.
  if (lean.indexed || stored.row.matchIndex === null) return lean.snapshot;
  const full = await loadPublished(db, version);
  if (!full) return null;
  const matchIndex = serializeIndex(buildIndex(full));
  adoptIndex(full, matchIndex);
  if (stored.chunked) {
    // The vocabulary carries the matcher's version too: stored back with the index.
    const vocab = serializeVocabulary(full);
    adoptVocabulary(full, vocab);
    await replaceParts(db, version, { index: matchIndex, vocab });
  } else await db.update(publications).set({ matchIndex }).where(eq(publications.version, version));
  return full;
}

/**
 * The statements that store a new publication of `bundle` (one batch: the row, then its
 * chunks); the first returns the new version.
 */
export function publicationStatements(
  db: Db,
  bundle: ContentBundle,
  meta: { createdAt: number; createdBy: string | null; note: string | null },
) {
  const { snapshot, keywords, matchIndex, vocab } = storedPublication(bundle);
  const parts: PublicationParts = { snapshot, keywords, index: matchIndex, vocab };
  const row = db
    .insert(publications)
    .values({ snapshot: "", ...meta })
    .returning({ version: publications.version });
  return [row, ...chunkInserts(db, parts)] as const;
}

export async function latestVersion(db: Db): Promise<number | null> {
  const rows = await db
    .select({ version: publications.version })
    .from(publications)
    .orderBy(desc(publications.version))
    .limit(1);
  return rows[0]?.version ?? null;
}

/**
 * Replaces every draft item by the bundle's (an import); nothing changes if the bundle is invalid.
 * Each item that differs is recorded in the content history (one atomic batch).
 */
export async function replaceDrafts(
  db: Db,
  input: unknown,
  by: string | null,
  now: Date,
  byName: string | null = by,
): Promise<{ ok: true; changed: number; keptLetters: number } | { ok: false; errors: string[] }> {
  const [current, times] = await Promise.all([loadDrafts(db), latestLocaleTimes(db)]);
  // An export made before letters existed has no "letters" list: it says nothing about them, so
  // the current letter templates stay (and are validated with the rest: a letter naming a
  // resource the file lacks is refused, nothing changed). An empty list does remove them.
  const old = isObject(input) && !("letters" in input);
  const checked = validateBundle(old ? { ...input, letters: current.letters ?? [] } : input);
  if (!checked.ok) return checked;
  const changes = bundleChanges(current, checked.bundle);
  const statements = changeStatements(db, changes, times, "import", { id: by, name: byName }, now.getTime());
  if (statements.length > 0) await db.batch(statements as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
  return { ok: true, changed: changes.length, keptLetters: old ? (current.letters ?? []).length : 0 };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export async function loadDrafts(db: Db): Promise<ContentBundle> {
  const rows = await db.select().from(contentItems).orderBy(contentItems.kind, contentItems.id);
  const bundle: ContentBundle = { topics: [], steps: [], resources: [], faqs: [], letters: [] };
  for (const row of rows) (bundle[KIND_LISTS[row.kind]] as unknown[]).push(JSON.parse(row.data));
  return bundle;
}

/** Publishes the current drafts as a new version, if they are valid as a whole. */
export async function publishDrafts(
  db: Db,
  by: string | null,
  note: string | null,
  now: Date,
): Promise<{ ok: true; version: number } | { ok: false; errors: string[] }> {
  const checked = validateBundle(await loadDrafts(db));
  if (!checked.ok) return checked;
  const [rows] = await db.batch(
    publicationStatements(db, checked.bundle, { createdAt: now.getTime(), createdBy: by, note }),
  );
  return { ok: true, version: rows[0]!.version };
}

export async function publicationCount(db: Db): Promise<number> {
  const rows = await db.select({ n: sql<number>`count(*)` }).from(publications);
  return Number(rows[0]?.n ?? 0);
}
