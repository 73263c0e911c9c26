import type { Context, MiddlewareHandler } from "hono";
import { HTTPException } from "hono/http-exception";

type Schema<T> = {
  safeParse(
    data: unknown,
  ): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
};

/** Reads and validates a JSON body; bad input becomes a clear 400 before anything is stored. */
export async function jsonBody<T>(c: Context, schema: Schema<T>): Promise<T> {
  let body: unknown;
  try {
    const raw = await c.req.text();
    body = raw.trim() === "" ? {} : JSON.parse(raw);
  } catch {
    throw new HTTPException(400, { message: "body must be valid JSON" });
  }
  return check(schema, body);
}

/**
 * Middleware: a form body (urlencoded or multipart) is parsed once, before any handler reads
 * it; one that cannot be parsed (a broken multipart, a boundary that is not there) is a 400,
 * not the TypeError every later `parseBody()` would throw. Hono keeps the parsed form, so the
 * handlers' own `parseBody()` reuse it.
 */
export function formsParsed(): MiddlewareHandler {
  return async (c, next) => {
    const type = (c.req.header("Content-Type") ?? "").split(";")[0]!.trim().toLowerCase();
    if (type === "multipart/form-data" || type === "application/x-www-form-urlencoded") {
      try {
        await c.req.parseBody();
      } catch {
        throw new HTTPException(400, { message: "form body could not be read" });
      }
    }
    await next();
  };
}

export function check<T>(schema: Schema<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const message = parsed.error.issues
      .map((i) => (i.path.length > 0 ? `${i.path.map(String).join(".")}: ${i.message}` : i.message))
      .join("; ");
    throw new HTTPException(400, { message });
  }
  return parsed.data;
}

export async function sha256Hex(value: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(value));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * Constant-time string comparison for secrets (no early exit), synchronous: hono's
 * timingSafeEqual hashes both sides with crypto.subtle on every call, which the bench
 * profile showed as ~8% of the Worker's CPU per Telegram update.
 */
export function sameSecret(given: string, expected: string): boolean {
  let diff = given.length ^ expected.length;
  for (let i = 0; i < expected.length; i++) diff |= (given.charCodeAt(i) | 0) ^ expected.charCodeAt(i);
  return diff === 0;
}

/** A random token, URL-safe, 256 bits. */
export function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}
