import * as z from "zod/mini";
import { lazy } from "../shared/lazy.ts";

/** Vars and secrets, validated once per isolate: a misconfiguration fails fast and clearly. */
const configSchema = lazy(() => z.object({
  TELEGRAM_BOT_TOKEN: z.optional(z.string().check(z.regex(/^\d+:[A-Za-z0-9_-]+$/, "TELEGRAM_BOT_TOKEN looks wrong"))),
  TELEGRAM_WEBHOOK_SECRET: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{8,256}$/, "TELEGRAM_WEBHOOK_SECRET: 8-256 of A-Z a-z 0-9 _ -"))),
  TELEGRAM_API_ROOT: z._default(z.url(), "https://api.telegram.org"),
  TELEGRAM_BOT_USERNAME: z._default(z.string(), "passerelle_bot"),
  CRISIS_AUTO_ALERT: z._default(z.enum(["true", "false"]), "true"),
  PUBLIC_URL: z._default(z.url(), "http://localhost:8787"),
}));

export type Config = {
  telegram: { token: string; secret: string; apiRoot: string; username: string } | null;
  crisisAutoAlert: boolean;
  publicUrl: string;
};

const cache = new WeakMap<object, Config>();

export function configOf(env: Env): Config {
  let config = cache.get(env);
  if (config) return config;
  const parsed = configSchema().safeParse(env);
  if (!parsed.success) {
    throw new Error(`Invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  }
  const v = parsed.data;
  config = {
    telegram: v.TELEGRAM_BOT_TOKEN && v.TELEGRAM_WEBHOOK_SECRET
      ? { token: v.TELEGRAM_BOT_TOKEN, secret: v.TELEGRAM_WEBHOOK_SECRET, apiRoot: v.TELEGRAM_API_ROOT.replace(/\/$/, ""), username: v.TELEGRAM_BOT_USERNAME }
      : null,
    crisisAutoAlert: v.CRISIS_AUTO_ALERT === "true",
    publicUrl: v.PUBLIC_URL,
  };
  cache.set(env, config);
  return config;
}
