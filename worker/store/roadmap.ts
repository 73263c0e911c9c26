import { and, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { alerts, identities, remindersSent, roadmapProgress, youngPeople } from "../../shared/db/schema.ts";
import type { Effect } from "../../bot/types.ts";
import type { Db } from "./db.ts";

/** SQL for the personal roadmap: progress, reminders given, deadline alerts. */

/**
 * Columns added to the turn's person query: progress and reminders given, as JSON arrays,
 * so the read batch needs no statement of its own for them.
 */
export const roadmapColumns = {
  progress: sql<string>`(select json_group_array(json_array(${roadmapProgress.stepId}, ${roadmapProgress.state})) from ${roadmapProgress} where ${roadmapProgress.youngId} = ${youngPeople.id})`,
  remindersGiven: sql<string>`(select json_group_array(${remindersSent.stepId} || '/' || ${remindersSent.kind}) from ${remindersSent} where ${remindersSent.youngId} = ${youngPeople.id})`,
};

/** Reads the JSON arrays of `roadmapColumns` back. */
export function parseRoadmapColumns(row: { progress: string | null; remindersGiven: string | null }) {
  const progress = JSON.parse(row.progress ?? "[]") as [string, "done" | "skipped"][];
  return {
    roadmapProgress: Object.fromEntries(progress) as Record<string, "done" | "skipped">,
    remindersSent: JSON.parse(row.remindersGiven ?? "[]") as string[],
  };
}

/** Write-batch items for the roadmap effects of a turn. */
export function roadmapWrites(db: Db, youngId: string, effect: Effect, at: number): BatchItem<"sqlite">[] {
  if (effect.type === "roadmapProgress") {
    if (effect.mark === null) {
      return [db.delete(roadmapProgress).where(and(eq(roadmapProgress.youngId, youngId), eq(roadmapProgress.stepId, effect.stepId)))];
    }
    return [db.insert(roadmapProgress).values({ youngId, stepId: effect.stepId, state: effect.mark, updatedAt: at })
      .onConflictDoUpdate({ target: [roadmapProgress.youngId, roadmapProgress.stepId], set: { state: effect.mark, updatedAt: at } })];
  }
  if (effect.type === "setRemindersOptOut") {
    return [db.update(youngPeople).set({ remindersOptOut: effect.optOut }).where(eq(youngPeople.id, youngId))];
  }
  if (effect.type === "remindersShown" && effect.reminders.length > 0) {
    return [db.insert(remindersSent).values(effect.reminders.map((r) => ({ youngId, stepId: r.stepId, kind: r.kind, channel: "chat" as const, sentAt: at }))).onConflictDoNothing()];
  }
  return [];
}

export type ReminderCandidate = {
  youngId: string;
  chatId: string;
  locale: string;
  birth: string;
  status: string | null;
  dept: string | null;
  enteredCare: string | null;
  progress: Record<string, "done" | "skipped">;
  sent: string[];
};

/**
 * Telegram users who may get a reminder now: a birth month, reminders not stopped, not
 * blocked, and nothing sent to them since `sinceMs` (one message a day).
 */
export async function reminderCandidates(db: Db, sinceMs: number, limit = 200): Promise<ReminderCandidate[]> {
  const people = await db
    .select({
      youngId: youngPeople.id, chatId: identities.key, locale: youngPeople.locale, birth: youngPeople.birth,
      status: youngPeople.status, dept: youngPeople.dept, enteredCare: youngPeople.enteredCare,
    })
    .from(identities)
    .innerJoin(youngPeople, eq(youngPeople.id, identities.youngId))
    .where(and(
      eq(identities.channel, "telegram"), isNull(identities.blockedAt), eq(youngPeople.remindersOptOut, false), isNotNull(youngPeople.birth),
      sql`not exists (select 1 from ${remindersSent} where ${remindersSent.youngId} = ${youngPeople.id} and ${remindersSent.channel} = 'telegram' and ${remindersSent.sentAt} >= ${sinceMs})`,
    ))
    .orderBy(youngPeople.id)
    .limit(limit);
  if (people.length === 0) return [];
  const ids = people.map((p) => p.youngId);
  const [progress, sent] = await db.batch([
    db.select().from(roadmapProgress).where(inArray(roadmapProgress.youngId, ids)),
    db.select({ youngId: remindersSent.youngId, stepId: remindersSent.stepId, kind: remindersSent.kind }).from(remindersSent).where(inArray(remindersSent.youngId, ids)),
  ]);
  return people.map((p) => ({
    ...p,
    birth: p.birth!,
    progress: Object.fromEntries(progress.filter((r) => r.youngId === p.youngId).map((r) => [r.stepId, r.state])),
    sent: sent.filter((r) => r.youngId === p.youngId).map((r) => `${r.stepId}/${r.kind}`),
  }));
}

/** Records reminders sent; returns false when another run already recorded one of them. */
export async function recordReminders(db: Db, youngId: string, reminders: { stepId: string; kind: string }[], at: number): Promise<boolean> {
  const rows = await db.insert(remindersSent)
    .values(reminders.map((r) => ({ youngId, stepId: r.stepId, kind: r.kind, channel: "telegram" as const, sentAt: at })))
    .onConflictDoNothing()
    .returning({ stepId: remindersSent.stepId });
  return rows.length === reminders.length;
}

/** Everyone with a birth month (web and Telegram), for deadline alerts. */
export async function peopleWithBirth(db: Db, afterId: string, limit = 500) {
  return db.select({ youngId: youngPeople.id, birth: youngPeople.birth, status: youngPeople.status, dept: youngPeople.dept, enteredCare: youngPeople.enteredCare })
    .from(youngPeople).where(and(isNotNull(youngPeople.birth), sql`${youngPeople.id} > ${afterId}`)).orderBy(youngPeople.id).limit(limit);
}

export async function progressOf(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select().from(roadmapProgress).where(inArray(roadmapProgress.youngId, ids));
}

/** A "deadline" alert for an overdue step, once per step and young person; true if inserted. */
export async function raiseDeadlineAlert(db: Db, youngId: string, stepId: string, at: number): Promise<string | null> {
  const id = crypto.randomUUID();
  const rows = await db.run(sql`insert into ${alerts} (id, young_id, kind, severity, subject, created_at)
    select ${id}, ${youngId}, 'deadline', 'high', ${stepId}, ${at}
    where not exists (select 1 from ${alerts} where ${alerts.youngId} = ${youngId} and ${alerts.kind} = 'deadline' and ${alerts.subject} = ${stepId})`);
  return rows.meta.changes > 0 ? id : null;
}
