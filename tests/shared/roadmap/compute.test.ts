import { describe, expect, it } from "vitest";
import {
  addToDate,
  computeRoadmap,
  deadlineAlerts,
  dueReminders,
  hasDatedAnchor,
  isCalendarDate,
  settingsFor,
} from "../../../shared/roadmap/compute.ts";
import { seedRoadmapRules as RULES } from "../../../shared/content/seed/index.ts";
import { parseRoadmapRules, type RoadmapRules } from "../../../shared/roadmap/rules.ts";
import { formatDay, isQuietHour, parisDate, parisHour } from "../../../shared/roadmap/time.ts";
import type { Profile } from "../../../shared/profile.ts";

const ids = (profile: Profile, today: string, progress = {}) =>
  computeRoadmap(profile, RULES, today, progress).map((s) => s.id);
const step = (profile: Profile, today: string, id: string) =>
  computeRoadmap(profile, RULES, today).find((s) => s.id === id);

describe("roadmap rules", () => {
  it("should validate the seed rules as plain JSON", () => {
    const parsed = parseRoadmapRules(JSON.parse(JSON.stringify(RULES)));
    expect(parsed.ok).toBe(true);
  });

  it("should seed a contrat jeune majeur age limit of 21 for 44 and 49, never 25", () => {
    expect(RULES.depts["44"].cjmAgeLimit).toBe(21);
    expect(RULES.depts["49"].cjmAgeLimit).toBe(21);
    expect(JSON.stringify(RULES)).not.toMatch(/jusqu.aux? 25|until 25|to 25/);
  });

  it("should refuse rules with a duplicate step id or an age limit over 25", () => {
    const dup = { ...RULES, steps: [...RULES.steps, RULES.steps[0]] };
    expect(parseRoadmapRules(dup)).toMatchObject({ ok: false });
    const tooOld = { ...RULES, depts: { ...RULES.depts, "44": { ...RULES.depts["44"], cjmAgeLimit: 30 } } };
    expect(parseRoadmapRules(tooOld)).toMatchObject({ ok: false });
  });

  it("should refuse a step without a French title", () => {
    const bad = { ...RULES, steps: [{ ...RULES.steps[0], title: { en: "x" } }] };
    expect(parseRoadmapRules(bad)).toMatchObject({ ok: false });
  });
});

describe("date arithmetic", () => {
  it.each([
    ["2024-01-31", 0, 1, 0, "2024-02-29"],
    ["2023-01-31", 0, 1, 0, "2023-02-28"],
    ["2024-02-29", 1, 0, 0, "2025-02-28"],
    ["2008-02-01", 18, 0, -1, "2026-01-31"],
    ["2008-03-01", 0, 0, -1, "2008-02-29"],
    ["2025-12-31", 0, 2, 0, "2026-02-28"],
    ["2026-01-01", 0, -1, 0, "2025-12-01"],
  ])("should add to %s (%i y, %i m, %i d) → %s", (from, y, m, d, expected) => {
    expect(addToDate(from, y, m, d)).toBe(expected);
  });

  it("should tell real calendar dates from impossible ones", () => {
    expect(isCalendarDate("2024-02-29")).toBe(true);
    expect(isCalendarDate("2023-02-29")).toBe(false);
    expect(isCalendarDate("2024-13-01")).toBe(false);
  });
});

