import { env } from "cloudflare:workers";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { PAGES_PER_INVOCATION } from "../../worker/roadmap-scan.ts";
import { REMINDER_PAGE, REMINDERS_PER_SECOND } from "../../worker/reminders.ts";
import { drainDeliveries } from "../support/alerts.ts";
import { publishSeedRoadmapRules } from "../support/content.ts";
import { fakeReceiver, fakeTelegram } from "../support/outside.ts";
import { recordingQueue } from "../support/queue.ts";
import { openSession, send } from "../support/webchat.ts";

const MINUTE = 60 * 1000;

/** The cron, then the roadmap scans and reminders it handed to the queue, drained. */
async function runCron(at: number, on: Env = env): Promise<void> {
  const queue = recordingQueue(on);
  await queue.cron(at);
  await queue.drain();
}

/** The same D1, refusing every statement whose SQL matches `pattern` (a table D1 cannot read today). */
function envWithFailing(pattern: RegExp): Env {
  const real = env.DB;
  const DB = new Proxy(real, {
    get(target, prop) {
      if (prop === "prepare") {
        return (query: string) => {
          if (pattern.test(query)) throw new Error("D1_ERROR: injected failure for young person 'yp-secret'");
          return target.prepare(query);
        };
      }
      const value = Reflect.get(target, prop) as unknown;
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { ...env, DB };
}

let personNo = 0;

/** n onboarded Telegram users, born in February 2009, at the ASE in Maine-et-Loire. */
async function telegramPeople(prefix: string, n: number): Promise<string[]> {
  const at = Date.parse("2026-01-10T10:00:00Z");
  const ids: string[] = [];
  const statements: D1PreparedStatement[] = [];
  for (let i = 0; i < n; i++) {
    const id = `${prefix}-${String(i).padStart(4, "0")}`;
    ids.push(id);
    statements.push(
      env.DB.prepare(
        "insert into young_people (id, locale, birth, status, dept, consent_at, cursor, created_at, last_active_at) values (?, 'fr', '2009-02', 'ase', '49', ?, '{\"at\":\"menu\"}', ?, ?)",
      ).bind(id, at, at, at),
      env.DB.prepare("insert into identities (channel, key, young_id, created_at) values ('telegram', ?, ?, ?)").bind(
        String(700_000 + personNo++),
        id,
        at,
      ),
    );
  }
  for (let i = 0; i < statements.length; i += 500) await env.DB.batch(statements.slice(i, i + 500));
  return ids;
}

async function crisisAt(youngId: string, at: number): Promise<string> {
  const id = crypto.randomUUID();
  await env.DB.prepare(
    "insert into alerts (id, young_id, kind, severity, subject, created_at) values (?, ?, 'crisis', 'high', 'violence', ?)",
  )
    .bind(id, youngId, at)
    .run();
  return id;
}

const escalationOf = (crisisId: string) =>
  env.DB.prepare("select id from alerts where kind = 'escalation' and subject = ?")
    .bind(crisisId)
    .first<{ id: string }>();

beforeEach(() => {
  fakeTelegram.reset();
  fakeReceiver.reset();
});

describe("crisis escalation at scale (issue 22, finding 1)", () => {
  it("should escalate and deliver 8 crises raised before one cron run", async () => {
    // The audit raised them with one session and eight "alert:flood" actions; a session may no
    // longer raise alerts that way (tests/worker/web/chat-actions.test.ts), so here eight
    // young people each type a crisis, then the cron runs past the escalation delay (30 minutes).
    for (let i = 0; i < 8; i++) {
      const young = await openSession();
      await send(young.token, { action: "lang:fr" });
      await send(young.token, { action: "privacy:skip" });
      await send(young.token, { text: "mon beau-père me frappe" });
    }
    const crises = await env.DB.prepare("select id from alerts where kind = 'crisis'").all<{ id: string }>();
    expect(crises.results).toHaveLength(8);
    await drainDeliveries();
    await runCron(Date.now() + 31 * MINUTE);
    const escalations =
      await env.DB.prepare(`select a.subject as crisis, (select count(*) from alert_deliveries d where d.alert_id = a.id) as deliveries
      from alerts a where a.kind = 'escalation'`).all<{ crisis: string; deliveries: number }>();
    expect(escalations.results.map((e) => e.crisis).sort()).toEqual(crises.results.map((c) => c.id).sort());
    // Each escalation reaches the backup contact (Telegram) and the team webhook.
    expect(escalations.results.map((e) => e.deliveries)).toEqual(Array(8).fill(2));
    await drainDeliveries();
    const toBackup = fakeTelegram.messages.filter(
      (m) => String(m.params.chat_id) === "9999" && /ESCALADE/.test(String(m.params.text)),
    );
    expect(toBackup).toHaveLength(8);
  });
});

describe("the cron past 100 people (issue 22, finding 2)", () => {
  beforeAll(async () => {
    await publishSeedRoadmapRules();
  });

  it("should send every due reminder to 150 Telegram users and still escalate a crisis in the same run", async () => {
    const people = await telegramPeople("rem", 150);
    const at = Date.parse("2026-01-15T09:00:00Z");
    const crisis = await crisisAt(people[0]!, at - 60 * MINUTE);
    await runCron(at);
    const reminded = await env.DB.prepare(
      "select count(distinct young_id) as n from reminders_sent where young_id like 'rem-%' and channel = 'telegram'",
    ).first<{ n: number }>();
    expect(reminded!.n).toBe(150);
    expect(fakeTelegram.messages.filter((m) => /entretien d'autonomie/.test(String(m.params.text)))).toHaveLength(150);
    expect(await escalationOf(crisis)).not.toBeNull();
  });

  it("should run the hourly deadline scan over 150 people with a birth month", async () => {
    await runCron(Date.parse("2026-02-09T09:00:00Z"));
    const alerted = await env.DB.prepare(
      "select count(*) as n from alerts where kind = 'deadline' and subject = 'autonomy-interview' and young_id like 'rem-%'",
    ).first<{ n: number }>();
    expect(alerted!.n).toBe(150);
    await runCron(Date.parse("2026-02-09T10:00:00Z"));
    const again = await env.DB.prepare(
      "select count(*) as n from alerts where kind = 'deadline' and young_id like 'rem-%'",
    ).first<{ n: number }>();
    expect(again!.n).toBe(150);
  });
});

describe("one failing cron job", () => {
  it("should not stop the others, and should be logged by name without personal data", async () => {
    const [young] = await telegramPeople("iso", 1);
    const at = Date.parse("2026-01-20T09:00:00Z");
    const crisis = await crisisAt(young!, at - 60 * MINUTE);
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      // Reminders and the purge cannot run; escalations, dispatch and requeue must.
      await expect(runCron(at, envWithFailing(/reminders_sent|last_active_at </))).rejects.toThrow(
        "cron jobs failed: reminders, profile retention",
      );
      const logged = errors.mock.calls.map((args) => args.map(String).join(" "));
      expect(logged).toEqual(["cron job failed reminders Error", "cron job failed profile retention Error"]);
      expect(logged.join("\n")).not.toMatch(/yp-secret|iso-0000/);
    } finally {
      errors.mockRestore();
    }
    const escalation = await escalationOf(crisis);
    expect(escalation).not.toBeNull();
    const deliveries = await env.DB.prepare(
      "select channel, recipient from alert_deliveries where alert_id = ? order by channel",
    )
      .bind(escalation!.id)
      .all();
    expect(deliveries.results).toEqual([
      { channel: "telegram", recipient: "backup" },
      { channel: "webhook", recipient: "team" },
    ]);
  });
});

describe("the cron past one invocation's work (issue 16: fan-out through the queue)", () => {
  it("should hand reminders to the queue in bounded pages, paced under Telegram's 30 messages a second, each sent once", async () => {
    const people = 1_200;
    await telegramPeople("fan", people);
    // 7 days before the autonomy interview of people born in February 2009: a reminder each.
    const queue = recordingQueue();
    await queue.cron("2026-01-26T09:00:00Z");
    // The cron itself sends nothing and queues at most its pages' worth, then hands on.
    expect(fakeTelegram.messages).toEqual([]);
    const fromCron = queue.sent.filter((m) => m.body.type === "telegram_replies");
    expect(fromCron.length).toBeLessThanOrEqual(PAGES_PER_INVOCATION * REMINDER_PAGE);
    expect(queue.sent.filter((m) => m.body.type === "roadmap_scan")).toHaveLength(1);
    const invocations = await queue.drain();
    expect(invocations).toBeGreaterThan(1);
    const toFan = fakeTelegram.messages.filter(
      (m) => /entretien d'autonomie/.test(String(m.params.text)) && Number(m.params.chat_id) >= 700_000,
    );
    const reminded = await env.DB.prepare(
      "select count(distinct young_id) as n, count(*) as rows from reminders_sent where young_id like 'fan-%' and channel = 'telegram' and sent_at = ?",
    )
      .bind(Date.parse("2026-01-26T09:00:00Z"))
      .first<{ n: number; rows: number }>();
    expect(reminded).toEqual({ n: people, rows: people });
    const fanChats = new Set(
      (
        await env.DB.prepare("select key from identities where young_id like 'fan-%'").all<{ key: string }>()
      ).results.map((r) => r.key),
    );
    const sentToFan = toFan.filter((m) => fanChats.has(String(m.params.chat_id)));
    expect(sentToFan).toHaveLength(people);
    expect(new Set(sentToFan.map((m) => String(m.params.chat_id))).size).toBe(people);
    // No second of the scan has more reminders falling due than the pace allows.
    const perSecond = new Map<number, number>();
    for (const m of queue.sent.filter((x) => x.body.type === "telegram_replies"))
      perSecond.set(Math.floor(m.dueAt), (perSecond.get(Math.floor(m.dueAt)) ?? 0) + 1);
    expect(Math.max(...perSecond.values())).toBeLessThanOrEqual(REMINDERS_PER_SECOND);
    expect(REMINDERS_PER_SECOND).toBeLessThan(30);
  });
});
