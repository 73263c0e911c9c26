import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { ALERT_KINDS, SEVERITIES } from "../alerts.ts";
import { CONTENT_KINDS } from "../content/model.ts";
import { PROGRESS_MARKS } from "../roadmap/compute.ts";

/**
 * The only description of the database. Times are UTC milliseconds since the epoch.
 * Everything about a young person hangs off `young_people.id` with ON DELETE CASCADE,
 * so "delete my data" is one statement.
 *
 * Each table is `/* @__PURE__ *\/ sqliteTable(name, () => columns, …)`: with no call left in
 * its arguments, a bundler may drop a table its Worker never names (the chat Worker names 18 of
 * the 27), so that Worker's isolates do not build the others at every start-up.
 */

export const youngPeople = /* @__PURE__ */ sqliteTable(
  "young_people",
  () => ({
    id: text("id").primaryKey(),
    locale: text("locale").notNull().default("fr"),
    /** YYYY-MM: month precision is enough for deadlines. */
    birth: text("birth"),
    status: text("status"),
    dept: text("dept"),
    enteredCare: text("entered_care"),
    /** YYYY-MM the residence permit ends, only if the young person gives it (dates the renewal). */
    permitExpiry: text("permit_expiry"),
    consentAt: integer("consent_at"),
    /** Conversation cursor (engine state), JSON validated on read. */
    cursor: text("cursor").notNull().default("{}"),
    /** Sensitive buttons the engine offered and still accepts (bot/offers.ts), JSON validated on read. */
    offers: text("offers").notNull().default("[]"),
    remindersOptOut: integer("reminders_opt_out", { mode: "boolean" }).notNull().default(false),
    createdAt: integer("created_at").notNull(),
    lastActiveAt: integer("last_active_at").notNull(),
    /**
     * Bumped by every change to what a turn reads about this person (this row, and by triggers
     * their identities, alerts, links, roadmap progress and reminders): an isolate that knows
     * the revision can skip the turn's read (worker/store/turns.ts).
     */
    revision: integer("revision").notNull().default(0),
    /** When the cron warned them (Telegram) that their profile will be deleted for inactivity. */
    purgeWarnedAt: integer("purge_warned_at"),
  }),
  (t) => [index("young_people_last_active").on(t.lastActiveAt)],
);

/**
 * Never holds a row: a turn written from an isolate's cached state first inserts NULL here
 * when the person, the content or the rules changed since, and the NOT NULL failure rolls
 * the whole batch back (the turn then reads and runs again).
 */
export const turnGuards = /* @__PURE__ */ sqliteTable("turn_guards", () => ({
  stale: integer("stale").notNull(),
}));

/** The channels a young person talks to us on. */
export const CHANNELS = ["telegram", "web", "whatsapp"] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * How a young person reaches us: a Telegram chat id, the SHA-256 of a web session token, or a
 * WhatsApp id (their phone number, which WhatsApp gives and which replies must be sent to).
 */
export const identities = /* @__PURE__ */ sqliteTable(
  "identities",
  () => ({
    channel: text("channel", { enum: CHANNELS }).notNull(),
    key: text("key").notNull(),
    youngId: text("young_id")
      .notNull()
      .references(() => youngPeople.id, { onDelete: "cascade" }),
    createdAt: integer("created_at").notNull(),
    /** Set when the young person blocked the bot: nothing is sent until they come back. */
    blockedAt: integer("blocked_at"),
  }),
  (t) => [primaryKey({ columns: [t.channel, t.key] }), index("identities_young").on(t.youngId)],
);

/**
 * Update ids already taken in: a retried update is not answered twice. Telegram's update ids
 * (0 and up), and WhatsApp message ids hashed to negative numbers (worker/whatsapp/update.ts),
 * so both channels share the turn's one idempotency check.
 */
export const telegramUpdates = /* @__PURE__ */ sqliteTable(
  "telegram_updates",
  () => ({
    updateId: integer("update_id").primaryKey(),
    receivedAt: integer("received_at").notNull(),
    // The cron's purge of old ids reads by time (without it: a table scan every run; bench:plans).
  }),
  (t) => [index("telegram_updates_received").on(t.receivedAt)],
);