describe("computeRoadmap", () => {
  const aseMay2008: Profile = { birth: "2008-05", status: "ase", dept: "44" };

  it("should take the 1st of the birth month as birthday, so deadlines are never late", () => {
    expect(step(aseMay2008, "2025-01-10", "autonomy-interview")?.due).toBe("2025-05-01");
    expect(step(aseMay2008, "2025-01-10", "cjm-request")?.due).toBe("2026-04-30");
  });

  it.each([
    // today, state of the autonomy interview for someone born 2008-05
    ["2024-01-01", "later"],
    ["2024-04-01", "soon"],
    ["2024-05-01", "now"],
    ["2025-05-01", "now"],
    ["2025-05-02", "overdue"],
  ] as const)("should move the autonomy interview across birthdays: on %s it is %s", (today, state) => {
    expect(step(aseMay2008, today, "autonomy-interview")?.state).toBe(state);
  });

  it("should hide steps whose age window has passed", () => {
    expect(ids(aseMay2008, "2026-05-02")).not.toContain("autonomy-interview");
    expect(ids(aseMay2008, "2026-05-02")).not.toContain("cjm-request");
    expect(ids(aseMay2008, "2026-05-02")).toContain("cjm-renewal");
  });

  it("should handle a February birth in a leap year (born 2008-02)", () => {
    const p: Profile = { birth: "2008-02", status: "mna", dept: "49", enteredCare: "2023-06" };
    expect(step(p, "2025-12-01", "residence-permit-l423-22")?.due).toBe("2027-01-31");
    expect(step(p, "2025-12-01", "cjm-request")?.due).toBe("2026-01-31");
  });

  it("should choose the L423-22 route (before 19) for an MNA entrusted before 16", () => {
    const p: Profile = { birth: "2008-09", status: "mna", dept: "44", enteredCare: "2023-06" };
    const list = ids(p, "2026-01-15");
    expect(list).toContain("residence-permit-l423-22");
    expect(list).not.toContain("residence-permit-l435-3");
    expect(step(p, "2026-01-15", "residence-permit-l423-22")?.due).toBe("2027-08-31");
  });

  it("should choose the L435-3 route (two months after 18) for an MNA entrusted between 16 and 18", () => {
    const p: Profile = { birth: "2008-09", status: "mna", dept: "44", enteredCare: "2025-01" };
    const list = ids(p, "2026-01-15");
    expect(list).toContain("residence-permit-l435-3");
    expect(list).not.toContain("residence-permit-l423-22");
    expect(step(p, "2026-01-15", "residence-permit-l435-3")?.due).toBe("2026-10-31");
  });

  it("should show both routes when the entry month is the 16th-birthday month or unknown", () => {
    const same: Profile = { birth: "2008-09", status: "mna", dept: "44", enteredCare: "2024-09" };
    const unknown: Profile = { birth: "2008-09", status: "mna", dept: "44" };
    for (const p of [same, unknown]) {
      expect(ids(p, "2026-01-15")).toEqual(
        expect.arrayContaining(["residence-permit-l423-22", "residence-permit-l435-3"]),
      );
    }
  });

  it("should offer nationality by declaration only to those entrusted for three years before 18", () => {
    expect(ids({ birth: "2009-03", status: "ase", enteredCare: "2020-01" }, "2026-01-01")).toContain("nationality");
    expect(ids({ birth: "2009-03", status: "ase", enteredCare: "2025-01" }, "2026-01-01")).not.toContain("nationality");
  });

  it("should give the right to come back until the département's age limit, from data", () => {
    const p: Profile = { birth: "2006-03", status: "left_ase", dept: "44" };
    expect(step(p, "2026-01-01", "come-back")?.due).toBe("2027-02-28");
    const rules: RoadmapRules = {
      ...RULES,
      depts: { ...RULES.depts, "44": { ...RULES.depts["44"], cjmAgeLimit: 23 } },
    };
    expect(computeRoadmap(p, rules, "2026-01-01").find((s) => s.id === "come-back")?.due).toBe("2029-02-28");
    expect(ids(p, "2027-03-01")).not.toContain("come-back");
  });

  it("should return undated steps shown as now when the birth month is missing", () => {
    const steps = computeRoadmap({ status: "mna" }, RULES, "2026-01-01");
    expect(steps.length).toBeGreaterThan(3);
    expect(steps.every((s) => s.due === null && s.state === "now")).toBe(true);
  });

  it("should only show steps for everyone when the situation is missing", () => {
    const list = ids({ birth: "2008-01" }, "2026-01-01");
    expect(list).toContain("mission-locale");
    expect(list).not.toContain("cjm-request");
    expect(list).not.toContain("pecule");
  });

  it("should show nothing to someone aged 26 or more, and only later steps to a 13-year-old", () => {
    expect(ids({ birth: "1999-01", status: "left_ase", dept: "49" }, "2026-01-01")).toEqual([]);
    const young = computeRoadmap({ birth: "2013-01", status: "ase", dept: "49" }, RULES, "2026-01-01");
    expect(young.length).toBeGreaterThan(0);
    expect(young.every((s) => s.state === "later")).toBe(true);
  });

  it("should mark done steps done, put them last, and leave out steps marked not for me", () => {
    const steps = computeRoadmap(aseMay2008, RULES, "2025-06-01", {
      "autonomy-interview": "done",
      "bank-account": "skipped",
    });
    expect(steps.at(-1)).toMatchObject({ id: "autonomy-interview", state: "done" });
    expect(steps.map((s) => s.id)).not.toContain("bank-account");
  });

  it("should sort overdue first, then now, soon, later", () => {
    const order = { overdue: 0, now: 1, soon: 2, later: 3, done: 4 };
    const states = computeRoadmap(aseMay2008, RULES, "2025-06-01").map((s) => order[s.state]);
    expect(states).toEqual([...states].sort((a, b) => a - b));
  });
});

