import { env } from "cloudflare:workers";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { seedContent } from "../../support/content.ts";
import { storedState } from "../../support/db.ts";
import { fakeTelegram, telegramDown } from "../../support/outside.ts";
import { postUpdate, textUpdate } from "../../support/telegram.ts";

beforeAll(async () => {
  await seedContent();
});
beforeEach(() => fakeTelegram.reset());

describe("POST /telegram/webhook with bad input", () => {
  it("should refuse a missing secret with 401 and store nothing", async () => {
    const before = await storedState();
    const res = await postUpdate(textUpdate(601, "/start"), null);
    expect(res.status).toBe(401);
    expect(await storedState()).toEqual(before);
    expect(fakeTelegram.calls).toHaveLength(0);
  });

  it("should refuse a wrong secret with 401 and store nothing", async () => {
    const before = await storedState();
    const res = await postUpdate(textUpdate(601, "/start"), "not-the-secret");
    expect(res.status).toBe(401);
    expect(await storedState()).toEqual(before);
  });

  it.each([
    ["malformed JSON", "{not json"],
    ["an empty body", ""],
    ["a JSON array", "[]"],
    ["no update_id", JSON.stringify({ message: { message_id: 1, chat: { id: 1, type: "private" }, text: "hi" } })],
    ["a string update_id", JSON.stringify({ update_id: "12" })],
    ["a negative update_id", JSON.stringify({ update_id: -4 })],
    ["a message without chat", JSON.stringify({ update_id: 77, message: { message_id: 1, text: "hi" } })],
    [
      "a numeric text",
      JSON.stringify({ update_id: 78, message: { message_id: 1, chat: { id: 1, type: "private" }, text: 42 } }),
    ],
  ])("should answer 400 to %s and store nothing", async (_name, body) => {
    const before = await storedState();
    const res = await postUpdate(body);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: expect.any(String) });
    expect(await storedState()).toEqual(before);
    expect(fakeTelegram.calls).toHaveLength(0);
  });

  it.each([
    ["with its length declared", (body: string) => body],
    ["streamed without a length", (body: string) => new Blob([body]).stream()],
  ])("should answer 413 to an update over 1 MB %s and store nothing", async (_name, as) => {
    const body = JSON.stringify({ ...textUpdate(602, "/start"), padding: "x".repeat(1024 * 1024) });
    const before = await storedState();
    const res = await postUpdate(as(body));
    expect(res.status).toBe(413);
    expect(await storedState()).toEqual(before);
    expect(fakeTelegram.calls).toHaveLength(0);
  });

  it("should acknowledge unknown update kinds with 200 and no reply", async () => {
    const res = await postUpdate({ update_id: 90, poll: { id: "p", question: "?", options: [] } });
    expect(res.status).toBe(200);
    expect(fakeTelegram.calls).toHaveLength(0);
  });

  it("should ignore an edited message", async () => {
    const res = await postUpdate({
      update_id: 91,
      edited_message: { message_id: 3, date: 1, edit_date: 2, chat: { id: 602, type: "private" }, text: "edited" },
    });
    expect(res.status).toBe(200);
    expect(fakeTelegram.calls).toHaveLength(0);
  });

  it("should not answer in a group chat", async () => {
    const res = await postUpdate({
      update_id: 92,
      message: { message_id: 4, date: 1, chat: { id: -100, type: "group" }, text: "/start" },
    });
    expect(res.status).toBe(200);
    expect(fakeTelegram.calls).toHaveLength(0);
  });

  it("should answer a 100 KB text once, without a 5xx", async () => {
    const res = await postUpdate(textUpdate(603, "logement ".repeat(11_500)));
    expect(res.status).toBe(200);
    expect(fakeTelegram.messages.length).toBeGreaterThan(0);
  });

  it("should answer a text full of control characters without a 5xx", async () => {
    const res = await postUpdate(textUpdate(604, "\u0000\u0007bonjour\u001b[31m\u007f"));
    expect(res.status).toBe(200);
    expect(fakeTelegram.messages.length).toBeGreaterThan(0);
  });

  it("should answer a retried update_id only once", async () => {
    const update = textUpdate(605, "/start", 5000);
    expect((await postUpdate(update)).status).toBe(200);
    const first = fakeTelegram.messages.length;
    expect(first).toBe(1);
    expect((await postUpdate(update)).status).toBe(200);
    expect(fakeTelegram.messages.length).toBe(first);
  });

  it("should warn about photos of documents instead of reading them", async () => {
    const res = await postUpdate({
      update_id: 93,
      message: {
        message_id: 5,
        date: 1,
        chat: { id: 606, type: "private" },
        photo: [{ file_id: "f", file_unique_id: "u", width: 1, height: 1 }],
      },
    });
    expect(res.status).toBe(200);
    expect(fakeTelegram.messages[0]!.params.text).toContain("n'envoie jamais de photo de tes papiers");
  });

  it("should answer a sticker or a voice message with a sensible text", async () => {
    await postUpdate({
      update_id: 94,
      message: {
        message_id: 6,
        date: 1,
        chat: { id: 607, type: "private" },
        sticker: {
          file_id: "s",
          file_unique_id: "s",
          type: "regular",
          width: 1,
          height: 1,
          is_animated: false,
          is_video: false,
        },
      },
    });
    await postUpdate({
      update_id: 95,
      message: {
        message_id: 7,
        date: 1,
        chat: { id: 607, type: "private" },
        voice: { file_id: "v", file_unique_id: "v", duration: 2 },
      },
    });
    const texts = fakeTelegram.messages.map((c) => c.params.text as string);
    expect(texts.some((t) => t.includes("seulement les messages écrits"))).toBe(true);
    expect(texts.some((t) => t.includes("messages vocaux"))).toBe(true);
  });

  it("should remember that a young person blocked the bot, and send nothing", async () => {
    await postUpdate(textUpdate(608, "/start"));
    fakeTelegram.reset();
    const res = await postUpdate({
      update_id: 96,
      my_chat_member: {
        chat: { id: 608, type: "private" },
        from: { id: 608, is_bot: false, first_name: "T" },
        date: 1,
        old_chat_member: { status: "member", user: { id: 4242, is_bot: true, first_name: "P" } },
        new_chat_member: { status: "kicked", until_date: 0, user: { id: 4242, is_bot: true, first_name: "P" } },
      },
    });
    expect(res.status).toBe(200);
    expect(fakeTelegram.calls).toHaveLength(0);
    const row = await env.DB.prepare(
      "select blocked_at from identities where channel = 'telegram' and key = '608'",
    ).first<{ blocked_at: number | null }>();
    expect(row?.blocked_at).toEqual(expect.any(Number));

    // Writing again means they unblocked the bot: they can get reminders again.
    await postUpdate(textUpdate(608, "menu"));
    const after = await env.DB.prepare(
      "select blocked_at from identities where channel = 'telegram' and key = '608'",
    ).first<{ blocked_at: number | null }>();
    expect(after?.blocked_at).toBeNull();
  });

  it("should still answer 200 when Telegram fails, and queue the reply for later", async () => {
    fakeTelegram.failNext(telegramDown);
    const res = await postUpdate(textUpdate(609, "/start"));
    expect(res.status).toBe(200);
    const row = await env.DB.prepare("select count(*) as n from identities where key = '609'").first<{ n: number }>();
    expect(row?.n).toBe(1);
  });
});
