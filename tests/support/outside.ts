import { vi } from "vitest";

/**
 * The outside world, faked at the network boundary: every fetch the Worker makes to
 * https://telegram.test (the configured Bot API root) or https://receiver.test (webhook
 * receivers) is answered here and recorded. Anything else fails loudly.
 */

export type TelegramCall = { method: string; params: Record<string, unknown> };
export type ReceivedRequest = { url: string; headers: Record<string, string>; body: string };
/** A JSON answer; or `page`, an HTML page (a proxy's error page); or `unreachable`, no answer at all. */
type Scripted = { status: number; body?: unknown; page?: string; unreachable?: true };

const state = {
  telegramCalls: [] as TelegramCall[],
  telegramScript: [] as Scripted[],
  received: [] as ReceivedRequest[],
  receiverScript: [] as Scripted[],
  messageId: 1,
};

export const fakeTelegram = {
  get calls(): TelegramCall[] {
    return state.telegramCalls;
  },
  /** Calls other than answerCallbackQuery, which every button press makes. */
  get messages(): TelegramCall[] {
    return state.telegramCalls.filter((c) => c.method !== "answerCallbackQuery");
  },
  reset(): void {
    state.telegramCalls = [];
    state.telegramScript = [];
  },
  /** The next calls get these answers (e.g. a 500, then a 429 with retry_after). */
  failNext(...answers: Scripted[]): void {
    state.telegramScript.push(...answers);
  },
};

export const fakeReceiver = {
  get requests(): ReceivedRequest[] {
    return state.received;
  },
  reset(): void {
    state.received = [];
    state.receiverScript = [];
  },
  failNext(...answers: Scripted[]): void {
    state.receiverScript.push(...answers);
  },
};

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}

async function telegram(url: URL, init: RequestInit | undefined, request: Request): Promise<Response> {
  const method = url.pathname.split("/").pop() ?? "";
  let params: Record<string, unknown> = {};
  if (init?.body instanceof FormData || request.headers.get("content-type")?.startsWith("multipart/form-data")) {
    // sendDocument: a file among the fields, recorded as { name, type, text }.
    for (const [name, value] of await request.formData()) {
      params[name] = typeof value === "string" ? value : { name: value.name, type: value.type, text: await value.text() };
    }
  } else {
    const text = init?.body !== undefined ? String(init.body) : await request.text();
    params = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  }
  state.telegramCalls.push({ method, params });
  const scripted = state.telegramScript.shift();
  if (scripted?.unreachable) throw new TypeError("Network connection lost.");
  if (scripted?.page !== undefined) return new Response(scripted.page, { status: scripted.status, headers: { "Content-Type": "text/html" } });
  if (scripted) return json(scripted.status, scripted.body);
  if (method === "sendMessage") {
    return json(200, { ok: true, result: { message_id: state.messageId++, date: 0, chat: { id: Number(params.chat_id), type: "private" }, text: params.text } });
  }
  return json(200, { ok: true, result: true });
}

export function installOutsideWorld(): void {
  const realFetch = globalThis.fetch;
  vi.spyOn(globalThis, "fetch").mockImplementation(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    if (url.host === "telegram.test") return telegram(url, init, request);
    if (url.host === "receiver.test") {
      state.received.push({ url: request.url, headers: Object.fromEntries(request.headers), body: await request.text() });
      const scripted = state.receiverScript.shift();
      return scripted ? json(scripted.status, scripted.body) : json(200, { ok: true });
    }
    if (url.hostname === "localhost" || url.hostname === "127.0.0.1") return realFetch(input, init);
    throw new Error(`test tried to reach the outside world: ${url.host}`);
  });
}
