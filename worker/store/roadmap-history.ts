import { desc, eq, lte } from "drizzle-orm";
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

function rules(json: string): RoadmapRules | null {
  const parsed = roadmapRulesSchema().safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : null;
}

function toRevision(row: typeof roadmapRulesRevisions.$inferSelect): RulesRevision {
  return {
    ...row,
    before: rules(row.before),
    after: rules(row.after),
    stepLocaleTimes: JSON.parse(row.stepLocaleTimes) as StepTimes,
  };
}

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
  const row = (
    await db
      .select({ times: roadmapRulesRevisions.stepLocaleTimes })
      .from(roadmapRulesRevisions)
      .orderBy(desc(roadmapRulesRevisions.id))
      .limit(1)
  )[0];
  return row ? (JSON.parse(row.times) as StepTimes) : {};
}

/** The statement recording one change; the caller batches it with the change itself (atomic). */
export function revisionStatement(
  db: Db,
  change: { action: RulesAction; before: RoadmapRules; after: RoadmapRules; times: StepTimes },
  editor: Editor,
  at: number,
) {
  return db.insert(roadmapRulesRevisions).values({
    action: change.action,
    before: JSON.stringify(change.before),
    after: JSON.stringify(change.after),
    stepLocaleTimes: JSON.stringify(change.times),
    at,
    by: editor.id,
    byName: editor.name,
  });
}

/** The history, newest first. */
export async function rulesHistory(db: Db, limit = 50): Promise<RulesRevision[]> {
  const rows = await db.select().from(roadmapRulesRevisions).orderBy(desc(roadmapRulesRevisions.id)).limit(limit);
  return rows.map(toRevision);
}

export async function getRulesRevision(db: Db, id: number): Promise<RulesRevision | null> {
  const rows = await db.select().from(roadmapRulesRevisions).where(eq(roadmapRulesRevisions.id, id));
  return rows[0] ? toRevision(rows[0]) : null;
}

/** The draft rules as they stood at `at` (after the last change then), or null before any. */
export async function rulesAt(db: Db, at: number): Promise<RoadmapRules | null> {
  const row = (
    await db
      .select()
      .from(roadmapRulesRevisions)
      .where(lte(roadmapRulesRevisions.at, at))
      .orderBy(desc(roadmapRulesRevisions.id))
      .limit(1)
  )[0];
  return row ? toRevision(row).after : null;
}