export const alerts = /* @__PURE__ */ sqliteTable(
  "alerts",
  () => ({
    id: text("id").primaryKey(),
    youngId: text("young_id")
      .notNull()
      .references(() => youngPeople.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ALERT_KINDS }).notNull(),
    severity: text("severity", { enum: SEVERITIES }).notNull(),
    /** Optional words the young person chose to send; never their conversation. */
    message: text("message"),
    /** A short reference such as the crisis category or the overdue step id. */
    subject: text("subject"),
    createdAt: integer("created_at").notNull(),
    acknowledgedAt: integer("acknowledged_at"),
    acknowledgedBy: text("acknowledged_by"),
    youngNotifiedAt: integer("young_notified_at"),
  }),
  (t) => [
    index("alerts_young").on(t.youngId, t.createdAt),
    // The cron's dispatch sweep and escalations read recent alerts by time, and an escalation
    // looks its crisis alert up by subject (without them: table scans; bench:plans). Partial, on
    // escalations only: an index on (kind, subject) served "young_id = ? and kind = ?" by kind
    // alone, every alert of that kind for each person (the turn's open-help count, the deadline
    // scan), and one on (subject, kind) the deadline check by step, every person's alert for it.
    index("alerts_created").on(t.createdAt),
    index("alerts_escalated").on(t.subject).where(sql`${t.kind} = 'escalation'`),
  ],
);

/** Roadmap steps the young person marked done or "not for me". */
export const roadmapProgress = /* @__PURE__ */ sqliteTable(
  "roadmap_progress",
  () => ({
    youngId: text("young_id")
      .notNull()
      .references(() => youngPeople.id, { onDelete: "cascade" }),
    stepId: text("step_id").notNull(),
    state: text("state", { enum: PROGRESS_MARKS }).notNull(),
    updatedAt: integer("updated_at").notNull(),
  }),
  (t) => [primaryKey({ columns: [t.youngId, t.stepId] })],
);

/** Draft content, one row per item; `data` is the item JSON validated by shared/content/model.ts. */
export const contentItems = /* @__PURE__ */ sqliteTable(
  "content_items",
  () => ({
    kind: text("kind", { enum: CONTENT_KINDS }).notNull(),
    id: text("id").notNull(),
    data: text("data").notNull(),
    updatedAt: integer("updated_at").notNull(),
    updatedBy: text("updated_by"),
  }),
  (t) => [primaryKey({ columns: [t.kind, t.id] })],
);

/**
 * Each publication is a whole, validated snapshot: isolates cache it by version. Since 0015 its
 * three parts live in `publication_chunks` (below) and `snapshot` is empty. Rows written
 * before hold them here: `snapshot` (the bundle without keywords), `match_index` (built from
 * the keywords at publication), `keywords` (read only to rebuild an index of another matcher
 * version, for rollback and for the admin's diffs); before 0006 keywords and index were inline
 * in `snapshot` and both columns null.
 */
export const publications = /* @__PURE__ */ sqliteTable("publications", () => ({
  version: integer("version").primaryKey({ autoIncrement: true }),
  snapshot: text("snapshot").notNull(),
  keywords: text("keywords"),
  matchIndex: text("match_index"),
  createdAt: integer("created_at").notNull(),
  createdBy: text("created_by"),
  note: text("note"),
}));

/** `vocab`: the words an unanswered question may keep (bot/scrub.ts), since 0015 too. */
export const PUBLICATION_PARTS = ["snapshot", "keywords", "index", "vocab"] as const;

/**
 * A publication's parts cut into chunks (worker/store/publication-chunks.ts): D1 refuses a
 * string or row over 2 MB, which one row holding the whole publication passed at about 4 × the
 * seed content. A turn reads the snapshot's and the index's chunks in order, in one query.
 */
