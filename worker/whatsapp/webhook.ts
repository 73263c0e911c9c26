import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { inboundMessages, webhookSchema } from "../../bot/whatsapp.ts";
import { configOf } from "../config.ts";
import { sameSecret } from "../http.ts";
import { validSignature } from "./signature.ts";
import { whatsappMessages } from "./update.ts";

/** Meta's webhook calls are a few KB; anything near this is not one of them. */
const MAX_BODY_BYTES = 1024 * 1024;

export const whatsappRoutes = new Hono<{ Bindings: Env }>();

function configured(env: Env) {
  const whatsapp = configOf(env).whatsapp;
  if (!whatsapp) throw new HTTPException(404, { message: "WhatsApp is not configured on this server" });
  return whatsapp;
}

/** Meta's verification request when the webhook URL is set in the app dashboard. */
whatsappRoutes.get("/webhook", (c) => {
  const whatsapp = configured(c.env);
  const mode = c.req.query("hub.mode");
  const token = c.req.query("hub.verify_token") ?? "";
  const challenge = c.req.query("hub.challenge") ?? "";
  if (mode !== "subscribe" || !sameSecret(token, whatsapp.verifyToken))
    throw new HTTPException(403, { message: "wrong verify token" });
  if (!/^[A-Za-z0-9_-]{1,128}$/.test(challenge))
    throw new HTTPException(400, { message: "hub.challenge is missing or malformed" });
  return c.text(challenge, 200);
});

/**
 * Messages and statuses. The signature is checked on the raw body before anything is parsed;
 * statuses and fields we do not use are acknowledged (200) and ignored; a malformed body is a
 * 400, never a 5xx. A 5xx only comes from a turn that could not be stored: Meta retries the
 * call and messages already taken in are not answered twice (update.ts).
 */
whatsappRoutes.post("/webhook", async (c) => {
  const whatsapp = configured(c.env);
  if (Number(c.req.header("content-length")) > MAX_BODY_BYTES) return c.json({ error: "body too large" }, 413);
  const raw = await c.req.arrayBuffer();
  if (raw.byteLength > MAX_BODY_BYTES) return c.json({ error: "body too large" }, 413);
  if (!(await validSignature(c.req.header("X-Hub-Signature-256"), raw, whatsapp.appSecret))) {
    throw new HTTPException(401, { message: "wrong or missing signature" });
  }
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder().decode(raw));
  } catch {
    throw new HTTPException(400, { message: "body must be valid JSON" });
  }
  const parsed = webhookSchema().safeParse(body);
  if (!parsed.success) throw new HTTPException(400, { message: "not a WhatsApp Business Account webhook" });
  await whatsappMessages(c.env, whatsapp, inboundMessages(parsed.data, whatsapp.phoneNumberId));
  return c.body(null, 200);
});
