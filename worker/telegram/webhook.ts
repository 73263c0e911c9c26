import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import type { Update } from "grammy/types";
import * as z from "zod/mini";
import { lazy } from "../../shared/lazy.ts";
import { configOf } from "../config.ts";
import { check, sameSecret } from "../http.ts";
import { answerUpdate } from "./update.ts";

/**
 * The fields of an update this bot reads, checked before the adapter sees it: a malformed
 * update gets a 400 (Telegram would retry a 5xx forever), unknown update kinds pass.
 */
const updateSchema = lazy(() => {
  const chatSchema = z.looseObject({ id: z.number(), type: z.string() });
  const messageSchema = z.looseObject({ message_id: z.number(), chat: chatSchema, text: z.optional(z.string()) });
  return z.looseObject({
    update_id: z.number().check(z.int(), z.nonnegative()),
    message: z.optional(messageSchema),
    edited_message: z.optional(z.looseObject({ chat: chatSchema })),
    callback_query: z.optional(
      z.looseObject({
        id: z.string(),
        from: z.looseObject({ id: z.number() }),
        data: z.optional(z.string()),
        message: z.optional(z.looseObject({ chat: chatSchema })),
      }),
    ),
    my_chat_member: z.optional(
      z.looseObject({ chat: chatSchema, new_chat_member: z.looseObject({ status: z.string() }) }),
    ),
  });
});

/** Telegram's updates are a few KB; anything near this is not one of them. */
const MAX_UPDATE_BYTES = 1024 * 1024;

export const telegramRoutes = new Hono<{ Bindings: Env }>();

telegramRoutes.post("/webhook", async (c) => {
  const telegram = configOf(c.env).telegram;
  if (!telegram) throw new HTTPException(404, { message: "Telegram is not configured on this server" });
  const secret = c.req.header("X-Telegram-Bot-Api-Secret-Token") ?? "";
  if (!sameSecret(secret, telegram.secret)) throw new HTTPException(401, { message: "wrong or missing secret token" });

  // Checked here rather than by a middleware: this is the hottest path (see BENCHMARKS.md).
  if (Number(c.req.header("content-length")) > MAX_UPDATE_BYTES) return c.json({ error: "update too large" }, 413);
  const text = await c.req.text();
  // A body sent without a length (chunked) is measured once read.
  if (text.length > MAX_UPDATE_BYTES) return c.json({ error: "update too large" }, 413);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new HTTPException(400, { message: "update must be valid JSON" });
  }
  check(updateSchema(), body);
  // The schema checked every field the adapter reads; the rest is Telegram's Update as is.
  const reply = await answerUpdate(c.env, telegram, body as Update);
  return reply ? c.json(reply) : c.body(null, 200);
});
