import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { queue } from "../../../worker/queue.ts";
import { scheduled } from "../../../worker/scheduled.ts";
import { seedContent } from "../../support/content.ts";
import { fakeTelegram, fakeWhatsApp } from "../../support/outside.ts";
import { csrfOf, linkedWebYoung, loginAs, newLinkCode, postForm, staffFetch } from "../../support/staff.ts";
import { buttonUpdate, keyboardOf, postUpdate, textUpdate } from "../../support/telegram.ts";
import { send } from "../../support/webchat.ts";
import { buttonMessage, postWhatsApp, textMessage, webhookCall } from "../../support/whatsapp.ts";

/**
 * Issue 24: a référent answers from the dashboard with a short message, delivered on the young
 * person's channel (Telegram and WhatsApp through the queue with retries, the web chat at its
 * next turn; WhatsApp with its window closed: the approved template, then the next turn).
 * Stored until delivered, then only "replied": no text, no name. Only a linked référent may.
 */

type Row = { status: string; text: string | null; staff_name: string | null; attempts: number; channel: string };

async function replyRows(): Promise<Row[]> {
  const rows = await env.DB.prepare(
    "select status, text, staff_name, attempts, channel from referent_replies order by created_at",
  ).all<Row>();
  return rows.results;
}

async function lastReplyId(): Promise<string> {
  const row = await env.DB.prepare("select id from referent_replies order by created_at desc limit 1").first<{
    id: string;
  }>();
  return row!.id;
}

let messageNo = 0;

/** One queue batch with this reply's message, through the real consumer; retried or acked. */
async function runReplyQueue(replyId: string, queueName = "passerelle-deliveries") {
  const id = `r${++messageNo}`;
  const batch = createMessageBatch(queueName, [
    { id, timestamp: new Date(), attempts: 1, body: { type: "referent_reply", replyId } },
  ]);
  await queue(batch as MessageBatch<unknown>, env);
  const result = (await getQueueResult(batch, createExecutionContext())) as unknown as {
    explicitAcks: string[];
    retryMessages: { msgId: string; delaySeconds?: number }[];
  };
  return { acked: result.explicitAcks.includes(id), retried: result.retryMessages.some((m) => m.msgId === id) };
}

async function reply(cookie: string, youngId: string, text: string): Promise<Response> {
  return postForm(`/referent/young/${youngId}/reply`, cookie, { _csrf: await csrfOf(cookie), text });
}

let referent: { id: string; cookie: string };

beforeAll(async () => {
  await seedContent();
  referent = await loginAs("referent", "Samia Référente");
});

beforeEach(async () => {
  fakeTelegram.reset();
  fakeWhatsApp.reset();
  await env.DB.prepare("delete from referent_replies").run();
});

/** The young person behind a Telegram chat or a WhatsApp number. */
async function youngOf(key: string): Promise<string> {
  const row = await env.DB.prepare("select young_id as id from identities where key = ?")
    .bind(key)
    .first<{ id: string }>();
  return row!.id;
}

/** A Telegram chat that started the bot and linked itself to the référent with a code. */
async function linkedOnTelegram(chat: number): Promise<string> {
  await postUpdate(textUpdate(chat, "/start"));
  await postUpdate(textUpdate(chat, `/code ${await newLinkCode(referent.cookie, "young")}`));
  const yes = fakeTelegram.messages.flatMap((m) => keyboardOf(m.params)).find(([, a]) => a.startsWith("link:yes:"));
  await postUpdate(buttonUpdate(chat, yes![1]));
  return youngOf(String(chat));
}

