import { and, eq, lt } from "drizzle-orm";
import { alerts, identities, referentLinks, remindersSent, roadmapProgress, staff, telegramUpdates, youngPeople, type Channel } from "../../shared/db/schema.ts";
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
      enteredCare: youngPeople.enteredCare, permitExpiry: youngPeople.permitExpiry, consentAt: youngPeople.consentAt, createdAt: youngPeople.createdAt,
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

export async function deleteYoungPerson(db: Db, youngId: string): Promise<void> {
  await db.delete(youngPeople).where(eq(youngPeople.id, youngId));
}

/** Deletes young people inactive since `before` (cascades to everything of theirs) and old update ids. */
export async function purgeInactive(db: Db, before: number, updatesBefore: number): Promise<{ people: number }> {
  const [deleted] = await db.batch([
    db.delete(youngPeople).where(lt(youngPeople.lastActiveAt, before)).returning({ id: youngPeople.id }),
    db.delete(telegramUpdates).where(lt(telegramUpdates.receivedAt, updatesBefore)),
  ]);
  return { people: deleted.length };
}
