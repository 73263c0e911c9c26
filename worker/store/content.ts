import { desc, eq, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { contentItems, publications } from "../../shared/db/schema.ts";
import { KIND_LISTS, type ContentBundle, type ContentSnapshot } from "../../shared/content/model.ts";
import { adoptIndex, buildIndex, serializeIndex } from "../../bot/matching/matcher.ts";
import { validateBundle } from "../../shared/content/validate.ts";
import { bundleChanges, changeStatements, latestLocaleTimes } from "./content-revisions.ts";
import type { Db } from "./db.ts";

/** SQL for guidance content: drafts per item, and whole published snapshots by version. */

export async function loadPublished(db: Db, version: number): Promise<ContentSnapshot | null> {
  const rows = await db.select({ snapshot: publications.snapshot }).from(publications).where(eq(publications.version, version));
  const row = rows[0];
  if (!row) return null;
  const { matchIndex, ...bundle } = JSON.parse(row.snapshot) as ContentBundle & { matchIndex?: unknown };
  const snapshot: ContentSnapshot = { ...bundle, version };
  if (typeof matchIndex === "string") adoptIndex(snapshot, matchIndex);
  return snapshot;
}

/**
 * The stored form of a published bundle: the bundle and its free-text index, built here once
 * so that a cold isolate does not build it on its first question (see bot/matching/matcher.ts).
 */
export function snapshotJson(bundle: ContentBundle): string {
  return JSON.stringify({ ...bundle, matchIndex: serializeIndex(buildIndex(bundle)) });
}

export async function latestVersion(db: Db): Promise<number | null> {
  const rows = await db.select({ version: publications.version }).from(publications).orderBy(desc(publications.version)).limit(1);
  return rows[0]?.version ?? null;
}

/**
 * Replaces every draft item by the bundle's (an import); nothing changes if the bundle is invalid.
 * Each item that differs is recorded in the content history (one atomic batch).
 */
export async function replaceDrafts(db: Db, input: unknown, by: string | null, now: Date, byName: string | null = by): Promise<{ ok: true; changed: number } | { ok: false; errors: string[] }> {
  const checked = validateBundle(input);
  if (!checked.ok) return checked;
  const [current, times] = await Promise.all([loadDrafts(db), latestLocaleTimes(db)]);
  const changes = bundleChanges(current, checked.bundle);
  const statements = changeStatements(db, changes, times, "import", { id: by, name: byName }, now.getTime());
  if (statements.length > 0) await db.batch(statements as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
  return { ok: true, changed: changes.length };
}

export async function loadDrafts(db: Db): Promise<ContentBundle> {
  const rows = await db.select().from(contentItems).orderBy(contentItems.kind, contentItems.id);
  const bundle: ContentBundle = { topics: [], steps: [], resources: [], faqs: [] };
  for (const row of rows) (bundle[KIND_LISTS[row.kind]] as unknown[]).push(JSON.parse(row.data));
  return bundle;
}

/** Publishes the current drafts as a new version, if they are valid as a whole. */
export async function publishDrafts(db: Db, by: string | null, note: string | null, now: Date): Promise<{ ok: true; version: number } | { ok: false; errors: string[] }> {
  const checked = validateBundle(await loadDrafts(db));
  if (!checked.ok) return checked;
  const rows = await db.insert(publications)
    .values({ snapshot: snapshotJson(checked.bundle), createdAt: now.getTime(), createdBy: by, note })
    .returning({ version: publications.version });
  return { ok: true, version: rows[0]!.version };
}

export async function publicationCount(db: Db): Promise<number> {
  const rows = await db.select({ n: sql<number>`count(*)` }).from(publications);
  return Number(rows[0]?.n ?? 0);
}
