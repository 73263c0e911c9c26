import { and, desc, eq } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { contentItems, publications } from "../../shared/db/schema.ts";
import {
  faqSchema,
  KIND_LISTS,
  resourceSchema,
  stepSchema,
  topicSchema,
  type ContentBundle,
  type ContentKind,
} from "../../shared/content/model.ts";
import { validateBundle } from "../../shared/content/validate.ts";
import type { LocaleTimes } from "../../shared/content/translation.ts";
import { letterSchema } from "../../shared/letters/model.ts";
import {
  bundleChanges,
  changeStatements,
  getRevision,
  latestLocaleTimes,
  localeTimesAt,
  type Change,
  type Editor,
} from "./content-revisions.ts";
import { latestVersion, loadDrafts, loadPublished, publicationStatements, publishDrafts } from "./content.ts";
import type { Db } from "./db.ts";

/** SQL behind the content admin: one item at a time, with history, and publication rollback. */

export const ITEM_SCHEMAS = {
  topic: topicSchema,
  step: stepSchema,
  resource: resourceSchema,
  faq: faqSchema,
  letter: letterSchema,
} as const;

export type SaveResult =
  | { ok: true; changed: boolean }
  /** `fields`: zod messages by field path (for the form); `errors`: whole-content problems. */
  | { ok: false; fields: Record<string, string>; errors: string[] };

type Item = { id: string } & Record<string, unknown>;

function list(bundle: ContentBundle, kind: ContentKind): Item[] {
  return bundle[KIND_LISTS[kind]] as unknown as Item[];
}

function withItem(bundle: ContentBundle, kind: ContentKind, id: string, item: Item | null): ContentBundle {
  const next: ContentBundle = { ...bundle };
  const items = list(bundle, kind).filter((i) => i.id !== id);
  (next as Record<string, unknown>)[KIND_LISTS[kind]] = item ? [...items, item] : items;
  return next;
}

/** A step lists itself in its topic: keep `topic.stepIds` in line when a step is created or moved. */
function syncStepMembership(bundle: ContentBundle, step: Item | null, stepId: string): ContentBundle {
  const topicId = step ? String(step.topicId) : null;
  const topics = bundle.topics.map((topic) => {
    const listed = topic.stepIds.includes(stepId);
    if (topic.id === topicId && !listed) return { ...topic, stepIds: [...topic.stepIds, stepId] };
    if (topic.id !== topicId && listed) return { ...topic, stepIds: topic.stepIds.filter((s) => s !== stepId) };
    return topic;
  });
  return { ...bundle, topics };
}

/** Applies one edit to the drafts; the whole content must stay valid, or nothing is written. */
async function applyEdit(
  db: Db,
  kind: ContentKind,
  id: string,
  item: Item | null,
  editor: Editor,
  now: Date,
  action: "update" | "rollback",
  restoredTimes?: LocaleTimes,
): Promise<SaveResult> {
  const [drafts, times] = await Promise.all([loadDrafts(db), latestLocaleTimes(db)]);
  let next = withItem(drafts, kind, id, item);
  if (kind === "step") next = syncStepMembership(next, item, id);
  const checked = validateBundle(next);
  if (!checked.ok) return { ok: false, fields: {}, errors: checked.errors };
  const changes: Change[] = bundleChanges(drafts, checked.bundle).map((c) =>
    restoredTimes && c.kind === kind && c.id === id ? { ...c, restoredTimes } : c,
  );
  const statements = changeStatements(db, changes, times, action, editor, now.getTime());
  if (statements.length > 0) await db.batch(statements as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
  return { ok: true, changed: statements.length > 0 };
}

/** Creates (`isNew`) or updates one item from untrusted input, validated by its zod schema. */
export async function saveItem(
  db: Db,
  kind: ContentKind,
  input: unknown,
  isNew: boolean,
  editor: Editor,
  now: Date,
): Promise<SaveResult> {
  const parsed = ITEM_SCHEMAS[kind]().safeParse(input);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) fields[issue.path.map(String).join(".") || "item"] ??= issue.message;
    return { ok: false, fields, errors: [] };
  }
  const item = parsed.data as Item;
  const existing = await getDraftItem(db, kind, item.id);
  if (isNew && existing) return { ok: false, fields: { id: `a ${kind} with this id already exists` }, errors: [] };
  if (!isNew && !existing) return { ok: false, fields: { id: `no ${kind} with this id` }, errors: [] };
  return applyEdit(db, kind, item.id, item, editor, now, "update");
}

