import type { Profile } from "../profile.ts";
import { computeRoadmap, type Progress, type RoadmapStep } from "./compute.ts";
import type { RoadmapRules } from "./rules.ts";

/**
 * What a publication of the roadmap rules changed for one young person: steps they now have
 * that they did not have, steps whose date moved, and steps they had (not done) that are no
 * longer on their roadmap (the rule removed, or no longer for their situation). Pure. Steps
 * done are not news. A removed step carries its old rule (its title is the one they saw).
 */
export type RoadmapChange = { step: RoadmapStep; before: string | null; kind: "added" | "moved" | "removed" };

/** The latest publication of the rules and the rules it replaced (worker/store/content-settings.ts). */
export type RulesChange = { previous: RoadmapRules; publishedAt: number };

export function roadmapChanges(
  profile: Profile,
  previous: RoadmapRules,
  current: RoadmapRules,
  today: string,
  progress: Progress = {},
): RoadmapChange[] {
  const before = new Map(computeRoadmap(profile, previous, today, progress).map((s) => [s.id, s]));
  const changes: RoadmapChange[] = [];
  const now = new Set<string>();
  for (const step of computeRoadmap(profile, current, today, progress)) {
    now.add(step.id);
    if (step.state === "done") continue;
    const old = before.get(step.id);
    if (!old) changes.push({ step, before: null, kind: "added" });
    else if (old.due !== step.due) changes.push({ step, before: old.due, kind: "moved" });
  }
  for (const old of before.values())
    if (!now.has(old.id) && old.state !== "done") changes.push({ step: old, before: old.due, kind: "removed" });
  return changes;
}
