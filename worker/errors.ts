import type { Hono } from "hono";
import { HTTPException } from "hono/http-exception";

/** Errors become JSON in one place, never a stack trace; unknown paths a JSON 404. */
export function answerErrors<A extends Hono<{ Bindings: Env }>>(app: A): A {
  app.notFound((c) => c.json({ error: "not found" }, 404));
  app.onError((error, c) => {
    if (error instanceof HTTPException) return c.json({ error: error.message }, error.status);
    // No message text, SQL or personal data in logs: the error's kind is enough to start.
    console.error("unhandled error", error instanceof Error ? error.name : typeof error);
    return c.json({ error: "internal error" }, 500);
  });
  return app;
}
