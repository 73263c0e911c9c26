import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { configOf, RETENTION_DEFAULTS } from "../../../worker/config.ts";
import type { TelegramRepliesMessage } from "../../../worker/telegram/outbox.ts";
import { seedContent } from "../../support/content.ts";
import { batchesSent } from "../../support/queue.ts";
import { makeStaff } from "../../support/staff.ts";
import { postUpdate, textUpdate } from "../../support/telegram.ts";
import { openSession, sendRaw } from "../../support/webchat.ts";
import { runCron } from "../../support/cron.ts";

/**
 * Issue 15 "Retention" and issue 22, finding 12: each kind of data is pruned after its own
 * setting (worker/config.ts RETENTION_DEFAULTS); an inactive profile is deleted after a
 * warning where the channel allows it, and the référent is told that the link ended.
 */

const DAY = 86_400_000;
/** On the hour: the retention jobs run in the cron's first run of each hour. */
const T0 = Date.parse("2026-06-01T10:00:00Z");
const D = RETENTION_DEFAULTS;

const queued = batchesSent<TelegramRepliesMessage>();

beforeAll(async () => {
  await seedContent();
});

async function telegramPerson(chatId: number): Promise<string> {
  expect((await postUpdate(textUpdate(chatId, "/start"))).status).toBe(200);
  const row = await env.DB.prepare("select young_id as id from identities where channel = 'telegram' and key = ?")
    .bind(String(chatId))
    .first<{ id: string }>();
  return row!.id;
}

const setLastActive = (id: string, at: number) =>
  env.DB.prepare("update young_people set last_active_at = ? where id = ?").bind(at, id).run();
const exists = async (id: string) =>
  (await env.DB.prepare("select 1 as x from young_people where id = ?").bind(id).first()) !== null;

describe("inactive profiles", () => {
  it("should warn on Telegram before the profile expires, delete it only after the warning period, and tell the référent without saying why", async () => {
    const id = await telegramPerson(71_001);
    const referent = await makeStaff("referent");
    await env.DB.batch([
      env.DB.prepare("update staff set telegram_chat_id = '81001' where id = ?").bind(referent.id),
      env.DB.prepare("insert into referent_links (staff_id, young_id, created_at) values (?, ?, ?)").bind(
        referent.id,
        id,
        T0,
      ),
    ]);
    // Silent for one day past "retention minus warning".
    await setLastActive(id, T0 - (D.PROFILE_RETENTION_DAYS - D.PURGE_WARNING_DAYS + 1) * DAY);
    await runCron(T0);
    expect(queued).toEqual([
      expect.objectContaining({
        chatId: "71001",
        replies: [{ text: expect.stringContaining(`Dans ${D.PURGE_WARNING_DAYS} jours, j'effacerai`) }],
      }),
    ]);
    expect(await exists(id)).toBe(true);

    // Warned once, not every hour.
    queued.length = 0;
    await runCron(T0 + 3_600_000);
    expect(queued).toEqual([]);

    // Past the retention, but warned less than the warning period ago: still kept.
    await runCron(T0 + (D.PURGE_WARNING_DAYS - 1) * DAY);
    expect(await exists(id)).toBe(true);

    await runCron(T0 + (D.PURGE_WARNING_DAYS + 1) * DAY);
    expect(await exists(id)).toBe(false);
    expect(queued).toEqual([
      {
        type: "telegram_replies",
        chatId: "81001",
        attempt: 1,
        replies: [{ text: expect.stringMatching(/a pris fin/) }],
      },
    ]);
    expect(queued[0]!.replies[0]!.text).not.toMatch(/inactiv|effac|supprim|delet|why|pourquoi/i);
  });

  it("should keep a warned person who came back", async () => {
    const id = await telegramPerson(71_002);
    await setLastActive(id, T0 - (D.PROFILE_RETENTION_DAYS - D.PURGE_WARNING_DAYS + 1) * DAY);
    await runCron(T0);
    expect(queued.map((m) => m.chatId)).toContain("71002");
    await env.DB.prepare("update young_people set last_active_at = ? where id = ?")
      .bind(T0 + DAY, id)
      .run();
    await runCron(T0 + (D.PURGE_WARNING_DAYS + 1) * DAY);
    expect(await exists(id)).toBe(true);
  });

  it("should delete at the retention time a person who cannot be warned (bot blocked)", async () => {
    const id = await telegramPerson(71_003);
    await env.DB.prepare("update identities set blocked_at = ? where young_id = ?")
      .bind(T0 - 10 * DAY, id)
      .run();
    await setLastActive(id, T0 - (D.PROFILE_RETENTION_DAYS - 1) * DAY);
    await runCron(T0);
    expect(await exists(id)).toBe(true);
    await setLastActive(id, T0 - (D.PROFILE_RETENTION_DAYS + 1) * DAY);
    await runCron(T0);
    expect(await exists(id)).toBe(false);
  });

  it("should delete a web profile once its token expired, and refuse the token", async () => {
    const session = await openSession({ locale: "fr" });
    await setLastActive(session.sessionId, T0 - (D.WEB_SESSION_IDLE_DAYS + 1) * DAY);
    await runCron(T0);
    expect(await exists(session.sessionId)).toBe(false);
    expect((await sendRaw(session.token, JSON.stringify({ text: "bonjour" }))).status).toBe(401);
  });

  it("should follow PROFILE_RETENTION_DAYS and PURGE_WARNING_DAYS when they are set", async () => {
    const id = await telegramPerson(71_004);
    const on = { ...env, PROFILE_RETENTION_DAYS: "30", PURGE_WARNING_DAYS: "3" } as Env;
    await setLastActive(id, T0 - 28 * DAY);
    await runCron(T0, on);
    expect(queued).toEqual([
      expect.objectContaining({ chatId: "71004", replies: [{ text: expect.stringContaining("Dans 3 jours") }] }),
    ]);
    await runCron(T0 + 4 * DAY, on);
    expect(await exists(id)).toBe(false);
  });
});