export const publicationChunks = /* @__PURE__ */ sqliteTable(
  "publication_chunks",
  () => ({
    version: integer("version")
      .notNull()
      .references(() => publications.version, { onDelete: "cascade" }),
    part: text("part", { enum: PUBLICATION_PARTS }).notNull(),
    seq: integer("seq").notNull(),
    body: text("body").notNull(),
  }),
  (t) => [primaryKey({ columns: [t.version, t.part, t.seq] })],
);

/**
 * Questions nobody could answer, scrubbed (bot/scrub.ts), asked by at least the configured
 * number of distinct people (UNANSWERED_MIN_PEOPLE), counted, with no link to who asked: the
 * only rows editors see. `count` is how many times it was asked.
 */
export const unansweredQuestions = /* @__PURE__ */ sqliteTable(
  "unanswered_questions",
  () => ({
    text: text("text").primaryKey(),
    locale: text("locale").notNull(),
    count: integer("count").notNull().default(1),
    lastSeenAt: integer("last_seen_at").notNull(),
    /** The item the bot answered with when a young person said "ce n'est pas ma question" ("faq:<id>"); null otherwise. */
    answered: text("answered"),
    // The insight page and the retention job read by time.
  }),
  (t) => [index("unanswered_questions_seen").on(t.lastSeenAt)],
);

/**
 * A scrubbed unanswered question while fewer distinct people than the threshold asked it: tied
 * to who asked (so it is exported and deleted with them), never shown to editors. When enough
 * distinct people asked the same text, it moves to `unanswered_questions` and these rows go.
 */
export const unansweredAskers = /* @__PURE__ */ sqliteTable(
  "unanswered_askers",
  () => ({
    text: text("text").notNull(),
    youngId: text("young_id")
      .notNull()
      .references(() => youngPeople.id, { onDelete: "cascade" }),
    locale: text("locale").notNull(),
    askedAt: integer("asked_at").notNull(),
    /** As in `unanswered_questions`: the item given to a question marked "ce n'est pas ma question". */
    answered: text("answered"),
  }),
  (t) => [
    primaryKey({ columns: [t.text, t.youngId] }),
    index("unanswered_askers_young").on(t.youngId),
    index("unanswered_askers_at").on(t.askedAt),
  ],
);

/** Anonymous daily counters (topics opened, onboarding stages reached): no user id. */
export const eventCounts = /* @__PURE__ */ sqliteTable(
  "event_counts",
  () => ({
    day: text("day").notNull(),
    event: text("event").notNull(),
    key: text("key").notNull().default(""),
    count: integer("count").notNull().default(0),
  }),
  (t) => [primaryKey({ columns: [t.day, t.event, t.key] })],
);

// ---------------------------------------------------------------------------------------
// Staff (éducateurs référents, admins, editors), their sessions, links and alert deliveries.

/**
 * A team of référents: where its alerts go. Unset settings fall back to the deployment-wide
 * env vars (ALERT_WEBHOOK_URL/SECRET, BACKUP_TELEGRAM_CHAT_ID, BACKUP_EMAIL).
 */
export const teams = /* @__PURE__ */ sqliteTable("teams", () => ({
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  /** https URL receiving the HMAC-signed alert POST. */
  webhookUrl: text("webhook_url"),
  /** Stored as given: a shared secret the receiver needs to verify the signature. */
  webhookSecret: text("webhook_secret"),
  /** Backup contact for escalations of unacknowledged crisis alerts. */
  backupTelegramChatId: text("backup_telegram_chat_id"),
  backupEmail: text("backup_email"),
  createdAt: integer("created_at").notNull(),
}));

export const STAFF_ROLES = ["admin", "editor", "referent"] as const;
export const staff = /* @__PURE__ */ sqliteTable("staff", () => ({
  id: text("id").primaryKey(),
  /** Lower-cased; the login name. */
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  role: text("role", { enum: STAFF_ROLES }).notNull(),
  /** Self-describing PBKDF2 string (worker/auth/password.ts); null: Cloudflare Access only. */
  passwordHash: text("password_hash"),
  /** Unused since sign-in limits moved to login_throttle (a per-account lock kept staff out); reset with the password. */
  failedLogins: integer("failed_logins").notNull().default(0),
  lockedUntil: integer("locked_until"),
  /** The référent's own Telegram chat, linked with a one-time code, for alerts. */
  telegramChatId: text("telegram_chat_id").unique(),
  createdAt: integer("created_at").notNull(),
  disabledAt: integer("disabled_at"),
  /** The référent's team (alert webhook, backup contact); null: the env defaults. */
  teamId: text("team_id").references(() => teams.id, { onDelete: "set null" }),
}));

