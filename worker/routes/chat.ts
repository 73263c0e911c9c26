import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import { messageRequestSchema, sessionRequestSchema } from "../../shared/api.ts";
import { isRtl, toLocale, type Locale } from "../../shared/locales.ts";
import { t } from "../../shared/i18n/index.ts";
import { profileSchema } from "../../shared/profile.ts";
import type { Progress } from "../../shared/roadmap/compute.ts";
import { STEP_STATE_KEYS } from "../../shared/roadmap/present.ts";
import { parisDate } from "../../shared/roadmap/time.ts";
import { publishedRoadmapRules } from "../store/content-settings.ts";
import { presentRoadmap } from "./roadmap.tsx";
import { newState } from "../store/turns.ts";
import { database } from "../store/db.ts";
import { deleteYoungPerson, exportYoungPerson, youngIdForIdentity } from "../store/privacy.ts";
import { jsonBody, randomToken, sha256Hex } from "../http.ts";
import { forgetPerson, personKey } from "../person-cache.ts";
import { runTurn } from "../turn.ts";
import { clientAddress, RATE_RULES, rateLimit, tooManyRequests } from "../rate-limit.ts";
import { slowDownReply } from "../slow-down.ts";
import type { Input } from "../../bot/types.ts";

/** The web chat JSON API (contract in README). The session token is stored only as a hash. */
export const chatRoutes = new Hono<{ Bindings: Env; Variables: { sessionKey: string } }>();

/** Every request, before anything is read or parsed: a limit per client address. */
chatRoutes.use("*", async (c, next) => {
  const limited = await rateLimit(c.env, RATE_RULES.webIp, clientAddress(c));
  if (!limited.ok) return tooManyRequests(c, limited, { replies: [slowDownReply()] });
  await next();
});

chatRoutes.use("*", bodyLimit({ maxSize: 16 * 1024, onError: (c) => c.json({ error: "body too large" }, 413) }));

async function sessionKey(c: Context): Promise<string> {
  const match = /^Bearer ([A-Za-z0-9_-]{43})$/.exec(c.req.header("Authorization") ?? "");
  if (!match) throw new HTTPException(401, { message: "missing or malformed bearer token" });
  return sha256Hex(match[1]!);
}

/**
 * Requests of an existing session: its token's hash (the identity's key), then a limit per
 * session. A new session is limited per address instead.
 */
chatRoutes.use("*", async (c, next) => {
  if (c.req.method === "POST" && c.req.path.endsWith("/session")) {
    const limited = await rateLimit(c.env, RATE_RULES.sessionIp, clientAddress(c));
    if (!limited.ok) return tooManyRequests(c, limited, { replies: [slowDownReply()] });
    return next();
  }
  const key = await sessionKey(c);
  const limited = await rateLimit(c.env, RATE_RULES.webSession, key);
  if (!limited.ok) return tooManyRequests(c, limited, { replies: [slowDownReply(personKey({ channel: "web", key }))] });
  c.set("sessionKey", key);
  await next();
});

function localeInfo(locale: Locale) {
  return { locale, dir: isRtl(locale) ? "rtl" : "ltr" };
}

chatRoutes.post("/session", async (c) => {
  const body = await jsonBody(c, sessionRequestSchema());
  const token = randomToken();
  const key = await sha256Hex(token);
  const outcome = await runTurn(c.env, { channel: "web", key }, { kind: "start" }, new Date(), undefined, body.locale);
  if (outcome.kind !== "done") throw new HTTPException(409, { message: "session already exists" });
  return c.json({ sessionId: outcome.state.youngId, token, replies: outcome.replies, ...localeInfo(outcome.state.locale) }, 201);
});

chatRoutes.post("/message", async (c) => {
  const key = c.var.sessionKey;
  const body = await jsonBody(c, messageRequestSchema());
  const db = database(c.env.DB);
  // An unknown token must not silently create a new young person.
  if (!(await youngIdForIdentity(db, "web", key))) throw new HTTPException(401, { message: "unknown or deleted session" });
  const input: Input = "text" in body ? { kind: "text", text: body.text } : { kind: "action", action: body.action };
  const outcome = await runTurn(c.env, { channel: "web", key }, input, new Date());
  if (outcome.kind !== "done") throw new HTTPException(409, { message: "duplicate" });
  return c.json({ replies: outcome.replies, ...localeInfo(outcome.state.locale), ended: outcome.deleted });
});

chatRoutes.get("/export", async (c) => {
  const db = database(c.env.DB);
  const youngId = await youngIdForIdentity(db, "web", c.var.sessionKey);
  const data = youngId ? await exportYoungPerson(db, youngId) : null;
  if (!data) throw new HTTPException(401, { message: "unknown or deleted session" });
  c.header("Content-Disposition", 'attachment; filename="passerelle-mes-donnees.json"');
  return c.json(data);
});

/** The young person's own roadmap, for the web chat's timeline (the Telegram list is in the engine). */
chatRoutes.get("/roadmap", async (c) => {
  const db = database(c.env.DB);
  const youngId = await youngIdForIdentity(db, "web", c.var.sessionKey);
  const data = youngId ? await exportYoungPerson(db, youngId) : null;
  if (!data) throw new HTTPException(401, { message: "unknown or deleted session" });
  const profile = profileSchema().safeParse({
    birth: data.profile.birth ?? undefined, status: data.profile.status ?? undefined,
    dept: data.profile.dept ?? undefined, enteredCare: data.profile.enteredCare ?? undefined,
    permitExpiry: data.profile.permitExpiry ?? undefined,
  });
  const locale = toLocale(data.profile.locale);
  const progress: Progress = Object.fromEntries(data.roadmap.map((p) => [p.stepId, p.state]));
  const rules = await publishedRoadmapRules(db);
  const { steps } = presentRoadmap(profile.success ? profile.data : {}, rules, parisDate(new Date()), locale, progress);
  c.header("Cache-Control", "no-store");
  return c.json({
    title: t(locale, "roadmapTitle"),
    empty: t(locale, rules.steps.length === 0 ? "roadmapUnavailable" : profile.success && profile.data.birth && profile.data.status ? "roadmapEmpty" : "roadmapNeedProfile"),
    steps: steps.map((s) => ({ ...s, stateLabel: t(locale, STEP_STATE_KEYS[s.state]) })),
    ...localeInfo(locale),
  });
});

chatRoutes.delete("/session", async (c) => {
  const db = database(c.env.DB);
  const key = c.var.sessionKey;
  const youngId = await youngIdForIdentity(db, "web", key);
  if (!youngId) throw new HTTPException(401, { message: "unknown or deleted session" });
  await deleteYoungPerson(db, youngId);
  // The README promises it: nothing of theirs stays in this isolate's memory either.
  forgetPerson(personKey({ channel: "web", key }));
  return c.body(null, 204);
});
