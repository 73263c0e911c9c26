import { createExecutionContext } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import worker from "../support/worker.ts";
import { drainDeliveries } from "../support/alerts.ts";
import { seedContent } from "../support/content.ts";
import { fakeTelegram, telegramDown, telegramRateLimited } from "../support/outside.ts";
import { loginAs, newLinkCode, staffFetch } from "../support/staff.ts";
import { keyboardOf, postUpdate, SECRET } from "../support/telegram.ts";
import { actions, openSession, send, sendRaw } from "../support/webchat.ts";
import { runCron } from "../support/cron.ts";

/**
 * Issue 15, "Privacy": whatever the Worker logs during a whole journey — on Telegram and in the
 * web chat: onboarding, free text, a help request to the référent (delivered through a Telegram
 * outage), export, deletion, the cron, bad requests and a failure — carries no message text, no
 * name, no token and no chat id in clear. Every console method is captured.
 */

const YOUNG_CHAT = 5_550_001_234;
const REFERENT_CHAT = 7_771_234_567;
const YOUNG_NAME = { first_name: "Yasmine", last_name: "Benali", username: "yasmine_b_2007" };
const REFERENT_NAME = "Zoé Martin-Durand";
const WORDS = ["appartement-bleu-42", "mon-secret-loyer", "rue-des-lilas", "question-sans-reponse-xyz"];

const logged: string[] = [];
const spies: { mockRestore(): void }[] = [];
const METHODS = ["log", "info", "warn", "error", "debug", "trace"] as const;
const secrets: string[] = [
  ...WORDS,
  String(YOUNG_CHAT),
  String(REFERENT_CHAT),
  YOUNG_NAME.first_name,
  YOUNG_NAME.last_name,
  YOUNG_NAME.username,
  "Zoé",
  "Martin-Durand",
  SECRET,
  "4242:test-token",
  "test-token",
];

function describeArg(arg: unknown): string {
  if (arg instanceof Error)
    return `${arg.name} ${arg.message} ${arg.stack ?? ""} ${String((arg as { cause?: unknown }).cause ?? "")}`;
  if (typeof arg === "string") return arg;
  try {
    return JSON.stringify(arg);
  } catch {
    return String(arg);
  }
}

let updateId = 91_000_000;
let messageId = 1;
function update(body: { text: string } | { data: string }) {
  const chat = { id: YOUNG_CHAT, type: "private", ...YOUNG_NAME };
  const from = { id: YOUNG_CHAT, is_bot: false, language_code: "fr", ...YOUNG_NAME };
  const id = updateId++;
  if ("text" in body) {
    const entities = body.text.startsWith("/")
      ? [{ type: "bot_command", offset: 0, length: body.text.split(" ")[0]!.length }]
      : undefined;
    return {
      update_id: id,
      message: {
        message_id: messageId++,
        date: 1_700_000_000,
        chat,
        from,
        text: body.text,
        ...(entities ? { entities } : {}),
      },
    };
  }
  return {
    update_id: id,
    callback_query: {
      id: String(id),
      chat_instance: "ci",
      from,
      data: body.data,
      message: { message_id: messageId++, date: 1_700_000_000, chat, text: "…" },
    },
  };
}

/** Sends an update and returns the last keyboard the young person was shown. */
async function telegram(body: { text: string } | { data: string }): Promise<string[]> {
  fakeTelegram.reset();
  await postUpdate(update(body));
  const last = fakeTelegram.messages.filter((m) => String(m.params.chat_id) === String(YOUNG_CHAT)).at(-1);
  return last ? keyboardOf(last.params).map(([, a]) => a) : [];
}

beforeAll(async () => {
  await seedContent();
  for (const method of METHODS)
    spies.push(
      vi
        .spyOn(console, method)
        .mockImplementation((...args: unknown[]) => void logged.push(args.map(describeArg).join(" "))),
    );
});
afterAll(() => {
  for (const spy of spies) spy.mockRestore();
});

