import { describe, expect, it } from "vitest";
import { tableScans, unselectiveCorrelatedSearches, type PlanRow } from "../../../bench/lib/plan-checks.ts";

// Plans as SQLite 3.4x prints them for the turn's person query (worker/store/turns.ts).
const withKindIndex: PlanRow[] = [
  { id: 2, parent: 0, detail: "SEARCH y USING COVERING INDEX sqlite_autoindex_young_people_1 (id=?)" },
  { id: 5, parent: 0, detail: "CORRELATED SCALAR SUBQUERY 1" },
  { id: 9, parent: 5, detail: "SEARCH alerts USING INDEX alerts_kind_subject (kind=?)" },
  { id: 20, parent: 0, detail: "CORRELATED SCALAR SUBQUERY 2" },
  { id: 24, parent: 20, detail: "SEARCH alerts USING INDEX alerts_young (young_id=? AND created_at>?)" },
];

describe("the query plan checks of bench:plans", () => {
  it("should flag a correlated subquery searched by kind alone, not one keyed by the person", () => {
    expect(unselectiveCorrelatedSearches(withKindIndex)).toEqual([
      "SEARCH alerts USING INDEX alerts_kind_subject (kind=?)",
    ]);
    expect(unselectiveCorrelatedSearches(withKindIndex.filter((r) => r.id !== 9))).toEqual([]);
  });

  it("should not flag a search by kind at the top level (a bounded sweep, not per row)", () => {
    expect(
      unselectiveCorrelatedSearches([
        { id: 3, parent: 0, detail: "SEARCH alert_deliveries USING INDEX alert_deliveries_status (status=?)" },
      ]),
    ).toEqual([]);
  });

  it("should flag a table scan but not a search, a covering index scan or json_each", () => {
    expect(
      tableScans([
        { id: 2, parent: 0, detail: "SCAN alerts" },
        { id: 3, parent: 0, detail: "SCAN young_people USING COVERING INDEX young_people_last_active" },
        { id: 4, parent: 0, detail: "SCAN json_each VIRTUAL TABLE INDEX 1:" },
        { id: 5, parent: 0, detail: "SEARCH alerts USING INDEX alerts_young (young_id=?)" },
      ]),
    ).toEqual(["SCAN alerts"]);
  });
});
