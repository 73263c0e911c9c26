import { and, eq, inArray, isNotNull, isNull, or, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import {
  pushSubscriptions,
  alerts,
  contentSettings,
  identities,
  remindersSent,
  roadmapProgress,
  youngPeople,
} from "../../shared/db/schema.ts";
import type { Effect } from "../../bot/types.ts";
import type { Progress, ProgressMark } from "../../shared/roadmap/compute.ts";
import { batchRows, chunksOf, rowsInChunks } from "./chunks.ts";
import { ROADMAP_RULES_KEY } from "./content-settings.ts";
import type { Db } from "./db.ts";
import { profileColumns, type ProfileColumns } from "./profile-columns.ts";

/** SQL for the personal roadmap: progress, reminders given, deadline alerts. */

/**
 * `young_people.id`, always qualified: drizzle writes the selected fields of a one-table query
 * unqualified, so inside a subquery a bare "id" would name the subquery's own table's id.
 */
export const PERSON_ID = sql.raw(`"young_people"."id"`);

/**
 * Columns added to the turn's person query: progress and reminders given, as JSON arrays,
 * so the read batch needs no statement of its own for them.
 */
export const roadmapColumns = {
  progress: sql<string>`(select json_group_array(json_array(${roadmapProgress.stepId}, ${roadmapProgress.state})) from ${roadmapProgress} where ${roadmapProgress.youngId} = ${PERSON_ID})`,
  remindersGiven: sql<string>`(select json_group_array(${remindersSent.stepId} || '/' || ${remindersSent.kind}) from ${remindersSent} where ${remindersSent.youngId} = ${PERSON_ID})`,
};

/** Reads the JSON arrays of `roadmapColumns` back. */
export function parseRoadmapColumns(row: { progress: string | null; remindersGiven: string | null }) {
  const progress = JSON.parse(row.progress ?? "[]") as [string, ProgressMark][];
  return {
    roadmapProgress: Object.fromEntries(progress) as Progress,
    remindersSent: JSON.parse(row.remindersGiven ?? "[]") as string[],
  };
}

/**
 * What the web chat's timeline shows of one person (language, profile columns, progress) and
 * when the roadmap rules were last published, in one statement. Null: no such person.
 */
export async function timelineOf(db: Db, youngId: string) {
  const rows = await db
    .select({
      locale: youngPeople.locale,
      ...profileColumns,
      progress: roadmapColumns.progress,
      rulesPublishedAt: sql<
        number | null
      >`(select ${contentSettings.publishedAt} from ${contentSettings} where ${contentSettings.key} = ${ROADMAP_RULES_KEY})`,
    })
    .from(youngPeople)
    .where(eq(youngPeople.id, youngId))
    .limit(1);
  const row = rows[0];
  if (!row) return null;
  return { ...row, progress: parseRoadmapColumns({ progress: row.progress, remindersGiven: null }).roadmapProgress };
}

/** Write-batch items for the roadmap effects of a turn. */
export function roadmapWrites(db: Db, youngId: string, effect: Effect, at: number): BatchItem<"sqlite">[] {
  if (effect.type === "roadmapProgress") {
    if (effect.mark === null) {
      return [
        db
          .delete(roadmapProgress)
          .where(and(eq(roadmapProgress.youngId, youngId), eq(roadmapProgress.stepId, effect.stepId))),
      ];
    }
    return [
      db
        .insert(roadmapProgress)
        .values({ youngId, stepId: effect.stepId, state: effect.mark, updatedAt: at })
        .onConflictDoUpdate({
          target: [roadmapProgress.youngId, roadmapProgress.stepId],
          set: { state: effect.mark, updatedAt: at },
        }),
    ];
  }
  if (effect.type === "setRemindersOptOut") {
    return [db.update(youngPeople).set({ remindersOptOut: effect.optOut }).where(eq(youngPeople.id, youngId))];
  }
  if (effect.type === "remindersShown") {
    return chunksOf(effect.reminders, REMINDER_ROW_PARAMS).map((piece) =>
      db
        .insert(remindersSent)
        .values(piece.map((r) => ({ youngId, stepId: r.stepId, kind: r.kind, channel: "chat" as const, sentAt: at })))
        .onConflictDoNothing(),
    );
  }
  return [];
}

/** Parameters one reminders_sent row binds (young, step, kind, channel, sent_at). */
const REMINDER_ROW_PARAMS = 5;

/** A month a roadmap date can come from is known (shared/roadmap/compute.ts hasDatedAnchor). */
const datedAnchorKnown = or(
  isNotNull(youngPeople.birth),
  isNotNull(youngPeople.permitExpiry),
  isNotNull(youngPeople.enteredCare),
);

export type ReminderCandidate = {
  youngId: string;
  /** Where the reminder goes: a Telegram chat id or a WhatsApp number. */
  channel: PushChannel;
  chatId: string;
  locale: string;
  /** The person's last message (WhatsApp: inside 24 hours a free-form message, else a template). */
  lastActiveAt: number;
  /** When they accepted the privacy notice: a roadmap change published before it is news to them. */
  consentAt: number | null;
  progress: Progress;
  sent: string[];
} & ProfileColumns;

/** The channels a reminder is pushed on (the web chat shows them at the next visit). */
/** Channels reminders go to; "web": a web chat user who opted in to Web Push from a browser. */
export const PUSH_CHANNELS = ["telegram", "whatsapp", "web"] as const;
export type PushChannel = (typeof PUSH_CHANNELS)[number];

/**
 * A page of Telegram and WhatsApp users who may get a reminder now, after `afterId` in id order: a birth
 * month or another month a date comes from (the card's end), reminders not stopped, not blocked, and nothing sent to them since `sinceMs` (one
 * message a day). Their progress and reminders given come in the same rows
 * (`roadmapColumns`), so the parameters stay fixed however many people there are; paged by
 * the person's primary key, so each page reads about `limit` people, not the whole table
 * (tests/worker/store/plans.test.ts).
 */
export async function reminderCandidates(
  db: Db,
  sinceMs: number,
  limit = 200,
  afterId = "",
  /** Web chat users active since then (their key still works): the others get no push reminder. */
  webActiveSince = 0,
): Promise<ReminderCandidate[]> {
  const people = await db
    .select({
      youngId: youngPeople.id,
      channel: identities.channel,
      chatId: identities.key,
      locale: youngPeople.locale,
      lastActiveAt: youngPeople.lastActiveAt,
      consentAt: youngPeople.consentAt,
      ...profileColumns,
      ...roadmapColumns,
    })
    // A cross join keeps young_people the outer loop, read in id order from `afterId`: with an
    // inner join SQLite started from every Telegram identity and sorted them, for each page.
    .from(youngPeople)
    .crossJoin(identities)
    .where(
      and(
        eq(identities.youngId, youngPeople.id),
        inArray(identities.channel, [...PUSH_CHANNELS]),
        // A web chat user only with a subscription, and only while their key still works.
        sql`(${identities.channel} <> 'web' or (${youngPeople.lastActiveAt} >= ${webActiveSince} and exists (select 1 from ${pushSubscriptions} where ${pushSubscriptions.youngId} = ${youngPeople.id})))`,
        sql`${youngPeople.id} > ${afterId}`,
        isNull(identities.blockedAt),
        eq(youngPeople.remindersOptOut, false),
        datedAnchorKnown,
        sql`not exists (select 1 from ${remindersSent} where ${remindersSent.youngId} = ${youngPeople.id} and ${remindersSent.channel} in ('telegram', 'whatsapp', 'web') and ${remindersSent.sentAt} >= ${sinceMs})`,
      ),
    )
    .orderBy(youngPeople.id)
    .limit(limit);
  return people.map(({ progress, remindersGiven, channel, ...p }) => {
    const parsed = parseRoadmapColumns({ progress, remindersGiven });
    return {
      ...p,
      channel: channel === "whatsapp" || channel === "web" ? channel : "telegram",
      progress: parsed.roadmapProgress,
      sent: parsed.remindersSent,
    };
  });
}

/**
 * Records the reminders of a page of people in one batch; returns the people all of whose
 * reminders were new (another run recorded none of them): only they are sent a message.
 */
export async function recordReminderPage(
  db: Db,
  people: { youngId: string; channel: PushChannel; reminders: { stepId: string; kind: string }[] }[],
  at: number,
): Promise<Set<string>> {
  const rows = people.flatMap(({ youngId, channel, reminders }) =>
    reminders.map((r) => ({ youngId, stepId: r.stepId, kind: r.kind, channel, sentAt: at })),
  );
  const inserted = await rowsInChunks(
    db,
    rows,
    (piece) =>
      db.insert(remindersSent).values(piece).onConflictDoNothing().returning({ youngId: remindersSent.youngId }),
    REMINDER_ROW_PARAMS,
  );
  const count = new Map<string, number>();
  for (const { youngId } of inserted) count.set(youngId, (count.get(youngId) ?? 0) + 1);
  return new Set(people.filter((p) => count.get(p.youngId) === p.reminders.length).map((p) => p.youngId));
}

/** Records reminders sent (one transaction); returns false when another run already recorded one of them. */
export async function recordReminders(
  db: Db,
  youngId: string,
  reminders: { stepId: string; kind: string }[],
  at: number,
): Promise<boolean> {
  const rows = await batchRows(
    db,
    chunksOf(reminders, REMINDER_ROW_PARAMS).map((piece) =>
      db
        .insert(remindersSent)
        .values(
          piece.map((r) => ({ youngId, stepId: r.stepId, kind: r.kind, channel: "telegram" as const, sentAt: at })),
        )
        .onConflictDoNothing()
        .returning({ stepId: remindersSent.stepId }),
    ),
  );
  return rows.length === reminders.length;
}

export type DeadlineCandidate = {
  youngId: string;
  progress: Progress;
  /** Steps a deadline alert was already raised for. */
  alerted: string[];
} & ProfileColumns;

/**
 * A page of everyone with a birth month or another month a date comes from (web, Telegram and
 * WhatsApp), for deadline alerts, with their
 * progress and the deadline alerts already raised in the same rows (fixed parameters).
 */
export async function peopleWithDates(db: Db, afterId: string, limit = 500): Promise<DeadlineCandidate[]> {
  const rows = await db
    .select({
      youngId: youngPeople.id,
      ...profileColumns,
      progress: roadmapColumns.progress,
      alerted: sql<string>`(select json_group_array(${alerts.subject}) from ${alerts} where ${alerts.youngId} = ${PERSON_ID} and ${alerts.kind} = 'deadline')`,
    })
    .from(youngPeople)
    .where(and(datedAnchorKnown, sql`${youngPeople.id} > ${afterId}`))
    .orderBy(youngPeople.id)
    .limit(limit);
  return rows.map(({ progress, alerted, ...p }) => ({
    ...p,
    progress: parseRoadmapColumns({ progress, remindersGiven: null }).roadmapProgress,
    alerted: JSON.parse(alerted ?? "[]") as string[],
  }));
}

/** A first scan after the rules change may find thousands of overdue steps: batches this big. */
const DEADLINES_PER_BATCH = 100;

/**
 * "deadline" alerts for overdue steps, once per step and young person (a concurrent run
 * inserts nothing twice), one statement each, in batches; returns the ids inserted.
 */
export async function raiseDeadlineAlerts(
  db: Db,
  due: { youngId: string; stepId: string }[],
  at: number,
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < due.length; i += DEADLINES_PER_BATCH)
    ids.push(...(await deadlineBatch(db, due.slice(i, i + DEADLINES_PER_BATCH), at)));
  return ids;
}

const DEADLINE_INSERT = `insert into alerts (id, young_id, kind, severity, subject, created_at)
  select ?1, ?2, 'deadline', 'high', ?3, ?4
  where not exists (select 1 from alerts where young_id = ?2 and kind = 'deadline' and subject = ?3)
  returning id`;

async function deadlineBatch(db: Db, due: { youngId: string; stepId: string }[], at: number): Promise<string[]> {
  const results = await db.$client.batch<{ id: string }>(
    due.map(({ youngId, stepId }) =>
      db.$client.prepare(DEADLINE_INSERT).bind(crypto.randomUUID(), youngId, stepId, at),
    ),
  );
  return results.flatMap((r) => r.results.map((row) => row.id));
}
