import type { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { ConfigError, configOf } from "./config.ts";

/**
 * Every request first checks the settings (worker/config.ts; cached per isolate after the
 * first); errors become JSON in one place, never a stack trace; unknown paths a JSON 404.
 */
export function answerErrors<A extends Hono<{ Bindings: Env }>>(app: A): A {
  app.notFound((c) => c.json({ error: "not found" }, 404));
  app.onError((error, c) => {
    if (error instanceof HTTPException) return c.json({ error: error.message }, error.status);
    if (error instanceof ConfigError) {
      // Names the wrong settings, never their values: the operator's first clue, on every request.
      console.error(error.message);
      return c.json({ error: "service misconfigured" }, 500);
    }
    // No message text, SQL or personal data in logs: the error's kind is enough to start.
    console.error("unhandled error", error instanceof Error ? error.name : typeof error);
    return c.json({ error: "internal error" }, 500);
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
