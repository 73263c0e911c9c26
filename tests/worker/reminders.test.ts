import { env } from "cloudflare:workers";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { publishSeedRoadmapRules } from "../support/content.ts";
import { fakeTelegram } from "../support/outside.ts";
import { recordingQueue } from "../support/queue.ts";

type Person = {
  id: string;
  channel: "telegram" | "web";
  key: string;
  birth: string | null;
  status?: string;
  dept?: string;
  optOut?: boolean;
  blocked?: boolean;
};

const people: Person[] = [
  // Autonomy interview due 2026-02-01 (birthday taken as the 1st of February 2009).
  { id: "due", channel: "telegram", key: "111", birth: "2009-02", status: "ase", dept: "49" },
  { id: "opted-out", channel: "telegram", key: "222", birth: "2009-02", status: "ase", dept: "49", optOut: true },
  { id: "blocked", channel: "telegram", key: "333", birth: "2009-02", status: "ase", dept: "44", blocked: true },
  { id: "web", channel: "web", key: "a".repeat(64), birth: "2009-02", status: "ase", dept: "44" },
  { id: "nothing-due", channel: "telegram", key: "444", birth: "2011-07", status: "ase", dept: "44" },
  { id: "no-birth", channel: "telegram", key: "555", birth: null, status: "mna", dept: "44" },
];

/** The cron, then the queue it hands the reminders to (worker/roadmap-scan.ts), drained. */
async function runCron(iso: string): Promise<void> {
  const queue = recordingQueue();
  await queue.cron(iso);
  await queue.drain();
}

const sentTo = (chatId: string) =>
  fakeTelegram.messages.filter((c) => c.method === "sendMessage" && String(c.params.chat_id) === chatId);

beforeAll(async () => {
  await publishSeedRoadmapRules();
  const at = Date.parse("2026-01-10T10:00:00Z");
  for (const p of people) {
    await env.DB.prepare(
      "insert into young_people (id, locale, birth, status, dept, reminders_opt_out, cursor, created_at, last_active_at) values (?, 'fr', ?, ?, ?, ?, '{\"at\":\"menu\"}', ?, ?)",
    )
      .bind(p.id, p.birth, p.status ?? null, p.dept ?? null, p.optOut ? 1 : 0, at, at)
      .run();
    await env.DB.prepare(
      "insert into identities (channel, key, young_id, created_at, blocked_at) values (?, ?, ?, ?, ?)",
    )
      .bind(p.channel, p.key, p.id, at, p.blocked ? at : null)
      .run();
  }
});

beforeEach(() => fakeTelegram.reset());

