import { createMiddleware } from "hono/factory";
import { HTTPException } from "hono/http-exception";
import { sha256Hex } from "../http.ts";
import { clientAddress, RATE_RULES, rateLimit, tooManyRequests } from "../rate-limit.ts";
import { slowDownReply } from "../slow-down.ts";
import { database } from "../store/db.ts";
import { configOf } from "../config.ts";
import { tellLinksEnded } from "../link-ended.ts";
import { deleteYoungPerson, webPerson } from "../store/privacy.ts";
import type { Identity } from "../store/turns.ts";
import { forgetPerson, keptPerson, personKey } from "../turn/person-cache.ts";

const DAY = 24 * 60 * 60 * 1000;

/** The web chat session a request belongs to. */
export type WebSession = { identity: Identity; youngId: string };

export type WebChatEnv = { Bindings: Env; Variables: { session: WebSession } };

/**
 * For every request of an existing session: the bearer token's hash is the identity's key
 * (only the hash is stored), then a limit per session, then the young person behind it,
 * found once for the handler: in the row this isolate kept from their last turn (no D1
 * read, so a returning person's message stays one round trip) or else in D1. 401 when nobody
 * is behind the token, or when it was unused for WEB_SESSION_IDLE_DAYS. A kept row may be stale (the person deleted meanwhile through another
 * isolate): a turn then finds out through its guard (`existingOnly`), the export and the
 * roadmap through their own read, and a deletion finds nothing left to delete.
 */
export const webSession = createMiddleware<WebChatEnv>(async (c, next) => {
  const match = /^Bearer ([A-Za-z0-9_-]{43})$/.exec(c.req.header("Authorization") ?? "");
  if (!match) throw new HTTPException(401, { message: "missing or malformed bearer token" });
  const identity: Identity = { channel: "web", key: await sha256Hex(match[1]!) };
  const limited = await rateLimit(c.env, RATE_RULES.webSession, identity.key);
  if (!limited.ok) return tooManyRequests(c, limited, { replies: [slowDownReply(personKey(identity))] });
  // A token unused for WEB_SESSION_IDLE_DAYS no longer works (a shared phone): its profile is
  // erased, nobody could reach it again. A row this isolate kept within that time is proof
  // enough of use; an older one is checked in D1 like any other.
  const idleSince = Date.now() - configOf(c.env).retention.WEB_SESSION_IDLE_DAYS * DAY;
  const fresh = keptPerson(personKey(identity));
  let youngId = fresh && (fresh.keptAt ?? 0) >= idleSince ? fresh.person.id : undefined;
  if (!youngId) {
    const found = await webPerson(database(c.env.DB), identity.key, idleSince);
    if (found?.expired) {
      await endWebSession(c.env, identity, found.id);
      throw new HTTPException(401, { message: "session expired" });
    }
    youngId = found?.id;
  }
  if (!youngId) throw unknownSession();
  c.set("session", { identity, youngId });
  await next();
});

/** Erases the person of a web session (there is no account to come back to) and tells their référents. */
export async function endWebSession(env: Env, identity: Identity, youngId: string): Promise<void> {
  const links = await deleteYoungPerson(database(env.DB), youngId);
  // The README promises it: nothing of theirs stays in this isolate's memory either.
  forgetPerson(personKey(identity));
  await tellLinksEnded(env, links);
}

export function unknownSession(): HTTPException {
  return new HTTPException(401, { message: "unknown or deleted session" });
}

/** A new session has no token yet: it is limited per client address instead. */
export const newSessionLimit = createMiddleware<{ Bindings: Env }>(async (c, next) => {
  const limited = await rateLimit(c.env, RATE_RULES.sessionIp, clientAddress(c));
  if (!limited.ok) return tooManyRequests(c, limited, { replies: [slowDownReply()] });
  await next();
});
