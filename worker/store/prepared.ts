import { fillPlaceholders } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { SQLitePreparedQuery } from "drizzle-orm/sqlite-core";
import type { Db } from "./db.ts";

/**
 * Statements of the turn path, built by drizzle once per isolate (with `sql.placeholder()`
 * for the values) instead of on every turn: building the same SQL again was ~15 % of the
 * Worker's CPU in the bench profile (BENCHMARKS.md). A turn only binds values and sends them
 * in one D1 batch; drizzle still maps the rows back.
 */
type Query = {
  getQuery(): { sql: string; params: unknown[] };
  mapResult(response: unknown, isFromBatch?: boolean): unknown;
};

export type Prepared<R> = { sql: string; params: unknown[]; query: Query; __result?: R };

/** The rows a drizzle prepared query returns. */
type RowsOf<Q> = Q extends { all(...args: never[]): Promise<infer R> } ? R : never;

/** `build` runs on first use only; the D1 binding it was built with is not kept. */
// biome-ignore lint/suspicious/noExplicitAny: any drizzle query fits; its rows type is taken from `all` (RowsOf).
export function prepareOnce<Q extends SQLitePreparedQuery<any>>(build: (db: Db) => Q): (db: Db) => Prepared<RowsOf<Q>> {
  type R = RowsOf<Q>;
  let made: Prepared<R> | undefined;
  return (db) => {
    if (!made) {
      const query = build(db) as unknown as Query;
      made = { ...query.getQuery(), query };
    }
    return made;
  };
}

export type Bound<R> = { statement: D1PreparedStatement; map: (result: D1Result) => R };

export function bind<R>(db: Db, prepared: Prepared<R>, values: Record<string, unknown>): Bound<R> {
  return {
    statement: db.$client.prepare(prepared.sql).bind(...fillPlaceholders(prepared.params, values)),
    map: (result) => prepared.query.mapResult(result, true) as R,
  };
}

/**
 * A one-off drizzle query (a write whose shape depends on the turn) as a D1 statement.
 * `BatchItem` is typed as a runnable query, but every drizzle builder in it has `toSQL()`.
 */
export function statementOf(db: Db, query: BatchItem<"sqlite">): D1PreparedStatement {
  const { sql, params } = (query as unknown as { toSQL(): { sql: string; params: unknown[] } }).toSQL();
  return db.$client.prepare(sql).bind(...params);
}
