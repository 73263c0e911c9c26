import { Bot, webhookCallback } from "grammy";

/**
 * The floor: the least a grammY webhook bot on Workers can do. botInfo preset (no getMe),
 * every message answered with one sendMessage, every button with answerCallbackQuery +
 * sendMessage. No D1, no Hono, no validation. Passerelle is measured against it.
 */
type FloorEnv = { TELEGRAM_BOT_TOKEN: string; TELEGRAM_WEBHOOK_SECRET: string; TELEGRAM_API_ROOT: string };

let bot: Bot | null = null;

function createBot(env: FloorEnv): Bot {
  const b = new Bot(env.TELEGRAM_BOT_TOKEN, {
    client: { apiRoot: env.TELEGRAM_API_ROOT },
    botInfo: {
      id: Number(env.TELEGRAM_BOT_TOKEN.split(":")[0]),
      is_bot: true,
      first_name: "Floor",
      username: "floor_bot",
      can_join_groups: false,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
      can_connect_to_business: false,
      has_main_web_app: false,
      has_topics_enabled: false,
      allows_users_to_create_topics: false,
      can_manage_bots: false,
      supports_join_request_queries: false,
    },
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
