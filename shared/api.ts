import * as z from "zod/mini";
import { lazy } from "./lazy.ts";
import { localeSchema } from "./locales.ts";

/** Public web chat contract (see README). Types are inferred from these schemas. */

export const MAX_TEXT_LENGTH = 2000;

export const buttonSchema = lazy(() =>
  z.object({
    label: z.string(),
    action: z.string(),
  }),
);
export type Button = z.infer<ReturnType<typeof buttonSchema>>;

/**
 * A short emergency number the reply asks to call, with what it is for in the young person's
 * language. The web chat links every number itself; Telegram and WhatsApp link only numbers in
 * international form, so their adapters send these as contact cards (bot/telegram.ts, bot/whatsapp.ts).
 */
export const callSchema = lazy(() => z.object({ number: z.string(), label: z.string() }));
export type Call = z.infer<ReturnType<typeof callSchema>>;

export const replySchema = lazy(() =>
  z.object({
    text: z.string(),
    buttons: z.optional(z.array(buttonSchema())),
    call: z.optional(z.array(callSchema())),
  }),
);
export type Reply = z.infer<ReturnType<typeof replySchema>>;

export const sessionRequestSchema = lazy(() =>
  z.object({
    locale: z.optional(localeSchema),
  }),
);

/** Exactly one of `text` or `action`. Control characters are refused, not stripped silently. */
export const messageRequestSchema = lazy(() =>
  z.union([
    z.strictObject({
      text: z.string().check(
        z.trim(),
        z.minLength(1, "text must not be empty"),
        z.maxLength(MAX_TEXT_LENGTH, `text must be at most ${MAX_TEXT_LENGTH} characters`),
        z.refine(
          (s) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(s),
          "text must not contain control characters",
        ),
      ),
    }),
    z.strictObject({
      action: z
        .string()
        .check(z.minLength(1), z.maxLength(64), z.regex(/^[a-z_]+(:[A-Za-z0-9_-]+)*$/, "unknown action format")),
    }),
  ]),
);

/** The base64url of `bytes` bytes (no padding): the browser's subscription keys. */
const base64urlOf = (bytes: number) =>
  z.string().check(z.regex(new RegExp(`^[A-Za-z0-9_-]{${Math.ceil((bytes * 4) / 3)}}$`)));

/**
 * `POST /api/chat/push`: a browser's Web Push subscription (`PushSubscription.toJSON()`), the
 * endpoint an https URL of a known push service (worker/push/send.ts), its keys of the sizes RFC 8291 sets.
 */
export const pushSubscriptionSchema = lazy(() =>
  z.object({
    endpoint: z.url({ protocol: /^https$/ }).check(z.maxLength(1024)),
    keys: z.object({ p256dh: base64urlOf(65), auth: base64urlOf(16) }),
  }),
);

/** `DELETE /api/chat/push`: which browser no longer wants reminders. */
export const pushUnsubscribeSchema = lazy(() => z.object({ endpoint: z.string().check(z.maxLength(1024)) }));
