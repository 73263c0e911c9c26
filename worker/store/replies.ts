import { and, desc, eq, sql } from "drizzle-orm";
import { identities, referentLinks, referentReplies, youngPeople } from "../../shared/db/schema.ts";
import type { Db } from "./db.ts";

/**
 * Référents' replies from the dashboard (shared/db/schema.ts `referent_replies`): the text is
 * kept until it is delivered, then erased; the row stays as "replied" (no text).
 * And the référent's private nickname for a young person, on their link row.
 */

export type ReplyChannel = (typeof referentReplies.$inferSelect)["channel"];

/** The channel a reply reaches the young person on: Telegram, else WhatsApp, else the web chat. */
export async function replyChannelOf(db: Db, youngId: string): Promise<ReplyChannel> {
  const rows = await db
    .select({ channel: identities.channel })
    .from(identities)
    .where(and(eq(identities.youngId, youngId), sql`${identities.blockedAt} is null`));
  const channels = new Set(rows.map((r) => r.channel));
  return channels.has("telegram") ? "telegram" : channels.has("whatsapp") ? "whatsapp" : "web";
}

/** Stores a reply: pending (sent now through the queue) on Telegram and WhatsApp, held (next turn) on the web. */
export async function createReply(
  db: Db,
  reply: { youngId: string; staffId: string; staffName: string; text: string; channel: ReplyChannel },
  now: number,
): Promise<string> {
  const id = crypto.randomUUID();
  await db.insert(referentReplies).values({
    id,
    ...reply,
    status: reply.channel === "web" ? "held" : "pending",
    createdAt: now,
  });
  return id;
}

export type ReplyWork = {
  id: string;
  youngId: string;
  staffName: string | null;
  text: string;
  channel: ReplyChannel;
  attempts: number;
  locale: string;
};

/** A pending reply to send, its attempt counted; null once it is no longer pending (sent, held or gone). */
export async function claimReply(db: Db, id: string): Promise<ReplyWork | null> {
  const rows = await db
    .update(referentReplies)
    .set({ attempts: sql`${referentReplies.attempts} + 1` })
    .where(and(eq(referentReplies.id, id), eq(referentReplies.status, "pending")))
    .returning({
      id: referentReplies.id,
      youngId: referentReplies.youngId,
      staffName: referentReplies.staffName,
      text: referentReplies.text,
      channel: referentReplies.channel,
      attempts: referentReplies.attempts,
    });
  const row = rows[0];
  if (!row || row.text === null) return null;
  const person = await db
    .select({ locale: youngPeople.locale })
    .from(youngPeople)
    .where(eq(youngPeople.id, row.youngId))
    .limit(1);
  return { ...row, text: row.text, locale: person[0]?.locale ?? "fr" };
}

/** Delivered: the text and the name go, "replied" stays. */
export async function finishReply(db: Db, id: string, now: number): Promise<void> {
  await db
    .update(referentReplies)
    .set({ status: "replied", text: null, staffName: null, deliveredAt: now, lastError: null })
    .where(eq(referentReplies.id, id));
}

/** Kept for the young person's next turn (WhatsApp's template told them a reply waits; or not reachable now). */
export async function holdReply(db: Db, id: string, error?: string): Promise<void> {
  await db
    .update(referentReplies)
    .set({ status: "held", lastError: error ?? null })
    .where(and(eq(referentReplies.id, id), eq(referentReplies.status, "pending")));
}

export async function noteReplyError(db: Db, id: string, error: string): Promise<void> {
  await db.update(referentReplies).set({ lastError: error }).where(eq(referentReplies.id, id));
}

/** The statement a turn adds to its write batch once it showed held replies: delivered, text erased. */
export function shownRepliesStatement(db: Db, youngId: string, ids: string[], now: number) {
  return db
    .update(referentReplies)
    .set({ status: "replied", text: null, staffName: null, deliveredAt: now })
    .where(
      and(
        eq(referentReplies.youngId, youngId),
        eq(referentReplies.status, "held"),
        sql`${referentReplies.id} in (select value from json_each(${JSON.stringify(ids)}))`,
      ),
    );
}

/** A référent's last reply to each young person they follow (newest first), for the dashboard. */
export async function lastRepliesBy(db: Db, staffId: string) {
  const rows = await db
    .select({
      youngId: referentReplies.youngId,
      status: referentReplies.status,
      createdAt: referentReplies.createdAt,
      deliveredAt: referentReplies.deliveredAt,
    })
    .from(referentReplies)
    .where(eq(referentReplies.staffId, staffId))
    .orderBy(desc(referentReplies.createdAt))
    .limit(2000);
  const last = new Map<string, (typeof rows)[number]>();
  for (const row of rows) if (!last.has(row.youngId)) last.set(row.youngId, row);
  return last;
}

/** Sets (or clears, with null) a référent's nickname for a young person linked to them; false if not linked. */
export async function setNickname(db: Db, staffId: string, youngId: string, nickname: string | null): Promise<boolean> {
  const rows = await db
    .update(referentLinks)
    .set({ nickname })
    .where(and(eq(referentLinks.staffId, staffId), eq(referentLinks.youngId, youngId)))
    .returning({ youngId: referentLinks.youngId });
  return rows.length > 0;
}

/** This référent's nicknames, by young person (nobody else's: an admin sees their own only). */
export async function nicknamesOf(db: Db, staffId: string): Promise<Map<string, string>> {
  const rows = await db
    .select({ youngId: referentLinks.youngId, nickname: referentLinks.nickname })
    .from(referentLinks)
    .where(and(eq(referentLinks.staffId, staffId), sql`${referentLinks.nickname} is not null`));
  return new Map(rows.map((r) => [r.youngId, r.nickname!]));
}

/** The young people linked to this staff member (an admin sees more than these, but replies only to these). */
export async function linkedYoungIds(db: Db, staffId: string): Promise<Set<string>> {
  const rows = await db
    .select({ youngId: referentLinks.youngId })
    .from(referentLinks)
    .where(eq(referentLinks.staffId, staffId));
  return new Set(rows.map((r) => r.youngId));
}

/** Pending replies never attempted since `before`: their queue message was lost (at most `limit`). */
export async function lostReplies(db: Db, before: number, limit = 100): Promise<string[]> {
  const rows = await db
    .select({ id: referentReplies.id })
    .from(referentReplies)
    .where(
      and(
        eq(referentReplies.status, "pending"),
        eq(referentReplies.attempts, 0),
        sql`${referentReplies.createdAt} < ${before}`,
      ),
    )
    .limit(limit);
  return rows.map((r) => r.id);
}