describe("reminders and deadline alerts", () => {
  const p: Profile = { birth: "2008-05", status: "ase", dept: "49" };
  const settings = settingsFor(RULES, p);

  it.each([
    ["2025-03-01", []],
    ["2025-04-01", [{ stepId: "autonomy-interview", kind: "before-30" }]],
    ["2025-04-25", [{ stepId: "autonomy-interview", kind: "before-7" }]],
    ["2025-05-01", [{ stepId: "autonomy-interview", kind: "before-7" }]],
    ["2025-05-02", [{ stepId: "autonomy-interview", kind: "overdue" }]],
  ])("on %s the autonomy interview reminders are %j", (today, expected) => {
    const steps = computeRoadmap(p, RULES, today).filter((s) => s.id === "autonomy-interview");
    expect(dueReminders(steps, settings)).toEqual(expected);
  });

  it("should raise a deadline alert only once overdue by the configured delay", () => {
    const at = (today: string) => deadlineAlerts(computeRoadmap(p, RULES, today), settings);
    expect(at("2025-05-07")).not.toContain("autonomy-interview");
    expect(at("2025-05-08")).toContain("autonomy-interview");
    expect(deadlineAlerts(computeRoadmap(p, RULES, "2025-05-08", { "autonomy-interview": "done" }), settings)).toEqual(
      [],
    );
  });
});

describe("Paris time", () => {
  it("should give the Paris date and hour across midnight and daylight saving", () => {
    expect(parisDate(Date.UTC(2026, 0, 15, 23, 30))).toBe("2026-01-16");
    expect(parisHour(Date.UTC(2026, 0, 15, 19, 59))).toBe(20);
    expect(parisHour(Date.UTC(2026, 6, 15, 19, 0))).toBe(21);
    expect(isQuietHour(Date.UTC(2026, 6, 15, 19, 0))).toBe(true);
    expect(isQuietHour(Date.UTC(2026, 0, 15, 7, 0))).toBe(false);
    expect(isQuietHour(Date.UTC(2026, 0, 15, 6, 59))).toBe(true);
    expect(formatDay("2026-03-09", "fr")).toBe("09/03/2026");
  });
});

