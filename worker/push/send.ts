import * as z from "zod/mini";
import { lazy } from "../../shared/lazy.ts";
import { configOf } from "../config.ts";
import { database } from "../store/db.ts";
import { dropPushSubscriptions, pushSubscriptionsOf } from "../store/push.ts";
import { encryptPayload } from "./encrypt.ts";
import { vapidAuthorization } from "./vapid.ts";

/**
 * Sending a notification to a young person's browsers (Web Push, RFC 8030): the payload
 * encrypted for each subscription (RFC 8291), the server identified by VAPID (RFC 8292). Sent by
 * the queue consumer, like Telegram's reminders: a push service that is down is retried with
 * backoff; one that says a subscription is gone (404, 410) makes us drop it.
 */

/**
 * The push services of the browsers young people use. A subscription's endpoint is an address
 * the Worker will POST to: only these hosts are accepted, so nobody can make it call anything else.
 */
export const PUSH_SERVICE_HOST =
  /^(fcm\.googleapis\.com|updates\.push\.services\.mozilla\.com|[a-z0-9-]+(\.[a-z0-9-]+)*\.push\.apple\.com|[a-z0-9-]+(\.[a-z0-9-]+)*\.notify\.windows\.com)$/;

export const webPushMessageSchema = lazy(() =>
  z.object({
    type: z.literal("web_push"),
    youngId: z.string(),
    notification: z.object({ title: z.string(), body: z.string(), lang: z.string(), dir: z.enum(["ltr", "rtl"]) }),
    /** On a retry: only the subscriptions that failed. */
    endpoints: z.optional(z.array(z.string())),
    attempt: z.number(),
  }),
);
export type WebPushMessage = z.infer<ReturnType<typeof webPushMessageSchema>>;

const MAX_ATTEMPTS = 5;
/** Kept by the push service this long while the phone is off (a reminder is about a date: a day is enough). */
const TTL_SECONDS = 24 * 60 * 60;

export async function deliverWebPush(
  env: Env,
  message: WebPushMessage,
): Promise<{ sent: number; retry?: { message: WebPushMessage; delaySeconds: number } }> {
  const keys = configOf(env).webPush;
  if (!keys) return { sent: 0 };
  const db = database(env.DB);
  const all = await pushSubscriptionsOf(db, message.youngId);
  const subs = message.endpoints ? all.filter((s) => message.endpoints!.includes(s.endpoint)) : all;
  const payload = new TextEncoder().encode(JSON.stringify(message.notification));
  const gone: string[] = [];
  const again: string[] = [];
  let sent = 0;
  for (const sub of subs) {
    let status: number;
    try {
      const res = await fetch(sub.endpoint, {
        method: "POST",
        headers: {
          "Content-Type": "application/octet-stream",
          "Content-Encoding": "aes128gcm",
          TTL: String(TTL_SECONDS),
          Urgency: "normal",
          Authorization: await vapidAuthorization(keys, sub.endpoint, Date.now()),
        },
        body: await encryptPayload(payload, sub),
      });
      status = res.status;
    } catch {
      status = 0;
    }
    if (status >= 200 && status < 300) sent++;
    else if (status === 404 || status === 410) gone.push(sub.endpoint);
    else if (status === 0 || status === 429 || status >= 500) again.push(sub.endpoint);
    // Any other answer (a 400 or 403: our request or keys refused) would fail again: logged, not retried.
    else console.warn("web push: refused", status);
  }
  await dropPushSubscriptions(db, gone);
  if (again.length === 0 || message.attempt >= MAX_ATTEMPTS) return { sent };
  return {
    sent,
    retry: {
      message: { ...message, endpoints: again, attempt: message.attempt + 1 },
      delaySeconds: Math.min(3600, 30 * 2 ** message.attempt),
    },
  };
}
