import { Bot, webhookCallback } from "grammy";
import { presetBotInfo } from "../lib/bot-info.ts";

/**
 * The floor: the least a grammY webhook bot on Workers can do. botInfo preset (no getMe),
 * every message answered with one sendMessage, every button with answerCallbackQuery +
 * sendMessage. No D1, no Hono, no validation. Passerelle is measured against it.
 *
 * With a `DB` binding (bench/floor/wrangler-d1.toml, "floor + D1" in the bench) it also
 * writes each update in one D1 batch before answering, shaped like Passerelle's ordinary
 * turn: the update-id marker, a daily counter, the chat's row with its cursor. The least a
 * bot that records each update once (to answer a retried one once) can do.
 */
type FloorEnv = {
  TELEGRAM_BOT_TOKEN: string;
  TELEGRAM_WEBHOOK_SECRET: string;
  TELEGRAM_API_ROOT: string;
  DB?: D1Database;
};

let bot: Bot | null = null;
let tables: Promise<unknown> | null = null;

async function record(db: D1Database, updateId: number, chatId: number, cursor: string): Promise<void> {
  tables ??= db.batch([
    db.prepare("create table if not exists updates (id integer primary key, at integer not null)"),
    db.prepare("create table if not exists counters (day text, event text, count integer, primary key (day, event))"),
    db.prepare(
      "create table if not exists chats (id integer primary key, cursor text, active integer, revision integer not null default 0)",
    ),
  ]);
  await tables;
  const now = Date.now();
  await db.batch([
    db.prepare("insert into updates (id, at) values (?1, ?2)").bind(updateId, now),
    db
      .prepare(
        "insert into counters (day, event, count) values (?1, 'turn', 1) on conflict (day, event) do update set count = count + 1",
      )
      .bind(new Date(now).toISOString().slice(0, 10)),
    db
      .prepare(
        "insert into chats (id, cursor, active) values (?1, ?2, ?3) on conflict (id) do update set cursor = ?2, active = ?3, revision = revision + 1 returning revision",
      )
      .bind(chatId, cursor, now),
  ]);
}

function createBot(env: FloorEnv): Bot {
  const db = env.DB;
  const b = new Bot(env.TELEGRAM_BOT_TOKEN, {
    client: { apiRoot: env.TELEGRAM_API_ROOT },
    botInfo: presetBotInfo(env.TELEGRAM_BOT_TOKEN, "Floor", "floor_bot"),
  });
  if (db)
    b.use(async (ctx, next) => {
      const cursor = JSON.stringify({ at: ctx.callbackQuery?.data ?? "text" });
      await record(db, ctx.update.update_id, ctx.chat?.id ?? 0, cursor);
      await next();
    });
  b.on("message", (ctx) => ctx.reply("ok"));
  b.on("callback_query:data", async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.reply("ok");
  });
  return b;
}

export default {
  async fetch(request: Request, env: FloorEnv): Promise<Response> {
    const url = new URL(request.url);
    if (request.method !== "POST" || url.pathname !== "/telegram/webhook")
      return new Response("not found", { status: 404 });
    bot ??= createBot(env);
    return webhookCallback(bot, "cloudflare-mod", { secretToken: env.TELEGRAM_WEBHOOK_SECRET })(request);
  },
};
