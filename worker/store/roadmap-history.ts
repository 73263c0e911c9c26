import { desc, eq, lte, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { diffFields } from "../../shared/content/diff.ts";
import { nextLocaleTimes, type LocaleTimes } from "../../shared/content/translation.ts";
import { roadmapRulesRevisions } from "../../shared/db/schema.ts";
import { roadmapRulesSchema, type RoadmapRules } from "../../shared/roadmap/rules.ts";
import type { Editor } from "./content-revisions.ts";
import type { Db } from "./db.ts";

/**
 * The roadmap rules' history: every save, publication and rollback with the rules before and
 * after, and per step the last time each locale's text was edited (as content items keep it),
 * so a translation older than its French is marked "à revoir" and a rollback puts back the
 * times of the state it restores instead of flagging every translation.
 */

export type RulesAction = (typeof roadmapRulesRevisions.$inferInsert)["action"];
export type StepTimes = Record<string, LocaleTimes>;

export type RulesRevision = {
  id: number;
  action: RulesAction;
  before: RoadmapRules | null;
  after: RoadmapRules | null;
  stepLocaleTimes: StepTimes;
  at: number;
  by: string | null;
  byName: string | null;
};

/** Rules as stored (JSON), validated again by their schema; null when absent or no longer valid. */
export function storedRules(json: string | null): RoadmapRules | null {
  if (json === null) return null;
  const parsed = roadmapRulesSchema().safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : null;
}

/** The rows whose `after` a revision's before and after are when it does not hold them. */
const beforeRow = alias(roadmapRulesRevisions, "before_row");
const afterRow = alias(roadmapRulesRevisions, "after_row");

/**
 * Revisions with their before and after JSON, wherever it is stored, and `version`: the row
 * holding the JSON of the state after it (what the next change names as its before).
 */
function resolvedRevisions(db: Db) {
  const r = roadmapRulesRevisions;
  return db
    .select({
      id: r.id,
      action: r.action,
      before: sql<string | null>`coalesce(${r.before}, ${beforeRow.after})`,
      after: sql<string | null>`coalesce(${r.after}, ${afterRow.after})`,
      stepLocaleTimes: r.stepLocaleTimes,
      at: r.at,
      by: r.by,
      byName: r.byName,
    })
    .from(r)
    .leftJoin(beforeRow, eq(beforeRow.id, r.beforeId))
    .leftJoin(afterRow, eq(afterRow.id, r.afterId));
}

type ResolvedRow = Awaited<ReturnType<ReturnType<typeof resolvedRevisions>["all"]>>[number];

function toRevision(row: ResolvedRow): RulesRevision {
  return {
    ...row,
    before: storedRules(row.before),
    after: storedRules(row.after),
    stepLocaleTimes: stepTimes(row.stepLocaleTimes),
  };
}

const stepTimes = (json: string) => JSON.parse(json) as StepTimes;

/** Each step's locale times after a change from `before` to `after` (removed steps dropped). */
export function nextStepTimes(before: RoadmapRules, after: RoadmapRules, previous: StepTimes, at: number): StepTimes {
  const old = new Map(before.steps.map((s) => [s.id, s]));
  const out: StepTimes = {};
  for (const step of after.steps) {
    const paths = diffFields(old.get(step.id) ?? null, step).map((f) => f.path);
    out[step.id] = nextLocaleTimes(previous[step.id] ?? {}, paths, at);
  }
  return out;
}

/** The latest per-step locale times ({} before the first save). */
export async function latestStepTimes(db: Db): Promise<StepTimes> {
  return (await historyHead(db)).times;
}

/** Rows holding the rules' JSON: `version` ids, which a change names instead of copying them. */
export type RulesVersions = { draft: number | null; published: number | null };

/**
 * Where the history stands: the latest per-step locale times, and the rows holding the current
 * draft (the latest change's after) and the published rules (the latest publication's after);
 * null where no row holds them yet (nothing saved, or published before the history began).
 */
export async function historyHead(db: Db): Promise<{ times: StepTimes; versions: RulesVersions }> {
  const r = roadmapRulesRevisions;
  const head = (
    await db
      .select({
        times: r.stepLocaleTimes,
        draft: sql<number>`coalesce(${r.afterId}, ${r.id})`,
        published: sql<
          number | null
        >`(select coalesce(p.after_id, p.id) from ${r} p where p.action = 'publish' order by p.id desc limit 1)`,
      })
      .from(r)
      .orderBy(desc(r.id))
      .limit(1)
  )[0];
  return head
    ? { times: stepTimes(head.times), versions: { draft: head.draft, published: head.published } }
    : { times: {}, versions: { draft: null, published: null } };
}

/** The statement reading the current draft's JSON (the latest change's after; none before any). */
export function latestDraftStatement(db: Db) {
  return resolvedRevisions(db).orderBy(desc(roadmapRulesRevisions.id)).limit(1);
}

/** Rules as a row stores them: a reference to the row already holding them, else their JSON. */
function stored(rules: RoadmapRules, version: number | null): { json: string | null; id: number | null } {
  return version === null ? { json: JSON.stringify(rules), id: null } : { json: null, id: version };
}

/**
 * The statement recording one change; the caller batches it with the change itself (atomic).
 * `versions` name the rows already holding the before and the after: a save writes its new
 * rules once, a publication none (its before and after are both held already).
 */
export function revisionStatement(
  db: Db,
  change: {
    action: RulesAction;
    before: RoadmapRules;
    after: RoadmapRules;
    times: StepTimes;
    versions: { before: number | null; after?: number | null };
  },
  editor: Editor,
  at: number,
) {
  const before = stored(change.before, change.versions.before);
  const after = stored(change.after, change.versions.after ?? null);
  return db.insert(roadmapRulesRevisions).values({
    action: change.action,
    before: before.json,
    beforeId: before.id,
    after: after.json,
    afterId: after.id,
    stepLocaleTimes: JSON.stringify(change.times),
    at,
    by: editor.id,
    byName: editor.name,
  });
}

/** The history, newest first. */
export async function rulesHistory(db: Db, limit = 50): Promise<RulesRevision[]> {
  const rows = await resolvedRevisions(db).orderBy(desc(roadmapRulesRevisions.id)).limit(limit);
  return rows.map(toRevision);
}

export async function getRulesRevision(db: Db, id: number): Promise<RulesRevision | null> {
  const rows = await resolvedRevisions(db).where(eq(roadmapRulesRevisions.id, id));
  return rows[0] ? toRevision(rows[0]) : null;
}

/** The draft rules as they stood at `at` (after the last change then), or null before any. */
export async function rulesAt(db: Db, at: number): Promise<RoadmapRules | null> {
  const row = (
    await resolvedRevisions(db)
      .where(lte(roadmapRulesRevisions.at, at))
      .orderBy(desc(roadmapRulesRevisions.id))
      .limit(1)
  )[0];
  return row ? storedRules(row.after) : null;
}
