import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import {
  alertsByIds,
  alertsFor,
  insertDeliveries,
  linkedStaff,
  markYoungNotified,
  raiseEscalations,
} from "../../../worker/store/alerts.ts";
import { chunksOf, MAX_BOUND_PARAMS } from "../../../worker/store/chunks.ts";
import { database } from "../../../worker/store/db.ts";
import {
  peopleWithDates,
  raiseDeadlineAlerts,
  recordReminders,
  reminderCandidates,
  roadmapWrites,
} from "../../../worker/store/roadmap.ts";
import { teamsByIds } from "../../../worker/store/teams.ts";
import { dispatchAlerts } from "../../../worker/alerts/dispatch.ts";
import type { BatchItem } from "drizzle-orm/batch";

/**
 * Every query whose parameter count grows with data, at the sizes around D1's limit of 100
 * bound parameters per statement (issue 22, findings 1–3): 0, 99, 100, 101 and 1 000 elements.
 * Each size works on its own rows (ids prefixed by the test and the size).
 */
const SIZES = [0, 99, 100, 101, 1000];
const db = database(env.DB);
const T0 = Date.parse("2026-03-01T10:00:00Z");

async function run(statements: D1PreparedStatement[]): Promise<void> {
  for (let i = 0; i < statements.length; i += 500) await env.DB.batch(statements.slice(i, i + 500));
}

const ids = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => `${prefix}-${String(i).padStart(4, "0")}`);

/** n young people (birth month given), optionally on Telegram, each with one alert of `kind`. */
async function people(
  prefix: string,
  n: number,
  options: { telegram?: boolean; alert?: "crisis" | "help"; alertAt?: number } = {},
): Promise<string[]> {
  const list = ids(prefix, n);
  const statements: D1PreparedStatement[] = [];
  list.forEach((id, i) => {
    statements.push(
      env.DB.prepare(
        "insert into young_people (id, locale, birth, status, dept, cursor, created_at, last_active_at) values (?, 'fr', '2007-02', 'ase', '44', '{\"at\":\"menu\"}', ?, ?)",
      ).bind(id, T0, T0),
    );
    if (options.telegram)
      statements.push(
        env.DB.prepare("insert into identities (channel, key, young_id, created_at) values ('telegram', ?, ?, ?)").bind(
          `${prefix}-chat-${i}`,
          id,
          T0,
        ),
      );
    if (options.alert)
      statements.push(
        env.DB.prepare(
          "insert into alerts (id, young_id, kind, severity, created_at) values (?, ?, ?, 'high', ?)",
        ).bind(`${id}-alert`, id, options.alert, options.alertAt ?? T0),
      );
  });
  await run(statements);
  return list;
}

async function staffMember(id: string, role = "referent"): Promise<void> {
  await env.DB.prepare(
    "insert into staff (id, email, name, role, created_at, telegram_chat_id) values (?, ?, ?, ?, ?, ?)",
  )
    .bind(id, `${id}@example.org`, id, role, T0, `${id}-tg`)
    .run();
}

async function link(staffId: string, youngIds: string[]): Promise<void> {
  await run(
    youngIds.map((y) =>
      env.DB.prepare("insert into referent_links (staff_id, young_id, created_at) values (?, ?, ?)").bind(
        staffId,
        y,
        T0,
      ),
    ),
  );
}

describe("chunksOf", () => {
  it("should cut lists so that no piece binds more than 100 parameters", () => {
    for (const n of SIZES) {
      for (const [per, others] of [
        [1, 0],
        [1, 2],
        [7, 0],
        [5, 0],
      ] as const) {
        const pieces = chunksOf(ids("x", n), per, others);
        expect(pieces.flat()).toHaveLength(n);
        expect(pieces.every((p) => p.length > 0 && p.length * per + others <= MAX_BOUND_PARAMS)).toBe(true);
      }
    }
    expect(() => chunksOf(["a"], 101)).toThrow();
  });
});

