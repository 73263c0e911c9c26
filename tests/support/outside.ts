import { vi } from "vitest";

/**
 * The outside world, faked at the network boundary: every fetch the Worker makes to
 * https://telegram.test (the configured Bot API root), https://receiver.test (webhook
 * receivers), https://fcm.googleapis.com (a Web Push service) or Cloudflare's DNS over HTTPS
 * (webhook names) is answered here and recorded. Anything else fails loudly.
 */

export type TelegramCall = { method: string; params: Record<string, unknown> };
/** A message POSTed to the fake Graph API: the envelope checked, the message as sent. */
export type WhatsAppCall = {
  phoneNumberId: string;
  authorization: string;
  to: string;
  message: Record<string, unknown>;
};
export type ReceivedRequest = { url: string; headers: Record<string, string>; body: string };
/** A JSON answer; or `page`, an HTML page (a proxy's error page); or `unreachable`, no answer at all. */
type Scripted = {
  status: number;
  body?: unknown;
  page?: string;
  unreachable?: true;
  headers?: Record<string, string>;
  /** receiver.test: answer only after this long (a server too slow for its caller's timeout). */
  delayMs?: number;
};

const state = {
  telegramCalls: [] as TelegramCall[],
  telegramScript: [] as Scripted[],
  received: [] as ReceivedRequest[],
  whatsappCalls: [] as WhatsAppCall[],
  whatsappScript: [] as Scripted[],
  whatsappUploads: [] as { name: string; type: string; content: string }[],
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

/** The Bot API's answer when Telegram itself fails: worth retrying. */
export const telegramDown: Scripted = {
  status: 500,
  body: { ok: false, error_code: 500, description: "Internal Server Error" },
};

/** The Bot API's flood control: a 429 asking to wait `seconds` before the next call. */
export function telegramRateLimited(seconds: number): Scripted {
  return {
    status: 429,
    body: {
      ok: false,
      error_code: 429,
      description: `Too Many Requests: retry after ${seconds}`,
      parameters: { retry_after: seconds },
    },
  };
}

export const fakeWhatsApp = {
  get calls(): WhatsAppCall[] {
    return state.whatsappCalls;
  },
  /** Files uploaded to the media endpoint (a document's content before it is sent). */
  get uploads(): { name: string; type: string; content: string }[] {
    return state.whatsappUploads;
  },
  reset(): void {
    state.whatsappCalls = [];
    state.whatsappScript = [];
    state.whatsappUploads = [];
  },
  /** The next calls get these answers (a Graph error is `{ status, body: { error: { code } } }`). */
  failNext(...answers: Scripted[]): void {
    state.whatsappScript.push(...answers);
  },
};

/** Cloudflare's DNS over HTTPS, faked: names and their A / AAAA records (receiver.test is public). */
const PUBLIC_RECORDS = { "receiver.test": { A: ["93.184.215.14"], AAAA: [] as string[] } };
export const fakeDns = {
  records: structuredClone(PUBLIC_RECORDS) as Record<string, { A: string[]; AAAA: string[] }>,
  /** Every name asked, in order. */
  asked: [] as string[],
  /** When true, the resolver answers 503 (DNS down). */
  down: false,
  reset(): void {
    fakeDns.records = structuredClone(PUBLIC_RECORDS);
    fakeDns.asked = [];
    fakeDns.down = false;
  },
};

function doh(url: URL): Response {
  const name = (url.searchParams.get("name") ?? "").toLowerCase().replace(/\.$/, "");
  const type = url.searchParams.get("type") === "28" ? 28 : 1;
  fakeDns.asked.push(name);
  if (fakeDns.down) return json(503, {});
  const records = fakeDns.records[name];
  if (!records) return json(200, { Status: 3 });
  const data = type === 28 ? records.AAAA : records.A;
  return json(200, { Status: 0, Answer: data.map((d) => ({ name, type, TTL: 60, data: d })) });
}

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
      params[name] =
        typeof value === "string" ? value : { name: value.name, type: value.type, text: await value.text() };
    }
  } else {
    const text = init?.body !== undefined ? String(init.body) : await request.text();
    params = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  }
  state.telegramCalls.push({ method, params });
  const scripted = state.telegramScript.shift();
  if (scripted?.unreachable) throw new TypeError("Network connection lost.");
  if (scripted?.page !== undefined)
    return new Response(scripted.page, { status: scripted.status, headers: { "Content-Type": "text/html" } });
  if (scripted) return json(scripted.status, scripted.body);
  if (method === "sendMessage") {
    return json(200, {
      ok: true,
      result: {
        message_id: state.messageId++,
        date: 0,
        chat: { id: Number(params.chat_id), type: "private" },
        text: params.text,
      },
    });
  }
  return json(200, { ok: true, result: true });
}

