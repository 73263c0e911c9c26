/**
 * What `npm run bench:plans` fails on, read from `EXPLAIN QUERY PLAN` rows (pure, tested in
 * tests/bench/lib/plan-checks.test.ts).
 */
export type PlanRow = { id: number; parent: number; detail: string };

/** "SCAN t" without an index is a full table scan; json_each, subqueries and CTEs are not tables. */
export function tableScans(plan: PlanRow[] | undefined): string[] {
  return (plan ?? [])
    .map((p) => p.detail)
    .filter(
      (d) =>
        /^SCAN /.test(d) &&
        !/USING (COVERING )?INDEX|USING INTEGER PRIMARY KEY|^SCAN (json_each|CONSTANT ROW|\d+-ROW VALUES CLAUSE)|^SCAN \w+ VIRTUAL TABLE/.test(
          d,
        ) &&
        !/^SCAN (SUBQUERY|\(subquery)/.test(d),
    );
}

/** Columns with a handful of values: an index search on them alone reads a share of the table. */
const FEW_VALUES = new Set(["kind", "channel", "status", "severity", "state", "role"]);

/**
 * Searches that run once per outer row (inside a correlated subquery) but are keyed only by a
 * column with a handful of values: not a table scan, yet O(table) per row. Migration 0010's
 * alerts(kind, subject) index made SQLite serve "young_id = ? and kind = 'help'" that way:
 * every help alert of the Département read for each turn, every deadline alert per person in
 * the cron's scan (60 s of D1 CPU an hour at 100 000 young people).
 */
export function unselectiveCorrelatedSearches(plan: PlanRow[] | undefined): string[] {
  const rows = plan ?? [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const correlated = (row: PlanRow): boolean => {
    for (let p = byId.get(row.parent); p; p = byId.get(p.parent)) if (/^CORRELATED /.test(p.detail)) return true;
    return false;
  };
  return rows
    .filter((r) => {
      const keys = /^SEARCH \S+ USING (?:COVERING )?INDEX \S+ \((.*)\)$/.exec(r.detail)?.[1];
      if (!keys || !correlated(r)) return false;
      const columns = keys.split(" AND ").map((k) => k.replace(/[=<>].*$/, "").trim());
      return columns.every((c) => FEW_VALUES.has(c));
    })
    .map((r) => r.detail);
}
