import { and, desc, eq, gt, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import {
  alertDeliveries,
  alerts,
  referentLinks,
  roadmapProgress,
  staff,
  youngPeople,
  type DELIVERY_CHANNELS,
} from "../../shared/db/schema.ts";
import { batchRows, chunksOf, rowsInChunks } from "./chunks.ts";
import { PERSON_ID } from "./roadmap.ts";
import type { Db } from "./db.ts";
import { giveUpLeased, stalledLeased } from "./leased-deliveries.ts";

/** SQL for alerts, their deliveries (one row per channel and recipient) and the dashboard. */

export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];

export type AlertRow = typeof alerts.$inferSelect;

export function alertsByIds(db: Db, ids: string[]): Promise<AlertRow[]> {
  return rowsInChunks(db, ids, (piece) => db.select().from(alerts).where(inArray(alerts.id, piece)));
}

/** Enabled référents linked to these young people, with their alert channels. */
export function linkedStaff(
  db: Db,
  youngIds: string[],
): Promise<
  { youngId: string; staffId: string; email: string; telegramChatId: string | null; teamId: string | null }[]
> {
  return rowsInChunks(db, youngIds, (piece) =>
    db
      .select({
        youngId: referentLinks.youngId,
        staffId: staff.id,
        email: staff.email,
        telegramChatId: staff.telegramChatId,
        teamId: staff.teamId,
      })
      .from(referentLinks)
      .innerJoin(staff, eq(staff.id, referentLinks.staffId))
      .where(and(inArray(referentLinks.youngId, piece), isNull(staff.disabledAt))),
  );
}

/** Parameters one delivery row binds (id, alert, channel, recipient, status, attempts, created_at). */
const DELIVERY_ROW_PARAMS = 7;

/** Inserts delivery rows (an existing alert/channel/recipient is kept as is); returns the new ids. */
export async function insertDeliveries(
  db: Db,
  rows: { alertId: string; channel: DeliveryChannel; recipient: string }[],
  now: number,
): Promise<string[]> {
  const inserted = await rowsInChunks(
    db,
    rows,
    (piece) =>
      db
        .insert(alertDeliveries)
        .values(piece.map((r) => ({ id: crypto.randomUUID(), ...r, createdAt: now })))
        .onConflictDoNothing()
        .returning({ id: alertDeliveries.id }),
    DELIVERY_ROW_PARAMS,
  );
  return inserted.map((r) => r.id);
}

export type DeliveryWork = {
  id: string;
  channel: DeliveryChannel;
  recipient: string;
  attempts: number;
  alert: AlertRow;
  young: { locale: string; dept: string | null; status: string | null } | null;
};

/**
 * What a claimed delivery sends (worker/leased-attempt.ts claims it): its channel and
 * recipient, the alert and the young person's locale; null when the row or its alert is gone.
 */
export async function deliveryWork(db: Db, id: string, attempts: number): Promise<DeliveryWork | null> {
  const [deliveryRows, alertRows, youngRows] = await db.batch([
    db
      .select({ channel: alertDeliveries.channel, recipient: alertDeliveries.recipient })
      .from(alertDeliveries)
      .where(eq(alertDeliveries.id, id)),
    db
      .select({ alert: alerts })
      .from(alerts)
      .innerJoin(alertDeliveries, eq(alertDeliveries.alertId, alerts.id))
      .where(eq(alertDeliveries.id, id)),
    db
      .select({ locale: youngPeople.locale, dept: youngPeople.dept, status: youngPeople.status })
      .from(youngPeople)
      .innerJoin(alerts, eq(alerts.youngId, youngPeople.id))
      .innerJoin(alertDeliveries, eq(alertDeliveries.alertId, alerts.id))
      .where(eq(alertDeliveries.id, id)),
  ]);
  const delivery = deliveryRows[0];
  const alert = alertRows[0]?.alert;
  if (!delivery || !alert) return null;
  return { id, ...delivery, attempts, alert, young: youngRows[0] ?? null };
}

