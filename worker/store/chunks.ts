import type { BatchItem } from "drizzle-orm/batch";
import type { Db } from "./db.ts";

/**
 * D1 refuses a statement binding more than 100 parameters ("too many SQL variables"), so a
 * query whose parameter count grows with data (an `inArray` over ids, a multi-row insert) is
 * split into statements that each fit, sent together in one batch (one round trip, and one
 * transaction for writes).
 */
export const MAX_BOUND_PARAMS = 100;

/**
 * `list` in pieces that each fit one statement, when every element binds `perElement`
 * parameters and the rest of the statement binds `others`.
 */
export function chunksOf<T>(list: readonly T[], perElement = 1, others = 0): T[][] {
  const size = Math.floor((MAX_BOUND_PARAMS - others) / perElement);
  if (size < 1)
    throw new Error(`one element (${perElement} parameters) does not fit a statement beside ${others} others`);
  const pieces: T[][] = [];
  for (let i = 0; i < list.length; i += size) pieces.push(list.slice(i, i + size));
  return pieces;
}

/** A drizzle query that both runs alone (awaited) and in a batch, giving rows of `T`. */
type RowsQuery<T> = BatchItem<"sqlite"> & PromiseLike<T[]>;

/** Runs the queries in one batch (none: no round trip) and concatenates their rows. */
export async function batchRows<T>(db: Db, queries: RowsQuery<T>[]): Promise<T[]> {
  if (queries.length === 0) return [];
  if (queries.length === 1) return await queries[0]!;
  const results = await db.batch(queries as unknown as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
  return (results as unknown as T[][]).flat();
}

/** The query built for each piece of `list` (see `chunksOf`), run in one batch. */
export function rowsInChunks<E, T>(
  db: Db,
  list: readonly E[],
  build: (piece: E[]) => RowsQuery<T>,
  perElement = 1,
  others = 0,
): Promise<T[]> {
  return batchRows(db, chunksOf(list, perElement, others).map(build));
}
