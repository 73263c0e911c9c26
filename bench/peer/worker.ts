import { Bot, session, webhookCallback } from "grammy";
import { presetBotInfo } from "../lib/bot-info.ts";
import { initialSession, type PeerContext, type PeerEnv, type Session } from "./context.ts";
import { navigation } from "./navigation.ts";
import { onboarding } from "./onboarding.ts";
import { D1SessionStorage } from "./storage.ts";
import { topicComposers } from "./topics.ts";

/**
 * The peer: the grammY bot a competent team would write for Passerelle's job, to measure
 * Passerelle against (BENCHMARKS.md). grammY's Bot with botInfo preset (no getMe per cold
 * start), webhookCallback(bot, "cloudflare-mod"), session() on a D1 storage adapter (one read,
 * one write per update), a Composer per topic with inline keyboards over the seed content,
 * keyword lookup for free text. Never deployed: only bench/run.ts builds and serves it.
 */
let bot: Bot<PeerContext> | null = null;

function createBot(env: PeerEnv): Bot<PeerContext> {
  const b = new Bot<PeerContext>(env.TELEGRAM_BOT_TOKEN, {
    client: { apiRoot: env.TELEGRAM_API_ROOT },
    botInfo: presetBotInfo(env.TELEGRAM_BOT_TOKEN, "Peer", "peer_bot"),
  });
  // With a webhook, an error a handler throws would reach the Worker (a 500, retried by
  // Telegram forever): grammY's error boundary logs it, without the update's content.
  const guarded = b.errorBoundary((error) =>
    console.error("update failed", error.error instanceof Error ? error.error.name : "error"),
  );
  // Private chats only: a session per chat, as grammY's default key.
  const privateChats = guarded.chatType("private");
  privateChats.use(
    session<Session, PeerContext>({ initial: initialSession, storage: new D1SessionStorage<Session>(env.DB) }),
  );
  privateChats.use(onboarding);
  for (const composer of topicComposers()) privateChats.use(composer);
  privateChats.use(navigation(env.DB));
  return b;
}

export default {
  async fetch(request: Request, env: PeerEnv): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname === "/health") return new Response("ok");
    if (request.method !== "POST" || url.pathname !== "/telegram/webhook")
      return new Response("not found", { status: 404 });
    bot ??= createBot(env);
    return webhookCallback(bot, "cloudflare-mod", { secretToken: env.TELEGRAM_WEBHOOK_SECRET })(request);
  },
};
