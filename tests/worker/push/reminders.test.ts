import { createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { t } from "../../../shared/i18n/index.ts";
import { sha256Hex } from "../../../worker/http.ts";
import { publishSeedRoadmapRules } from "../../support/content.ts";
import { fakePush } from "../../support/outside.ts";
import { browserSubscription, decrypt, vapidSecrets } from "../../support/push.ts";
import { recordingQueue } from "../../support/queue.ts";
import worker from "../../support/worker.ts";

/**
 * Issue 17, item 3: Web Push reminders for web chat users who opt in, through the real Worker
 * (API, cron, queue) with VAPID keys as `wrangler secret put` sets them; the push service is
 * faked at the network boundary (tests/support/outside.ts) and each push is decrypted with the
 * subscription's own private key, as the browser would.
 */

let pushEnv: Env;
let secrets: Awaited<ReturnType<typeof vapidSecrets>>;
const TOKEN = "T".repeat(43);
const ENDPOINT = "https://fcm.googleapis.com/fcm/send/abc123";
type Sub = Awaited<ReturnType<typeof browserSubscription>>;
let sub: Sub;

const call = (path: string, init: RequestInit = {}, e: Env = pushEnv) =>
  worker.fetch(
    new Request(`https://passerelle.test${path}`, {
      ...init,
      headers: { Authorization: `Bearer ${TOKEN}`, "Content-Type": "application/json", ...init.headers },
    }),
    e,
    createExecutionContext(),
  );

const subscribe = (body: unknown, e?: Env) => call("/api/chat/push", { method: "POST", body: JSON.stringify(body) }, e);
const stored = async () =>
  (await env.DB.prepare("select endpoint, young_id as youngId from push_subscriptions").all()).results;

async function runCron(iso: string) {
  const queue = recordingQueue(pushEnv);
  await queue.cron(iso);
  await queue.drain();
  return queue;
}

beforeAll(async () => {
  secrets = await vapidSecrets();
  pushEnv = { ...env, ...secrets } as Env;
  await publishSeedRoadmapRules();
  // A web chat user in Arabic whose autonomy interview is due on 1 February 2026.
  const now = Date.now();
  await env.DB.prepare(
    "insert into young_people (id, locale, birth, status, dept, cursor, created_at, last_active_at) values ('web-ar', 'ar', '2009-02', 'ase', '44', '{\"at\":\"menu\"}', ?, ?)",
  )
    .bind(now, now)
    .run();
  await env.DB.prepare("insert into identities (channel, key, young_id, created_at) values ('web', ?, 'web-ar', ?)")
    .bind(await sha256Hex(TOKEN), now)
    .run();
  sub = await browserSubscription();
});

beforeEach(() => fakePush.reset());

describe("the push opt-in API", () => {
  it("should give the VAPID public key only when the keys are set", async () => {
    expect((await call("/api/chat/push/key", {}, env)).status).toBe(404);
    const res = await call("/api/chat/push/key");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ publicKey: secrets.VAPID_PUBLIC_KEY });
  });

  it("should refuse a subscription without a session, or malformed, or to another host, and store nothing", async () => {
    const good = { endpoint: ENDPOINT, keys: sub.keys };
    const anonymous = await worker.fetch(
      new Request("https://passerelle.test/api/chat/push", { method: "POST", body: JSON.stringify(good) }),
      pushEnv,
      createExecutionContext(),
    );
    expect(anonymous.status).toBe(401);
    for (const bad of [
      {},
      { endpoint: "http://fcm.googleapis.com/fcm/send/x", keys: sub.keys },
      { endpoint: "https://attacker.example/collect", keys: sub.keys },
      { endpoint: "https://fcm.googleapis.com.attacker.example/x", keys: sub.keys },
      { endpoint: ENDPOINT, keys: { p256dh: "short", auth: sub.keys.auth } },
      { endpoint: ENDPOINT, keys: { p256dh: sub.keys.p256dh } },
      { endpoint: `${ENDPOINT}/${"x".repeat(1100)}`, keys: sub.keys },
    ])
      expect((await subscribe(bad)).status, JSON.stringify(bad).slice(0, 80)).toBe(400);
    expect((await subscribe(good, env)).status).toBe(404);
    expect(await stored()).toEqual([]);
  });

  it("should store a browser's subscription for the young person, in their export", async () => {
    expect((await subscribe({ endpoint: ENDPOINT, keys: sub.keys })).status).toBe(201);
    expect(await stored()).toEqual([{ endpoint: ENDPOINT, youngId: "web-ar" }]);
    const exported = (await (await call("/api/chat/export")).json()) as { pushSubscriptions: { endpoint: string }[] };
    expect(exported.pushSubscriptions.map((s) => s.endpoint)).toEqual([ENDPOINT]);
  });
});

