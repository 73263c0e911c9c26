import { describe, expect, it } from "vitest";
import type { ContentBundle } from "../../../shared/content/model.ts";
import { REVIEW_PERIOD_DEFAULTS, addDays, reviewList } from "../../../shared/content/review.ts";
import { seedBundle, seedRoadmapRules } from "../../../shared/content/seed/index.ts";
import type { RoadmapRules } from "../../../shared/roadmap/rules.ts";

/** Review-by dates: `reviewedAt` + the period of the item's kind, overdue or within 30 days. */

const src = { sources: [], keywords: {}, resourceIds: [] };
const bundle: ContentBundle = {
  topics: [],
  steps: [
    { id: "old-step", topicId: "t", title: { fr: "Ancienne" }, body: { fr: "x" }, reviewedAt: "2025-01-10", ...src },
    { id: "soon-step", topicId: "t", title: { fr: "Bientôt" }, body: { fr: "x" }, reviewedAt: "2025-12-20", ...src },
    { id: "fresh-step", topicId: "t", title: { fr: "Récente" }, body: { fr: "x" }, reviewedAt: "2026-06-01", ...src },
  ],
  resources: [],
  faqs: [],
  letters: [{ ...seedBundle.letters![0]!, reviewedAt: "2026-06-01" }],
};
const rules: RoadmapRules = {
  ...seedRoadmapRules,
  steps: [{ ...seedRoadmapRules.steps.find((r) => r.id === "cjm-request")!, reviewedAt: undefined } as never],
};

describe("review-by dates", () => {
  it("should list what is overdue or due within 30 days, most overdue first, by each kind's period", () => {
    const periods = { ...REVIEW_PERIOD_DEFAULTS };
    const list = reviewList(bundle, rules, periods, "2026-12-03");
    expect(list.map((i) => [i.id, i.dueOn, i.overdue])).toEqual(
      [
        ["old-step", "2026-01-10", true],
        ["cjm-request", "2026-12-03", true], // a rule never reviewed: due now
        ["letter-cjm-request", "2026-11-28", true],
        ["soon-step", "2026-12-20", false],
      ].sort((a, b) => String(a[1]).localeCompare(String(b[1]))),
    );
    expect(list.find((i) => i.id === "fresh-step")).toBeUndefined();
  });

  it("should follow the Département's period for a kind", () => {
    const longer = reviewList(bundle, rules, { ...REVIEW_PERIOD_DEFAULTS, letter: 365, step: 800 }, "2026-12-03");
    expect(longer.map((i) => i.id)).toEqual(["cjm-request"]);
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
  });

  it("should have every seed item reviewed recently enough to be off the list today", () => {
    const list = reviewList(seedBundle, seedRoadmapRules, REVIEW_PERIOD_DEFAULTS, "2026-12-03");
    expect(list.filter((i) => i.overdue)).toEqual([]);
  });
});
