import {
  computeRoadmap,
  deadlineAlerts,
  dueReminders,
  settingsFor,
  type Progress,
} from "../../shared/roadmap/compute.ts";
import type { RoadmapRules } from "../../shared/roadmap/rules.ts";
import { parisDate } from "../../shared/roadmap/time.ts";
import type { Profile } from "../../shared/profile.ts";

/**
 * A Département's D1 after a year of use, generated without the API: N young people with
 * identities, roadmap progress, reminders already given, alerts with their deliveries,
 * référents and their links, recent update ids, daily counters, in the proportions below
 * (BENCHMARKS.md, "Scale"). Deterministic (a hash of the person's number), so two runs hold
 * the same rows. The reminders and deadline alerts are the steady state: everything due up to
 * yesterday was given (`computeRoadmap` on the seed's rules at past dates), so what a cron
 * finds today is a day's worth; `catchUp` leaves them out (the first run after the rules are
 * published, or after the cron was down).
 *
 * Each statement inserts up to CHUNK rows from one JSON parameter (`json_each`): D1 binds at
 * most 100 parameters, and one statement per row would take minutes at 100 000 people.
 */
export type Statement = { sql: string; rows: unknown[][] };

const DAY = 86_400_000;
const CHUNK = 4000;
/** Telegram chat ids of generated people: far from the bench's journeys (1 000 000–9 999 999). */
export const POPULATION_CHAT_BASE = 500_000_000;

