import type { Reply } from "../../bot/types.ts";
import { RATE_RULES, rateLimit } from "../rate-limit.ts";
import { slowDownReply } from "../slow-down.ts";
import { database } from "../store/db.ts";
import { recordUpdateOnly } from "../store/updates.ts";

/**
 * A rate-limited Telegram update: acknowledged (the webhook answers 200, so Telegram does not
 * retry it), its id recorded (a retry of it is not answered), no turn run, and the "slow down"
 * notice sent once per chat and period, however many updates the flood carries.
 */
export async function slowDownTelegram(env: Env, chatId: string, updateId: number, now: Date): Promise<Reply[] | null> {
  if (!(await recordUpdateOnly(database(env.DB), updateId, now))) return null;
  const notice = await rateLimit(env, RATE_RULES.slowDownNotice, chatId, now.getTime());
  return notice.ok ? [slowDownReply(`telegram:${chatId}`)] : [];
}
