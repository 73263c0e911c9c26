import type { WhatsAppMessage } from "../../bot/whatsapp.ts";
import type { Config } from "../config.ts";

type WhatsApp = NonNullable<Config["whatsapp"]>;

/** A Graph API call that hangs must not hold the turn (or the queue consumer) for long. */
const TIMEOUT_MS = 15_000;

/** Meta refused a message: its HTTP status and Graph error code say why. */
export class WhatsAppError extends Error {
  override name = "WhatsAppError";
  constructor(
    readonly status: number,
    readonly code: number,
  ) {
    super(`Cloud API refused the message (${status}, code ${code})`);
  }
}

/** No usable answer from the Graph API (network, timeout, not its JSON). */
export class WhatsAppUnreachable extends Error {
  override name = "WhatsAppUnreachable";
}

/** Graph error codes (Meta's "Cloud API error codes" page) this Worker acts on. */
const CODES = {
  /** More than 24 hours since the person's last message: only a template may be sent. */
  windowClosed: 131047,
  /** Throughput and pair rate limits: wait and retry. */
  rateLimits: new Set([4, 80007, 130429, 131048, 131056]),
  /** The person cannot receive messages (not on WhatsApp, blocked us, or similar). */
  undeliverable: 131026,
} as const;

export function isWindowClosed(error: unknown): boolean {
  return error instanceof WhatsAppError && error.code === CODES.windowClosed;
}

export function isUndeliverable(error: unknown): boolean {
  return error instanceof WhatsAppError && error.code === CODES.undeliverable;
}

/** Worth retrying later: Meta unreachable or down, or a rate limit. */
export function isRetryable(error: unknown): boolean {
  return (
    error instanceof WhatsAppUnreachable ||
    (error instanceof WhatsAppError &&
      (error.status === 429 || error.status >= 500 || CODES.rateLimits.has(error.code)))
  );
}

export type WhatsAppSender = {
  send(to: string, message: WhatsAppMessage): Promise<void>;
  /** Uploads a file to Meta (kept there for a few weeks, Meta's media rules) and returns its media id. */
  upload(file: { name: string; type: string; content: string }): Promise<string>;
};

/** The Worker's Cloud API client: one `fetch` per message, to `<root>/<phone number id>/messages`. */
export function whatsappClient(whatsapp: WhatsApp): WhatsAppSender {
  const url = `${whatsapp.apiRoot}/${whatsapp.phoneNumberId}/messages`;
  const headers = { "content-type": "application/json", authorization: `Bearer ${whatsapp.token}` };
  const media = `${whatsapp.apiRoot}/${whatsapp.phoneNumberId}/media`;
  const auth = { authorization: `Bearer ${whatsapp.token}` };
  return {
    async send(to: string, message: WhatsAppMessage): Promise<void> {
      const body = JSON.stringify({ messaging_product: "whatsapp", recipient_type: "individual", to, ...message });
      await call(url, { method: "POST", headers, body });
    },
    async upload(file): Promise<string> {
      const form = new FormData();
      form.append("messaging_product", "whatsapp");
      form.append("type", file.type);
      form.append("file", new Blob([file.content], { type: file.type }), file.name);
      const data = await call(media, { method: "POST", headers: auth, body: form });
      if (typeof data.id !== "string") throw new WhatsAppUnreachable("Cloud API: upload answered without a media id");
      return data.id;
    },
  };
}

type GraphAnswer = { id?: unknown; error?: { code?: unknown } };

/** One Graph API call: its JSON answer, or `WhatsAppError` (Meta said no) / `WhatsAppUnreachable` (no answer). */
async function call(url: string, init: RequestInit): Promise<GraphAnswer> {
  let response: Response;
  let data: GraphAnswer | null = null;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
    data = await response.json<GraphAnswer>().catch(() => null);
  } catch (error) {
    // Nothing of the request (the token, the number) goes into the error.
    throw new WhatsAppUnreachable("Cloud API: no answer", { cause: error });
  }
  if (response.ok && data) return data;
  if (response.ok) return {};
  if (!data) throw new WhatsAppUnreachable(`Cloud API: HTTP ${response.status} without JSON`);
  throw new WhatsAppError(response.status, typeof data.error?.code === "number" ? data.error.code : 0);
}

/** Sends messages in order; stops at the first failure and returns what is left. */
export async function sendAll(
  api: WhatsAppSender,
  to: string,
  messages: WhatsAppMessage[],
): Promise<{ unsent: WhatsAppMessage[]; error?: unknown }> {
  for (let i = 0; i < messages.length; i++) {
    try {
      await api.send(to, messages[i]!);
    } catch (error) {
      return { unsent: messages.slice(i), error };
    }
  }
  return { unsent: [] };
}