describe.each(SIZES)("queries over %i elements", (n) => {
  it("alertsByIds, linkedStaff and markYoungNotified", async () => {
    const young = await people(`ids${n}`, n, { alert: "help" });
    await staffMember(`ref-ids${n}`);
    await link(`ref-ids${n}`, young);
    const alertIds = young.map((y) => `${y}-alert`);
    expect((await alertsByIds(db, alertIds)).map((a) => a.id).sort()).toEqual(alertIds);
    expect((await linkedStaff(db, young)).map((l) => l.youngId).sort()).toEqual(young);
    await markYoungNotified(db, alertIds, T0 + 1);
    const notified = await env.DB.prepare("select count(*) as n from alerts where id like ? and young_notified_at = ?")
      .bind(`ids${n}-%`, T0 + 1)
      .first<{ n: number }>();
    expect(notified!.n).toBe(n);
  });

  it("insertDeliveries, once per alert, channel and recipient", async () => {
    const young = await people(`del${n}`, n, { alert: "help" });
    const rows = young.map((y) => ({ alertId: `${y}-alert`, channel: "webhook" as const, recipient: "team" }));
    expect(await insertDeliveries(db, rows, T0)).toHaveLength(n);
    expect(await insertDeliveries(db, rows, T0)).toHaveLength(0);
  });

  it("teamsByIds", async () => {
    const teamIds = ids(`team${n}`, n);
    await run(
      teamIds.map((id) => env.DB.prepare("insert into teams (id, name, created_at) values (?, ?, ?)").bind(id, id, T0)),
    );
    expect((await teamsByIds(db, teamIds)).map((t) => t.id).sort()).toEqual(teamIds);
  });

  it("alertsFor: a référent's and an admin's dashboard alerts", async () => {
    const young = await people(`dash${n}`, n, { alert: "crisis" });
    await staffMember(`ref-dash${n}`);
    await link(`ref-dash${n}`, young);
    await insertDeliveries(
      db,
      young.map((y) => ({ alertId: `${y}-alert`, channel: "webhook" as const, recipient: "team" })),
      T0,
    );
    const mine = await alertsFor(db, { id: `ref-dash${n}`, role: "referent" });
    expect(mine).toHaveLength(Math.min(n, 200));
    expect(mine.every((a) => a.youngId.startsWith(`dash${n}-`) && a.undelivered.length === 1)).toBe(true);
    expect((await alertsFor(db, { id: "admin", role: "admin" })).length).toBeGreaterThanOrEqual(Math.min(n, 200));
  });

  it("reminderCandidates (with their progress and reminders given) and recordReminders", async () => {
    const young = await people(`rem${n}`, n, { telegram: true });
    await run(
      young.map((y) =>
        env.DB.prepare(
          "insert into roadmap_progress (young_id, step_id, state, updated_at) values (?, 'cjm', 'done', ?)",
        ).bind(y, T0),
      ),
    );
    const candidates = (await reminderCandidates(db, T0, 2000)).filter((c) => c.youngId.startsWith(`rem${n}-`));
    expect(candidates).toHaveLength(n);
    expect(candidates.every((c) => c.progress.cjm === "done" && c.sent.length === 0)).toBe(true);
    const reminders = ids("step", n).map((stepId) => ({ stepId, kind: "before-7" }));
    if (n > 0) {
      expect(await recordReminders(db, young[0]!, reminders, T0)).toBe(true);
      expect(await recordReminders(db, young[0]!, reminders, T0)).toBe(false);
      const given = await reminderCandidates(db, T0 - 1, 2000);
      expect(given.some((c) => c.youngId === young[0])).toBe(false);
    }
  });

  it("remindersShown writes of a turn", async () => {
    const [young] = await people(`shown${n}`, 1);
    const statements = roadmapWrites(
      db,
      young!,
      { type: "remindersShown", reminders: ids("step", n).map((stepId) => ({ stepId, kind: "overdue" })) },
      T0,
    );
    if (statements.length > 0) await db.batch(statements as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
    const stored = await env.DB.prepare("select count(*) as n from reminders_sent where young_id = ?")
      .bind(young!)
      .first<{ n: number }>();
    expect(stored!.n).toBe(n);
  });

  it("peopleWithDates (with progress and deadlines raised) and raiseDeadlineAlerts", async () => {
    const young = await people(`dl${n}`, n);
    const due = young.map((youngId) => ({ youngId, stepId: "residence-permit" }));
    expect(await raiseDeadlineAlerts(db, due, T0)).toHaveLength(n);
    expect(await raiseDeadlineAlerts(db, due, T0)).toHaveLength(0);
    const seen: string[] = [];
    for (let after = `dl${n}-`; ; ) {
      const page = (await peopleWithDates(db, after, 500)).filter((p) => p.youngId.startsWith(`dl${n}-`));
      if (page.length === 0) break;
      expect(page.every((p) => p.alerted.includes("residence-permit"))).toBe(true);
      seen.push(...page.map((p) => p.youngId));
      after = page.at(-1)!.youngId;
    }
    expect(seen).toEqual(young);
  });

  it("raiseEscalations and dispatchAlerts of them", async () => {
    const now = T0 + 365 * 24 * 3600 * 1000 + n;
    const young = await people(`esc${n}`, n, { alert: "crisis", alertAt: now - 3600 * 1000 });
    const escalations = await raiseEscalations(db, now - 30 * 60 * 1000, now);
    expect(escalations).toHaveLength(n);
    expect(await raiseEscalations(db, now - 30 * 60 * 1000, now)).toHaveLength(0);
    const subjects = await alertsByIds(db, escalations);
    expect(subjects.map((e) => e.subject).sort()).toEqual(young.map((y) => `${y}-alert`));
    expect(
      escalations.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id)),
    ).toBe(true);
    // Backup Telegram and team webhook (tests' env) for each escalation.
    expect(await dispatchAlerts(env, escalations, now)).toHaveLength(2 * n);
  });
});