/** Dead-lettered by the queue: failed for good, unless it was delivered meanwhile. */
export function markDeadLettered(db: Db, id: string): Promise<void> {
  return giveUpLeased(db, alertDeliveries, id);
}

/** Acknowledges an open alert; returns it when this call did it (not already acknowledged). */
export async function acknowledgeAlert(
  db: Db,
  alertId: string,
  staffId: string,
  now: number,
): Promise<AlertRow | null> {
  const rows = await db
    .update(alerts)
    .set({ acknowledgedAt: now, acknowledgedBy: staffId })
    .where(and(eq(alerts.id, alertId), isNull(alerts.acknowledgedAt)))
    .returning();
  return rows[0] ?? null;
}

export async function markYoungNotified(db: Db, alertIds: string[], now: number): Promise<void> {
  await batchRows(
    db,
    chunksOf(alertIds, 1, 1).map((piece) =>
      db
        .update(alerts)
        .set({ youngNotifiedAt: now })
        .where(and(inArray(alerts.id, piece), isNull(alerts.youngNotifiedAt)))
        .returning({ id: alerts.id }),
    ),
  );
}

/** Acknowledged alerts the young person was not told about yet: the engine shows a notice. */
export function youngNoticeStatement(db: Db, youngId: string, now: number) {
  return db
    .update(alerts)
    .set({ youngNotifiedAt: now })
    .where(
      and(
        eq(alerts.youngId, youngId),
        isNotNull(alerts.acknowledgedAt),
        isNull(alerts.youngNotifiedAt),
        inArray(alerts.kind, ["help", "crisis"]),
      ),
    );
}

/** Recent alerts that never got delivery rows (e.g. raised by the cron): to dispatch. */
export async function undispatchedAlerts(db: Db, since: number, limit = 200): Promise<string[]> {
  const rows = await db
    .select({ id: alerts.id })
    .from(alerts)
    .where(
      and(
        gt(alerts.createdAt, since),
        isNull(alerts.acknowledgedAt),
        sql`not exists (select 1 from ${alertDeliveries} where ${alertDeliveries.alertId} = ${alerts.id})`,
      ),
    )
    .limit(limit);
  return rows.map((r) => r.id);
}

/** Pending deliveries whose retry is long overdue (a lost queue message): to enqueue again. */
export function stalledDeliveries(db: Db, before: number, limit = 200): Promise<string[]> {
  return stalledLeased(db, alertDeliveries, before, limit);
}

/** A random UUID v4 computed by SQLite, for ids of rows inserted by `insert … select`. */
const SQL_UUID =
  sql.raw(`lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-'
  || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))`);

/**
 * Crisis alerts still unacknowledged after the delay (and less than a week old) get one
 * "escalation" alert each (subject = the crisis alert id), however many are due: one
 * statement with a fixed number of parameters. Returns the new escalation ids.
 */
export async function raiseEscalations(db: Db, createdBefore: number, now: number): Promise<string[]> {
  const rows = await db.all<{
    id: string;
  }>(sql`insert into ${alerts} (id, young_id, kind, severity, subject, created_at)
    select ${SQL_UUID}, c.young_id, 'escalation', 'severe', c.id, ${now} from ${alerts} c
    where c.kind = 'crisis' and c.acknowledged_at is null and c.created_at < ${createdBefore} and c.created_at > ${now - 7 * 24 * 3600 * 1000}
      and not exists (select 1 from ${alerts} e where e.kind = 'escalation' and e.subject = c.id)
    returning id`);
  return rows.map((r) => r.id);
}

// ---- Dashboard -------------------------------------------------------------------------

export type YoungSummary = {
  id: string;
  birth: string | null;
  status: string | null;
  dept: string | null;
  locale: string;
  lastActiveAt: number;
  done: number;
  skipped: number;
  linkedAt: number | null;
};

