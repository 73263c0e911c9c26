import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { verifyWebhook } from "../../../worker/alerts/webhook.ts";
import {
  crisisOf,
  deliveriesOf,
  drainDeliveries,
  escalationsOf,
  helpRequest,
  pendingDeliveryIds,
  runQueue,
} from "../../support/alerts.ts";
import { fakeReceiver, fakeTelegram, telegramDown, telegramRateLimited } from "../../support/outside.ts";
import { csrfOf, linkedWebYoung, loginAs, newLinkCode, postForm, staffFetch } from "../../support/staff.ts";
import { buttonUpdate, keyboardOf, postUpdate, textUpdate } from "../../support/telegram.ts";
import { send } from "../../support/webchat.ts";
import { runCron } from "../../support/cron.ts";

let chatNo = 8000;

/** A référent with their own Telegram chat linked (through /staff CODE, as in real life). */
async function referentWithTelegram(name?: string) {
  const ref = await loginAs("referent", name);
  const chatId = String(chatNo++);
  await postUpdate(textUpdate(Number(chatId), `/staff ${await newLinkCode(ref.cookie, "telegram")}`));
  return { ...ref, chatId };
}

async function linkedTelegramYoung(cookie: string) {
  const chat = chatNo++;
  await postUpdate(textUpdate(chat, "/start"));
  const code = await newLinkCode(cookie, "young");
  await postUpdate(textUpdate(chat, `/code ${code}`));
  await postUpdate(buttonUpdate(chat, `link:yes:${code.replace("-", "")}`));
  return String(chat);
}

const alertMessagesTo = (chatId: string) =>
  fakeTelegram.messages.filter((m) => m.method === "sendMessage" && String(m.params.chat_id) === chatId);

beforeEach(() => {
  fakeTelegram.reset();
  fakeReceiver.reset();
});

