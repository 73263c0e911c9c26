/**
 * Bench-only: wraps a Worker so its D1 calls are counted when the BENCH_COUNT_D1 var is
 * "true", with GET/DELETE /__bench/d1 to read/reset the counts. The bench serves such a
 * counted instance beside each measured one (bench/worker-entry.ts for Passerelle,
 * bench/peer/counted.ts for the peer): counting never weighs on the measured loads.
 *
 * A round trip is one call that goes to D1: batch(), or first/all/run/raw on a statement,
 * or exec(). Statements count the SQL statements those round trips carried. Every `fetch`
 * and queue send is counted too (subrequests), and every distinct SQL text is kept for
 * POST /__bench/explain (`EXPLAIN QUERY PLAN` of each, bench/scale/plans.ts).
 */
export type Counts = {
  roundTrips: number;
  statements: number;
  batches: number;
  single: number;
  rowsRead: number;
  rowsWritten: number;
  fetches: number;
  queueSends: number;
  queueMessages: number;
};
const zero = (): Counts => ({
  roundTrips: 0,
  statements: 0,
  batches: 0,
  single: 0,
  rowsRead: 0,
  rowsWritten: 0,
  fetches: 0,
  queueSends: 0,
  queueMessages: 0,
});
const counts: Counts = zero();
/**
 * Every distinct SQL text run since the last reset, with how often and the values of its first
 * run: what `EXPLAIN QUERY PLAN` is asked about (POST /__bench/explain, bench/scale/plans.ts).
 */
const seen = new Map<string, { runs: number; params: unknown[] }>();
const statementSql = new WeakMap<object, { sql: string; params: unknown[] }>();
function see(statement: unknown): void {
  const s = statementSql.get(statement as object);
  if (!s) return;
  const entry = seen.get(s.sql);
  if (entry) entry.runs++;
  else if (seen.size < 500) seen.set(s.sql, { runs: 1, params: s.params });
}
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
  const dbProto = Object.getPrototypeOf(db) as Counted;
  const prepare = dbProto.prepare!;
  dbProto.prepare = function (this: unknown, sql: unknown) {
    const statement = prepare.call(this, sql) as object;
    statementSql.set(statement, { sql: String(sql), params: [] });
    return statement;
  };
  const bindValues = statementProto.bind!;
  statementProto.bind = function (this: object, ...values: unknown[]) {
    const bound = bindValues.apply(this, values) as object;
    const s = statementSql.get(this);
    if (s) statementSql.set(bound, { sql: s.sql, params: values });
    return bound;
  };
  for (const method of ["first", "all", "run", "raw"]) {
    const original = statementProto[method]!;
    statementProto[method] = function (this: unknown, ...args: unknown[]) {
      const out = original.apply(this, args) as Promise<unknown>;
      if (!counting) return out;
      see(this);
      counts.roundTrips++;
      counts.single++;
      counts.statements++;
      return method === "run" || method === "all"
        ? out.then((r) => {
            addMeta(r);
            return r;
          })
        : out;
    };
  }
  const batch = dbProto.batch!;
  dbProto.batch = function (this: unknown, statements: unknown) {
    const out = batch.call(this, statements) as Promise<unknown[]>;
    if (!counting) return out;
    for (const statement of statements as unknown[]) see(statement);
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

/** Subrequests besides D1: every `fetch` (the Bot API, webhooks) and every queue send. */
let subrequestsInstalled = false;
function installSubrequestCounting(env: object): void {
  if (subrequestsInstalled) return;
  subrequestsInstalled = true;
  const fetch = globalThis.fetch;
  globalThis.fetch = function (this: unknown, ...args: Parameters<typeof fetch>) {
    if (counting) counts.fetches++;
    return fetch.apply(this, args);
  } as typeof fetch;
  const queue = (env as { DELIVERIES?: object }).DELIVERIES;
  if (!queue) return;
  const proto = Object.getPrototypeOf(queue) as Counted;
  for (const method of ["send", "sendBatch"]) {
    const original = proto[method]!;
    proto[method] = function (this: unknown, ...args: unknown[]) {
      if (counting) {
        counts.queueSends++;
        counts.queueMessages += method === "send" ? 1 : (args[0] as unknown[]).length;
      }
      if (capturing) {
        if (method === "send")
          captured.push({
            body: args[0],
            delaySeconds: (args[1] as { delaySeconds?: number } | undefined)?.delaySeconds ?? 0,
          });
        else
          for (const m of args[0] as { body: unknown; delaySeconds?: number }[])
            captured.push({
              body: m.body,
              delaySeconds: m.delaySeconds ?? (args[1] as { delaySeconds?: number } | undefined)?.delaySeconds ?? 0,
            });
        return Promise.resolve();
      }
      return original.apply(this, args);
    };
  }
}

/**
 * BENCH_CAPTURE_QUEUE = "true": queue sends are kept here instead of sent (GET /__bench/queued
 * takes them), so bench/scale/cron.ts plays the Queues runtime and measures each consumer
 * invocation on its own, as it does each scheduled one.
 */
let capturing = false;
const captured: { body: unknown; delaySeconds: number }[] = [];

/** `EXPLAIN QUERY PLAN` of every SQL text seen, with the values of its first run. */
async function explainSeen(db: D1Database) {
  const plans = [];
  for (const [sql, { runs, params }] of seen) {
    try {
      const { results } = await db
        .prepare(`explain query plan ${sql}`)
        .bind(...params)
        .all<{ id: number; parent: number; detail: string }>();
      plans.push({ sql, runs, plan: results.map((r) => ({ id: r.id, parent: r.parent, detail: r.detail })) });
    } catch (error) {
      plans.push({ sql, runs, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return plans;
}

type WithDb = { DB: D1Database };
const enabled = (env: WithDb) => (env as unknown as { BENCH_COUNT_D1?: string }).BENCH_COUNT_D1 === "true";

/** Turns counting on for this invocation when the env asks for it. */
export function countOn<E extends WithDb>(env: E): boolean {
  counting = enabled(env);
  capturing = (env as unknown as { BENCH_CAPTURE_QUEUE?: string }).BENCH_CAPTURE_QUEUE === "true";
  if (counting) {
    installCounting(env.DB);
    installSubrequestCounting(env);
  }
  return counting;
}

/** The Worker's fetch with /__bench/d1 in front and D1 counted (when the env asks for it). */
export function countedFetch<E extends WithDb>(
  fetch: (request: Request, env: E, ctx: ExecutionContext) => Response | Promise<Response>,
) {
  return (request: Request, env: E, ctx: ExecutionContext): Response | Promise<Response> => {
    if (!countOn(env)) return fetch(request, env, ctx);
    if (envObjects.size < 1000) envObjects.add(env);
    const path = new URL(request.url).pathname;
    if (path === "/__bench/d1") {
      const snapshot = { ...counts, envObjects: envObjects.size };
      if (request.method === "DELETE") {
        Object.assign(counts, zero());
        seen.clear();
      }
      return Response.json(snapshot);
    }
    if (path === "/__bench/query" && request.method === "POST") {
      // Bench-only: counts and checks after a run (this entry is never deployed).
      counting = false;
      return request
        .json()
        .then(async (body) => Response.json((await env.DB.prepare((body as { sql: string }).sql).all()).results));
    }
    if (path === "/__bench/queued") {
      return Response.json(captured.splice(0, captured.length));
    }
    if (path === "/__bench/explain") {
      counting = false;
      return explainSeen(env.DB).then((plans) => Response.json(plans));
    }
    return fetch(request, env, ctx);
  };
}
