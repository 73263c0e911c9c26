import type { ResponseParameters } from "grammy/types";

/** How a Bot API call fails, and what each failure means for a retry. */

/** Telegram answered a call with `ok: false`: its error code and description say why. */
export class TelegramError extends Error {
  override name = "TelegramError";
  constructor(
    readonly method: string,
    readonly errorCode: number,
    description: string,
    readonly parameters: ResponseParameters = {},
  ) {
    super(`Bot API ${method} failed (${errorCode}: ${description})`);
  }
}

/** No usable answer from Telegram (network, timeout, not the Bot API's JSON). */
export class TelegramUnreachable extends Error {
  override name = "TelegramUnreachable";
  constructor(
    readonly method: string,
    options?: { cause: unknown },
  ) {
    super(`Bot API ${method}: no answer`, options);
  }
}

export function isBlockedError(error: unknown): boolean {
  return error instanceof TelegramError && error.errorCode === 403;
}

/** Whether a failed send is worth retrying later (rate limit, Telegram down, network). */
export function isRetryable(error: unknown): boolean {
  return (
    error instanceof TelegramUnreachable ||
    (error instanceof TelegramError && (error.errorCode === 429 || error.errorCode >= 500))
  );
}

export function retryAfterSeconds(error: unknown): number | undefined {
  return error instanceof TelegramError ? error.parameters.retry_after : undefined;
}
