import { beforeEach, describe, expect, it } from "vitest";
import type { SendMessageOptions } from "../../../bot/telegram.ts";
import {
  isBlockedError,
  isRetryable,
  retryAfterSeconds,
  TelegramError,
  TelegramUnreachable,
} from "../../../worker/telegram/errors.ts";
import { telegramClient } from "../../../worker/telegram/client.ts";
import { fakeTelegram, telegramRateLimited } from "../../support/outside.ts";

const TOKEN = "123456:secret-token-never-in-errors";
const client = telegramClient({
  token: TOKEN,
  secret: "x".repeat(16),
  apiRoot: "https://telegram.test",
  username: "passerelle_bot",
});
const options: SendMessageOptions = { parse_mode: "HTML", link_preview_options: { is_disabled: true } };

/** The error a send fails with (the test fails if it does not). */
async function failure(): Promise<unknown> {
  try {
    await client.sendMessage("42", "Bonjour", options);
  } catch (error) {
    return error;
  }
  throw new Error("the send did not fail");
}

beforeEach(() => fakeTelegram.reset());

describe("telegramClient", () => {
  it("should send one sendMessage call with the chat, the text and the options, and return the message", async () => {
    const keyboard = { inline_keyboard: [[{ text: "Menu", callback_data: "menu" }]] };
    const message = await client.sendMessage("42", "Bonjour <b>", { ...options, reply_markup: keyboard });
    expect(message.text).toBe("Bonjour <b>");
    expect(fakeTelegram.calls).toEqual([
      { method: "sendMessage", params: { chat_id: "42", text: "Bonjour <b>", ...options, reply_markup: keyboard } },
    ]);
  });

  it("should fail with Telegram's code and description when Telegram says no", async () => {
    fakeTelegram.failNext({
      status: 403,
      body: { ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" },
    });
    const error = await failure();
    expect(error).toBeInstanceOf(TelegramError);
    expect((error as TelegramError).errorCode).toBe(403);
    expect(isBlockedError(error)).toBe(true);
    expect(isRetryable(error)).toBe(false);
  });

  it("should tell how long Telegram asks to wait, and that a rate limit is worth retrying", async () => {
    fakeTelegram.failNext(telegramRateLimited(17));
    const error = await failure();
    expect(retryAfterSeconds(error)).toBe(17);
    expect(isRetryable(error)).toBe(true);
  });

  it("should treat a page that is not the Bot API's JSON, or no answer, as unreachable (retried later)", async () => {
    fakeTelegram.failNext(
      { status: 502, page: "<html><body>Bad gateway</body></html>" },
      { status: 0, unreachable: true },
    );
    for (const error of [await failure(), await failure()]) {
      expect(error).toBeInstanceOf(TelegramUnreachable);
      expect(isRetryable(error)).toBe(true);
      expect(isBlockedError(error)).toBe(false);
    }
  });

  it("should never put the token in an error's message", async () => {
    fakeTelegram.failNext(
      { status: 400, body: { ok: false, error_code: 400, description: "Bad Request: chat not found" } },
      { status: 0, unreachable: true },
    );
    for (const error of [await failure(), await failure()]) expect(String(error)).not.toContain(TOKEN);
  });
});
