import { desc, eq, and, inArray, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { contentItems, contentRevisions } from "../../shared/db/schema.ts";
import { itemsOf, KIND_LISTS, type ContentBundle, type ContentKind } from "../../shared/content/model.ts";
import { diffFields } from "../../shared/content/diff.ts";
import { nextLocaleTimes, type LocaleTimes } from "../../shared/content/translation.ts";
import type { Db } from "./db.ts";

/** Who made a change: a staff id and the name shown in the history ("seed" for the seed script). */
export type Editor = { id: string | null; name: string | null };

export type RevisionAction = "create" | "update" | "delete" | "import" | "rollback";

export type Revision = {
  id: number;
  kind: ContentKind;
  itemId: string;
  action: RevisionAction;
  before: unknown;
  after: unknown;
  localeTimes: LocaleTimes;
  at: number;
  by: string | null;
  byName: string | null;
};

/**
 * One item's change. `restoredTimes`: a rollback puts back a past state, and with it the
 * per-locale edit times of that state (else the French text put back would count as newer
 * than translations made for it, and flag them outdated).
 */
export type Change = { kind: ContentKind; id: string; before: unknown; after: unknown; restoredTimes?: LocaleTimes };

function parse(json: string | null): unknown {
  return json === null ? null : JSON.parse(json);
}

/** The latest per-locale edit times of every item, keyed `kind:id`. */
export async function latestLocaleTimes(db: Db): Promise<Map<string, LocaleTimes>> {
  const latest = db
    .select({ id: sql<number>`max(${contentRevisions.id})` })
    .from(contentRevisions)
    .groupBy(contentRevisions.kind, contentRevisions.itemId);
  const rows = await db
    .select({ kind: contentRevisions.kind, itemId: contentRevisions.itemId, localeTimes: contentRevisions.localeTimes })
    .from(contentRevisions)
    .where(inArray(contentRevisions.id, latest));
  return new Map(rows.map((r) => [`${r.kind}:${r.itemId}`, JSON.parse(r.localeTimes) as LocaleTimes]));
}

/**
 * The statements that write a set of item changes to the drafts and their history; unchanged
 * items are skipped. The caller runs them in one batch with anything else (atomic).
 */
export function changeStatements(
  db: Db,
  changes: Change[],
  times: Map<string, LocaleTimes>,
  action: RevisionAction,
  editor: Editor,
  at: number,
): BatchItem<"sqlite">[] {
  const statements: BatchItem<"sqlite">[] = [];
  for (const change of changes) {
    const fields = diffFields(change.before, change.after);
    if (fields.length === 0) continue;
    const key = `${change.kind}:${change.id}`;
    const localeTimes = change.restoredTimes
      ? { ...change.restoredTimes }
      : nextLocaleTimes(
          times.get(key) ?? {},
          fields.map((f) => f.path),
          at,
        );
    times.set(key, localeTimes);
    const where = and(eq(contentItems.kind, change.kind), eq(contentItems.id, change.id));
    if (change.after === null) {
      statements.push(db.delete(contentItems).where(where));
    } else {
      const data = JSON.stringify(change.after);
      statements.push(
        db
          .insert(contentItems)
          .values({ kind: change.kind, id: change.id, data, updatedAt: at, updatedBy: editor.id })
          .onConflictDoUpdate({
            target: [contentItems.kind, contentItems.id],
            set: { data, updatedAt: at, updatedBy: editor.id },
          }),
      );
    }
    const resolved: RevisionAction =
      action === "update" && change.before === null
        ? "create"
        : action === "update" && change.after === null
          ? "delete"
          : action;
    statements.push(
      db.insert(contentRevisions).values({
        kind: change.kind,
        itemId: change.id,
        action: resolved,
        before: change.before === null ? null : JSON.stringify(change.before),
        after: change.after === null ? null : JSON.stringify(change.after),
        localeTimes: JSON.stringify(localeTimes),
        at,
        by: editor.id,
        byName: editor.name,
      }),
    );
  }
  return statements;
}

/** Every item change between two bundles (items added, changed or removed). */
export function bundleChanges(from: ContentBundle, to: ContentBundle): Change[] {
  const changes: Change[] = [];
  for (const kind of Object.keys(KIND_LISTS) as ContentKind[]) {
    const before = new Map<string, unknown>(itemsOf(from, kind).map((item) => [item.id, item]));
    const after = new Map<string, unknown>(itemsOf(to, kind).map((item) => [item.id, item]));
    for (const id of new Set([...before.keys(), ...after.keys()])) {
      changes.push({ kind, id, before: before.get(id) ?? null, after: after.get(id) ?? null });
    }
  }
  return changes.filter((c) => diffFields(c.before, c.after).length > 0);
}

function toRevision(row: typeof contentRevisions.$inferSelect): Revision {
  return {
    ...row,
    before: parse(row.before),
    after: parse(row.after),
    localeTimes: JSON.parse(row.localeTimes) as LocaleTimes,
  };
}

/** The history of one item, newest first. */
export async function itemHistory(db: Db, kind: ContentKind, id: string, limit = 100): Promise<Revision[]> {
  const rows = await db
    .select()
    .from(contentRevisions)
    .where(and(eq(contentRevisions.kind, kind), eq(contentRevisions.itemId, id)))
    .orderBy(desc(contentRevisions.id))
    .limit(limit);
  return rows.map(toRevision);
}

export async function getRevision(db: Db, revisionId: number): Promise<Revision | null> {
  const rows = await db.select().from(contentRevisions).where(eq(contentRevisions.id, revisionId));
  return rows[0] ? toRevision(rows[0]) : null;
}

/** Each item's per-locale edit times as they were at `at` (its latest revision then), for a publication rollback. */
export async function localeTimesAt(db: Db, at: number): Promise<Map<string, LocaleTimes>> {
  const rows = await db
    .select({ kind: contentRevisions.kind, itemId: contentRevisions.itemId, localeTimes: contentRevisions.localeTimes })
    .from(contentRevisions)
    .where(
      sql`${contentRevisions.id} in (select max(${contentRevisions.id}) from ${contentRevisions} where ${contentRevisions.at} <= ${at} group by ${contentRevisions.kind}, ${contentRevisions.itemId})`,
    );
  return new Map(rows.map((r) => [`${r.kind}:${r.itemId}`, JSON.parse(r.localeTimes) as LocaleTimes]));
}