/** A uniform number in [0, 1) from (i, salt), the same every run. */
function rand(i: number, salt: number): number {
  let h = (i * 0x9e3779b1) ^ (salt * 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}
const pick = <T>(r: number, weighted: [T, number][]): T => {
  let acc = 0;
  for (const [value, w] of weighted) if (r < (acc += w)) return value;
  return weighted[weighted.length - 1]![0];
};
const hex = (i: number, salt: number) =>
  Array.from({ length: 8 }, (_, k) =>
    Math.floor(rand(i, salt + k) * 2 ** 32)
      .toString(16)
      .padStart(8, "0"),
  ).join("");

function insert(table: string, columns: string[], rows: unknown[][]): Statement[] {
  const select = columns.map((_c, k) => `json_extract(value, '$[${k}]')`).join(", ");
  const sql = `insert into ${table} (${columns.join(", ")}) select ${select} from json_each(?1)`;
  const out: Statement[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push({ sql, rows: rows.slice(i, i + CHUNK) });
  return out;
}

export type PopulationCounts = Record<string, number>;

export function population(
  n: number,
  now: number,
  rules: RoadmapRules,
  options: { catchUp?: boolean } = {},
): { statements: Statement[]; counts: PopulationCounts; dueToday: { reminders: number; deadlineAlerts: number } } {
  // Many people share a profile and progress: each roadmap is computed once per (day, profile, progress).
  const roadmaps = new Map<string, ReturnType<typeof computeRoadmap>>();
  const roadmap = (profile: Profile, day: string, progress: Progress = {}) => {
    const key = `${day}|${profile.birth}|${profile.status}|${profile.dept}|${profile.enteredCare}|${Object.entries(progress).join(",")}`;
    let steps = roadmaps.get(key);
    if (!steps) roadmaps.set(key, (steps = computeRoadmap(profile, rules, day, progress)));
    return steps;
  };
  const people: unknown[][] = [];
  const identities: unknown[][] = [];
  const progressRows: unknown[][] = [];
  const reminders: unknown[][] = [];
  const alerts: unknown[][] = [];
  const deliveries: unknown[][] = [];
  const links: unknown[][] = [];
  const updates: unknown[][] = [];
  const referents = Math.max(1, Math.round(n / 30));
  const teams = Math.max(1, Math.round(n / 1000));
  const today = parisDate(now);
  const yesterday = parisDate(now - DAY);
  const year = new Date(now).getUTCFullYear();
  let updateId = 1;
  /** People with a reminder due today (Telegram, not blocked, not opted out, not purged), deadline alerts due today. */
  const dueToday = { reminders: 0, deadlineAlerts: 0 };
  let alertNo = 0;
  const alert = (
    youngId: string,
    i: number,
    kind: string,
    severity: string,
    subject: string | null,
    at: number,
    acked: boolean,
  ) => {
    const id = `a${String(alertNo++).padStart(9, "0")}`;
    alerts.push([
      id,
      youngId,
      kind,
      severity,
      subject,
      at,
      acked ? at + 3_600_000 : null,
      acked ? `s${i % referents}` : null,
      acked && kind !== "deadline" ? at + 3_700_000 : null,
    ]);
    const failed = rand(alertNo, 40) < 0.01;
    deliveries.push([
      `d${id}`,
      id,
      kind === "deadline" ? "webhook" : "telegram",
      kind === "deadline" ? "team" : `s${i % referents}`,
      failed ? "failed" : "delivered",
      failed ? 8 : 1,
      failed ? null : at + 60_000,
      at,
    ]);
  };

  for (let i = 0; i < n; i++) {
    const id = `p${String(i).padStart(7, "0")}`;
    // Activity skewed to recent: ~2 % silent for more than a year (the retention purge's share).
    const lastActive = now - Math.floor(380 * rand(i, 1) ** 2 * DAY);
    const created = lastActive - Math.floor(300 * rand(i, 2) * DAY);
    const consent = rand(i, 3) < 0.85;
    const birth =
      consent && rand(i, 4) < 0.9
        ? `${year - 16 - Math.floor(rand(i, 5) * 10)}-${String(1 + Math.floor(rand(i, 6) * 12)).padStart(2, "0")}`
        : null;
    const status = consent
      ? pick(rand(i, 7), [
          ["ase", 0.4],
          ["left_ase", 0.25],
          ["mna", 0.25],
          ["other", 0.1],
        ])
      : null;
    const dept = consent
      ? pick(rand(i, 8), [
          ["44", 0.5],
          ["49", 0.35],
          ["other", 0.15],
        ])
      : null;
    const enteredCare =
      status === "mna" && birth
        ? `${Number(birth.slice(0, 4)) + 15 + Math.floor(rand(i, 9) * 3)}-0${1 + Math.floor(rand(i, 10) * 9)}`
        : null;
    const locale = pick(rand(i, 11), [
      ["fr", 0.7],
      ["en", 0.08],
      ["ar", 0.1],
      ["ps", 0.06],
      ["prs", 0.06],
    ]);
    const optOut = rand(i, 12) < 0.08;
    people.push([
      id,
      locale,
      birth,
      status,
      dept,
      enteredCare,
      consent ? created : null,
      JSON.stringify({ at: "menu" }),
      optOut ? 1 : 0,
      created,
      lastActive,
      Math.floor(rand(i, 13) * 50),
    ]);
    const telegram = rand(i, 14) < 0.88;
    const blocked = telegram && rand(i, 15) < 0.05;
    identities.push([
      telegram ? "telegram" : "web",
      telegram ? String(POPULATION_CHAT_BASE + i) : hex(i, 100),
      id,
      created,
      blocked ? lastActive + DAY : null,
    ]);
    if (rand(i, 16) < 0.55) links.push([`s${i % referents}`, id, created + DAY]);
    // About one Telegram update a day of the last week per person active then (update ids are kept 7 days).
    if (now - lastActive < 7 * DAY) for (let k = 0; k < 8; k++) updates.push([updateId++, lastActive - k * 3_600_000]);
    if (rand(i, 17) < 0.15) alert(id, i, "help", "normal", null, lastActive - DAY, rand(i, 18) < 0.95);
    if (rand(i, 19) < 0.03) alert(id, i, "help", "normal", null, lastActive - 5 * DAY, true);
    if (rand(i, 20) < 0.02) alert(id, i, "crisis", "severe", "suicide", lastActive - 2 * DAY, rand(i, 21) < 0.97);
    if (rand(i, 22) < 0.005) alert(id, i, "escalation", "severe", null, lastActive - 2 * DAY, true);
    if (!birth) continue;
    const profile: Profile = {
      birth,
      ...(status ? { status: status as Profile["status"] } : {}),
      ...(dept ? { dept: dept as Profile["dept"] } : {}),
      ...(enteredCare ? { enteredCare } : {}),
    };
    // Progress: the steps that are due now or late, half of them done, some "not for me".
    const progress: Progress = {};
    for (const step of roadmap(profile, today)) {
      if (step.state !== "overdue" && step.state !== "now") continue;
      const r = rand(i, 200 + step.id.length + step.id.charCodeAt(0));
      if (r < 0.5) progress[step.id] = "done";
      else if (r < 0.6) progress[step.id] = "skipped";
    }
    for (const [stepId, state] of Object.entries(progress)) progressRows.push([id, stepId, state, lastActive]);
    // Steady state: what yesterday's runs found was given (reminders on Telegram, deadline alerts raised).
    const settings = settingsFor(rules, profile);
    const given = new Set<string>();
    if (!options.catchUp)
      for (const [day, at] of [
        [parisDate(now - 23 * DAY), now - 23 * DAY],
        [parisDate(now - 7 * DAY), now - 7 * DAY],
        [yesterday, now - DAY - 3_600_000],
      ] as const) {
        for (const r of dueReminders(roadmap(profile, day, progress), settings)) {
          const key = `${r.stepId}/${r.kind}`;
          if (given.has(key)) continue;
          given.add(key);
          reminders.push([id, r.stepId, r.kind, telegram && !optOut ? "telegram" : "chat", at]);
        }
      }
    const alerted = options.catchUp ? [] : deadlineAlerts(roadmap(profile, yesterday, progress), settings);
    for (const stepId of alerted) alert(id, i, "deadline", "high", stepId, now - DAY, rand(i, 23) < 0.8);
    // What today's runs should find: the ground truth the cron bench checks its work against.
    const todaySteps = roadmap(profile, today, progress);
    // Silent for over a year: the cron's first run of the day purges them before any reminder (worker/scheduled.ts).
    const purged = now - lastActive > 365 * DAY;
    if (
      telegram &&
      !blocked &&
      !optOut &&
      !purged &&
      dueReminders(todaySteps, settings).some((r) => !given.has(`${r.stepId}/${r.kind}`))
    )
      dueToday.reminders++;
    dueToday.deadlineAlerts += deadlineAlerts(todaySteps, settings).filter(
      (stepId) => !alerted.includes(stepId),
    ).length;
  }

  const staff: unknown[][] = Array.from({ length: referents }, (_, k) => [
    `s${k}`,
    `referent${k}@example.org`,
    `Référent ${k}`,
    "referent",
    now - 400 * DAY,
    `t${k % teams}`,
  ]);
  const teamRows: unknown[][] = Array.from({ length: teams }, (_, k) => [`t${k}`, `Équipe ${k}`, now - 400 * DAY]);
  // Anonymous counters: a year of days × the events a day sees (topics, steps, FAQs, onboarding stages).
  const counters: unknown[][] = [];
  for (let d = 0; d < 365; d++)
    for (let k = 0; k < 60; k++)
      counters.push([
        parisDate(now - d * DAY),
        ["topic", "step", "faq", "onboarding"][k % 4],
        `key-${k}`,
        1 + Math.floor((rand(d, k) * n) / 500),
      ]);
  const unanswered: unknown[][] = Array.from({ length: Math.min(5000, Math.ceil(n / 20)) }, (_, k) => [
    `question sans reponse numero ${k}`,
    "fr",
    1 + (k % 7),
    now - (k % 90) * DAY,
  ]);

  const statements = [
    ...insert("teams", ["id", "name", "created_at"], teamRows),
    ...insert("staff", ["id", "email", "name", "role", "created_at", "team_id"], staff),
    ...insert(
      "young_people",
      [
        "id",
        "locale",
        "birth",
        "status",
        "dept",
        "entered_care",
        "consent_at",
        "cursor",
        "reminders_opt_out",
        "created_at",
        "last_active_at",
        "revision",
      ],
      people,
    ),
    ...insert("identities", ["channel", "key", "young_id", "created_at", "blocked_at"], identities),
    ...insert("referent_links", ["staff_id", "young_id", "created_at"], links),
    ...insert("roadmap_progress", ["young_id", "step_id", "state", "updated_at"], progressRows),
    ...insert("reminders_sent", ["young_id", "step_id", "kind", "channel", "sent_at"], reminders),
    ...insert(
      "alerts",
      [
        "id",
        "young_id",
        "kind",
        "severity",
        "subject",
        "created_at",
        "acknowledged_at",
        "acknowledged_by",
        "young_notified_at",
      ],
      alerts,
    ),
    ...insert(
      "alert_deliveries",
      ["id", "alert_id", "channel", "recipient", "status", "attempts", "delivered_at", "created_at"],
      deliveries,
    ),
    ...insert("telegram_updates", ["update_id", "received_at"], updates),
    ...insert("event_counts", ["day", "event", "key", "count"], counters),
    ...insert("unanswered_questions", ["text", "locale", "count", "last_seen_at"], unanswered),
  ];
  const counts = {
    young_people: people.length,
    identities: identities.length,
    referent_links: links.length,
    roadmap_progress: progressRows.length,
    reminders_sent: reminders.length,
    alerts: alerts.length,
    alert_deliveries: deliveries.length,
    telegram_updates: updates.length,
    staff: staff.length,
    teams: teamRows.length,
    event_counts: counters.length,
    unanswered_questions: unanswered.length,
  };
  return { statements, counts, dueToday };
}

/** The peer's D1 at the same size: one grammY session per young person. */
export function peerPopulation(n: number, now: number): Statement[] {
  const rows: unknown[][] = [];
  for (let i = 0; i < n; i++)
    rows.push([
      String(POPULATION_CHAT_BASE + i),
      JSON.stringify({
        locale: "fr",
        consent: true,
        birth: "2007-05",
        status: "ase",
        dept: "44",
        screen: { at: "menu" },
      }),
      now - Math.floor(380 * rand(i, 1) ** 2 * DAY),
    ]);
  return insert("sessions", ["key", "value", "updated_at"], rows);
}
