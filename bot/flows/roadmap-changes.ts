import type { RoadmapChange } from "../../shared/roadmap/changes.ts";
import type { RoadmapRules } from "../../shared/roadmap/rules.ts";
import { formatDay } from "../../shared/roadmap/time.ts";
import { say } from "../render.ts";
import type { ConversationState } from "../state.ts";
import { title, when } from "./roadmap.ts";

/** "Ton parcours a changé : …": what a publication of the rules changed for this young person. */
export function changeText(state: ConversationState, rules: RoadmapRules, changes: RoadmapChange[]): string {
  const lines = changes.map(({ step, before, added }) => {
    const vars = {
      title: title(state, rules, step),
      when: when(state, step),
      before: before ? formatDay(before, state.locale) : say(state, "roadmapNoDate"),
    };
    return say(state, added ? "roadmapChangedAdded" : "roadmapChangedMoved", vars);
  });
  return [say(state, "roadmapChangedIntro"), ...lines].join("\n");
}
