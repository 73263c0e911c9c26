import type { Profile } from "../profile.ts";
import type { DateAnchor, DateSpec, DeptSettings, RoadmapRules, StepRule } from "./rules.ts";

/**
 * The personal roadmap: a pure function of (profile, rules, today, progress).
 *
 * Birthday convention — we only know the birth MONTH, so the birthday is taken as the 1st of
 * that month: the earliest possible day. Every deadline computed from it ("before 18", "before
 * the 19th birthday", "within two months after 18") is therefore never later than the real
 * one. "From 18" openings that must not come too early (the pécule) add one month in the rules.
 * All dates are calendar dates "YYYY-MM-DD" (no time zone); `today` is the date in Europe/Paris.
 * The permit expiry month follows the same convention (the 1st: the renewal window computed
 * from it never closes later than the real one; its opening adds a month in the rules).
 * When the birth month is unknown, dated steps get `due: null` and are shown as "now"; so do
 * steps anchored on an entry or expiry month the young person did not give.
 * When the situation is unknown, only steps for "other" (everyone) are shown.
 */

export type StepState = "overdue" | "now" | "soon" | "later" | "done";
/** What a young person can mark a step as ("not for me" is skipped). */
export const PROGRESS_MARKS = ["done", "skipped"] as const;
export type ProgressMark = (typeof PROGRESS_MARKS)[number];
export type Progress = Record<string, ProgressMark>;

