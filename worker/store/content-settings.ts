import { eq } from "drizzle-orm";
import * as z from "zod/mini";
import { linkCheckSchema, type LinkCheck } from "../../shared/content/links.ts";
import { contentSettings } from "../../shared/db/schema.ts";
import {
  EMPTY_ROADMAP_RULES,
  parseRoadmapRules,
  roadmapRulesSchema,
  type RoadmapRules,
} from "../../shared/roadmap/rules.ts";
import { REVIEW_PERIOD_DEFAULTS, reviewPeriodsSchema, type ReviewPeriods } from "../../shared/content/review.ts";
import type { RulesChange } from "../../shared/roadmap/changes.ts";
import type { Editor } from "./content-revisions.ts";
import type { Db } from "./db.ts";
import { latestStepTimes, nextStepTimes, revisionStatement, type StepTimes } from "./roadmap-history.ts";

/**
 * Editable settings with a draft and a published value. The roadmap rules live under
 * ROADMAP_RULES_KEY, validated by their zod schema. Until rules are published (the seed
 * publishes shared/content/seed/roadmap-rules.json), they are EMPTY_ROADMAP_RULES: no steps.
 */
export const ROADMAP_RULES_KEY = "roadmap-rules";

export type RulesState = {
  draft: RoadmapRules;
  published: RoadmapRules;
  hasDraftChanges: boolean;
  publishedAt: number | null;
  publishedBy: string | null;
};

function parseRules(json: string | null): RoadmapRules | null {
  if (json === null) return null;
  const parsed = roadmapRulesSchema().safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : null;
}

export async function loadRoadmapRules(db: Db): Promise<RulesState> {
  const row = (await db.select().from(contentSettings).where(eq(contentSettings.key, ROADMAP_RULES_KEY)))[0];
  const published = (row?.publishedAt != null ? parseRules(row.published) : null) ?? EMPTY_ROADMAP_RULES;
  const draft = parseRules(row?.draft ?? null) ?? published;
  return {
    draft,
    published,
    hasDraftChanges: JSON.stringify(draft) !== JSON.stringify(published),
    publishedAt: row?.publishedAt ?? null,
    publishedBy: row?.publishedBy ?? null,
  };
}

/** The rules young people get (published, or empty rules: no steps). */
export async function publishedRoadmapRules(db: Db): Promise<RoadmapRules> {
  return (await loadRoadmapRules(db)).published;
}

export async function saveRoadmapRulesDraft(
  db: Db,
  input: unknown,
  editor: Editor,
  now: Date,
  /** A rollback restores a past state and, with it, its steps' locale times (not flagged as newer). */
  history: { action: "save" | "rollback"; restoredTimes?: StepTimes } = { action: "save" },
): Promise<{ ok: true; rules: RoadmapRules } | { ok: false; errors: string[] }> {
  const parsed = parseRoadmapRules(input);
  if (!parsed.ok) return { ok: false, errors: parsed.errors.map((e) => (e.startsWith(":") ? `rules${e}` : e)) };
  const [current, times] = await Promise.all([loadRoadmapRules(db), latestStepTimes(db)]);
  const draft = JSON.stringify(parsed.rules);
  const at = now.getTime();
  await db.batch([
    db
      .insert(contentSettings)
      .values({
        key: ROADMAP_RULES_KEY,
        draft,
        published: JSON.stringify(current.published),
        updatedAt: at,
        updatedBy: editor.id,
      })
      .onConflictDoUpdate({
        target: contentSettings.key,
        set: { draft, updatedAt: at, updatedBy: editor.id },
      }),
    revisionStatement(
      db,
      {
        action: history.action,
        before: current.draft,
        after: parsed.rules,
        times: history.restoredTimes ?? nextStepTimes(current.draft, parsed.rules, times, at),
      },
      editor,
      at,
    ),
  ]);
  return { ok: true, rules: parsed.rules };
}