describe("steps that are not legal deadlines (issue 19)", () => {
  it.each([
    ["left_ase", "2004-05"],
    ["other", "2003-01"],
    ["ase", "2007-02"],
    ["mna", "2006-11"],
  ] as const)(
    "should never show housing or health insurance overdue to an 18–25 year-old (%s, born %s)",
    (status, birth) => {
      for (const today of ["2026-01-15", "2027-06-01", "2028-12-31"]) {
        const steps = computeRoadmap({ birth, status, dept: "44" }, RULES, today).filter(
          (s) => s.id === "housing" || s.id === "health-insurance",
        );
        for (const s of steps) {
          expect(s.state).not.toBe("overdue");
          expect(s.due).toBeNull();
        }
        expect(dueReminders(steps, settingsFor(RULES, { status }))).toEqual([]);
      }
    },
  );

  it("should still open housing and health insurance before 18, so they are prepared in time", () => {
    const p: Profile = { birth: "2009-05", status: "ase", dept: "49" };
    expect(step(p, "2026-06-01", "housing")).toMatchObject({ state: "later", opens: "2026-11-01" });
    expect(step(p, "2026-12-01", "housing")?.state).toBe("now");
    expect(step(p, "2026-06-01", "health-insurance")).toMatchObject({ state: "now", opens: "2026-05-01" });
  });
});

describe("the exit interview (issue 19)", () => {
  it("should not show the exit interview to someone still in care under a contrat jeune majeur", () => {
    expect(ids({ birth: "2007-05", status: "ase", dept: "44" }, "2025-12-01")).not.toContain("exit-interview");
    expect(ids({ birth: "2006-01", status: "ase", dept: "49" }, "2026-06-01")).not.toContain("exit-interview");
  });

  it("should offer it to someone who left care, never overdue, until a year after the age limit", () => {
    const p: Profile = { birth: "2006-05", status: "left_ase", dept: "44" };
    expect(step(p, "2024-08-15", "exit-interview")).toMatchObject({ state: "soon", opens: "2024-11-01", due: null });
    expect(step(p, "2026-06-01", "exit-interview")).toMatchObject({ state: "now", due: null });
    expect(ids(p, "2028-05-02")).not.toContain("exit-interview");
    expect(deadlineAlerts(computeRoadmap(p, RULES, "2026-06-01"), settingsFor(RULES, p))).not.toContain(
      "exit-interview",
    );
  });
});

describe("the autonomy interview for someone placed after 17 (issue 19)", () => {
  it("should not be overdue at once for someone entrusted after turning 17", () => {
    const p: Profile = { birth: "2008-03", status: "mna", dept: "49", enteredCare: "2025-09" };
    const list = computeRoadmap(p, RULES, "2025-10-01");
    expect(list.map((s) => s.id)).not.toContain("autonomy-interview");
    expect(list.find((s) => s.id === "autonomy-interview-late")).toMatchObject({ state: "now", due: null });
    expect(deadlineAlerts(list, settingsFor(RULES, p))).toEqual([]);
  });

  it("should keep the deadline at 17 for someone entrusted before 17, or whose entry month is unknown", () => {
    const before: Profile = { birth: "2008-03", status: "mna", dept: "49", enteredCare: "2024-01" };
    const unknown: Profile = { birth: "2008-03", status: "ase", dept: "49" };
    for (const p of [before, unknown]) {
      expect(step(p, "2025-05-01", "autonomy-interview")?.state).toBe("overdue");
      expect(ids(p, "2025-05-01")).not.toContain("autonomy-interview-late");
    }
  });
});

describe("the pécule and nationality dates (issue 19)", () => {
  it("should date the pécule at 18: from the month after the birth month, never before the real birthday, never overdue", () => {
    const p: Profile = { birth: "2008-05", status: "ase", dept: "44" };
    expect(step(p, "2026-04-15", "pecule")).toMatchObject({ state: "soon", opens: "2026-06-01", due: null });
    expect(step(p, "2026-06-01", "pecule")?.state).toBe("now");
    expect(step(p, "2031-06-01", "pecule")?.state).toBe("now");
  });

  it("should open the nationality declaration once three years of care are reached", () => {
    const p: Profile = { birth: "2010-06", status: "ase", dept: "44", enteredCare: "2022-02" };
    expect(step(p, "2024-06-01", "nationality")).toMatchObject({
      state: "later",
      opens: "2025-02-01",
      due: "2028-05-31",
    });
    expect(step(p, "2025-02-01", "nationality")?.state).toBe("now");
  });

  it("should open it three years before 18 when the entry month is unknown", () => {
    expect(step({ birth: "2010-06", status: "mna", dept: "49" }, "2025-03-15", "nationality")).toMatchObject({
      opens: "2025-05-31",
      state: "soon",
    });
  });
});