export async function deleteItem(
  db: Db,
  kind: ContentKind,
  id: string,
  editor: Editor,
  now: Date,
): Promise<SaveResult> {
  if (!(await getDraftItem(db, kind, id))) return { ok: false, fields: {}, errors: [`${kind} "${id}" does not exist`] };
  return applyEdit(db, kind, id, null, editor, now, "update");
}

/** Puts an item back as it was right after a past revision (or removes it if it was deleted then). */
export async function rollbackItem(
  db: Db,
  revisionId: number,
  editor: Editor,
  now: Date,
): Promise<SaveResult & { kind?: ContentKind; id?: string }> {
  const revision = await getRevision(db, revisionId);
  if (!revision) return { ok: false, fields: {}, errors: ["this revision does not exist"] };
  const result = await applyEdit(
    db,
    revision.kind,
    revision.itemId,
    (revision.after as Item | null) ?? null,
    editor,
    now,
    "rollback",
    revision.localeTimes,
  );
  return { ...result, kind: revision.kind, id: revision.itemId };
}

export async function getDraftItem(
  db: Db,
  kind: ContentKind,
  id: string,
): Promise<{ data: Item; updatedAt: number; updatedBy: string | null } | null> {
  const rows = await db
    .select()
    .from(contentItems)
    .where(and(eq(contentItems.kind, kind), eq(contentItems.id, id)));
  const row = rows[0];
  return row ? { data: JSON.parse(row.data) as Item, updatedAt: row.updatedAt, updatedBy: row.updatedBy } : null;
}

export type PublicationInfo = { version: number; createdAt: number; createdBy: string | null; note: string | null };

export async function listPublications(db: Db, limit = 50): Promise<PublicationInfo[]> {
  return db
    .select({
      version: publications.version,
      createdAt: publications.createdAt,
      createdBy: publications.createdBy,
      note: publications.note,
    })
    .from(publications)
    .orderBy(desc(publications.version))
    .limit(limit);
}

/** Draft changes not yet published: what "Publish" would change for young people. */
export async function pendingChanges(db: Db): Promise<Change[]> {
  const version = await latestVersion(db);
  const published = version === null ? null : await loadPublished(db, version);
  const empty: ContentBundle = { topics: [], steps: [], resources: [], faqs: [] };
  return bundleChanges(published ?? empty, await loadDrafts(db));
}

export async function publish(db: Db, editor: Editor, note: string | null, now: Date) {
  return publishDrafts(db, editor.id, note, now);
}

/**
 * Republishes an old snapshot as a new version (isolates pick it up by version), and puts the
 * drafts back to it too, so the next publication does not bring the bad change back.
 */
export async function rollbackPublication(
  db: Db,
  version: number,
  editor: Editor,
  now: Date,
): Promise<{ ok: true; version: number } | { ok: false; errors: string[] }> {
  const snapshot = await loadPublished(db, version);
  if (!snapshot) return { ok: false, errors: [`version ${version} does not exist`] };
  const { version: _, ...bundle } = snapshot;
  const checked = validateBundle(bundle);
  if (!checked.ok) return checked;
  const published = await db
    .select({ createdAt: publications.createdAt })
    .from(publications)
    .where(eq(publications.version, version));
  const [drafts, times, then] = await Promise.all([
    loadDrafts(db),
    latestLocaleTimes(db),
    localeTimesAt(db, published[0]?.createdAt ?? 0),
  ]);
  const at = now.getTime();
  const changes = bundleChanges(drafts, checked.bundle).map((c) => {
    const restoredTimes = then.get(`${c.kind}:${c.id}`);
    return restoredTimes ? { ...c, restoredTimes } : c;
  });
  const statements = changeStatements(db, changes, times, "rollback", editor, at);
  statements.push(
    ...publicationStatements(db, checked.bundle, {
      createdAt: at,
      createdBy: editor.id,
      note: `rollback to version ${version}`,
    }),
  );
  await db.batch(statements as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
  return { ok: true, version: (await latestVersion(db)) ?? version };
}

export type DraftRow = { kind: ContentKind; id: string; data: Item; updatedAt: number; updatedBy: string | null };

/** Every draft item with its last change time (for the lists). */
export async function listDraftItems(db: Db, kind?: ContentKind): Promise<DraftRow[]> {
  const query = db.select().from(contentItems);
  const rows = await (kind ? query.where(eq(contentItems.kind, kind)) : query).orderBy(
    contentItems.kind,
    contentItems.id,
  );
  return rows.map((r) => ({
    kind: r.kind,
    id: r.id,
    data: JSON.parse(r.data) as Item,
    updatedAt: r.updatedAt,
    updatedBy: r.updatedBy,
  }));
}
