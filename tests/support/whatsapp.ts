import { callWorker } from "./call.ts";
import { signatureOf } from "../../worker/whatsapp/signature.ts";

/** Builds WhatsApp Cloud API webhook calls as Meta sends them, signed, and posts them to the real webhook. */

export const APP_SECRET = "testappsecret0123456789abcdef";
export const PHONE_NUMBER_ID = "1000001";
export const VERIFY_TOKEN = "test-verify-token";

let nextId = 1;

export function textMessage(from: string, body: string, id = `wamid.in${nextId++}`) {
  return { from, id, timestamp: "1764763200", type: "text", text: { body } };
}

/** A tap on a reply button or on a row of a list message: Meta sends the choice's id back. */
function interactiveMessage(from: string, kind: "button_reply" | "list_reply", action: string, id: string) {
  return {
    from,
    id,
    timestamp: "1764763200",
    type: "interactive",
    interactive: { type: kind, [kind]: { id: action, title: "…" } },
  };
}

export function buttonMessage(from: string, action: string, id = `wamid.in${nextId++}`) {
  return interactiveMessage(from, "button_reply", action, id);
}

export function listMessage(from: string, action: string, id = `wamid.in${nextId++}`) {
  return interactiveMessage(from, "list_reply", action, id);
}

/** One webhook call carrying these messages (and statuses), as Meta batches them. */
export function webhookCall(messages: unknown[], extra: Record<string, unknown> = {}) {
  return {
    object: "whatsapp_business_account",
    entry: [
      {
        id: "waba-1",
        changes: [
          {
            field: "messages",
            value: {
              messaging_product: "whatsapp",
              metadata: { display_phone_number: "33100000000", phone_number_id: PHONE_NUMBER_ID },
              contacts: messages.map((m) => ({ profile: { name: "Test" }, wa_id: (m as { from: string }).from })),
              messages,
              ...extra,
            },
          },
        ],
      },
    ],
  };
}

/** Posts a body signed with the app secret (or with `signature` as given; null: no header). */
export async function postWhatsApp(body: unknown, signature?: string | null): Promise<Response> {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  const header = signature === undefined ? await signatureOf(text, APP_SECRET) : signature;
  if (header !== null) headers["X-Hub-Signature-256"] = header;
  return callWorker(new Request("https://passerelle.test/whatsapp/webhook", { method: "POST", headers, body: text }));
}

export function verify(query: Record<string, string>): Promise<Response> {
  return callWorker(new Request(`https://passerelle.test/whatsapp/webhook?${new URLSearchParams(query)}`));
}
