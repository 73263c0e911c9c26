import type { ContentSnapshot, Resource } from "../../shared/content/model.ts";
import { resourceLine, say } from "../render.ts";
import type { ConversationState } from "../state.ts";

/**
 * A young person with no référent linked who asks for help (issue 24: never a dead end): who
 * can help instead — their Département's child welfare service (the content's resource for 44
 * or 49; both when the département is unknown; for another département, its ASE in words),
 * the emergency numbers, and how to get a link code from their éducateur.
 */

/** The content's resource for each Département's ASE service (shared/content/seed/resources.json). */
export const DEPARTMENT_SERVICES = { "44": "dept-44", "49": "dept-49" } as const;

function departmentServices(state: ConversationState, content: ContentSnapshot): Resource[] {
  const dept = state.profile.dept;
  const ids =
    dept === "44" || dept === "49"
      ? [DEPARTMENT_SERVICES[dept]]
      : dept === undefined
        ? Object.values(DEPARTMENT_SERVICES)
        : [];
  return ids.flatMap((id) => content.resources.filter((r) => r.id === id));
}

/** The text shown instead of "your référent is not linked": who helps now, and how to link. */
export function noReferentHelp(state: ConversationState, content: ContentSnapshot): string {
  const services = departmentServices(state, content);
  const department =
    services.length > 0
      ? [say(state, "noReferentDepartment"), ...services.map((r) => resourceLine(state, r))].join("\n")
      : say(state, "noReferentOtherDepartment");
  return [
    say(state, "noReferentIntro"),
    department,
    `🆘 ${say(state, "emergencyLine")}`,
    say(state, "noReferentCode"),
  ].join("\n\n");
}
