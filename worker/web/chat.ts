import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import { messageRequestSchema, sessionRequestSchema } from "../../shared/api.ts";
import { isRtl, localeOfAcceptLanguage, toLocale, type Locale } from "../../shared/locales.ts";
import { t } from "../../shared/i18n/index.ts";
import { profileFromColumns } from "../../shared/profile.ts";
import { presentRoadmap, STEP_STATE_KEYS } from "../../shared/roadmap/present.ts";
import { parisDate } from "../../shared/roadmap/time.ts";
import { rulesAt } from "../roadmap-rules.ts";
import { timelineOf } from "../store/roadmap.ts";
import { database } from "../store/db.ts";
import { exportYoungPerson } from "../store/export.ts";
import { jsonBody, randomToken, sha256Hex } from "../http.ts";
import { runTurn } from "../turn/run.ts";
import { clientAddress, RATE_RULES, rateLimit, tooManyRequests } from "../rate-limit.ts";
import { endWebSession, newSessionLimit, unknownSession, webSession, type WebChatEnv } from "./session.ts";
import { slowDownReply } from "../slow-down.ts";
import type { Input } from "../../bot/types.ts";
import { pushRoutes } from "./push.ts";
import { letterReplies } from "../letters/web.ts";

/** The web chat JSON API (contract in README). The session token is stored only as a hash. */
export const chatRoutes = new Hono<WebChatEnv>();

/** Every request, before anything is read or parsed: a limit per client address. */
chatRoutes.use("*", async (c, next) => {
  const limited = await rateLimit(c.env, RATE_RULES.webIp, clientAddress(c));
  if (!limited.ok) return tooManyRequests(c, limited, { replies: [slowDownReply()] });
  await next();
});

chatRoutes.use("*", bodyLimit({ maxSize: 16 * 1024, onError: (c) => c.json({ error: "body too large" }, 413) }));

/** The locale's direction, and the page's "se déconnecter" control in that language. */
function localeInfo(locale: Locale) {
  return {
    locale,
    dir: isRtl(locale) ? "rtl" : "ltr",
    logout: { label: t(locale, "logout"), confirm: t(locale, "logoutConfirm") },
  };
}

chatRoutes.post("/session", newSessionLimit, async (c) => {
  const body = await jsonBody(c, sessionRequestSchema());
  const token = randomToken();
  const identity = { channel: "web", key: await sha256Hex(token) } as const;
  // The language asked for, else the browser's: the greeting and the first language button.
  const locale = body.locale ?? localeOfAcceptLanguage(c.req.header("Accept-Language"));
  const outcome = await runTurn(c.env, {
    identity,
    input: { kind: "start" },
    now: new Date(),
    ...(locale ? { locale } : {}),
  });
  if (outcome.kind !== "done") throw new HTTPException(409, { message: "session already exists" });
  return c.json(
    { sessionId: outcome.state.youngId, token, replies: outcome.replies, ...localeInfo(outcome.state.locale) },
    201,
  );
});

chatRoutes.post("/message", webSession, async (c) => {
  const body = await jsonBody(c, messageRequestSchema());
  const input: Input = "text" in body ? { kind: "text", text: body.text } : { kind: "action", action: body.action };
  // An unknown token must not silently create a new young person.
  const outcome = await runTurn(c.env, {
    identity: c.var.session.identity,
    input,
    now: new Date(),
    existingOnly: true,
  });
  if (outcome.kind === "unknown") throw unknownSession();
  if (outcome.kind !== "done") throw new HTTPException(409, { message: "duplicate" });
  const { locale, profile } = outcome.state;
  const replies = outcome.letter
    ? [...letterReplies(outcome.letter, locale, new URL(c.req.url).origin, profile.dept), ...outcome.replies]
    : outcome.replies;
  return c.json({ replies, ...localeInfo(locale), ended: outcome.deleted });
});

chatRoutes.get("/export", webSession, async (c) => {
  const data = await exportYoungPerson(database(c.env.DB), c.var.session.youngId);
  if (!data) throw unknownSession();
  c.header("Content-Disposition", 'attachment; filename="passerelle-mes-donnees.json"');
  // Personal data: never kept by a browser, a proxy or a shared phone's cache.
  c.header("Cache-Control", "no-store");
  return c.json(data);
});

/** The young person's own roadmap, for the web chat's timeline (the Telegram list is in the engine). */
chatRoutes.get("/roadmap", webSession, async (c) => {
  const db = database(c.env.DB);
  const person = await timelineOf(db, c.var.session.youngId);
  if (!person) throw unknownSession();
  // Cached per isolate by publication time, like a turn's.
  const rules = await rulesAt(db, person.rulesPublishedAt);
  const profile = profileFromColumns(person);
  const locale = toLocale(person.locale);
  const { steps } = presentRoadmap(profile, rules, parisDate(new Date()), locale, person.progress);
  c.header("Cache-Control", "no-store");
  return c.json({
    title: t(locale, "roadmapTitle"),
    empty: t(
      locale,
      rules.steps.length === 0
        ? "roadmapUnavailable"
        : profile.birth && profile.status
          ? "roadmapEmpty"
          : "roadmapNeedProfile",
    ),
    steps: steps.map((s) => ({ ...s, stateLabel: t(locale, STEP_STATE_KEYS[s.state]) })),
    ...localeInfo(locale),
  });
});

chatRoutes.route("/push", pushRoutes);

/** "Tout effacer", and the page's "se déconnecter" (a web session is its own profile). */
chatRoutes.delete("/session", webSession, async (c) => {
  const { identity, youngId } = c.var.session;
  await endWebSession(c.env, identity, youngId);
  return c.body(null, 204);
});
