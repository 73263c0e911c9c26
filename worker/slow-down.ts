import type { Reply } from "../bot/types.ts";
import { t } from "../shared/i18n/index.ts";
import { toLocale } from "../shared/locales.ts";
import { keptPerson, personKey } from "./turn/person-cache.ts";
import { RATE_RULES, rateLimit } from "./rate-limit.ts";
import { database } from "./store/db.ts";
import type { Identity } from "./store/turns.ts";
import { recordUpdateOnly } from "./store/updates.ts";

/**
 * What a person who writes too fast is told, in their language when this isolate knows it
 * (no D1 read for a refused request), French otherwise.
 */
export function slowDownReply(personKey?: string): Reply {
  return { text: t(toLocale(personKey ? keptPerson(personKey)?.person.locale : undefined), "slowDown") };
}

/**
 * A rate-limited message of a channel whose messages carry an id (Telegram, WhatsApp): its id
 * recorded (a retry is not answered), no turn run, the notice once per chat and period; null
 * when the id was already taken in.
 */
export async function slowDownFlood(
  env: Env,
  identity: Identity,
  updateId: number,
  now: Date,
): Promise<Reply[] | null> {
  if (!(await recordUpdateOnly(database(env.DB), updateId, now))) return null;
  // Telegram's notice key stays the bare chat id, as before WhatsApp came.
  const noticeKey = identity.channel === "telegram" ? identity.key : `${identity.channel}:${identity.key}`;
  const notice = await rateLimit(env, RATE_RULES.slowDownNotice, noticeKey, now.getTime());
  return notice.ok ? [slowDownReply(personKey(identity))] : [];
}
