import type { ProgressMark } from "../../shared/roadmap/compute.ts";
import type { Db } from "./db.ts";

type Profile = {
  id: string;
  locale: string;
  birth: string | null;
  status: string | null;
  dept: string | null;
  enteredCare: string | null;
  permitExpiry: string | null;
  [column: string]: unknown;
};

/**
 * Everything stored about one young person, for them to read (right of access, issue 22
 * finding 11): every column of every row tied to them, directly or through their alerts, with
 * times as ISO dates and who each staff id is. tests/worker/privacy/export.test.ts checks it
 * against every table of the schema that refers to a person.
 */
export async function exportYoungPerson(db: Db, youngId: string) {
  const d1 = db.$client;
  const q = (sql: string) => d1.prepare(sql).bind(youngId);
  const [people, identities, alerts, deliveries, progress, reminders, referents, questions, replies, push] =
    await d1.batch<Record<string, unknown>>([
      q(`select id, locale, birth, status, dept, entered_care as enteredCare, permit_expiry as permitExpiry, consent_at as consentAt, cursor, offers,
        reminders_opt_out as remindersOptOut, created_at as createdAt, last_active_at as lastActiveAt, purge_warned_at as purgeWarnedAt
      from young_people where id = ?1`),
      q(
        "select channel, key, created_at as createdAt, blocked_at as blockedAt from identities where young_id = ?1 order by created_at",
      ),
      q(`select a.id, a.kind, a.severity, a.subject, a.message, a.created_at as createdAt, a.acknowledged_at as acknowledgedAt,
        a.acknowledged_by as acknowledgedBy, s.name as acknowledgedByName, a.young_notified_at as youngNotifiedAt
      from alerts a left join staff s on s.id = a.acknowledged_by where a.young_id = ?1 order by a.created_at`),
      q(`select d.id, d.alert_id as alertId, d.channel, d.recipient, coalesce(s.name, t.name) as recipientName, d.status, d.attempts,
        d.last_error as lastError, d.next_attempt_at as nextAttemptAt, d.delivered_at as deliveredAt, d.created_at as createdAt
      from alert_deliveries d join alerts a on a.id = d.alert_id
        left join staff s on s.id = d.recipient
        left join teams t on d.recipient like '%:%' and t.id = substr(d.recipient, instr(d.recipient, ':') + 1)
      where a.young_id = ?1 order by d.created_at, d.id`),
      q(
        "select step_id as stepId, state, updated_at as updatedAt from roadmap_progress where young_id = ?1 order by step_id",
      ),
      q(
        "select step_id as stepId, kind, channel, sent_at as sentAt from reminders_sent where young_id = ?1 order by sent_at",
      ),
      q(`select s.name, s.id as staffId, l.created_at as linkedAt, l.nickname from referent_links l join staff s on s.id = l.staff_id
      where l.young_id = ?1 order by l.created_at`),
      q(
        "select text, locale, asked_at as askedAt, answered from unanswered_askers where young_id = ?1 order by asked_at",
      ),
      q(`select r.id, r.staff_id as staffId, r.staff_name as staffName, s.name as referentName, r.text, r.channel, r.status, r.attempts,
        r.last_error as lastError, r.created_at as createdAt, r.delivered_at as deliveredAt
      from referent_replies r left join staff s on s.id = r.staff_id where r.young_id = ?1 order by r.created_at`),
      q(
        "select endpoint, p256dh, auth, created_at as createdAt from push_subscriptions where young_id = ?1 order by created_at",
      ),
    ]);
  const person = people!.results[0];
  if (!person) return null;
  const rows = (r: D1Result<Record<string, unknown>> | undefined) => (r?.results ?? []).map(withDates);
  const alertRows = rows(alerts);
  const deliveryRows = rows(deliveries);
  return {
    about:
      "Tout ce que Passerelle garde sur toi. Passerelle ne garde pas tes messages, seulement les mots que tu as choisi d'envoyer à ton référent. / Everything Passerelle keeps about you; it does not keep your messages.",
    exportedAt: new Date().toISOString(),
    profile: { ...withDates(person), remindersOptOut: Boolean(person.remindersOptOut) } as unknown as Profile,
    /** How you reach Passerelle: a Telegram chat id, or a fingerprint (SHA-256) of the web chat's key. */
    identities: rows(identities),
    /** Requests and alerts to your référent, with the crisis category, who saw them and where they were sent. */
    requestsToReferent: alertRows.map((a) => ({ ...a, deliveries: deliveryRows.filter((d) => d.alertId === a.id) })),
    roadmap: rows(progress) as { stepId: string; state: ProgressMark; updatedAt: string }[],
    remindersSent: rows(reminders),
    /** Who can see your profile, roadmap progress and requests (never your messages), and the name they gave you in their list. */
    referents: rows(referents),
    /** Short replies your référents wrote you: the text until you received it, then only that they replied. */
    referentReplies: rows(replies),
    /** Questions nobody could answer, as kept (scrubbed), while too few people asked them to be shown to the team. */
    unansweredQuestions: rows(questions),
    /** The phones where you asked for reminders (web chat): the address of each one's push service and its keys. */
    pushSubscriptions: rows(push),
  };
}

export type YoungPersonExport = NonNullable<Awaited<ReturnType<typeof exportYoungPerson>>>;

/** Every `…At` column is a time in milliseconds: shown as an ISO date. */
function withDates(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    out[key] = key.endsWith("At") && typeof value === "number" ? new Date(value).toISOString() : value;
  }
  return out;
}