describe("the residence permit renewal (issue 19)", () => {
  const holder: Profile = { birth: "2006-04", status: "mna", dept: "44", permitExpiry: "2026-09" };

  it("should date the renewal from the card's expiry month: file 120 to 60 days before, never later than the real window", () => {
    const s = step(holder, "2026-03-01", "residence-permit-renewal");
    // Expiry taken as the 1st of September: due 60 days before it; opening 120 days before the month's last day.
    expect(s).toMatchObject({ due: "2026-07-03", opens: "2026-06-02", state: "later" });
    expect(step(holder, "2026-06-02", "residence-permit-renewal")?.state).toBe("now");
    expect(step(holder, "2026-07-04", "residence-permit-renewal")?.state).toBe("overdue");
    expect(ids(holder, "2026-12-02")).not.toContain("residence-permit-renewal");
  });

  it("should remind before the renewal deadline and alert the référent once it is late", () => {
    const settings = settingsFor(RULES, holder);
    const at = (today: string) =>
      dueReminders(
        computeRoadmap(holder, RULES, today).filter((s) => s.id === "residence-permit-renewal"),
        settings,
      );
    expect(at("2026-06-03")).toEqual([{ stepId: "residence-permit-renewal", kind: "before-30" }]);
    expect(at("2026-06-26")).toEqual([{ stepId: "residence-permit-renewal", kind: "before-7" }]);
    expect(deadlineAlerts(computeRoadmap(holder, RULES, "2026-07-10"), settings)).toContain("residence-permit-renewal");
  });

  it("should date, remind and alert the renewal of an MNA who gave the card's month but not the birth month", () => {
    const cardOnly: Profile = { status: "mna", dept: "44", permitExpiry: "2026-09" };
    expect(hasDatedAnchor(cardOnly)).toBe(true);
    expect(hasDatedAnchor({ status: "mna", dept: "44" })).toBe(false);
    expect(step(cardOnly, "2026-03-01", "residence-permit-renewal")).toMatchObject({
      due: "2026-07-03",
      state: "later",
    });
    const settings = settingsFor(RULES, cardOnly);
    expect(dueReminders(computeRoadmap(cardOnly, RULES, "2026-06-03"), settings)).toEqual([
      { stepId: "residence-permit-renewal", kind: "before-30" },
    ]);
    expect(deadlineAlerts(computeRoadmap(cardOnly, RULES, "2026-07-10"), settings)).toEqual([
      "residence-permit-renewal",
    ]);
  });

  it("should show it undated to an adult MNA who did not give the month, and not at all to a French care leaver", () => {
    expect(
      step({ birth: "2006-04", status: "mna", dept: "44" }, "2026-03-01", "residence-permit-renewal"),
    ).toMatchObject({ due: null, state: "now" });
    expect(ids({ birth: "2009-04", status: "mna", dept: "44" }, "2026-03-01")).not.toContain(
      "residence-permit-renewal",
    );
    expect(ids({ birth: "2006-04", status: "left_ase", dept: "44" }, "2026-03-01")).not.toContain(
      "residence-permit-renewal",
    );
    expect(
      step(
        { birth: "2006-04", status: "left_ase", dept: "44", permitExpiry: "2026-09" },
        "2026-06-10",
        "residence-permit-renewal",
      )?.state,
    ).toBe("now");
  });
});

describe("rule review dates and sources (issue 19)", () => {
  it.each(RULES.steps.map((s) => [s.id, s] as const))(
    "should give %s a review date and at least one linked source",
    (_id, rule) => {
      expect(rule.reviewedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(rule.sources.some((s) => s.url)).toBe(true);
    },
  );
});