describe("push reminders through the cron and the queue", () => {
  it("should send nothing in quiet hours (22:30 and 07:55 in Paris)", async () => {
    await runCron("2026-01-15T21:30:00Z");
    await runCron("2026-01-15T06:55:00Z");
    expect(fakePush.requests).toEqual([]);
  });

  it("should push the due reminder once, encrypted for the subscription, in Arabic, signed with VAPID", async () => {
    const queue = await runCron("2026-01-15T09:00:00Z");
    expect(queue.sent.filter((m) => m.body.type === "telegram_replies")).toEqual([]);
    expect(fakePush.requests).toHaveLength(1);
    const [push] = fakePush.requests;
    expect(push!.url).toBe(ENDPOINT);
    expect(push!.headers["content-encoding"]).toBe("aes128gcm");
    expect(Number(push!.headers.ttl)).toBeGreaterThan(0);
    expect(push!.headers.authorization).toMatch(
      new RegExp(`^vapid t=[\\w-]+\\.[\\w-]+\\.[\\w-]+, k=${secrets.VAPID_PUBLIC_KEY}$`),
    );
    const notification = JSON.parse(await decrypt(push!.body, sub)) as Record<string, string>;
    expect(notification).toMatchObject({ title: "Passerelle", lang: "ar", dir: "rtl" });
    expect(notification.body).toContain("01/02/2026");
    expect(notification.body).toContain(t("ar", "reminderIntro").slice(0, 8));
    const rows = await env.DB.prepare("select channel from reminders_sent where young_id = 'web-ar'").all();
    expect(rows.results).toEqual([{ channel: "web" }]);
    // The cron again: nothing twice.
    await runCron("2026-01-15T10:00:00Z");
    expect(fakePush.requests).toHaveLength(1);
  });

  it("should retry a push service that is down, then drop a subscription it says is gone (410)", async () => {
    await env.DB.prepare("delete from reminders_sent").run();
    fakePush.answerNext(503, 0, 410);
    const queue = await runCron("2026-01-16T09:00:00Z");
    expect(fakePush.requests).toHaveLength(3);
    const attempts = queue.sent.filter((m) => m.body.type === "web_push").map((m) => m.delaySeconds);
    expect(attempts).toHaveLength(3);
    expect(attempts[1]).toBeGreaterThan(0);
    expect(await stored()).toEqual([]);
  });

  it("should erase the subscription with the young person ('Tout effacer')", async () => {
    expect((await subscribe({ endpoint: ENDPOINT, keys: sub.keys })).status).toBe(201);
    expect(await stored()).toHaveLength(1);
    expect((await call("/api/chat/session", { method: "DELETE" })).status).toBe(204);
    expect(await stored()).toEqual([]);
  });

  it("should not push to someone whose web chat key no longer works, and purge them with their subscription", async () => {
    // Back with a new conversation on the same phone: the browser's endpoint is theirs again.
    const now = Date.now();
    await env.DB.prepare(
      "insert into young_people (id, locale, birth, status, dept, cursor, created_at, last_active_at) values ('web-ar-2', 'ar', '2009-02', 'ase', '44', '{\"at\":\"menu\"}', ?, ?)",
    )
      .bind(now, now)
      .run();
    await env.DB.prepare("insert into identities (channel, key, young_id, created_at) values ('web', ?, 'web-ar-2', ?)")
      .bind(await sha256Hex(TOKEN), now)
      .run();
    await env.DB.prepare("delete from reminders_sent").run();
    expect((await subscribe({ endpoint: ENDPOINT, keys: sub.keys })).status).toBe(201);
    // Then silent past WEB_SESSION_IDLE_DAYS (30) before the reminder falls due.
    await env.DB.prepare("update young_people set last_active_at = ? where id = 'web-ar-2'")
      .bind(Date.parse("2025-12-01T00:00:00Z"))
      .run();
    await runCron("2026-01-17T09:00:00Z");
    expect(fakePush.requests).toEqual([]);
    expect(await stored()).toEqual([]);
  });
});
