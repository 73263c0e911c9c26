import { and, eq } from "drizzle-orm";
import { alerts, identities, referentLinks, remindersSent, roadmapProgress, staff, youngPeople, type Channel } from "../../shared/db/schema.ts";
import type { Db } from "./db.ts";

/** SQL behind "see my data", "delete my data" and the retention purge. */

export async function youngIdForIdentity(db: Db, channel: Channel, key: string): Promise<string | null> {
  const rows = await db.select({ id: identities.youngId }).from(identities)
    .where(and(eq(identities.channel, channel), eq(identities.key, key))).limit(1);
  return rows[0]?.id ?? null;
}

/** Everything stored about one young person, for them to read (right of access). */
export async function exportYoungPerson(db: Db, youngId: string) {
  const [people, requests, progress, referents, reminders] = await db.batch([
    db.select({
      locale: youngPeople.locale, birth: youngPeople.birth, status: youngPeople.status, dept: youngPeople.dept,
      enteredCare: youngPeople.enteredCare, consentAt: youngPeople.consentAt, createdAt: youngPeople.createdAt,
      lastActiveAt: youngPeople.lastActiveAt, remindersOptOut: youngPeople.remindersOptOut,
    }).from(youngPeople).where(eq(youngPeople.id, youngId)),
    db.select({ kind: alerts.kind, message: alerts.message, createdAt: alerts.createdAt, acknowledgedAt: alerts.acknowledgedAt })
      .from(alerts).where(eq(alerts.youngId, youngId)),
    db.select({ stepId: roadmapProgress.stepId, state: roadmapProgress.state, updatedAt: roadmapProgress.updatedAt })
      .from(roadmapProgress).where(eq(roadmapProgress.youngId, youngId)),
    db.select({ name: staff.name, linkedAt: referentLinks.createdAt })
      .from(referentLinks).innerJoin(staff, eq(staff.id, referentLinks.staffId)).where(eq(referentLinks.youngId, youngId)),
    db.select({ stepId: remindersSent.stepId, kind: remindersSent.kind, sentAt: remindersSent.sentAt })
      .from(remindersSent).where(eq(remindersSent.youngId, youngId)),
  ]);
  const person = people[0];
  if (!person) return null;
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  return {
    profile: { ...person, consentAt: iso(person.consentAt), createdAt: iso(person.createdAt), lastActiveAt: iso(person.lastActiveAt) },
    requestsToReferent: requests.map((r) => ({ ...r, createdAt: iso(r.createdAt), acknowledgedAt: iso(r.acknowledgedAt) })),
    roadmap: progress.map((p) => ({ ...p, updatedAt: iso(p.updatedAt) })),
    /** Who can see the profile, roadmap progress and alerts (never the messages). */
    referents: referents.map((r) => ({ name: r.name, linkedAt: iso(r.linkedAt) })),
    remindersSent: reminders.map((r) => ({ ...r, sentAt: iso(r.sentAt) })),
    notStored: "Passerelle does not keep the content of your messages.",
  };
}

/** A référent who followed a person being erased: told that the link ended, never why. */
export type EndedLink = { youngId: string; staffId: string; telegramChatId: string | null };

/**
 * Erasing people, in one atomic batch: first who followed them (read before it goes), then the
 * audit entries that named them or their alerts lose that target (the staff action stays,
 * pointing at no one), then the people, which cascades to every row of theirs
 * (tests/worker/privacy/deletion.test.ts checks every table of the schema). `ids` travel as
 * one JSON parameter. The links read are the statement at `LINKS_AT`.
 */
export function eraseStatements(db: Db, ids: string[]): D1PreparedStatement[] {
  const d1 = db.$client;
  const list = JSON.stringify(ids);
  return [
    d1.prepare(`select l.young_id as youngId, s.id as staffId, s.telegram_chat_id as telegramChatId
      from referent_links l join staff s on s.id = l.staff_id where l.young_id in (select value from json_each(?1))`).bind(list),
    d1.prepare(`update audit_log set target = null where target in (select value from json_each(?1))
      or target in (select id from alerts where young_id in (select value from json_each(?1)))`).bind(list),
    d1.prepare("delete from young_people where id in (select value from json_each(?1))").bind(list),
  ];
}
export const LINKS_AT = 0;

/** Erases these people and everything tied to them; returns who followed them. */
export async function erasePeople(db: Db, ids: string[]): Promise<EndedLink[]> {
  if (ids.length === 0) return [];
  const results = await db.$client.batch(eraseStatements(db, ids));
  return results[LINKS_AT]!.results as EndedLink[];
}

export async function deleteYoungPerson(db: Db, youngId: string): Promise<EndedLink[]> {
  return erasePeople(db, [youngId]);
}
