import { env } from "cloudflare:workers";
import { seedBundle, seedRoadmapRules } from "../../shared/content/seed/index.ts";
import { parseRoadmapRules, type RoadmapRules } from "../../shared/roadmap/rules.ts";
import { database } from "../../worker/store/db.ts";
import { publishDrafts, replaceDrafts } from "../../worker/store/content.ts";
import { publishRoadmapRules, saveRoadmapRulesDraft } from "../../worker/store/content-settings.ts";

/**
 * Loads the real seed content and default roadmap rules into this test file's D1 and
 * publishes them, as `npm start` does (`{ roadmapRules: false }`: the content alone).
 */
export async function seedContent(options: { roadmapRules?: boolean } = {}): Promise<number> {
  const db = database(env.DB);
  const imported = await replaceDrafts(db, seedBundle, "seed", new Date());
  if (!imported.ok) throw new Error(`seed content is invalid: ${imported.errors.join("; ")}`);
  const published = await publishDrafts(db, "seed", "seed content", new Date());
  if (!published.ok) throw new Error(`seed content cannot be published: ${published.errors.join("; ")}`);
  if (options.roadmapRules !== false) await publishSeedRoadmapRules();
  return published.version;
}

/** The default roadmap rules of the seed (shared/content/seed/roadmap-rules.json), validated; a fresh copy each call. */
export function seedRules(): RoadmapRules {
  const checked = parseRoadmapRules(structuredClone(seedRoadmapRules));
  if (!checked.ok) throw new Error(`seed roadmap rules are invalid: ${checked.errors.join("; ")}`);
  return checked.rules;
}

/** Publishes the seed's roadmap rules alone (no content), through the storage layer, as the seed does. */
export async function publishSeedRoadmapRules(now = new Date()): Promise<void> {
  const db = database(env.DB);
  const editor = { id: "seed", name: "seed" };
  const saved = await saveRoadmapRulesDraft(db, seedRules(), editor, now);
  if (!saved.ok) throw new Error(`seed roadmap rules are invalid: ${saved.errors.join("; ")}`);
  await publishRoadmapRules(db, editor, now);
}
