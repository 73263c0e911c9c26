import type { Db } from "./db.ts";

/**
 * Unanswered questions (already scrubbed by the engine, bot/scrub.ts) on their way to the
 * content team. A text is held in `unanswered_askers`, tied to who asked it (exported and
 * deleted with them), until `minPeople` distinct people asked the same text; then it moves to
 * `unanswered_questions` with no link to anyone, and editors see it. Four statements, in the
 * turn's own write batch (atomic), only on a turn that recorded a question. `answered`: the
 * item the bot had given when the young person said "ce n'est pas ma question" (a miss), kept
 * beside the text so editors see which answer was wrong.
 */
export function recordUnansweredStatements(
  db: Db,
  q: { text: string; youngId: string; locale: string; at: number; minPeople: number; answered?: string },
): D1PreparedStatement[] {
  const d1 = db.$client;
  const answered = q.answered ?? null;
  return [
    // Already shown: one more time asked.
    d1
      .prepare(
        "update unanswered_questions set count = count + 1, last_seen_at = ?2, answered = coalesce(?3, answered) where text = ?1",
      )
      .bind(q.text, q.at, answered),
    // Not shown yet: this person asked it (once per person).
    d1
      .prepare(`insert into unanswered_askers (text, young_id, locale, asked_at, answered) select ?1, ?2, ?3, ?4, ?5
      where not exists (select 1 from unanswered_questions where text = ?1)
      on conflict (text, young_id) do update set asked_at = excluded.asked_at,
        answered = coalesce(excluded.answered, unanswered_askers.answered)`)
      .bind(q.text, q.youngId, q.locale, q.at, answered),
    // Enough distinct people: shown, counted, anonymous.
    d1
      .prepare(`insert into unanswered_questions (text, locale, count, last_seen_at, answered)
      select ?1, ?2, count(*), max(asked_at), max(answered) from unanswered_askers where text = ?1 having count(*) >= ?3
      on conflict (text) do nothing`)
      .bind(q.text, q.locale, q.minPeople),
    d1
      .prepare(
        "delete from unanswered_askers where text = ?1 and exists (select 1 from unanswered_questions where text = ?1)",
      )
      .bind(q.text),
  ];
}

/** Drops shown questions not asked since `before`, and held ones asked before it. */
export async function pruneUnanswered(db: Db, before: number): Promise<{ unanswered: number }> {
  const [shown, held] = await db.$client.batch([
    db.$client.prepare("delete from unanswered_questions where last_seen_at < ?1").bind(before),
    db.$client.prepare("delete from unanswered_askers where asked_at < ?1").bind(before),
  ]);
  return { unanswered: (shown!.meta.changes ?? 0) + (held!.meta.changes ?? 0) };
}
