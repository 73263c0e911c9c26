import type { Db } from "./db.ts";

/** SQL behind "see my data", "delete my data" and the retention purge. */

/** The person behind a web token's hash; `expired` when they were last active before `idleSince`. */
export async function webPerson(
  db: Db,
  key: string,
  idleSince: number,
): Promise<{ id: string; expired: boolean } | null> {
  const row = await db.$client
    .prepare(`select y.id as id, y.last_active_at as lastActiveAt from identities i join young_people y on y.id = i.young_id
    where i.channel = 'web' and i.key = ?1`)
    .bind(key)
    .first<{ id: string; lastActiveAt: number }>();
  return row ? { id: row.id, expired: row.lastActiveAt < idleSince } : null;
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
    linksOfStatement(db, ids),
    d1
      .prepare(`update audit_log set target = null where target in
      (select value from json_each(?1) union all select id from alerts where young_id in (select value from json_each(?1)))`)
      .bind(list),
    d1.prepare("delete from young_people where id in (select value from json_each(?1))").bind(list),
  ];
}
export const LINKS_AT = 0;

/** Who follows these people (read before a deletion or an unlink, to tell them). */
export function linksOfStatement(db: Db, ids: string[]): D1PreparedStatement {
  return db.$client
    .prepare(`select l.young_id as youngId, s.id as staffId, s.telegram_chat_id as telegramChatId
      from referent_links l join staff s on s.id = l.staff_id where l.young_id in (select value from json_each(?1))`)
    .bind(JSON.stringify(ids));
}

/** Erases these people and everything tied to them; returns who followed them. */
export async function erasePeople(db: Db, ids: string[]): Promise<EndedLink[]> {
  if (ids.length === 0) return [];
  const results = await db.$client.batch(eraseStatements(db, ids));
  return results[LINKS_AT]!.results as EndedLink[];
}

export async function deleteYoungPerson(db: Db, youngId: string): Promise<EndedLink[]> {
  return erasePeople(db, [youngId]);
}
