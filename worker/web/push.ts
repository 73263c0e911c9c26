import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { pushSubscriptionSchema, pushUnsubscribeSchema } from "../../shared/api.ts";
import { configOf } from "../config.ts";
import { jsonBody } from "../http.ts";
import { PUSH_SERVICE_HOST } from "../push/send.ts";
import { database } from "../store/db.ts";
import { deletePushSubscription, savePushSubscription } from "../store/push.ts";
import { webSession, type WebChatEnv } from "./session.ts";

/**
 * The web chat's opt-in to push reminders (contract in README). The key a browser subscribes
 * with, then its subscription stored for the young person of the session (exported and erased
 * with them), or removed.
 */
export const pushRoutes = new Hono<WebChatEnv>();

pushRoutes.get("/key", (c) => {
  const keys = configOf(c.env).webPush;
  if (!keys) return c.json({ error: "push reminders are not configured" }, 404);
  return c.json({ publicKey: keys.publicKey });
});

pushRoutes.post("/", webSession, async (c) => {
  if (!configOf(c.env).webPush) throw new HTTPException(404, { message: "push reminders are not configured" });
  const body = await jsonBody(c, pushSubscriptionSchema());
  if (!PUSH_SERVICE_HOST.test(new URL(body.endpoint).hostname))
    throw new HTTPException(400, { message: "endpoint: not a known push service" });
  await savePushSubscription(
    database(c.env.DB),
    c.var.session.youngId,
    { endpoint: body.endpoint, p256dh: body.keys.p256dh, auth: body.keys.auth },
    Date.now(),
  );
  return c.body(null, 201);
});

pushRoutes.delete("/", webSession, async (c) => {
  const body = await jsonBody(c, pushUnsubscribeSchema());
  await deletePushSubscription(database(c.env.DB), c.var.session.youngId, body.endpoint);
  return c.body(null, 204);
});