export type RoadmapStep = {
  id: string;
  rule: StepRule;
  /** Last day to act, or null (no fixed date, or birth unknown). */
  due: string | null;
  opens: string | null;
  state: StepState;
  /** Days from today to `due` (negative when overdue), or null. */
  daysLeft: number | null;
};

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function toUtc(iso: string): number {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new Error("expected YYYY-MM-DD");
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Whether `iso` is a real calendar date (2024-02-30 is not). */
export function isCalendarDate(iso: string): boolean {
  return ISO_DATE.test(iso) && fromUtc(toUtc(iso)) === iso;
}

/** Adds years and months (clamped to the month's last day), then days. */
export function addToDate(iso: string, years = 0, months = 0, days = 0): string {
  const d = new Date(toUtc(iso));
  const totalMonths = d.getUTCFullYear() * 12 + d.getUTCMonth() + years * 12 + months;
  const year = Math.floor(totalMonths / 12);
  const month = totalMonths - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(d.getUTCDate(), lastDay);
  return fromUtc(Date.UTC(year, month, day) + days * DAY_MS);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

/** The birthday convention: the 1st of the birth month. */
export function birthdayOf(birth: string): string {
  return `${birth}-01`;
}

function monthIndex(yearMonth: string): number {
  const [y, m] = yearMonth.split("-").map(Number);
  return (y ?? 0) * 12 + (m ?? 1) - 1;
}

export function settingsFor(rules: RoadmapRules, profile: Profile): DeptSettings {
  return rules.depts[profile.dept ?? "other"];
}

/** The anchors of a person's dates; null where the month is not known. */
function anchorsOf(profile: Profile, settings: DeptSettings): Record<DateAnchor, string | null> {
  const birthday = profile.birth ? birthdayOf(profile.birth) : null;
  return {
    birth: birthday,
    careLimit: birthday && addToDate(birthday, settings.cjmAgeLimit),
    leftCare: birthday && addToDate(birthday, 18),
    enteredCare: profile.enteredCare ? `${profile.enteredCare}-01` : null,
    permitExpiry: profile.permitExpiry ? `${profile.permitExpiry}-01` : null,
  };
}

function resolve(spec: DateSpec | undefined, anchors: Record<DateAnchor, string | null>): string | null {
  const anchor = spec ? anchors[spec.from] : null;
  return spec && anchor ? addToDate(anchor, spec.years ?? 0, spec.months ?? 0, spec.days ?? 0) : null;
}

/** Months the young person gives (or not): a rule dated on one of them is undated without it. */
const GIVEN_MONTHS = ["enteredCare", "permitExpiry"] as const satisfies DateAnchor[];

function applies(rule: StepRule, profile: Profile, anchors: Record<DateAnchor, string | null>): boolean {
  const status = profile.status ?? "other";
  if (!rule.statuses.includes(status)) return false;
  const specs = [rule.due, rule.opens, rule.hideAfter, rule.showFrom];
  const missing = GIVEN_MONTHS.some((anchor) => !anchors[anchor] && specs.some((spec) => spec?.from === anchor));
  if (missing && rule.ifAnchorUnknown && !rule.ifAnchorUnknown.includes(status)) return false;
  const cond = rule.enteredCareMonths;
  if (!cond) return true;
  if (!profile.birth || !profile.enteredCare) return cond.ifUnknown;
  const months = monthIndex(profile.enteredCare) - monthIndex(profile.birth);
  return (cond.min === undefined || months >= cond.min) && (cond.max === undefined || months <= cond.max);
}

/**
 * Whether any date of this person's roadmap can be known: a step is dated (and so reminded and
 * alerted) from the birth month, or from a month they gave without it (an MNA who gives the
 * card's end month but not the birth month still gets the renewal reminder). The cron's SQL
 * reads the same three columns (worker/store/roadmap.ts).
 */
export function hasDatedAnchor(profile: Profile): boolean {
  return Boolean(profile.birth || profile.permitExpiry || profile.enteredCare);
}

const ORDER: Record<StepState, number> = { overdue: 0, now: 1, soon: 2, later: 3, done: 4 };

/** Every step that applies to this person today, most urgent first; "not for me" steps left out. */
export function computeRoadmap(
  profile: Profile,
  rules: RoadmapRules,
  today: string,
  progress: Progress = {},
): RoadmapStep[] {
  const settings = settingsFor(rules, profile);
  const anchors = anchorsOf(profile, settings);
  const steps: RoadmapStep[] = [];
  for (const rule of rules.steps) {
    if (!applies(rule, profile, anchors) || progress[rule.id] === "skipped") continue;
    const hideAfter = resolve(rule.hideAfter, anchors);
    if (hideAfter && today > hideAfter) continue;
    const showFrom = resolve(rule.showFrom, anchors);
    if (showFrom && today < showFrom) continue;
    const due = resolve(rule.due, anchors);
    const opens =
      resolve(rule.opens, anchors) ??
      (due && rule.leadMonths !== undefined ? addToDate(due, 0, -rule.leadMonths) : null);
    const daysLeft = due ? daysBetween(today, due) : null;
    let state: StepState;
    if (progress[rule.id] === "done") state = "done";
    else if (daysLeft !== null && daysLeft < 0) state = "overdue";
    else if (opens && today < opens) state = daysBetween(today, opens) <= settings.soonDays ? "soon" : "later";
    else state = "now";
    steps.push({ id: rule.id, rule, due, opens, state, daysLeft });
  }
  return steps.sort(
    (a, b) =>
      ORDER[a.state] - ORDER[b.state] ||
      (a.due ?? a.opens ?? "9999").localeCompare(b.due ?? b.opens ?? "9999") ||
      rules.steps.indexOf(a.rule) - rules.steps.indexOf(b.rule),
  );
}

export type DueReminder = { stepId: string; kind: string };

/**
 * Reminders due today: for an undone step, the smallest threshold (days before `due`) already
 * reached ("before-7" after "before-30"); one "overdue" reminder once it is late.
 */
export function dueReminders(steps: RoadmapStep[], settings: DeptSettings): DueReminder[] {
  const thresholds = [...settings.reminderDaysBefore].sort((a, b) => a - b);
  const out: DueReminder[] = [];
  for (const step of steps) {
    if (step.state === "done" || step.daysLeft === null) continue;
    if (step.daysLeft < 0) {
      out.push({ stepId: step.id, kind: "overdue" });
      continue;
    }
    const threshold = thresholds.find((t) => step.daysLeft! <= t);
    if (threshold !== undefined) out.push({ stepId: step.id, kind: `before-${threshold}` });
  }
  return out;
}

/** Steps overdue by the configured delay whose rule asks for a "deadline" alert. */
export function deadlineAlerts(steps: RoadmapStep[], settings: DeptSettings): string[] {
  return steps
    .filter(
      (s) => s.rule.alert && s.state === "overdue" && s.daysLeft !== null && -s.daysLeft >= settings.deadlineAlertDays,
    )
    .map((s) => s.id);
}