describe("a référent's reply from the dashboard", () => {
  it("should show a web chat reply at the young person's next turn, then keep only that it was replied", async () => {
    const young = await linkedWebYoung(referent.cookie);
    const res = await reply(referent.cookie, young.sessionId, "Oui, je t'appelle demain à 10 h.");
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("le jeune la verra à sa prochaine visite");
    expect(await replyRows()).toEqual([
      expect.objectContaining({ status: "held", text: "Oui, je t'appelle demain à 10 h.", channel: "web" }),
    ]);

    const next = await send(young.token, { text: "merci" });
    expect(next.replies[0]!.text).toBe(
      "💬 Message de Samia Référente, ton référent :\n« Oui, je t'appelle demain à 10 h. »",
    );
    expect(await replyRows()).toEqual([expect.objectContaining({ status: "replied", text: null, staff_name: null })]);
    const after = await send(young.token, { text: "merci" });
    expect(after.replies.map((r) => r.text).join("\n")).not.toContain("je t'appelle demain");

    const dashboard = await (await staffFetch("/referent", { cookie: referent.cookie })).text();
    expect(dashboard).toMatch(/Dernière réponse : écrite le [0-9/: ]+, reçue le/);
  });

  it("should send a Telegram reply through the queue, retrying a Bot API failure with backoff", async () => {
    const chat = 7_400_001;
    const youngId = await linkedOnTelegram(chat);

    await reply(referent.cookie, youngId, "Je t'appelle demain.");
    const id = await lastReplyId();
    fakeTelegram.reset();
    fakeTelegram.failNext({ status: 500, body: { ok: false, error_code: 500, description: "Internal Server Error" } });
    const first = await runReplyQueue(id);
    expect(first).toEqual({ acked: false, retried: true });
    expect(await replyRows()).toEqual([
      expect.objectContaining({ status: "pending", text: "Je t'appelle demain.", attempts: 1, channel: "telegram" }),
    ]);

    const second = await runReplyQueue(id);
    expect(second).toEqual({ acked: true, retried: false });
    const sent = fakeTelegram.messages.filter(
      (m) => m.method === "sendMessage" && String(m.params.chat_id) === String(chat),
    );
    expect(sent.at(-1)!.params.text).toBe("💬 Message de Samia Référente, ton référent :\n« Je t'appelle demain. »");
    expect(await replyRows()).toEqual([expect.objectContaining({ status: "replied", text: null, staff_name: null })]);
    // A retried message of a delivered reply sends nothing again.
    const count = fakeTelegram.messages.length;
    await runReplyQueue(id);
    expect(fakeTelegram.messages.length).toBe(count);
  });

  it("should hold a WhatsApp reply behind the approved template when the 24-hour window is closed", async () => {
    const from = "33711223344";
    await postWhatsApp(webhookCall([textMessage(from, "Bonjour")]));
    await postWhatsApp(webhookCall([textMessage(from, `code ${await newLinkCode(referent.cookie, "young")}`)]));
    const yes = fakeWhatsApp.calls.flatMap((c) => JSON.stringify(c.message).match(/link:yes:[\w-]+/g) ?? []).at(-1)!;
    await postWhatsApp(webhookCall([buttonMessage(from, yes)]));
    const youngId = await youngOf(from);

    await reply(referent.cookie, youngId, "Rappelle-moi au bureau.");
    fakeWhatsApp.reset();
    fakeWhatsApp.failNext({ status: 400, body: { error: { message: "Re-engagement message", code: 131047 } } });
    expect(await runReplyQueue(await lastReplyId())).toEqual({ acked: true, retried: false });
    expect(fakeWhatsApp.calls.at(-1)!.message).toMatchObject({ type: "template" });
    expect(await replyRows()).toEqual([expect.objectContaining({ status: "held", text: "Rappelle-moi au bureau." })]);

    fakeWhatsApp.reset();
    await postWhatsApp(webhookCall([textMessage(from, "ok")]));
    expect(JSON.stringify(fakeWhatsApp.calls[0]!.message)).toContain("« Rappelle-moi au bureau. »");
    expect(await replyRows()).toEqual([expect.objectContaining({ status: "replied", text: null })]);
  });

  it("should queue again a reply whose queue message was lost, from the cron", async () => {
    const chat = 7_400_002;
    const youngId = await linkedOnTelegram(chat);
    await reply(referent.cookie, youngId, "Message perdu puis retrouvé.");
    await env.DB.prepare("update referent_replies set created_at = created_at - 600000").run();
    const sent: unknown[] = [];
    const spy = vi.spyOn(env.DELIVERIES, "sendBatch").mockImplementation(async (messages) => {
      for (const m of messages) sent.push(m.body);
      return { metadata: {} } as QueueSendBatchResponse;
    });
    try {
      await scheduled({ scheduledTime: Date.now(), cron: "*/5 * * * *", noRetry() {} }, env).catch(() => {
        // another job may fail without its settings here: the sweep runs on its own
      });
    } finally {
      spy.mockRestore();
    }
    expect(sent).toContainEqual({ type: "referent_reply", replyId: await lastReplyId() });
  });
});

describe("who may reply and name a young person", () => {
  it("should refuse a référent or an admin not linked to the young person, and store nothing", async () => {
    const young = await linkedWebYoung(referent.cookie);
    const other = await loginAs("referent");
    const admin = await loginAs("admin");
    for (const who of [other, admin]) {
      expect((await reply(who.cookie, young.sessionId, "Bonjour")).status).toBe(403);
      const nick = await postForm(`/referent/young/${young.sessionId}/nickname`, who.cookie, {
        _csrf: await csrfOf(who.cookie),
        nickname: "Karim",
      });
      expect(nick.status).toBe(403);
    }
    expect(await replyRows()).toEqual([]);
    const nicknames = await env.DB.prepare(
      "select count(*) as n from referent_links where nickname is not null",
    ).first<{
      n: number;
    }>();
    expect(nicknames!.n).toBe(0);
    // Nor do they see the young person's reply form.
    expect(await (await staffFetch("/referent", { cookie: other.cookie })).text()).not.toContain(young.sessionId);
  });

  it("should refuse an empty or too long reply, and a form without the CSRF token", async () => {
    const young = await linkedWebYoung(referent.cookie);
    expect((await reply(referent.cookie, young.sessionId, "   ")).status).toBe(400);
    expect((await reply(referent.cookie, young.sessionId, "x".repeat(501))).status).toBe(400);
    expect((await reply(referent.cookie, young.sessionId, "bip\u0007")).status).toBe(400);
    const forged = await postForm(`/referent/young/${young.sessionId}/reply`, referent.cookie, { text: "Bonjour" });
    expect(forged.status).toBe(403);
    expect(await replyRows()).toEqual([]);
  });
});