describe("records", () => {
  it("should prune update ids, finished alerts, audit entries, expired staff sessions and used link codes after their own retention", async () => {
    const staff = await makeStaff("referent");
    const young = await telegramPerson(71_010);
    const old = (days: number) => T0 - (days + 1) * DAY;
    const recent = (days: number) => T0 - (days - 1) * DAY;
    await env.DB.batch([
      env.DB.prepare("insert into telegram_updates (update_id, received_at) values (900001, ?), (900002, ?)").bind(
        old(D.TELEGRAM_UPDATE_IDS_DAYS),
        recent(D.TELEGRAM_UPDATE_IDS_DAYS),
      ),
      env.DB.prepare("insert into audit_log (staff_id, action, at) values (?1, 'old', ?2), (?1, 'recent', ?3)").bind(
        staff.id,
        old(D.AUDIT_LOG_RETENTION_DAYS),
        recent(D.AUDIT_LOG_RETENTION_DAYS),
      ),
      env.DB.prepare(
        "insert into staff_sessions (token_hash, staff_id, created_at, expires_at) values ('s-old', ?1, 0, ?2), ('s-recent', ?1, 0, ?3)",
      ).bind(staff.id, old(D.STAFF_SESSION_RETENTION_DAYS), recent(D.STAFF_SESSION_RETENTION_DAYS)),
      env.DB.prepare(
        "insert into link_codes (code_hash, purpose, staff_id, created_at, expires_at, used_at) values ('c-used', 'young', ?1, 0, ?2, ?2 - 3600000), ('c-expired', 'young', ?1, 0, ?2, null), ('c-recent', 'young', ?1, 0, ?3, ?3 - 3600000), ('c-open', 'young', ?1, 0, ?4, null)",
      ).bind(staff.id, old(D.LINK_CODE_RETENTION_DAYS), recent(D.LINK_CODE_RETENTION_DAYS), T0 + DAY),
      env.DB.prepare(
        "insert into alerts (id, young_id, kind, severity, created_at) values ('a-old', ?1, 'help', 'normal', ?2), ('a-pending', ?1, 'help', 'normal', ?2), ('a-recent', ?1, 'help', 'normal', ?3)",
      ).bind(young, old(D.ALERT_RETENTION_DAYS), recent(D.ALERT_RETENTION_DAYS)),
      env.DB.prepare(
        "insert into alert_deliveries (id, alert_id, channel, recipient, status, created_at) values ('d-old', 'a-old', 'webhook', 'team', 'delivered', 0), ('d-pending', 'a-pending', 'webhook', 'team', 'pending', 0)",
      ),
    ]);
    await runCron(T0);
    const ids = async (sql: string) =>
      (await env.DB.prepare(sql).all<{ k: string | number }>()).results.map((r) => r.k);
    expect(await ids("select update_id as k from telegram_updates where update_id > 900000 order by k")).toEqual([
      900002,
    ]);
    expect(await ids(`select action as k from audit_log where staff_id = '${staff.id}' order by k`)).toEqual([
      "recent",
    ]);
    expect(await ids(`select token_hash as k from staff_sessions where staff_id = '${staff.id}' order by k`)).toEqual([
      "s-recent",
    ]);
    expect(await ids(`select code_hash as k from link_codes where staff_id = '${staff.id}' order by k`)).toEqual([
      "c-open",
      "c-recent",
    ]);
    expect(await ids("select id as k from alerts where id like 'a-%' order by k")).toEqual(["a-pending", "a-recent"]);
    expect(await ids("select id as k from alert_deliveries where id like 'd-%' order by k")).toEqual(["d-pending"]);
  });
});

describe("retention settings", () => {
  it("should refuse a retention that is not a whole number of days, naming it", () => {
    for (const value of ["0", "-1", "un an", "1.5"]) {
      expect(() => configOf({ ...env, AUDIT_LOG_RETENTION_DAYS: value } as Env)).toThrow(
        /AUDIT_LOG_RETENTION_DAYS: a whole number/,
      );
    }
  });
});
