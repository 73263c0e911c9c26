import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { tableScans, unselectiveCorrelatedSearches } from "../../../bench/lib/plan-checks.ts";
import { raiseEscalations } from "../../../worker/store/alerts.ts";
import { database } from "../../../worker/store/db.ts";
import { peopleWithDates, reminderCandidates } from "../../../worker/store/roadmap.ts";
import { loadTurn } from "../../../worker/store/turns.ts";

/**
 * The statements whose cost must not grow with the Département: a turn's read and the cron's
 * per-person scans. Their SQL is recorded as the store sends it (a D1 that remembers what it was
 * asked, then answers as the real one), then explained by SQLite. Plans do not depend on the
 * rows here (no ANALYZE statistics), so an empty D1 shows what 100 000 young people would get
 * (bench:plans runs every statement of the turn path and the cron on a populated one).
 */
function recordingDb(): { DB: D1Database; seen: Map<string, unknown[]> } {
  const seen = new Map<string, unknown[]>();
  const real = env.DB;
  const DB = new Proxy(real, {
    get(target, prop) {
      if (prop === "prepare") {
        return (query: string) => {
          const statement = target.prepare(query);
          seen.set(query, []);
          return new Proxy(statement, {
            get(s, p) {
              if (p === "bind") {
                return (...values: unknown[]) => {
                  seen.set(query, values);
                  return s.bind(...values);
                };
              }
              const value = Reflect.get(s, p) as unknown;
              return typeof value === "function" ? value.bind(s) : value;
            },
          });
        };
      }
      const value = Reflect.get(target, prop) as unknown;
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { DB, seen };
}

async function plansOf(seen: Map<string, unknown[]>) {
  const plans: { sql: string; scans: string[]; perRow: string[]; sorted: boolean }[] = [];
  for (const [sql, params] of seen) {
    const { results } = await env.DB.prepare(`explain query plan ${sql}`)
      .bind(...params)
      .all<{ id: number; parent: number; detail: string }>();
    // A page sorted after the fact has read every matching row to keep `limit` of them.
    plans.push({
      sql: sql.slice(0, 80),
      scans: tableScans(results),
      perRow: unselectiveCorrelatedSearches(results),
      sorted: results.some((r) => /TEMP B-TREE FOR ORDER BY/.test(r.detail)),
    });
  }
  return plans;
}

describe("query plans of the turn and the cron's scans", () => {
  it("should read a turn's person through indexes keyed by the person (no search by alert kind alone)", async () => {
    const { DB, seen } = recordingDb();
    await loadTurn(database(DB), { channel: "telegram", key: "4242" }, 1);
    const plans = await plansOf(seen);
    expect(plans.length).toBeGreaterThan(0);
    expect(plans.filter((p) => p.scans.length > 0 || p.perRow.length > 0)).toEqual([]);
  });

  it("should page the cron's reminder and deadline scans in index order, and escalations, through indexes keyed by row", async () => {
    const { DB, seen } = recordingDb();
    const db = database(DB);
    await reminderCandidates(db, 0);
    await peopleWithDates(db, "");
    await raiseEscalations(db, Date.now(), Date.now());
    const plans = await plansOf(seen);
    expect(plans).toHaveLength(3);
    expect(plans.filter((p) => p.scans.length > 0 || p.perRow.length > 0)).toEqual([]);
    // The two scans page in index order, reading a page's worth of people each time.
    expect(plans.slice(0, 2).filter((p) => p.sorted)).toEqual([]);
  });
});
