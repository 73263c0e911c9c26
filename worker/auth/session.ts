import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { HTTPException } from "hono/http-exception";
import { timingSafeEqual } from "hono/utils/buffer";
import { assetPath } from "../assets.ts";
import { randomToken, sha256Hex } from "../http.ts";
import { STAFF_ASSETS, staffStyle } from "../pages/staff-style.ts";
import { database } from "../store/db.ts";
import { closeSession, openSession, sessionStaff, staffByEmail } from "../store/staff.ts";
import { accessEmail } from "./access.ts";
import { isCrossSite } from "./origin.ts";
import type { StaffEnv, StaffRole, StaffUser } from "./types.ts";

/** Staff sessions: random token in an HttpOnly cookie, only its SHA-256 stored, 12 h. */

export const SESSION_COOKIE = "passerelle_staff";
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
const TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/;

function cookieOptions(maxAgeSeconds?: number) {
  return {
    httpOnly: true,
    secure: true,
    sameSite: "Lax" as const,
    path: "/",
    ...(maxAgeSeconds !== undefined ? { maxAge: maxAgeSeconds } : {}),
  };
}

async function csrfFor(token: string): Promise<string> {
  return (await sha256Hex(`csrf:${token}`)).slice(0, 43);
}

/** Opens a session for this staff member and sets the cookie. */
export async function startSession(c: Context, staffId: string, now = new Date()): Promise<string> {
  const token = randomToken();
  await openSession(database(c.env.DB), staffId, await sha256Hex(token), now, SESSION_TTL_MS);
  setCookie(c, SESSION_COOKIE, token, cookieOptions(SESSION_TTL_MS / 1000));
  return token;
}

export async function endSession(c: Context): Promise<void> {
  const token = getCookie(c, SESSION_COOKIE);
  if (token && TOKEN_FORMAT.test(token)) await closeSession(database(c.env.DB), await sha256Hex(token));
  deleteCookie(c, SESSION_COOKIE, cookieOptions());
}

async function currentStaff(c: Context): Promise<{ staff: StaffUser; token: string } | null> {
  const db = database(c.env.DB);
  const now = new Date();
  const token = getCookie(c, SESSION_COOKIE);
  if (token && TOKEN_FORMAT.test(token)) {
    const found = await sessionStaff(db, await sha256Hex(token), now);
    if (found) return { staff: found, token };
  }
  // Optional Cloudflare Access: a verified identity of an existing, enabled account opens a session.
  const email = await accessEmail(c);
  if (email) {
    const account = await staffByEmail(db, email);
    if (account && account.disabledAt === null) {
      const opened = await startSession(c, account.id, now);
      return { staff: { id: account.id, email: account.email, name: account.name, role: account.role }, token: opened };
    }
  }
  return null;
}

function wantsPage(c: Context): boolean {
  return (c.req.method === "GET" || c.req.method === "HEAD") && !new URL(c.req.url).pathname.startsWith("/api/");
}

/**
 * Staff-only routes. No roles = any staff member; admins pass every role check.
 * Anonymous, expired or forged sessions: HTML GET → 302 /login?next=…, otherwise 401.
 * Wrong role: 403. Sets c.var.staff and the CSRF token.
 */
export function requireStaff(...roles: StaffRole[]): MiddlewareHandler<StaffEnv> {
  return async (c, next) => {
    c.header("Cache-Control", "no-store");
    const found = await currentStaff(c);
    if (!found) {
      if (getCookie(c, SESSION_COOKIE) !== undefined) deleteCookie(c, SESSION_COOKIE, cookieOptions());
      if (wantsPage(c)) {
        const url = new URL(c.req.url);
        return c.redirect(`/login?next=${encodeURIComponent(url.pathname + url.search)}`, 302);
      }
      throw new HTTPException(401, { message: "sign in required" });
    }
    if (found.staff.role !== "admin" && roles.length > 0 && !roles.includes(found.staff.role)) {
      if (wantsPage(c)) {
        return c.html(
          `<!doctype html><html lang="fr"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Accès refusé</title><link rel="stylesheet" href="${assetPath(STAFF_ASSETS, staffStyle)}"><body class="plain"><h1>Accès refusé / Forbidden</h1><p>Ton rôle ne donne pas accès à cette page. / Your role cannot open this page.</p><p><a href="/referent">Tableau de bord</a></p></body></html>`,
          403,
        );
      }
      throw new HTTPException(403, { message: "not allowed for your role" });
    }
    c.set("staff", found.staff);
    c.set("staffCsrf", await csrfFor(found.token));
    await next();
  };
}

/** The CSRF token to put in every form of a staff page (`<input type="hidden" name="_csrf">`). */
export function csrfToken(c: Context<StaffEnv>): string {
  return c.var.staffCsrf;
}

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF check for state-changing requests, after requireStaff(): the form field `_csrf`
 * (or header X-CSRF-Token) must match the session's token, and a present Origin must be ours.
 */
export function csrfCheck(): MiddlewareHandler<StaffEnv> {
  return async (c, next) => {
    if (SAFE.has(c.req.method)) return next();
    if (isCrossSite(c)) throw new HTTPException(403, { message: "cross-site request refused" });
    let sent = c.req.header("X-CSRF-Token") ?? "";
    if (!sent) {
      const type = c.req.header("Content-Type") ?? "";
      if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data")) {
        const body = await c.req.parseBody();
        sent = typeof body._csrf === "string" ? body._csrf : "";
      }
    }
    const expected = c.var.staffCsrf;
    if (!expected || !sent || !(await timingSafeEqual(sent, expected)))
      throw new HTTPException(403, { message: "invalid or missing CSRF token" });
    await next();
  };
}

const HOME = "/referent";
/** Control characters (browsers drop tabs and line breaks from URLs) and backslashes (read as "/"). */
const UNSAFE_IN_PATH = /[\u0000-\u001f\u007f\\]/;

/**
 * A safe place to go after login (issue 22, finding 5): a path that parses, against this
 * origin, to this origin, starting with exactly one "/". Anything else, or anything a
 * browser would rewrite first (tabs, line breaks, backslashes), is the dashboard. Returns
 * the parsed path, so the Location is what the browser will resolve, never a header error.
 */
export function safeNext(next: string | undefined, origin = "https://staff.invalid"): string {
  if (!next || next.length > 2000) return HOME;
  let url: URL;
  try {
    // Its decoded form too: a page or proxy that decodes it once must not find "//host" or a tab.
    if (!isPlainPath(next) || !isPlainPath(decodeURIComponent(next))) return HOME;
    url = new URL(next, origin);
  } catch {
    return HOME;
  }
  if (url.origin !== new URL(origin).origin) return HOME;
  const path = url.pathname + url.search + url.hash;
  // "/.//host" normalises to "//host": protocol-relative once sent back.
  return path.startsWith("//") ? HOME : path;
}

function isPlainPath(path: string): boolean {
  return path.startsWith("/") && !path.startsWith("//") && !UNSAFE_IN_PATH.test(path);
}