describe("scheduled roadmap reminders", () => {
  it("should send nothing during quiet hours (22:30 in Paris) and record nothing", async () => {
    await runCron("2026-01-15T21:30:00Z");
    await runCron("2026-01-15T06:55:00Z");
    expect(fakeTelegram.messages).toEqual([]);
    const rows = await env.DB.prepare("select count(*) as n from reminders_sent").first<{ n: number }>();
    expect(rows?.n).toBe(0);
  });

  it("should send exactly the due reminder, once, only to the Telegram user who can get it", async () => {
    await runCron("2026-01-15T09:00:00Z");
    expect(fakeTelegram.messages).toHaveLength(1);
    const [message] = sentTo("111");
    expect(String(message?.params.text)).toContain("Ton entretien d'autonomie");
    expect(String(message?.params.text)).toContain("01/02/2026");
    const stored = await env.DB.prepare("select young_id, step_id, kind, channel from reminders_sent").all();
    expect(stored.results).toEqual([
      { young_id: "due", step_id: "autonomy-interview", kind: "before-30", channel: "telegram" },
    ]);
  });

  it("should send nothing twice when the cron runs again", async () => {
    await runCron("2026-01-15T09:00:00Z");
    await runCron("2026-01-15T09:05:00Z");
    await runCron("2026-01-16T09:10:00Z");
    expect(fakeTelegram.messages).toEqual([]);
  });

  it("should send the next reminder when the next threshold is reached, at most one message a day", async () => {
    await runCron("2026-01-26T09:00:00Z");
    expect(sentTo("111")).toHaveLength(1);
    expect(fakeTelegram.messages).toHaveLength(1);
    await runCron("2026-01-26T15:00:00Z");
    expect(fakeTelegram.messages).toHaveLength(1);
  });

  it("should mark the identity blocked when Telegram says the bot was blocked", async () => {
    fakeTelegram.failNext({
      status: 403,
      body: { ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" },
    });
    await runCron("2026-02-02T09:00:00Z");
    const row = await env.DB.prepare("select blocked_at from identities where key = '111'").first<{
      blocked_at: number | null;
    }>();
    expect(row?.blocked_at).not.toBeNull();
    await env.DB.prepare("update identities set blocked_at = null where key = '111'").run();
  });
});

describe("scheduled deadline alerts", () => {
  it("should raise one deadline alert per overdue step and young person, even when run again", async () => {
    await runCron("2026-02-09T09:00:00Z");
    await runCron("2026-02-09T10:00:00Z");
    const rows = await env.DB.prepare(
      "select young_id, subject from alerts where kind = 'deadline' order by young_id",
    ).all<{ young_id: string; subject: string }>();
    const forDue = rows.results.filter((r) => r.young_id === "due").map((r) => r.subject);
    expect(forDue).toEqual(["autonomy-interview"]);
    // Web users get deadline alerts too (delivery is the alerts pipeline's job); opted-out reminders do not stop alerts.
    expect(rows.results.map((r) => r.young_id)).toEqual(expect.arrayContaining(["web", "opted-out"]));
    expect(rows.results.filter((r) => r.young_id === "nothing-due")).toEqual([]);
  });

  it("should not alert for a step the young person marked done", async () => {
    await env.DB.prepare("delete from alerts where young_id = 'blocked'").run();
    await env.DB.prepare(
      "insert into roadmap_progress (young_id, step_id, state, updated_at) values ('blocked', 'autonomy-interview', 'done', 0)",
    ).run();
    await runCron("2026-02-10T09:00:00Z");
    const n = await env.DB.prepare(
      "select count(*) as n from alerts where young_id = 'blocked' and subject = 'autonomy-interview'",
    ).first<{ n: number }>();
    expect(n?.n).toBe(0);
  });
});

describe("the permit renewal of an MNA who gave the card's month and not the birth month (issue 19)", () => {
  // Card ending in September 2026: renewal due 2026-07-03. Its id sorts last, after the other tests' people.
  beforeAll(async () => {
    const at = Date.parse("2026-01-10T10:00:00Z");
    await env.DB.prepare(
      "insert into young_people (id, locale, birth, status, dept, permit_expiry, cursor, created_at, last_active_at) values ('z-card', 'fr', null, 'mna', '44', '2026-09', '{\"at\":\"menu\"}', ?, ?)",
    )
      .bind(at, at)
      .run();
    await env.DB.prepare(
      "insert into identities (channel, key, young_id, created_at) values ('telegram', '999', 'z-card', ?)",
    )
      .bind(at)
      .run();
  });

  it("should send nothing before the renewal's first threshold", async () => {
    await runCron("2026-05-20T09:00:00Z");
    expect(sentTo("999")).toEqual([]);
  });

  it("should send the renewal reminder once, then raise the deadline alert once it is late", async () => {
    await runCron("2026-06-10T09:00:00Z");
    await runCron("2026-06-10T10:00:00Z");
    const sent = sentTo("999");
    expect(sent).toHaveLength(1);
    expect(String(sent[0]?.params.text)).toContain("03/07/2026");
    await runCron("2026-07-12T09:00:00Z");
    const alerts = await env.DB.prepare(
      "select subject from alerts where young_id = 'z-card' and kind = 'deadline'",
    ).all<{ subject: string }>();
    expect(alerts.results).toEqual([{ subject: "residence-permit-renewal" }]);
  });
});
