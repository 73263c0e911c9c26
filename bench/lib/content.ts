import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { ContentBundle } from "../../shared/content/model.ts";
import type { RoadmapRules } from "../../shared/roadmap/rules.ts";

/**
 * The seed content for the bench: `seedBundle` from shared/content/seed when it loads;
 * while the seed is still being written (a topic file missing), whatever topic files
 * exist, so the bench keeps running. `complete` says which one was used. `roadmapRules`: the
 * seed's default roadmap rules (roadmap-rules.json), published like the content.
 */
export async function loadSeed(): Promise<{
  bundle: ContentBundle;
  complete: boolean;
  note: string;
  roadmapRules?: RoadmapRules;
}> {
  try {
    const { seedBundle, seedRoadmapRules } = await import("../../shared/content/seed/index.ts");
    return {
      bundle: seedBundle,
      complete: true,
      note: "shared/content/seed (complete)",
      roadmapRules: seedRoadmapRules,
    };
  } catch {
    const dir = fileURLToPath(new URL("../../shared/content/seed/", import.meta.url));
    const bundle: ContentBundle = { topics: [], steps: [], resources: [], faqs: [] };
    const topicsDir = `${dir}topics/`;
    const files = existsSync(topicsDir)
      ? readdirSync(topicsDir)
          .filter((f) => f.endsWith(".json"))
          .sort()
      : [];
    for (const file of files) {
      try {
        const parsed = JSON.parse(readFileSync(topicsDir + file, "utf8")) as {
          topic: ContentBundle["topics"][number];
          steps?: ContentBundle["steps"];
          faqs?: ContentBundle["faqs"];
        };
        bundle.topics.push(parsed.topic);
        bundle.steps.push(...(parsed.steps ?? []));
        bundle.faqs.push(...(parsed.faqs ?? []));
      } catch {
        // a file being written right now: skipped
      }
    }
    if (existsSync(`${dir}resources.json`)) {
      try {
        bundle.resources = JSON.parse(readFileSync(`${dir}resources.json`, "utf8")) as ContentBundle["resources"];
      } catch {
        // being written
      }
    }
    return {
      bundle,
      complete: false,
      note: `partial seed: ${bundle.topics.length} topic file(s) (${files.join(", ")}) — shared/content/seed/index.ts did not load yet`,
    };
  }
}

export function countItems(bundle: ContentBundle): string {
  return `${bundle.topics.length} topics, ${bundle.steps.length} steps, ${bundle.faqs.length} faqs, ${bundle.resources.length} resources`;
}