describe("alert deliveries", () => {
  it("should store the alert first, then one pending delivery per channel (référent Telegram, team webhook)", async () => {
    const ref = await referentWithTelegram();
    const young = await linkedWebYoung(ref.cookie);
    const alertId = await helpRequest(young.token, "j'ai besoin d'aide pour le loyer");
    expect((await deliveriesOf(alertId)).map((d) => [d.channel, d.recipient, d.status])).toEqual([
      ["telegram", ref.id, "pending"],
      ["webhook", "team", "pending"],
    ]);
    await drainDeliveries();
  });

  it("should deliver every alert exactly once through a Telegram outage (500, then 429 retry_after)", async () => {
    const ref = await referentWithTelegram();
    const young = await linkedWebYoung(ref.cookie);
    await drainDeliveries();
    fakeTelegram.reset();
    const ids = [await helpRequest(young.token, "premier message")];
    // A second help request is refused while the first is open: a crisis alert instead.
    await send(young.token, { text: "mon beau-père me frappe" });
    const crisis = await crisisOf(young.sessionId);
    const alertIds = [ids[0]!, crisis.id];
    fakeTelegram.failNext(telegramDown, telegramRateLimited(17));
    const startedAt = Date.now();
    const first = await runQueue(await pendingDeliveryIds());
    expect(first.retried).toHaveLength(2);
    const waiting = await env.DB.prepare(
      "select last_error as lastError, next_attempt_at as next from alert_deliveries where status = 'pending' order by last_error",
    ).all<{ lastError: string; next: number }>();
    expect(waiting.results.map((w) => w.lastError)).toEqual(["telegram: 429", "telegram: 500"]);
    // Telegram's retry_after is honoured: not retried before 17 s.
    expect(waiting.results[0]!.next - startedAt).toBeGreaterThanOrEqual(17_000);
    await drainDeliveries();
    expect(await pendingDeliveryIds()).toEqual([]);
    const sent = alertMessagesTo(ref.chatId).filter((m) => !m.params.text || !/Too Many/.test(String(m.params.text)));
    // 2 failed calls + exactly one successful message per alert.
    expect(sent.length).toBe(2 + alertIds.length);
    for (const id of alertIds) {
      const withButton = sent.filter((m) => keyboardOf(m.params).some(([, data]) => data === `ack:${id}`));
      expect(withButton.length).toBeGreaterThanOrEqual(1);
      const telegram = (await deliveriesOf(id)).find((d) => d.channel === "telegram")!;
      expect(telegram.status).toBe("delivered");
    }
    // Recovery does not send anything again.
    const before = fakeTelegram.messages.length;
    await drainDeliveries();
    expect(fakeTelegram.messages.length).toBe(before);
  });

  it("should send the words the young person chose, and a pseudonym, to the référent", async () => {
    const ref = await referentWithTelegram();
    const young = await linkedWebYoung(ref.cookie);
    await drainDeliveries();
    fakeTelegram.reset();
    const alertId = await helpRequest(young.token, "appelle-moi stp");
    await drainDeliveries();
    const [msg] = alertMessagesTo(ref.chatId);
    expect(String(msg!.params.text)).toContain("appelle-moi stp");
    expect(String(msg!.params.text)).toContain(`Jeune ${young.sessionId.slice(0, 6).toUpperCase()}`);
    expect(keyboardOf(msg!.params)).toEqual([["✅ J'ai vu", `ack:${alertId}`]]);
  });

  it("should sign the webhook so the receiver can verify it, without the young person's words", async () => {
    const ref = await loginAs("referent");
    const young = await linkedWebYoung(ref.cookie);
    const alertId = await helpRequest(young.token, "texte privé");
    await drainDeliveries();
    const req = fakeReceiver.requests.find((r) => r.body.includes(alertId))!;
    expect(req.url).toBe("https://receiver.test/passerelle");
    const ok = await verifyWebhook(
      "test-alert-webhook-secret",
      req.body,
      req.headers["x-passerelle-timestamp"]!,
      req.headers["x-passerelle-signature"]!,
      Math.floor(Date.now() / 1000),
    );
    expect(ok).toBe(true);
    const forged = await verifyWebhook(
      "test-alert-webhook-secret",
      req.body.replace("help", "crisis"),
      req.headers["x-passerelle-timestamp"]!,
      req.headers["x-passerelle-signature"]!,
      Math.floor(Date.now() / 1000),
    );
    expect(forged).toBe(false);
    expect(req.body).not.toContain("texte privé");
  });

  it("should mark a delivery failed on a permanent webhook refusal and show it on the dashboard", async () => {
    const ref = await loginAs("referent");
    const young = await linkedWebYoung(ref.cookie);
    fakeReceiver.failNext({ status: 410, body: { error: "gone" } });
    const alertId = await helpRequest(young.token, "aide svp");
    await drainDeliveries();
    expect((await deliveriesOf(alertId)).find((d) => d.channel === "webhook")).toMatchObject({
      status: "failed",
      lastError: "webhook: HTTP 410",
    });
    const html = await (await staffFetch("/referent", { cookie: ref.cookie })).text();
    expect(html).toContain("Non remis");
    expect(html).toContain("webhook: HTTP 410");
  });

  it("should mark a dead-lettered delivery failed", async () => {
    const ref = await loginAs("referent");
    const young = await linkedWebYoung(ref.cookie);
    const alertId = await helpRequest(young.token, "dlq");
    const [id] = await pendingDeliveryIds();
    const round = await runQueue([id!], "passerelle-deliveries-dlq");
    expect(round.acked).toEqual([id]);
    expect((await deliveriesOf(alertId)).find((d) => d.channel === "webhook")!.status).toBe("failed");
    expect(fakeReceiver.requests).toHaveLength(0);
  });
});

