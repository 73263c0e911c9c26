import { env } from "cloudflare:workers";

/** Row counts, to prove a rejected request stored nothing. */
export async function countRows(table: string): Promise<number> {
  const row = await env.DB.prepare(`select count(*) as n from ${table}`).first<{ n: number }>();
  return row?.n ?? 0;
}

export async function storedState(): Promise<Record<string, number>> {
  const tables = ["young_people", "identities", "telegram_updates", "alerts", "unanswered_questions"];
  const counts: Record<string, number> = {};
  for (const table of tables) counts[table] = await countRows(table);
  return counts;
}