export async function publishRoadmapRules(db: Db, editor: Editor, now: Date): Promise<RoadmapRules> {
  const [{ draft, published, publishedAt }, times] = await Promise.all([loadRoadmapRules(db), latestStepTimes(db)]);
  const json = JSON.stringify(draft);
  const at = now.getTime();
  // What young people had until now: the reminder scan tells those whose roadmap this changes.
  const previous =
    publishedAt !== null ? { previousPublished: JSON.stringify(published), previousPublishedAt: publishedAt } : {};
  await db.batch([
    db
      .insert(contentSettings)
      .values({
        key: ROADMAP_RULES_KEY,
        draft: json,
        published: json,
        updatedAt: at,
        updatedBy: editor.id,
        publishedAt: at,
        publishedBy: editor.id,
      })
      .onConflictDoUpdate({
        target: contentSettings.key,
        set: { published: json, publishedAt: at, publishedBy: editor.id, ...previous },
      }),
    revisionStatement(db, { action: "publish", before: published, after: draft, times }, editor, at),
  ]);
  return draft;
}

/** The latest publication of the roadmap rules and the rules it replaced, if it replaced some. */

export async function latestRulesChange(db: Db): Promise<RulesChange | null> {
  const row = (
    await db
      .select({
        previous: contentSettings.previousPublished,
        publishedAt: contentSettings.publishedAt,
      })
      .from(contentSettings)
      .where(eq(contentSettings.key, ROADMAP_RULES_KEY))
  )[0];
  const previous = parseRules(row?.previous ?? null);
  return previous && row?.publishedAt != null ? { previous, publishedAt: row.publishedAt } : null;
}

/** The Département's review periods per kind (days), stored like a setting; defaults for the rest. */
export const REVIEW_PERIODS_KEY = "review-periods";

export async function loadReviewPeriods(db: Db): Promise<ReviewPeriods> {
  const row = (await db.select().from(contentSettings).where(eq(contentSettings.key, REVIEW_PERIODS_KEY)))[0];
  const parsed = reviewPeriodsSchema().safeParse(row ? JSON.parse(row.draft) : {});
  return { ...REVIEW_PERIOD_DEFAULTS, ...(parsed.success ? parsed.data : {}) };
}

export async function saveReviewPeriods(
  db: Db,
  input: unknown,
  editor: Editor,
  now: Date,
): Promise<{ ok: true } | { ok: false; errors: string[] }> {
  const parsed = reviewPeriodsSchema().safeParse(input);
  if (!parsed.success)
    return { ok: false, errors: parsed.error.issues.map((i) => `${i.path.map(String).join(".")}: ${i.message}`) };
  const json = JSON.stringify(parsed.data);
  const values = { draft: json, published: json, updatedAt: now.getTime(), updatedBy: editor.id };
  await db
    .insert(contentSettings)
    .values({ key: REVIEW_PERIODS_KEY, ...values })
    .onConflictDoUpdate({ target: contentSettings.key, set: values });
  return { ok: true };
}

/** The link checker's results (worker/links.ts), by URL: one JSON value, rewritten by each run. */
export const LINK_CHECKS_KEY = "link-checks";

export async function loadLinkChecks(db: Db): Promise<Record<string, LinkCheck>> {
  const row = (await db.select().from(contentSettings).where(eq(contentSettings.key, LINK_CHECKS_KEY)))[0];
  const parsed = z.record(z.string(), linkCheckSchema()).safeParse(row ? JSON.parse(row.draft) : {});
  return parsed.success ? parsed.data : {};
}

export async function saveLinkChecks(db: Db, checks: Record<string, LinkCheck>, now: number): Promise<void> {
  const json = JSON.stringify(checks);
  const values = { draft: json, published: json, updatedAt: now, updatedBy: null };
  await db
    .insert(contentSettings)
    .values({ key: LINK_CHECKS_KEY, ...values })
    .onConflictDoUpdate({ target: contentSettings.key, set: values });
}
