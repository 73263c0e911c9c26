#!/usr/bin/env node
// `npm run telegram:webhook -- https://your-worker.example.workers.dev`
// Tells Telegram where to deliver updates, with the secret it must send back in the
// X-Telegram-Bot-Api-Secret-Token header. Reads the token and secret from the environment
// or from .dev.vars; never prints them.
import { existsSync, readFileSync } from "node:fs";

function fromDevVars(name) {
  if (!existsSync(".dev.vars")) return undefined;
  const line = readFileSync(".dev.vars", "utf8")
    .split("\n")
    .find((l) => l.startsWith(`${name}=`));
  return line
    ?.slice(name.length + 1)
    .trim()
    .replace(/^"|"$/g, "");
}

const token = process.env.TELEGRAM_BOT_TOKEN ?? fromDevVars("TELEGRAM_BOT_TOKEN");
const secret = process.env.TELEGRAM_WEBHOOK_SECRET ?? fromDevVars("TELEGRAM_WEBHOOK_SECRET");
const apiRoot = process.env.TELEGRAM_API_ROOT ?? "https://api.telegram.org";
const base = process.argv[2];

if (!token || !secret || !base || !/^https:\/\//.test(base)) {
  console.error(
    "usage: npm run telegram:webhook -- https://<public-host>\n(TELEGRAM_BOT_TOKEN and TELEGRAM_WEBHOOK_SECRET in the environment or .dev.vars)",
  );
  process.exit(1);
}

const res = await fetch(`${apiRoot}/bot${token}/setWebhook`, {
  method: "POST",
  headers: { "Content-Type": "application/json" },
  body: JSON.stringify({
    url: `${base.replace(/\/$/, "")}/telegram/webhook`,
    secret_token: secret,
    allowed_updates: ["message", "callback_query", "my_chat_member"],
    max_connections: 40,
  }),
});
const body = await res.json().catch(() => ({}));
console.log(
  res.ok && body.ok ? `Webhook set to ${base}/telegram/webhook` : `Telegram refused: ${body.description ?? res.status}`,
);
process.exit(res.ok && body.ok ? 0 : 1);
