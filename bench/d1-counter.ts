/**
 * Bench-only: wraps a Worker so its D1 calls are counted when the BENCH_COUNT_D1 var is
 * "true", with GET/DELETE /__bench/d1 to read/reset the counts. The bench serves such a
 * counted instance beside each measured one (bench/worker-entry.ts for Passerelle,
 * bench/peer/counted.ts for the peer): counting never weighs on the measured loads.
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

type Counted = Record<string, (...args: unknown[]) => unknown>;

/**
 * Counting is installed once on the prototypes of the runtime's D1 classes, so that the
 * Worker gets its env unchanged and no statement is wrapped.
 */
let counting = false;
let installed = false;
function installCounting(db: D1Database): void {
  if (installed) return;
  installed = true;
  const statementProto = Object.getPrototypeOf(db.prepare("select 1")) as Counted;
  for (const method of ["first", "all", "run", "raw"]) {
    const original = statementProto[method]!;
    statementProto[method] = function (this: unknown, ...args: unknown[]) {
      const out = original.apply(this, args) as Promise<unknown>;
      if (!counting) return out;
      counts.roundTrips++;
      counts.single++;
      counts.statements++;
      return method === "run" || method === "all" ? out.then((r) => (addMeta(r), r)) : out;
    };
  }
  const dbProto = Object.getPrototypeOf(db) as Counted;
  const batch = dbProto.batch!;
  dbProto.batch = function (this: unknown, statements: unknown) {
    const out = batch.call(this, statements) as Promise<unknown[]>;
    if (!counting) return out;
    counts.roundTrips++;
    counts.batches++;
    counts.statements += (statements as unknown[]).length;
    return out.then((results) => {
      for (const r of results) addMeta(r);
      return results;
    });
  };
  const exec = dbProto.exec!;
  dbProto.exec = function (this: unknown, query: unknown) {
    if (counting) {
      counts.roundTrips++;
      counts.statements++;
    }
    return exec.call(this, query);
  };
}

type WithDb = { DB: D1Database };
const enabled = (env: WithDb) => (env as unknown as { BENCH_COUNT_D1?: string }).BENCH_COUNT_D1 === "true";

/** Turns counting on for this invocation when the env asks for it. */
export function countOn<E extends WithDb>(env: E): boolean {
  counting = enabled(env);
  if (counting) installCounting(env.DB);
  return counting;
}

/** The Worker's fetch with /__bench/d1 in front and D1 counted (when the env asks for it). */
export function countedFetch<E extends WithDb>(fetch: (request: Request, env: E, ctx: ExecutionContext) => Response | Promise<Response>) {
  return (request: Request, env: E, ctx: ExecutionContext): Response | Promise<Response> => {
    if (!countOn(env)) return fetch(request, env, ctx);
    if (envObjects.size < 1000) envObjects.add(env);
    if (new URL(request.url).pathname === "/__bench/d1") {
      const snapshot = { ...counts, envObjects: envObjects.size };
      if (request.method === "DELETE") Object.assign(counts, { roundTrips: 0, statements: 0, batches: 0, single: 0, rowsRead: 0, rowsWritten: 0 });
      return Response.json(snapshot);
    }
    return fetch(request, env, ctx);
  };
}
