import type { RulesChange } from "../shared/roadmap/changes.ts";
import { EMPTY_ROADMAP_RULES, type RoadmapRules } from "../shared/roadmap/rules.ts";
import { latestRulesChange, publishedRoadmapRules } from "./store/content-settings.ts";
import type { Db } from "./store/db.ts";

/**
 * Published roadmap rules cached per isolate, keyed by their publication time: a turn reads
 * only that time (inside its read batch); the rules are fetched again only after the CMS
 * publishes new ones. Nothing published yet: empty rules (no steps).
 */
let cached: { publishedAt: number; rules: RoadmapRules } | null = null;

export async function rulesAt(db: Db, publishedAt: number | null): Promise<RoadmapRules> {
  if (publishedAt === null) return EMPTY_ROADMAP_RULES;
  if (cached?.publishedAt === publishedAt) return cached.rules;
  const rules = await publishedRoadmapRules(db);
  cached = { publishedAt, rules };
  return rules;
}

/**
 * The rules that publication replaced (for the web chat's change notice), cached the same way:
 * read once per isolate and publication, only by web chat turns.
 */
let cachedChange: { publishedAt: number; change: RulesChange | null } | null = null;

export async function rulesChangeAt(db: Db, publishedAt: number | null): Promise<RulesChange | null> {
  if (publishedAt === null) return null;
  if (cachedChange?.publishedAt === publishedAt) return cachedChange.change;
  const change = await latestRulesChange(db);
  // Another publication since the turn's read: its own turn will read it.
  const current = change?.publishedAt === publishedAt ? change : null;
  cachedChange = { publishedAt, change: current };
  return current;
}
