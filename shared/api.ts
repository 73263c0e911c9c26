import * as z from "zod/mini";
import { lazy } from "./lazy.ts";
import { localeSchema } from "./locales.ts";

/** Public web chat contract (see README). Types are inferred from these schemas. */

export const MAX_TEXT_LENGTH = 2000;

export const buttonSchema = lazy(() =>
  z.object({
    label: z.string(),
    action: z.string(),
  }),
);
export type Button = z.infer<ReturnType<typeof buttonSchema>>;

export const replySchema = lazy(() =>
  z.object({
    text: z.string(),
    buttons: z.optional(z.array(buttonSchema())),
  }),
);
export type Reply = z.infer<ReturnType<typeof replySchema>>;

export const sessionRequestSchema = lazy(() =>
  z.object({
    locale: z.optional(localeSchema),
  }),
);

/** Exactly one of `text` or `action`. Control characters are refused, not stripped silently. */
export const messageRequestSchema = lazy(() =>
  z.union([
    z.strictObject({
      text: z.string().check(
        z.trim(),
        z.minLength(1, "text must not be empty"),
        z.maxLength(MAX_TEXT_LENGTH, `text must be at most ${MAX_TEXT_LENGTH} characters`),
        z.refine(
          (s) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(s),
          "text must not contain control characters",
        ),
      ),
    }),
    z.strictObject({
      action: z
        .string()
        .check(z.minLength(1), z.maxLength(64), z.regex(/^[a-z_]+(:[A-Za-z0-9_-]+)*$/, "unknown action format")),
    }),
  ]),
);
