import worker from "../worker/index.ts";

/**
 * Bench-only entry: the real Worker, with the D1 binding wrapped in a counting proxy when
 * the BENCH_COUNT_D1 var is "true", and GET/DELETE /__bench/d1 to read/reset the counts.
 * Without the var it is the Worker unchanged. Never deployed (wrangler.toml's main is
 * worker/index.ts); only `wrangler dev bench/worker-entry.ts` by the bench uses it.
 *
 * A round trip is one call that goes to D1: batch(), or first/all/run/raw on a statement,
 * or exec(). Statements count the SQL statements those round trips carried.
 */
type Counts = { roundTrips: number; statements: number; batches: number; single: number; rowsRead: number; rowsWritten: number };
const counts: Counts = { roundTrips: 0, statements: 0, batches: 0, single: 0, rowsRead: 0, rowsWritten: 0 };
/** Distinct env objects seen: tells whether per-isolate caches keyed by env can hit. */
const envObjects = new Set<object>();

function addMeta(result: unknown): void {
  const meta = (result as { meta?: { rows_read?: number; rows_written?: number } } | null)?.meta;
  counts.rowsRead += meta?.rows_read ?? 0;
  counts.rowsWritten += meta?.rows_written ?? 0;
}

function countStatement<T extends D1PreparedStatement>(statement: T): T {
  const s = statement as unknown as Record<string, (...args: unknown[]) => unknown>;
  const bind = s.bind!.bind(statement);
  s.bind = (...args: unknown[]) => countStatement(bind(...args) as T);
  for (const method of ["first", "all", "run", "raw"]) {
    const original = s[method]!.bind(statement);
    s[method] = (...args: unknown[]) => {
      counts.roundTrips++;
      counts.single++;
      counts.statements++;
      const out = original(...args) as Promise<unknown>;
      return method === "run" || method === "all" ? out.then((r) => (addMeta(r), r)) : out;
    };
  }
  return statement;
}

function countingD1(db: D1Database): D1Database {
  return {
    prepare: (query: string) => countStatement(db.prepare(query)),
    batch: (statements: D1PreparedStatement[]) => {
      counts.roundTrips++;
      counts.batches++;
      counts.statements += statements.length;
      return db.batch(statements).then((results) => {
        for (const r of results) addMeta(r);
        return results;
      });
    },
    exec: (query: string) => {
      counts.roundTrips++;
      counts.statements++;
      return db.exec(query);
    },
    dump: () => db.dump(),
    withSession: (...args: Parameters<D1Database["withSession"]>) => db.withSession(...args),
  } as D1Database;
}

// One wrapped env per runtime env object, so per-isolate caches keyed by env keep working.
const wrapped = new WeakMap<object, Env>();
function countingEnv(env: Env): Env {
  if (envObjects.size < 1000) envObjects.add(env);
  let w = wrapped.get(env);
  if (!w) {
    w = { ...env, DB: countingD1(env.DB) };
    wrapped.set(env, w);
  }
  return w;
}

const enabled = (env: Env) => (env as unknown as { BENCH_COUNT_D1?: string }).BENCH_COUNT_D1 === "true";

export default {
  fetch(request, env, ctx) {
    if (!enabled(env)) return worker.fetch(request, env, ctx);
    if (new URL(request.url).pathname === "/__bench/d1") {
      const snapshot = { ...counts, envObjects: envObjects.size };
      if (request.method === "DELETE") Object.assign(counts, { roundTrips: 0, statements: 0, batches: 0, single: 0, rowsRead: 0, rowsWritten: 0 });
      return Response.json(snapshot);
    }
    return worker.fetch(request, countingEnv(env), ctx);
  },
  scheduled: (controller, env) => worker.scheduled(controller, enabled(env) ? countingEnv(env) : env),
  queue: (batch, env) => worker.queue(batch, enabled(env) ? countingEnv(env) : env),
} satisfies ExportedHandler<Env>;
