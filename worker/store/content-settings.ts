import { eq, sql } from "drizzle-orm";
import * as z from "zod/mini";
import { linkCheckSchema, type LinkCheck } from "../../shared/content/links.ts";
import { contentSettings } from "../../shared/db/schema.ts";
import { EMPTY_ROADMAP_RULES, parseRoadmapRules, type RoadmapRules } from "../../shared/roadmap/rules.ts";
import { REVIEW_PERIOD_DEFAULTS, reviewPeriodsSchema, type ReviewPeriods } from "../../shared/content/review.ts";
import type { RulesChange } from "../../shared/roadmap/changes.ts";
import type { Editor } from "./content-revisions.ts";
import type { Db } from "./db.ts";
import {
  historyHead,
  latestDraftStatement,
  nextStepTimes,
  revisionStatement,
  storedRules,
  type StepTimes,
} from "./roadmap-history.ts";

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

export async function loadRoadmapRules(db: Db): Promise<RulesState> {
  const [settings, latest] = await db.batch([
    db
      .select({
        published: contentSettings.published,
        publishedAt: contentSettings.publishedAt,
        publishedBy: contentSettings.publishedBy,
        // Rules saved before migration 0022 with no history since keep their draft here.
        legacyDraft: contentSettings.draft,
      })
      .from(contentSettings)
      .where(eq(contentSettings.key, ROADMAP_RULES_KEY)),
    latestDraftStatement(db),
  ]);
  const row = settings[0];
  const published = (row?.publishedAt != null ? storedRules(row.published) : null) ?? EMPTY_ROADMAP_RULES;
  const draft = storedRules(latest[0]?.after ?? null) ?? storedRules(row?.legacyDraft ?? null) ?? published;
  return {
    draft,
    published,
    hasDraftChanges: JSON.stringify(draft) !== JSON.stringify(published),
    publishedAt: row?.publishedAt ?? null,
    publishedBy: row?.publishedBy ?? null,
  };
}

/** The rules young people get (published, or empty rules: no steps); the draft is not read. */
export async function publishedRoadmapRules(db: Db): Promise<RoadmapRules> {
  const row = (
    await db
      .select({ published: contentSettings.published, publishedAt: contentSettings.publishedAt })
      .from(contentSettings)
      .where(eq(contentSettings.key, ROADMAP_RULES_KEY))
  )[0];
  return (row?.publishedAt != null ? storedRules(row.published) : null) ?? EMPTY_ROADMAP_RULES;
}

/**
 * Saves the draft: the rules are written once, in the history's new row (the draft is the
 * latest row's after), the settings row keeps who changed it and when.
 */
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
  const [current, head] = await Promise.all([loadRoadmapRules(db), historyHead(db)]);
  const at = now.getTime();
  await db.batch([
    db
      .insert(contentSettings)
      .values({ key: ROADMAP_RULES_KEY, draft: null, published: null, updatedAt: at, updatedBy: editor.id })
      .onConflictDoUpdate({
        target: contentSettings.key,
        set: { draft: null, updatedAt: sql`excluded.updated_at`, updatedBy: sql`excluded.updated_by` },
      }),
    revisionStatement(
      db,
      {
        action: history.action,
        before: current.draft,
        after: parsed.rules,
        times: history.restoredTimes ?? nextStepTimes(current.draft, parsed.rules, head.times, at),
        versions: { before: head.versions.draft },
      },
      editor,
      at,
    ),
  ]);
  return { ok: true, rules: parsed.rules };
}

/**
 * Publishes the draft: copied once into the settings row, which turns read (the rules it
 * replaces kept beside it by SQL, not sent again); the history names the rows holding both.
 */
export async function publishRoadmapRules(db: Db, editor: Editor, now: Date): Promise<RoadmapRules> {
  const [{ draft, published }, head] = await Promise.all([loadRoadmapRules(db), historyHead(db)]);
  const at = now.getTime();
  const values = {
    key: ROADMAP_RULES_KEY,
    draft: null,
    published: JSON.stringify(draft),
    updatedAt: at,
    updatedBy: editor.id,
    publishedAt: at,
    publishedBy: editor.id,
  };
  await db.batch([
    db
      .insert(contentSettings)
      .values(values)
      .onConflictDoUpdate({
        target: contentSettings.key,
        set: {
          // What young people had until now: the reminder scan tells those whose roadmap this changes.
          previousPublished: sql`case when ${contentSettings.publishedAt} is null then ${contentSettings.previousPublished} else ${contentSettings.published} end`,
          previousPublishedAt: sql`coalesce(${contentSettings.publishedAt}, ${contentSettings.previousPublishedAt})`,
          published: sql`excluded.published`,
          publishedAt: sql`excluded.published_at`,
          publishedBy: sql`excluded.published_by`,
        },
      }),
    revisionStatement(
      db,
      {
        action: "publish",
        before: published,
        after: draft,
        times: head.times,
        versions: { before: head.versions.published, after: head.versions.draft },
      },
      editor,
      at,
    ),
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
  const previous = storedRules(row?.previous ?? null);
  return previous && row?.publishedAt != null ? { previous, publishedAt: row.publishedAt } : null;
}

/** The Département's review periods per kind (days), stored like a setting; defaults for the rest. */
export const REVIEW_PERIODS_KEY = "review-periods";

export async function loadReviewPeriods(db: Db): Promise<ReviewPeriods> {
  const row = (await db.select().from(contentSettings).where(eq(contentSettings.key, REVIEW_PERIODS_KEY)))[0];
  const parsed = reviewPeriodsSchema().safeParse(row?.draft ? JSON.parse(row.draft) : {});
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
  const parsed = z.record(z.string(), linkCheckSchema()).safeParse(row?.draft ? JSON.parse(row.draft) : {});
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