describe("acknowledging an alert", () => {
  it("should acknowledge from the Telegram button only for a référent linked to that young person", async () => {
    const ref = await referentWithTelegram();
    const stranger = await referentWithTelegram();
    const young = await linkedWebYoung(ref.cookie);
    const alertId = await helpRequest(young.token, "ack test");
    await postUpdate(buttonUpdate(Number(stranger.chatId), `ack:${alertId}`));
    await postUpdate(buttonUpdate(4242424, `ack:${alertId}`));
    const open = await env.DB.prepare("select acknowledged_at from alerts where id = ?")
      .bind(alertId)
      .first<{ acknowledged_at: number | null }>();
    expect(open!.acknowledged_at).toBeNull();
    await postUpdate(buttonUpdate(Number(ref.chatId), `ack:${alertId}`));
    const done = await env.DB.prepare("select acknowledged_at, acknowledged_by from alerts where id = ?")
      .bind(alertId)
      .first<{ acknowledged_at: number | null; acknowledged_by: string }>();
    expect(done!.acknowledged_at).toEqual(expect.any(Number));
    expect(done!.acknowledged_by).toBe(ref.id);
  });

  it("should tell a Telegram young person at once, through the queue", async () => {
    const ref = await loginAs("referent");
    const chat = await linkedTelegramYoung(ref.cookie);
    await postUpdate(textUpdate(Number(chat), "/aide"));
    await postUpdate(textUpdate(Number(chat), "besoin de parler"));
    const alert = await env.DB.prepare(
      "select a.id from alerts a join identities i on i.young_id = a.young_id where i.key = ?",
    )
      .bind(chat)
      .first<{ id: string }>();
    await drainDeliveries();
    fakeTelegram.reset();
    const res = await postForm(`/referent/alerts/${alert!.id}/ack`, ref.cookie, { _csrf: await csrfOf(ref.cookie) });
    expect(res.status).toBe(303);
    await drainDeliveries();
    const notices = alertMessagesTo(chat);
    expect(notices).toHaveLength(1);
    expect(String(notices[0]!.params.text)).toMatch(/Ton référent a bien reçu ton message/);
    const row = await env.DB.prepare("select young_notified_at from alerts where id = ?")
      .bind(alert!.id)
      .first<{ young_notified_at: number | null }>();
    expect(row!.young_notified_at).toEqual(expect.any(Number));
  });

  it("should tell a web young person at their next turn, once", async () => {
    const ref = await loginAs("referent");
    const young = await linkedWebYoung(ref.cookie);
    const alertId = await helpRequest(young.token, "web notice");
    await postForm(`/referent/alerts/${alertId}/ack`, ref.cookie, { _csrf: await csrfOf(ref.cookie) });
    const next = await send(young.token, { action: "menu" });
    expect(next.replies[0]!.text).toMatch(/Ton référent a bien reçu ton message/);
    const again = await send(young.token, { action: "menu" });
    expect(again.replies.some((r) => /bien reçu ton message/.test(r.text))).toBe(false);
  });
});

describe("crisis escalation", () => {
  it("should escalate an unacknowledged crisis to the backup contact after the delay, once", async () => {
    const ref = await loginAs("referent");
    const young = await linkedWebYoung(ref.cookie);
    await send(young.token, { text: "mon beau-père me frappe" });
    const crisis = await crisisOf(young.sessionId);
    await drainDeliveries();
    fakeTelegram.reset();

    await runCron(crisis.createdAt + 29 * 60 * 1000);
    expect(await escalationsOf(crisis.id)).toEqual([]);

    await runCron(crisis.createdAt + 31 * 60 * 1000);
    await runCron(crisis.createdAt + 36 * 60 * 1000);
    expect(await escalationsOf(crisis.id)).toHaveLength(1);
    await drainDeliveries();
    const toBackup = alertMessagesTo("9999").filter((m) =>
      String(m.params.text).includes(`Jeune ${young.sessionId.slice(0, 6).toUpperCase()}`),
    );
    expect(toBackup).toHaveLength(1);
    expect(String(toBackup[0]!.params.text)).toMatch(/ESCALADE/);
  });

  it("should not escalate an acknowledged crisis", async () => {
    const ref = await loginAs("referent");
    const young = await linkedWebYoung(ref.cookie);
    await send(young.token, { text: "mon beau-père me frappe" });
    const crisis = await crisisOf(young.sessionId);
    await postForm(`/referent/alerts/${crisis.id}/ack`, ref.cookie, { _csrf: await csrfOf(ref.cookie) });
    await runCron(crisis.createdAt + 60 * 60 * 1000);
    expect(await escalationsOf(crisis.id)).toEqual([]);
  });
});
