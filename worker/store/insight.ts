import { desc, gte, sql } from "drizzle-orm";
import { eventCounts, unansweredQuestions } from "../../shared/db/schema.ts";
import { ONBOARDING_STAGES } from "../../bot/state.ts";
import type { Db } from "./db.ts";

/**
 * Anonymous, aggregated insight for content managers: questions nobody could answer, and daily
 * event counters. Nothing here can be linked to a young person (the tables hold no user id).
 */

/** `answered`: the item the bot gave when young people said "ce n'est pas ma question" ("faq:<id>"), else null. */
export type Unanswered = { text: string; locale: string; count: number; lastSeenAt: number; answered: string | null };
export type Counted = { key: string; count: number };
export type Insight = { since: string; unanswered: Unanswered[]; events: Record<string, Counted[]> };

/** The onboarding stages in the order a young person meets them (funnel order). */
export const FUNNEL_STAGES = ["start", ...ONBOARDING_STAGES, "done"] as const;

export async function loadInsight(db: Db, now: Date, days = 30, limit = 50): Promise<Insight> {
  const since = new Date(now.getTime() - days * 86_400_000).toISOString().slice(0, 10);
  const [unanswered, events] = await db.batch([
    db
      .select()
      .from(unansweredQuestions)
      .where(gte(unansweredQuestions.lastSeenAt, Date.parse(since)))
      .orderBy(desc(unansweredQuestions.count), desc(unansweredQuestions.lastSeenAt))
      .limit(limit),
    db
      .select({ event: eventCounts.event, key: eventCounts.key, count: sql<number>`sum(${eventCounts.count})` })
      .from(eventCounts)
      .where(gte(eventCounts.day, since))
      .groupBy(eventCounts.event, eventCounts.key),
  ]);
  const grouped: Record<string, Counted[]> = {};
  for (const row of events) (grouped[row.event] ??= []).push({ key: row.key, count: Number(row.count) });
  for (const [event, rows] of Object.entries(grouped)) {
    if (event === "onboarding") {
      const rank = (k: string) => {
        const i = (FUNNEL_STAGES as readonly string[]).indexOf(k);
        return i < 0 ? 99 : i;
      };
      rows.sort((a, b) => rank(a.key) - rank(b.key));
    } else {
      rows.sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
    }
  }
  return { since, unanswered, events: grouped };
}
