import { describe, expect, it } from "vitest";
import { targetLines } from "../../../bench/lib/report.ts";

describe("the bench's target lines", () => {
  it("should mark a value at or under its limit met and one over it missed, by how much", () => {
    const { lines, missed } = targetLines([
      { what: "p50 latency, Passerelle / peer", value: 0.84, limit: 1, unit: "×" },
      { what: "bundle", value: 150, limit: 150, unit: " KB" },
      { what: "start-up", value: 21.5, limit: 20, unit: " ms" },
    ]);
    expect(lines).toEqual([
      "  ✓  p50 latency, Passerelle / peer: 0.84× (≤ 1×)",
      "  ✓  bundle: 150 KB (≤ 150 KB)",
      "  ✗  start-up: 21.5 ms (≤ 20 ms, over by 1.5 ms)",
    ]);
    expect(missed).toEqual(["start-up"]);
  });

  it("should never count a missing measure as met, nor judge a target outside its layout", () => {
    const { lines, missed } = targetLines([
      { what: "cold turn", value: Number.NaN, limit: 5, unit: " ms" },
      { what: "ratio, D1 apart", value: 2.8, limit: 1.5, unit: "×", applies: false },
    ]);
    expect(missed).toEqual(["cold turn"]);
    expect(lines[1]).toContain("judged with --d1-apart only");
  });
});
