import { sql } from "drizzle-orm";
import { alerts, referentLinks, roadmapProgress, youngPeople } from "../../shared/db/schema.ts";
import type { Progress, ProgressMark } from "../../shared/roadmap/compute.ts";
import type { Db } from "./db.ts";
import { profileColumns, type ProfileColumns } from "./profile-columns.ts";

/**
 * What the dashboard needs to compute each followed young person's open deadlines: their
 * profile columns and roadmap marks. The people are a subquery (the référent's links; an
 * admin: everyone linked or with an alert), not a list of ids: a few parameters for 10 people
 * or 10 000 (D1 binds at most 100).
 */
export type RoadmapInput = ProfileColumns & { progress: Progress };

export async function roadmapInputsFor(
  db: Db,
  viewer: { id: string; role: string },
): Promise<Map<string, RoadmapInput>> {
  const followed =
    viewer.role === "admin"
      ? sql`(select ${referentLinks.youngId} from ${referentLinks} union select ${alerts.youngId} from ${alerts})`
      : sql`(select ${referentLinks.youngId} from ${referentLinks} where ${referentLinks.staffId} = ${viewer.id})`;
  const [people, marks] = await db.batch([
    db
      .select({
        id: youngPeople.id,
        ...profileColumns,
      })
      .from(youngPeople)
      .where(sql`${youngPeople.id} in ${followed}`),
    db
      .select({ youngId: roadmapProgress.youngId, stepId: roadmapProgress.stepId, state: roadmapProgress.state })
      .from(roadmapProgress)
      .where(sql`${roadmapProgress.youngId} in ${followed}`),
  ]);
  const out = new Map<string, RoadmapInput>();
  for (const p of people) out.set(p.id, { ...p, progress: {} });
  for (const m of marks) {
    const person = out.get(m.youngId);
    if (person) person.progress[m.stepId] = m.state as ProgressMark;
  }
  return out;
}
