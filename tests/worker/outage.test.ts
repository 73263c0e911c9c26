import { env } from "cloudflare:workers";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { drainDeliveries } from "../support/alerts.ts";
import { seedContent } from "../support/content.ts";
import { flakyD1, postOn } from "../support/load.ts";
import { fakeTelegram } from "../support/outside.ts";
import { loginAs, newLinkCode } from "../support/staff.ts";
import { buttonUpdate, postUpdate, textUpdate } from "../support/telegram.ts";
import { runCron } from "../support/cron.ts";

/**
 * Issue 15: D1 failing for a moment. Telegram retries an update the webhook answered with a
 * 5xx, so the webhook may answer 5xx only when it recorded nothing of that update (the retry
 * then runs it as new), and must never answer an update twice. Each D1 call of a turn fails
 * in turn, before it runs or after it committed (the answer lost on the way back).
 */

let chatNo = 6_100_000;
let updateNo = 81_000_000;

beforeAll(async () => {
  await seedContent();
});
beforeEach(() => fakeTelegram.reset());

const recorded = async (updateId: number) =>
  (await env.DB.prepare("select 1 from telegram_updates where update_id = ?").bind(updateId).first()) !== null;
const messagesTo = (chat: number) =>
  fakeTelegram.messages.filter((m) => String(m.params.chat_id) === String(chat)).length;

/** A young person past the first screens, whose row this isolate now keeps. */
async function returning(): Promise<number> {
  const chat = chatNo++;
  await postUpdate(textUpdate(chat, "/start"));
  await postUpdate(buttonUpdate(chat, "lang:fr"));
  await postUpdate(buttonUpdate(chat, "privacy:accept"));
  return chat;
}

type Scenario = { name: string; chat: () => Promise<number>; update: (chat: number, id: number) => unknown };
const SCENARIOS: Scenario[] = [
  { name: "a new chat's /start", chat: async () => chatNo++, update: (chat, id) => textUpdate(chat, "/start", id) },
  {
    name: "a returning person's question",
    chat: returning,
    update: (chat, id) => textUpdate(chat, "je cherche un logement", id),
  },
  { name: "a returning person's button", chat: returning, update: (chat, id) => buttonUpdate(chat, "menu", id) },
];

describe.each(["before", "afterCommit"] as const)("a D1 call failing %s", (mode) => {
  it.each(SCENARIOS)(
    "should answer $name exactly once, with a 5xx only when nothing was recorded",
    async (scenario) => {
      const outcomes: string[] = [];
      for (let failAt = 0; failAt < 20; failAt++) {
        const chat = await scenario.chat();
        const updateId = updateNo++;
        const update = scenario.update(chat, updateId);
        let calls = 0;
        const flaky = { ...env, DB: flakyD1(() => (calls++ === failAt ? mode : "no")) } as Env;
        fakeTelegram.reset();
        const first = await postOn(flaky, update);
        await first.arrayBuffer();
        const answeredFirst = messagesTo(chat);
        const wasRecorded = await recorded(updateId);
        if (calls <= failAt) break; // the turn made fewer calls: every position was tried
        outcomes.push(`${failAt}:${first.status}`);
        if (first.status >= 500) {
          expect(wasRecorded, `call ${failAt}: a 5xx with the update recorded`).toBe(false);
          expect(answeredFirst, `call ${failAt}: a 5xx after answering`).toBe(0);
        } else {
          expect(first.status).toBe(200);
          expect(wasRecorded, `call ${failAt}: a 200 without the update recorded`).toBe(true);
        }
        // Telegram retries (after a 5xx), or delivers it again anyway: one answer in all.
        const retry = await postOn(env, update);
        await retry.arrayBuffer();
        expect(retry.status).toBe(200);
        const answeredRetry = messagesTo(chat) - answeredFirst;
        expect([answeredFirst > 0, answeredRetry > 0], `call ${failAt}: answered once`).toEqual(
          first.status >= 500 ? [false, true] : [true, false],
        );
      }
      console.log(`outage (${mode}), ${scenario.name}: D1 call failing → status ${outcomes.join(", ")}`);
      expect(outcomes.length).toBeGreaterThan(0);
    },
  );
});

