import { env } from "cloudflare:workers";
import { getTableName, is } from "drizzle-orm";
import { SQLiteTable } from "drizzle-orm/sqlite-core";
import * as schema from "../../shared/db/schema.ts";

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

/** Every table of shared/db/schema.ts, from the module itself (a new table is in it at once). */
export function schemaTables(): string[] {
  return (Object.values(schema) as unknown[])
    .filter((v): v is SQLiteTable => is(v, SQLiteTable))
    .map((t) => getTableName(t));
}

/** Row counts of every table of the schema. */
export async function everyTableCount(): Promise<Record<string, number>> {
  const tables = schemaTables();
  const rows = await env.DB.batch(tables.map((t) => env.DB.prepare(`select count(*) as n from ${t}`)));
  return Object.fromEntries(tables.map((t, i) => [t, Number((rows[i]!.results[0] as { n: number }).n)]));
}

/**
 * Counts every row inserted, updated or deleted in any table of the schema from now on
 * (test-only triggers in this file's D1): `writes()` is the total so far, outside the `apart`
 * tables, whose writes `apartWrites()` counts (a sign-in's throttle counters, which a refused
 * attempt writes on purpose). A rolled-back batch rolls its count back too, so a refused
 * request that writes nothing leaves both unchanged.
 */
export async function countWrites(
  options: { apart?: readonly string[] } = {},
): Promise<{ writes: () => Promise<number>; apartWrites: () => Promise<number> }> {
  const apart = options.apart ?? [];
  const statements = [
    "create table if not exists test_writes (n integer not null, apart integer not null default 0)",
    "insert into test_writes (n) select 0 where not exists (select 1 from test_writes)",
  ];
  for (const table of schemaTables()) {
    const column = apart.includes(table) ? "apart" : "n";
    for (const op of ["insert", "update", "delete"]) {
      statements.push(
        `create trigger if not exists test_writes_${table}_${op} after ${op} on ${table} begin update test_writes set ${column} = ${column} + 1; end`,
      );
    }
  }
  await env.DB.batch(statements.map((s) => env.DB.prepare(s)));
  const read = async (column: "n" | "apart") =>
    Number((await env.DB.prepare(`select ${column} as v from test_writes`).first<{ v: number }>())?.v ?? 0);
  return { writes: () => read("n"), apartWrites: () => read("apart") };
}

/** The tables (every one in sqlite_master, search indexes included) where any row holds one of `needles`. */
export async function tablesHolding(...needles: string[]): Promise<string[]> {
  const { results } = await env.DB.prepare(
    "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '_cf_%'",
  ).all<{ name: string }>();
  const found: string[] = [];
  for (const { name } of results) {
    const rows = await env.DB.prepare(`select * from "${name}"`).all();
    const dump = JSON.stringify(rows.results);
    if (needles.some((n) => dump.includes(n))) found.push(name);
  }
  return found;
}
