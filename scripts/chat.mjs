#!/usr/bin/env node
// `npm run chat`: a terminal chat against the running local worker (npm start), through
// the same public JSON API as the web page. Type a number to press a button. It follows PORT
// as npm start does (PASSERELLE_URL, if set, wins).
import { createInterface } from "node:readline/promises";

const base = (process.env.PASSERELLE_URL ?? `http://localhost:${process.env.PORT ?? "8787"}`).replace(/\/$/, "");
const rl = createInterface({ input: process.stdin, output: process.stdout });
let token = null;
let buttons = [];

async function call(path, body) {
  const headers = { "Content-Type": "application/json" };
  if (token) headers.Authorization = `Bearer ${token}`;
  let res;
  try {
    res = await fetch(base + path, { method: "POST", headers, body: JSON.stringify(body) });
  } catch {
    console.error(`Cannot reach ${base}. Start the product first with: npm start (same PORT)`);
    process.exit(1);
  }
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(data.error ?? `HTTP ${res.status}`);
  return data;
}

function show(data) {
  buttons = [];
  for (const reply of data.replies ?? []) {
    console.log(`\n${reply.text}`);
    for (const b of reply.buttons ?? []) {
      buttons.push(b);
      console.log(`  [${buttons.length}] ${b.label}`);
    }
  }
  if (data.ended) token = null;
}

const session = await call("/api/chat/session", {});
token = session.token;
show(session);
for (;;) {
  const line = (await rl.question("\n> ")).trim();
  if (line === "") continue;
  if (line === "/quit" || line === "/exit") break;
  if (!token) {
    const again = await call("/api/chat/session", {});
    token = again.token;
    show(again);
    continue;
  }
  const n = Number(line);
  const body =
    Number.isInteger(n) && n >= 1 && n <= buttons.length ? { action: buttons[n - 1].action } : { text: line };
  try {
    show(await call("/api/chat/message", body));
  } catch (error) {
    console.error(`! ${error.message}`);
  }
}
rl.close();
