import { drizzle, type DrizzleD1Database } from "drizzle-orm/d1";

export type Db = DrizzleD1Database & { $client: D1Database };

const handles = new WeakMap<D1Database, Db>();

/** A drizzle handle on the D1 binding, made once per binding (the binding outlives requests). */
export function database(d1: D1Database): Db {
  let db = handles.get(d1);
  if (!db) {
    db = drizzle(d1);
    handles.set(d1, db);
  }
  return db;
}
