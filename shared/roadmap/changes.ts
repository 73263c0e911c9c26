import type { Profile } from "../profile.ts";
import { computeRoadmap, type Progress, type RoadmapStep } from "./compute.ts";
import type { RoadmapRules } from "./rules.ts";

/**
 * What a publication of the roadmap rules changed for one young person: steps they now have
 * that they did not have, and steps whose date moved. Pure. Steps done or gone are not news.
 */
export type RoadmapChange = { step: RoadmapStep; before: string | null; added: boolean };

export function roadmapChanges(
  profile: Profile,
  previous: RoadmapRules,
  current: RoadmapRules,
  today: string,
  progress: Progress = {},
): RoadmapChange[] {
  const before = new Map(computeRoadmap(profile, previous, today, progress).map((s) => [s.id, s]));
  const changes: RoadmapChange[] = [];
  for (const step of computeRoadmap(profile, current, today, progress)) {
    if (step.state === "done") continue;
    const old = before.get(step.id);
    if (!old) changes.push({ step, before: null, added: true });
    else if (old.due !== step.due) changes.push({ step, before: old.due, added: false });
  }
  return changes;
}
