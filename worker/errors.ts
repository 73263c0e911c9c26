import type { Context, Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ConfigError, configOf } from "./config.ts";

/** Renders an error as a page for a person's browser (GET), or null for JSON. */
export type ErrorPage = (
  c: Context,
  status: ContentfulStatusCode,
  message: string,
) => Response | Promise<Response> | null;

/**
 * Every request first checks the settings (worker/config.ts; cached per isolate after the
 * first); errors become JSON in one place (or `page`'s HTML for a browser's GET), never a
 * stack trace; unknown paths a 404.
 */
export function answerErrors<A extends Hono<{ Bindings: Env }>>(app: A, page: ErrorPage = () => null): A {
  const answer = (c: Context, status: ContentfulStatusCode, message: string) => {
    const html = c.req.method === "GET" || c.req.method === "HEAD" ? page(c, status, message) : null;
    return html ?? c.json({ error: message }, status);
  };
  app.notFound((c) => answer(c, 404, "not found"));
  app.onError((error, c) => {
    if (error instanceof HTTPException) return answer(c, error.status as ContentfulStatusCode, error.message);
    if (error instanceof ConfigError) {
      // Names the wrong settings, never their values: the operator's first clue, on every request.
      console.error(error.message);
      return c.json({ error: "service misconfigured" }, 500);
    }
    // No message text, SQL or personal data in logs: the error's kind is enough to start.
    console.error("unhandled error", error instanceof Error ? error.name : typeof error);
    return answer(c, 500, "internal error");
  });
  return app;
}

/** The first middleware of both apps: a misconfigured Worker answers nothing but that. */
export function settingsChecked<A extends Hono<{ Bindings: Env }>>(app: A): A {
  app.use(async (c, next) => {
    configOf(c.env);
    await next();
  });
  return app;
}
