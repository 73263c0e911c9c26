import type { Reply } from "../../bot/types.ts";
import { slowDownFlood } from "../slow-down.ts";

/**
 * A rate-limited Telegram update: acknowledged (the webhook answers 200, so Telegram does not
 * retry it), its id recorded (a retry of it is not answered), no turn run, and the "slow down"
 * notice sent once per chat and period, however many updates the flood carries.
 */
export function slowDownTelegram(env: Env, chatId: string, updateId: number, now: Date): Promise<Reply[] | null> {
  return slowDownFlood(env, { channel: "telegram", key: chatId }, updateId, now);
}
