import type { Db } from "./db.ts";

/**
 * SQL of the retention jobs (worker/retention.ts): each kind of data pruned after its own
 * setting (worker/config.ts, RETENTION_DEFAULTS). Lists of ids travel as one JSON parameter
 * (`json_each`), so no statement grows past D1's 100 bound parameters.
 */

/** At most this many people are warned or erased per cron run (the next run takes the rest). */
export const PEOPLE_PER_RUN = 500;

/** A Telegram chat or WhatsApp number we may still write to (not blocked, not unreachable). */
const REACHABLE = `exists (select 1 from identities i where i.young_id = young_people.id and i.channel in ('telegram', 'whatsapp') and i.blocked_at is null)`;

export type ToWarn = { id: string; locale: string; channel: "telegram" | "whatsapp"; chatId: string };

/** People silent since `before`, reachable on Telegram or WhatsApp, not warned since they were last active. */
export async function peopleToWarn(db: Db, before: number): Promise<ToWarn[]> {
  // CROSS JOIN keeps young_people outside: the silent ones by index, then their chats (not every chat).
  const { results } = await db.$client
    .prepare(`select y.id as id, y.locale as locale, i.channel as channel, i.key as chatId
    from young_people y cross join identities i on i.young_id = y.id and i.channel in ('telegram', 'whatsapp') and i.blocked_at is null
    where y.last_active_at < ?1 and (y.purge_warned_at is null or y.purge_warned_at < y.last_active_at)
    limit ${PEOPLE_PER_RUN}`)
    .bind(before)
    .all<ToWarn>();
  return results;
}

export async function markWarned(db: Db, ids: string[], at: number): Promise<void> {
  if (ids.length === 0) return;
  await db.$client
    .prepare("update young_people set purge_warned_at = ?2 where id in (select value from json_each(?1))")
    .bind(JSON.stringify(ids), at)
    .run();
}

/**
 * People whose profile has expired: silent since `before` and either warned at least
 * `warnedBy` ago (after their last activity) or not reachable to be warned on Telegram (a
 * WhatsApp business message outside the 24-hour window needs an approved template); and web-only
 * people whose session token expired (silent since `webBefore`: nobody can reach that profile
 * again). Ids only: they are erased by `eraseStatements` (worker/store/privacy.ts).
 */
export async function expiredPeople(
  db: Db,
  c: { before: number; warnedBy: number; webBefore: number },
): Promise<string[]> {
  // Two index ranges on last_active_at (an OR across them would scan the table).
  const { results } = await db.$client
    .prepare(`select id from young_people where last_active_at < ?1
      and (not ${REACHABLE} or (purge_warned_at > last_active_at and purge_warned_at <= ?2))
    union select id from young_people where last_active_at < ?3
      and not exists (select 1 from identities i where i.young_id = young_people.id and i.channel <> 'web')
    limit ${PEOPLE_PER_RUN}`)
    .bind(c.before, c.warnedBy, c.webBefore)
    .all<{ id: string }>();
  return results.map((r) => r.id);
}

/** The staff-side and technical records, each older than its own limit. */
export async function pruneRecords(
  db: Db,
  c: { updatesBefore: number; alertsBefore: number; auditBefore: number; sessionsBefore: number; codesBefore: number },
): Promise<Record<string, number>> {
  const d1 = db.$client;
  const results = await d1.batch([
    d1.prepare("delete from telegram_updates where received_at < ?1").bind(c.updatesBefore),
    // Alerts with nothing left to deliver (their deliveries go with them); looked up by alert, not by status.
    d1
      .prepare(`delete from alerts where created_at < ?1
      and not exists (select 1 from alert_deliveries d indexed by alert_deliveries_unique where d.alert_id = alerts.id and d.status = 'pending')`)
      .bind(c.alertsBefore),
    d1.prepare("delete from audit_log where at < ?1").bind(c.auditBefore),
    d1.prepare("delete from staff_sessions where expires_at < ?1").bind(c.sessionsBefore),
    // A code is used before it expires: "expired before" covers used codes too.
    d1.prepare("delete from link_codes where expires_at < ?1").bind(c.codesBefore),
    // Review digests to staff, done (delivered or failed for good), kept as long as alerts' deliveries.
    d1
      .prepare("delete from digest_deliveries where status in ('delivered', 'failed') and created_at < ?1")
      .bind(c.alertsBefore),
  ]);
  const [updates, alerts, audit, sessions, codes, digests] = results.map((r) => r.meta.changes ?? 0);
  return {
    updates: updates!,
    alerts: alerts!,
    audit: audit!,
    sessions: sessions!,
    codes: codes!,
    digests: digests!,
  };
}
