import type { Turn } from "./journeys.ts";
import { groupCpu } from "./cpu.ts";
import { postJson } from "./post.ts";
import type { Server } from "./servers.ts";
import type { LoadRun, Sample } from "./runs.ts";

/** Replaying journeys as Telegram updates against one served Worker, timed and CPU-counted. */

let nextUpdateId = 1_000_000;
export function toUpdate(chatId: number, turn: Turn): Record<string, unknown> {
  const update_id = nextUpdateId++;
  const chat = { id: chatId, type: "private", first_name: "Bench" };
  const from = { id: chatId, is_bot: false, first_name: "Bench" };
  const date = Math.floor(Date.now() / 1000);
  const input = turn.input;
  if (input.kind === "action") {
    return {
      update_id,
      callback_query: {
        id: String(update_id),
        from,
        chat_instance: "bench",
        data: input.action,
        message: { message_id: 1, date, chat, text: "…" },
      },
    };
  }
  const text = input.kind === "start" ? "/start" : input.kind === "text" ? input.text : "";
  const entities = input.kind === "start" ? [{ type: "bot_command", offset: 0, length: 6 }] : undefined;
  return { update_id, message: { message_id: update_id, date, chat, from, text, ...(entities ? { entities } : {}) } };
}

export const WEBHOOK_SECRET = "bench-webhook-secret";
export const BOT_TOKEN = "4242:bench-token";

/** The Telegram settings every bench Worker gets: the fake Bot API at `apiRoot`, the bench's token and secret. */
export function telegramVars(apiRoot: string): Record<string, string> {
  return { TELEGRAM_API_ROOT: apiRoot, TELEGRAM_BOT_TOKEN: BOT_TOKEN, TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET };
}

/** One update as Telegram sends it. */
export function post(server: Server, update: Record<string, unknown>): Promise<number> {
  return postJson(`${server.url}/telegram/webhook`, update, { "X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET });
}

/** N chats concurrent (one script each), each sequential; chat ids from `chatBase`. */
export async function load(server: Server, scripts: Turn[][], chatBase: number): Promise<LoadRun> {
  const samples: Sample[] = [];
  const d1Cpu = () => (server.d1Host ? groupCpu(server.d1Host.child.pid!).workerd : 0);
  const d10 = d1Cpu();
  const harness0 = process.cpuUsage();
  const cpu0 = groupCpu(server.child.pid!);
  const t0 = performance.now();
  await Promise.all(
    scripts.map(async (script, n) => {
      const chatId = chatBase + n;
      for (const turn of script) {
        const s = performance.now();
        const status = await post(server, toUpdate(chatId, turn)).catch(() => 0);
        samples.push({ kind: turn.kind, ms: performance.now() - s, status });
      }
    }),
  );
  const wallMs = performance.now() - t0;
  const cpu1 = groupCpu(server.child.pid!);
  const harness = process.cpuUsage(harness0);
  return {
    samples,
    wallMs,
    cpu: {
      workerd: cpu1.workerd - cpu0.workerd,
      all: cpu1.all - cpu0.all,
      d1: d1Cpu() - d10,
      harness: (harness.user + harness.system) / 1e6,
    },
  };
}