/** The young people a référent follows (an admin: everyone linked or with an alert). */
export async function youngPeopleFor(db: Db, viewer: { id: string; role: string }): Promise<YoungSummary[]> {
  const columns = {
    id: youngPeople.id,
    birth: youngPeople.birth,
    status: youngPeople.status,
    dept: youngPeople.dept,
    locale: youngPeople.locale,
    lastActiveAt: youngPeople.lastActiveAt,
    done: sql<number>`(select count(*) from ${roadmapProgress} where ${roadmapProgress.youngId} = ${PERSON_ID} and ${roadmapProgress.state} = 'done')`,
    skipped: sql<number>`(select count(*) from ${roadmapProgress} where ${roadmapProgress.youngId} = ${PERSON_ID} and ${roadmapProgress.state} = 'skipped')`,
  };
  if (viewer.role === "admin") {
    const rows = await db
      .select({
        ...columns,
        linkedAt: sql<
          number | null
        >`(select min(${referentLinks.createdAt}) from ${referentLinks} where ${referentLinks.youngId} = ${PERSON_ID})`,
      })
      .from(youngPeople)
      .where(
        sql`exists (select 1 from ${referentLinks} where ${referentLinks.youngId} = ${youngPeople.id}) or exists (select 1 from ${alerts} where ${alerts.youngId} = ${youngPeople.id})`,
      )
      .orderBy(desc(youngPeople.lastActiveAt))
      .limit(500);
    return rows.map((r) => ({ ...r, done: Number(r.done), skipped: Number(r.skipped) }));
  }
  const rows = await db
    .select({ ...columns, linkedAt: referentLinks.createdAt })
    .from(referentLinks)
    .innerJoin(youngPeople, eq(youngPeople.id, referentLinks.youngId))
    .where(eq(referentLinks.staffId, viewer.id))
    .orderBy(desc(youngPeople.lastActiveAt));
  return rows.map((r) => ({ ...r, done: Number(r.done), skipped: Number(r.skipped) }));
}

export type DashboardAlert = AlertRow & {
  undelivered: { channel: string; status: string; attempts: number; lastError: string | null }[];
};

/**
 * The alerts a staff member sees (a référent: those of the young people linked to them; an
 * admin: all), open first then newest, with deliveries not (yet) made. The young people are
 * a subquery, not a list of ids: the statement binds the same few parameters for 10 people
 * or 10 000.
 */
export async function alertsFor(db: Db, viewer: { id: string; role: string }, limit = 200): Promise<DashboardAlert[]> {
  const visible =
    viewer.role === "admin"
      ? sql`1 = 1`
      : sql`${alerts.youngId} in (select ${referentLinks.youngId} from ${referentLinks} where ${referentLinks.staffId} = ${viewer.id})`;
  const shown = db
    .select({ id: alerts.id })
    .from(alerts)
    .where(visible)
    .orderBy(sql`${alerts.acknowledgedAt} is not null`, desc(alerts.createdAt))
    .limit(limit);
  const [rows, deliveries] = await db.batch([
    db
      .select()
      .from(alerts)
      .where(visible)
      .orderBy(sql`${alerts.acknowledgedAt} is not null`, desc(alerts.createdAt))
      .limit(limit),
    db
      .select({
        alertId: alertDeliveries.alertId,
        channel: alertDeliveries.channel,
        status: alertDeliveries.status,
        attempts: alertDeliveries.attempts,
        lastError: alertDeliveries.lastError,
      })
      .from(alertDeliveries)
      .where(and(inArray(alertDeliveries.alertId, shown), sql`${alertDeliveries.status} <> 'delivered'`)),
  ]);
  const byAlert = new Map<string, DashboardAlert["undelivered"]>();
  for (const { alertId, ...d } of deliveries) {
    const list = byAlert.get(alertId);
    if (list) list.push(d);
    else byAlert.set(alertId, [d]);
  }
  return rows.map((a) => ({ ...a, undelivered: byAlert.get(a.id) ?? [] }));
}

export async function alertById(db: Db, id: string): Promise<AlertRow | null> {
  const rows = await db.select().from(alerts).where(eq(alerts.id, id)).limit(1);
  return rows[0] ?? null;
}
