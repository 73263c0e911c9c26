import { describe, expect, it } from "vitest";
import { handle } from "../../../bot/engine.ts";
import type { ConversationState } from "../../../bot/state.ts";
import type { ContentSnapshot } from "../../../shared/content/model.ts";
import { computeRoadmap } from "../../../shared/roadmap/compute.ts";
import { seedRules } from "../../support/content.ts";

const NOW = new Date("2026-03-10T10:00:00Z");
const content: ContentSnapshot = { version: 1, topics: [], steps: [], resources: [], faqs: [] };
const rules = seedRules();

function atStatus(profile: ConversationState["profile"], extra: Partial<ConversationState> = {}): ConversationState {
  return {
    youngId: "y1",
    locale: "fr",
    profile,
    cursor: { at: "onboarding", stage: "status" },
    openHelpRequests: 0,
    hasReferent: false,
    consentAt: 1,
    ...extra,
  };
}
const act = (s: ConversationState, action: string) =>
  handle(s, { kind: "action", action }, content, NOW, { roadmapRules: rules });
const say = (s: ConversationState, text: string) =>
  handle(s, { kind: "text", text }, content, NOW, { roadmapRules: rules });
const buttons = (r: ReturnType<typeof act>) => r.replies.flatMap((x) => (x.buttons ?? []).map((b) => b.action));
/** An MNA's situation given, the entry month skipped: at the permit question. */
const atPermit = (s: ConversationState) => act(act(s, "status:mna").state, "skip");

describe("the month of entry into care (optional, issue 19)", () => {
  it("should ask an MNA when they were entrusted, so someone placed after 17 has no overdue interview", () => {
    let r = act(atStatus({ birth: "2008-03" }), "status:mna");
    expect(r.state.cursor).toMatchObject({ stage: "care_year" });
    expect(r.replies.at(-1)!.text).toMatch(/facultatif/);
    r = act(act(r.state, "year:2025").state, "month:09");
    expect(r.state.profile.enteredCare).toBe("2025-09");
    const steps = computeRoadmap(r.state.profile, rules, "2026-01-10");
    expect(steps.map((s) => s.id)).toContain("autonomy-interview-late");
    expect(steps.find((s) => s.id === "autonomy-interview")).toBeUndefined();
    expect(steps.map((s) => s.id)).toContain("residence-permit-l435-3");
    expect(steps.map((s) => s.id)).not.toContain("residence-permit-l423-22");
  });

  it("should ask again for a month before birth or in the future, and accept a typed year", () => {
    const asked = act(atStatus({ birth: "2008-03" }), "status:mna").state;
    expect(act(act(asked, "year:2008").state, "month:01").state.cursor).toMatchObject({ stage: "care_year" });
    expect(act(act(asked, "year:2026").state, "month:12").state.cursor).toMatchObject({ stage: "care_year" });
    expect(say(asked, "2019").state.cursor).toMatchObject({ stage: "care_month", year: 2019 });
  });

  it("should not ask young people in another situation", () => {
    expect(act(atStatus({ birth: "2008-03" }), "status:ase").state.cursor).toMatchObject({ stage: "dept" });
    expect(act(atStatus({ birth: "2008-03" }), "status:left_ase").state.cursor).toMatchObject({ stage: "dept" });
  });
});

describe("the residence permit's end month (optional, issue 19)", () => {
  it("should ask an adult MNA for the month their card ends, explaining why, and date the renewal from it", () => {
    let r = atPermit(atStatus({ birth: "2007-06" }));
    expect(r.state.cursor).toMatchObject({ stage: "permit_year" });
    expect(r.replies.at(-1)!.text).toMatch(/facultatif/);
    expect(r.replies.at(-1)!.text).toMatch(/renouveler/);
    expect(buttons(r)).toEqual(["year:2026", "year:2027", "year:2028", "year:2029", "year:2030", "skip"]);
    r = act(r.state, "year:2026");
    expect(r.state.cursor).toMatchObject({ stage: "permit_month", year: 2026 });
    r = act(r.state, "month:09");
    expect(r.state.profile.permitExpiry).toBe("2026-09");
    expect(r.state.cursor).toMatchObject({ stage: "dept" });
    const renewal = computeRoadmap(r.state.profile, rules, "2026-03-10").find(
      (s) => s.id === "residence-permit-renewal",
    );
    expect(renewal).toMatchObject({ due: "2026-07-03", opens: "2026-06-02" });
  });

  it("should accept the year and month typed, and let the question be skipped", () => {
    let r = atPermit(atStatus({ birth: "2007-06" }));
    r = say(r.state, "2027");
    r = say(r.state, "mars");
    expect(r.state.profile.permitExpiry).toBe("2027-03");
    const skipped = act(atPermit(atStatus({ birth: "2007-06" })).state, "skip");
    expect(skipped.state.cursor).toMatchObject({ stage: "dept" });
    expect(skipped.state.profile.permitExpiry).toBeUndefined();
  });

  it("should take a département pressed instead as the next answer", () => {
    const r = act(atPermit(atStatus({ birth: "2007-06" })).state, "dept:49");
    expect(r.state.profile.dept).toBe("49");
    expect(r.state.cursor).toEqual({ at: "menu" });
  });

  it("should not ask a young MNA or a young person in another situation", () => {
    expect(atPermit(atStatus({ birth: "2011-06" })).state.cursor).toMatchObject({ stage: "dept" });
    expect(act(atStatus({ birth: "2007-06" }), "status:ase").state.cursor).toMatchObject({ stage: "dept" });
  });

  it("should refuse a year outside the life of a card held today", () => {
    const asked = atPermit(atStatus({ birth: "2007-06" })).state;
    expect(act(asked, "year:2019").state.cursor).toMatchObject({ stage: "permit_year" });
    expect(act(asked, "year:2040").state.cursor).toMatchObject({ stage: "permit_year" });
  });

  it("should put the renewal back in the list when a new card's end month is given", () => {
    const start = atStatus(
      { birth: "2007-06", permitExpiry: "2026-04" },
      { roadmapProgress: { "residence-permit-renewal": "done" } },
    );
    let r = atPermit(start);
    r = act(act(r.state, "year:2027").state, "month:04");
    expect(r.state.roadmapProgress).toEqual({});
    expect(r.effects).toContainEqual({ type: "roadmapProgress", stepId: "residence-permit-renewal", mark: null });
  });

  it("should show the month in 'my data' only when it was given", () => {
    const data = (profile: ConversationState["profile"]) =>
      act({ ...atStatus(profile), cursor: { at: "menu" } }, "data").replies[0]!.text;
    expect(data({ birth: "2007-06", status: "mna", permitExpiry: "2027-03" })).toContain(
      "Fin de ta carte de séjour : mars 2027",
    );
    expect(data({ birth: "2007-06", status: "mna", enteredCare: "2023-10" })).toContain(
      "Confié à l'ASE depuis : octobre 2023",
    );
    expect(data({ birth: "2007-06", status: "mna" })).not.toContain("carte de séjour");
  });
});