describe("D1 down for a moment", () => {
  it("should answer 5xx and record nothing while it is down, then answer each retried update once", async () => {
    const chats = [chatNo++, chatNo++, await returning(), await returning()];
    const updates = chats.map((chat, i) =>
      i % 2 ? textUpdate(chat, "bonjour", updateNo++) : textUpdate(chat, "/start", updateNo++),
    );
    let down = true;
    const flaky = { ...env, DB: flakyD1(() => (down ? "before" : "no")) } as Env;
    fakeTelegram.reset();
    const during = await Promise.all(updates.map((u) => postOn(flaky, u)));
    expect(during.map((r) => r.status >= 500)).toEqual(chats.map(() => true));
    expect(fakeTelegram.messages).toHaveLength(0);
    for (const u of updates) expect(await recorded(u.update_id)).toBe(false);
    down = false;
    const after = await Promise.all(updates.map((u) => postOn(flaky, u)));
    const again = await Promise.all(updates.map((u) => postOn(flaky, u)));
    expect([...after, ...again].map((r) => r.status)).toEqual([...updates, ...updates].map(() => 200));
    for (const chat of chats) expect(messagesTo(chat)).toBeGreaterThan(0);
    const perChat = chats.map((chat) =>
      fakeTelegram.messages.filter((m) => String(m.params.chat_id) === String(chat)).map((m) => String(m.params.text)),
    );
    for (const texts of perChat) expect(new Set(texts).size).toBe(texts.length);
    console.log(
      `outage: ${updates.length} updates during a D1 outage → ${during.map((r) => r.status).join(", ")}, then answered ${perChat.map((t) => t.length).join(", ")} message(s) each, retries unanswered`,
    );
  });
});

describe.each(["before", "afterCommit"] as const)("a help request while a D1 call fails %s", (mode) => {
  it("should store one alert and deliver it exactly once to each recipient (référent's chat, team webhook)", async () => {
    const ref = await loginAs("referent");
    const refChat = chatNo++;
    await postUpdate(textUpdate(refChat, `/staff ${await newLinkCode(ref.cookie, "telegram")}`));
    const outcomes: string[] = [];
    for (let failAt = 0; failAt < 30; failAt++) {
      // A young person linked to the référent, asked what to send them.
      const chat = chatNo++;
      const code = await newLinkCode(ref.cookie, "young");
      await postUpdate(textUpdate(chat, `/code ${code}`));
      await postUpdate(buttonUpdate(chat, `link:yes:${code.replace("-", "")}`));
      await postUpdate(buttonUpdate(chat, "contact"));
      const young = (await env.DB.prepare(
        "select young_id as id from identities where channel = 'telegram' and key = ?",
      )
        .bind(String(chat))
        .first<{ id: string }>())!.id;
      const update = textUpdate(chat, "j'ai besoin d'aide pour mon dossier", updateNo++);
      let calls = 0;
      const flaky = { ...env, DB: flakyD1(() => (calls++ === failAt ? mode : "no")) } as Env;
      const first = await postOn(flaky, update);
      if (calls <= failAt) break;
      outcomes.push(`${failAt}:${first.status}`);
      await postOn(env, update);
      // The cron's sweeps (stored alerts without deliveries, deliveries whose message was lost), then the queue.
      await runCron(Date.now() + 3 * 3600_000);
      fakeTelegram.reset();
      await drainDeliveries();
      const alerts = (
        await env.DB.prepare("select id from alerts where young_id = ? and kind = 'help'")
          .bind(young)
          .all<{ id: string }>()
      ).results;
      expect(alerts, `call ${failAt}: one alert`).toHaveLength(1);
      const deliveries = (
        await env.DB.prepare(
          "select channel, recipient, status from alert_deliveries where alert_id = ? order by channel",
        )
          .bind(alerts[0]!.id)
          .all<{ channel: string; recipient: string; status: string }>()
      ).results;
      expect(
        deliveries.map((d) => `${d.channel}:${d.status}`),
        `call ${failAt}: one delivery per recipient`,
      ).toEqual(["telegram:delivered", "webhook:delivered"]);
      const toReferent = fakeTelegram.messages.filter(
        (m) => String(m.params.chat_id) === String(refChat) && String(m.params.text).includes(alerts[0]!.id),
      );
      expect(toReferent.length, `call ${failAt}: the référent told once`).toBe(1);
    }
    console.log(`outage (${mode}), a help request: D1 call failing → status ${outcomes.join(", ")}`);
    expect(outcomes.length).toBeGreaterThan(1);
  });
});
