import { EMPTY_ROADMAP_RULES, type RoadmapRules } from "../shared/roadmap/rules.ts";
import { publishedRoadmapRules } from "./store/content-settings.ts";
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