describe("the logs of a whole journey", () => {
  it("should carry no message text, name, token or chat id", async () => {
    const ref = await loginAs("referent", REFERENT_NAME);
    const staffCode = await newLinkCode(ref.cookie, "telegram");
    secrets.push(ref.email, ref.cookie.split("=")[1]!, staffCode, staffCode.replace("-", ""));
    await postUpdate({
      update_id: updateId++,
      message: {
        message_id: messageId++,
        date: 1,
        chat: { id: REFERENT_CHAT, type: "private", first_name: "Zoé" },
        from: { id: REFERENT_CHAT, is_bot: false, first_name: "Zoé" },
        text: `/staff ${staffCode}`,
      },
    });

    // Telegram: onboarding, free text, link, a help request delivered through an outage, data, deletion.
    for (const step of [
      { text: "/start" },
      { data: "lang:fr" },
      { data: "privacy:accept" },
      { data: "year:2007" },
      { data: "month:04" },
      { data: "status:mna" },
      { data: "dept:44" },
    ])
      await telegram(step);
    fakeTelegram.failNext(telegramDown);
    await postUpdate(update({ text: `je cherche un ${WORDS[0]}` }));
    await telegram({ text: WORDS[3]! });
    const youngCode = await newLinkCode(ref.cookie, "young");
    secrets.push(youngCode, youngCode.replace("-", ""));
    const confirm = await telegram({ text: `/code ${youngCode}` });
    await telegram({ data: confirm.find((a) => a.startsWith("link:yes:"))! });
    await telegram({ data: "contact" });
    await telegram({ text: `aide pour ${WORDS[1]} ${WORDS[2]}` });
    fakeTelegram.reset();
    fakeTelegram.failNext(telegramRateLimited(1), { status: 0, unreachable: true });
    await drainDeliveries();
    // The help request reached the référent's own chat (the journey really ran).
    expect(
      fakeTelegram.calls.some((c) => c.method === "sendMessage" && String(c.params.chat_id) === String(REFERENT_CHAT)),
    ).toBe(true);
    const data = await telegram({ data: "data" });
    for (const action of data.filter((a) => a.startsWith("export"))) await telegram({ data: action });
    await telegram({ data: "delete" });
    await telegram({ data: "delete:yes" });

    // Web chat: the same journey, bad requests, export and deletion.
    const web = await openSession();
    secrets.push(web.token, web.sessionId);
    for (const action of ["lang:fr", "privacy:accept"]) await send(web.token, { action });
    await send(web.token, { text: `où trouver un ${WORDS[0]}` });
    await sendRaw(web.token, JSON.stringify({ text: `${WORDS[1]}\u0000` }));
    await sendRaw(web.token, `{"text": "${WORDS[2]}"`);
    const webCode = await newLinkCode(ref.cookie, "young");
    secrets.push(webCode, webCode.replace("-", ""));
    const preview = await send(web.token, { text: `code ${webCode}` });
    await send(web.token, { action: actions(preview).find((a) => a.startsWith("link:yes:"))! });
    await send(web.token, { action: "contact" });
    await send(web.token, { text: `besoin d'aide ${WORDS[1]}` });
    await drainDeliveries();
    const exported = await exports.default.fetch(
      new Request("https://passerelle.test/api/chat/export", { headers: { Authorization: `Bearer ${web.token}` } }),
    );
    expect(exported.status).toBe(200);
    await (await staffFetch("/referent", { cookie: ref.cookie })).text();
    await exports.default.fetch(
      new Request("https://passerelle.test/api/chat/session", {
        method: "DELETE",
        headers: { Authorization: `Bearer ${web.token}` },
      }),
    );

    // The cron, and a failure inside a turn (D1 refusing a write): both log.
    await runCron(Date.now() + 3 * 3600_000);
    const refusing = new Proxy(env.DB, {
      get(target, property) {
        // An error whose message carries personal data: only its kind may reach the logs.
        if (property === "batch")
          return () => Promise.reject(new Error(`D1_ERROR: constraint on ${WORDS[0]} chat ${YOUNG_CHAT}`));
        const value = Reflect.get(target, property, target) as unknown;
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    const broken = { ...env, DB: refusing } as Env;
    const failed = await worker.fetch(
      new Request("https://passerelle.test/telegram/webhook", {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": SECRET },
        body: JSON.stringify(update({ text: WORDS[0]! })),
      }),
      broken,
      createExecutionContext(),
    );
    expect(failed.status).toBe(500);

    const all = logged.join("\n");
    const found = secrets.filter((s) => s.length >= 4 && all.toLowerCase().includes(s.toLowerCase()));
    for (const spy of spies) spy.mockRestore();
    console.log(
      `logs: ${logged.length} lines captured during the journey, personal data or secrets found: ${found.length}`,
    );
    expect(found).toEqual([]);
    // The capture works: the failure was logged (by its kind).
    expect(logged.some((l) => l.includes("unhandled error"))).toBe(true);
  });
});