/** A staff login: the cookie holds a random token, only its SHA-256 is stored. */
export const staffSessions = /* @__PURE__ */ sqliteTable(
  "staff_sessions",
  () => ({
    tokenHash: text("token_hash").primaryKey(),
    staffId: text("staff_id")
      .notNull()
      .references(() => staff.id, { onDelete: "cascade" }),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
    // The retention job deletes expired sessions by time (worker/store/retention.ts).
  }),
  (t) => [index("staff_sessions_staff").on(t.staffId), index("staff_sessions_expires").on(t.expiresAt)],
);

/**
 * Sign-in attempts counted per key in fixed windows (worker/store/login-throttle.ts): per
 * address, and per address and e-mail (its SHA-256, never the e-mail itself). Nothing here
 * names a person; rows past their window are deleted as attempts come.
 */
export const loginThrottle = /* @__PURE__ */ sqliteTable(
  "login_throttle",
  () => ({
    key: text("key").primaryKey(),
    windowStart: integer("window_start").notNull(),
    count: integer("count").notNull(),
  }),
  (t) => [index("login_throttle_window").on(t.windowStart)],
);

/** Who did what in the staff pages; kept when the staff account is deleted. */
export const auditLog = /* @__PURE__ */ sqliteTable(
  "audit_log",
  () => ({
    id: integer("id").primaryKey({ autoIncrement: true }),
    staffId: text("staff_id"),
    action: text("action").notNull(),
    target: text("target"),
    details: text("details"),
    at: integer("at").notNull(),
    // An erasure clears the targets that name the person or their alerts (worker/store/privacy.ts).
  }),
  (t) => [index("audit_log_at").on(t.at), index("audit_log_target").on(t.target)],
);

/** One-time codes (stored hashed): "young" links a young person, "telegram" a référent's own chat. */
export const linkCodes = /* @__PURE__ */ sqliteTable(
  "link_codes",
  () => ({
    codeHash: text("code_hash").primaryKey(),
    purpose: text("purpose", { enum: ["young", "telegram"] }).notNull(),
    staffId: text("staff_id")
      .notNull()
      .references(() => staff.id, { onDelete: "cascade" }),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
    usedAt: integer("used_at"),
    // The retention job deletes codes by expiry (worker/store/retention.ts).
  }),
  (t) => [index("link_codes_staff").on(t.staffId), index("link_codes_expires").on(t.expiresAt)],
);

/** A référent follows a young person (who confirmed it in the chat). */
export const referentLinks = /* @__PURE__ */ sqliteTable(
  "referent_links",
  () => ({
    staffId: text("staff_id")
      .notNull()
      .references(() => staff.id, { onDelete: "cascade" }),
    youngId: text("young_id")
      .notNull()
      .references(() => youngPeople.id, { onDelete: "cascade" }),
    createdAt: integer("created_at").notNull(),
    /** The référent's private name for this young person (shown to that référent only); goes with the link. */
    nickname: text("nickname"),
  }),
  (t) => [primaryKey({ columns: [t.staffId, t.youngId] }), index("referent_links_young").on(t.youngId)],
);

/**
 * A référent's short reply from the dashboard, to be delivered on the young person's channel.
 * The text is kept only until it is delivered, then erased: the row stays as "replied".
 *  - pending: to send now (Telegram, WhatsApp) through the delivery queue, retried with backoff;
 *  - held: shown at the young person's next turn (web chat; WhatsApp when its 24-hour window
 *    was closed and the approved template told them a reply waits; a channel that failed);
 *  - replied: delivered, the text and the name erased.
 */