/** Meta's Graph API as the Worker calls it: `POST /<version>/<phone number id>/messages`. */
async function whatsapp(url: URL, request: Request): Promise<Response> {
  const [, , phoneNumberId = "", endpoint] = url.pathname.split("/");
  if (request.method === "POST" && endpoint === "media") {
    const form = await request.formData();
    const file = form.get("file");
    if (form.get("messaging_product") !== "whatsapp" || !(file instanceof File))
      return json(400, { error: { message: "bad upload", code: 100 } });
    state.whatsappUploads.push({ name: file.name, type: String(form.get("type")), content: await file.text() });
    return json(200, { id: `media-${state.whatsappUploads.length}` });
  }
  const body = JSON.parse(await request.text()) as Record<string, unknown>;
  if (
    request.method !== "POST" ||
    endpoint !== "messages" ||
    body.messaging_product !== "whatsapp" ||
    typeof body.to !== "string"
  ) {
    return json(400, { error: { message: "unexpected call", code: 100 } });
  }
  const { messaging_product: _product, recipient_type: _type, to, ...message } = body;
  state.whatsappCalls.push({ phoneNumberId, authorization: request.headers.get("authorization") ?? "", to, message });
  const scripted = state.whatsappScript.shift();
  if (scripted?.unreachable) throw new TypeError("Network connection lost.");
  if (scripted?.page !== undefined)
    return new Response(scripted.page, { status: scripted.status, headers: { "Content-Type": "text/html" } });
  if (scripted) return json(scripted.status, scripted.body);
  return json(200, {
    messaging_product: "whatsapp",
    contacts: [{ input: to, wa_id: to }],
    messages: [{ id: `wamid.out${state.whatsappCalls.length}` }],
  });
}

/** A push service (Web Push, RFC 8030) at Google's host, as Chromium's subscriptions name it. */
export type PushRequest = { url: string; headers: Record<string, string>; body: Uint8Array };
const pushState = { requests: [] as PushRequest[], script: [] as number[], byEndpoint: new Map<string, number>() };
export const fakePush = {
  get requests(): PushRequest[] {
    return pushState.requests;
  },
  reset(): void {
    pushState.requests = [];
    pushState.script = [];
    pushState.byEndpoint.clear();
  },
  /** Every push to this endpoint gets this status (e.g. 410: the subscription expired). */
  answerFor(endpoint: string, status: number): void {
    pushState.byEndpoint.set(endpoint, status);
  },
  /** The next pushes get these statuses (0: the push service unreachable); then 201. */
  answerNext(...statuses: number[]): void {
    pushState.script.push(...statuses);
  },
};

async function pushService(request: Request): Promise<Response> {
  pushState.requests.push({
    url: request.url,
    headers: Object.fromEntries(request.headers),
    body: new Uint8Array(await request.arrayBuffer()),
  });
  const status = pushState.byEndpoint.get(request.url) ?? pushState.script.shift() ?? 201;
  if (status === 0) throw new TypeError("Network connection lost.");
  return new Response(null, { status });
}

export function installOutsideWorld(): void {
  const realFetch = globalThis.fetch;
  vi.spyOn(globalThis, "fetch").mockImplementation(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    if (url.host === "telegram.test") return telegram(url, init, request);
    if (url.host === "graph.test") return whatsapp(url, request);
    if (url.host === "fcm.googleapis.com") return pushService(request);
    if (url.origin === "https://cloudflare-dns.com" && url.pathname === "/dns-query") return doh(url);
    // On any port: a test can see a request made to a port it should not have used.
    if (url.hostname === "receiver.test") {
      state.received.push({
        url: request.url,
        headers: Object.fromEntries(request.headers),
        body: await request.text(),
      });
      const scripted = state.receiverScript.shift();
      if (!scripted) return json(200, { ok: true });
      if (scripted.delayMs) await new Promise((resolve) => setTimeout(resolve, scripted.delayMs));
      const res = json(scripted.status, scripted.body);
      for (const [name, value] of Object.entries(scripted.headers ?? {})) res.headers.set(name, value);
      // As a real fetch does: a redirect is followed unless the caller said otherwise.
      const location = res.headers.get("Location");
      if (res.status >= 300 && res.status < 400 && location && request.redirect === "follow")
        return globalThis.fetch(new URL(location, url));
      return res;
    }
    if (url.hostname === "localhost" || url.hostname === "127.0.0.1") return realFetch(input, init);
    throw new Error(`test tried to reach the outside world: ${url.host}`);
  });
}