export const REPLY_CHANNELS = ["telegram", "whatsapp", "web"] as const;
export const REPLY_STATUSES = ["pending", "held", "replied"] as const;
export const referentReplies = /* @__PURE__ */ sqliteTable(
  "referent_replies",
  () => ({
    id: text("id").primaryKey(),
    youngId: text("young_id")
      .notNull()
      .references(() => youngPeople.id, { onDelete: "cascade" }),
    staffId: text("staff_id").references(() => staff.id, { onDelete: "set null" }),
    /** Who wrote it, as the young person reads it (kept with the text only). */
    staffName: text("staff_name"),
    text: text("text"),
    channel: text("channel", { enum: REPLY_CHANNELS }).notNull(),
    status: text("status", { enum: REPLY_STATUSES }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    createdAt: integer("created_at").notNull(),
    deliveredAt: integer("delivered_at"),
  }),
  (t) => [
    index("referent_replies_young").on(t.youngId, t.status),
    // The cron's sweep of replies whose queue message was lost.
    index("referent_replies_pending").on(t.status, t.createdAt),
  ],
);

/**
 * The columns of a row delivered by the queue with a lease, attempts and a backoff (alert
 * deliveries, review digest e-mails): stored first, then claimed and settled by
 * worker/store/leased-deliveries.ts. `next_attempt_at` is the lease's end while an attempt holds
 * the row (no `last_error`), or when to try again after a failure (`last_error` set). Called
 * inside each table's column thunk, so a table no Worker names can still be dropped.
 */
export const DELIVERY_STATUSES = ["pending", "delivered", "failed"] as const;
function leasedDeliveryColumns() {
  return {
    status: text("status", { enum: DELIVERY_STATUSES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    nextAttemptAt: integer("next_attempt_at"),
    deliveredAt: integer("delivered_at"),
    createdAt: integer("created_at").notNull(),
  };
}

/** One row per alert and channel and recipient: what was delivered, and what was not. */
export const DELIVERY_CHANNELS = ["telegram", "webhook", "email", "young_telegram", "young_whatsapp"] as const;
export const alertDeliveries = /* @__PURE__ */ sqliteTable(
  "alert_deliveries",
  () => ({
    id: text("id").primaryKey(),
    alertId: text("alert_id")
      .notNull()
      .references(() => alerts.id, { onDelete: "cascade" }),
    channel: text("channel", { enum: DELIVERY_CHANNELS }).notNull(),
    /**
     * Staff id (telegram, email), "team:<team id>" / "team" (webhook of a team / the env default),
     * "backup:<team id>" / "backup" (escalation: a team's / the env backup contact), or "young"
     * (notice sent back to the young person).
     */
    recipient: text("recipient").notNull(),
    ...leasedDeliveryColumns(),
  }),
  (t) => [
    uniqueIndex("alert_deliveries_unique").on(t.alertId, t.channel, t.recipient),
    index("alert_deliveries_status").on(t.status),
  ],
);

/**
 * The weekly review digest by e-mail (worker/review-digest.ts), one row per editor or admin and
 * week: stored first, then delivered by the queue with the alerts' e-mail sender and retries;
 * the key makes a rerun of Monday's cron send nothing twice. The text lists content to review,
 * never anything about a young person.
 */
export const digestDeliveries = /* @__PURE__ */ sqliteTable(
  "digest_deliveries",
  () => ({
    id: text("id").primaryKey(),
    staffId: text("staff_id")
      .notNull()
      .references(() => staff.id, { onDelete: "cascade" }),
    /** The Monday (Paris date) of the digest. */
    week: text("week").notNull(),
    text: text("text").notNull(),
    ...leasedDeliveryColumns(),
  }),
  (t) => [
    uniqueIndex("digest_deliveries_unique").on(t.staffId, t.week),
    index("digest_deliveries_status").on(t.status, t.createdAt),
  ],
);

/**
 * Full history of draft content: one row per change of one item (who, when, before/after JSON).
 * `localeTimes` is the item's cumulative "last edited" time per locale after this change, so
 * the latest row tells whether a translation is older than the French text.
 */
export const contentRevisions = /* @__PURE__ */ sqliteTable(
  "content_revisions",
  () => ({
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind", { enum: CONTENT_KINDS }).notNull(),
    itemId: text("item_id").notNull(),
    action: text("action", { enum: ["create", "update", "delete", "import", "rollback"] }).notNull(),
    before: text("before"),
    after: text("after"),
    localeTimes: text("locale_times").notNull().default("{}"),
    at: integer("at").notNull(),
    /** Staff id (or "seed"), and the name shown at the time. */
    by: text("by"),
    byName: text("by_name"),
  }),
  (t) => [index("content_revisions_item").on(t.kind, t.itemId, t.id)],
);

/**
 * History of the roadmap rules (worker/store/roadmap-history.ts): one row per save, publication
 * or rollback, with the rules before and after and, per step id, the cumulative "last edited"
 * time per locale after it, so a step's translation older than its French is marked. A save
 * stores its rules once, in `after`; its `before` is the `after` of the row `before_id` names,
 * and a publication's both are rows' `after` (`before_id`, `after_id`): the JSON is in `before`
 * only when no row holds it (the first change; rows written before migration 0022 hold both).
 * The current draft is the latest row's `after` (or `after_id`'s).
 */
export const roadmapRulesRevisions = /* @__PURE__ */ sqliteTable("roadmap_rules_revisions", () => ({
  id: integer("id").primaryKey({ autoIncrement: true }),
  action: text("action", { enum: ["save", "publish", "rollback"] }).notNull(),
  before: text("before"),
  after: text("after"),
  beforeId: integer("before_id"),
  afterId: integer("after_id"),
  stepLocaleTimes: text("step_locale_times").notNull().default("{}"),
  at: integer("at").notNull(),
  /** Staff id (or "seed"), and the name shown at the time. */
  by: text("by"),
  byName: text("by_name"),
}));

/**
 * Editable settings with a draft and a published value (e.g. the roadmap rules per département).
 * The roadmap rules' draft is not here but in their history (null since migration 0022).
 */
export const contentSettings = /* @__PURE__ */ sqliteTable("content_settings", () => ({
  key: text("key").primaryKey(),
  draft: text("draft"),
  published: text("published"),
  updatedAt: integer("updated_at").notNull(),
  updatedBy: text("updated_by"),
  publishedAt: integer("published_at"),
  publishedBy: text("published_by"),
  /** The value published before the current one, and when: whom a publication changed things for (worker/reminders.ts). */
  previousPublished: text("previous_published"),
  previousPublishedAt: integer("previous_published_at"),
}));

/**
 * Roadmap reminders already given (sent on Telegram by the cron, or shown in the chat):
 * the key makes a rerun send nothing twice; `sent_at` limits Telegram to one message a day.
 */
export const remindersSent = /* @__PURE__ */ sqliteTable(
  "reminders_sent",
  () => ({
    youngId: text("young_id")
      .notNull()
      .references(() => youngPeople.id, { onDelete: "cascade" }),
    stepId: text("step_id").notNull(),
    /** "before-30", "before-7", "overdue"… */
    kind: text("kind").notNull(),
    channel: text("channel", { enum: ["telegram", "chat", "whatsapp", "web"] }).notNull(),
    sentAt: integer("sent_at").notNull(),
  }),
  (t) => [
    primaryKey({ columns: [t.youngId, t.stepId, t.kind] }),
    index("reminders_sent_young_at").on(t.youngId, t.sentAt),
  ],
);

/**
 * A web chat user's Web Push subscription (issue 17): the push service's endpoint and the
 * browser's keys that encrypt each message (worker/push/). Given only when they opt in from the
 * chat; exported and erased with them; dropped when the push service says it is gone (404/410).
 */
export const pushSubscriptions = /* @__PURE__ */ sqliteTable(
  "push_subscriptions",
  () => ({
    endpoint: text("endpoint").primaryKey(),
    youngId: text("young_id")
      .notNull()
      .references(() => youngPeople.id, { onDelete: "cascade" }),
    p256dh: text("p256dh").notNull(),
    auth: text("auth").notNull(),
    createdAt: integer("created_at").notNull(),
  }),
  (t) => [index("push_subscriptions_young").on(t.youngId)],
);
