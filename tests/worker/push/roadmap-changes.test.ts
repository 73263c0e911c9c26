import { env } from "cloudflare:workers";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { t } from "../../../shared/i18n/index.ts";
import { sha256Hex } from "../../../worker/http.ts";
import { publishRoadmapRules, saveRoadmapRulesDraft } from "../../../worker/store/content-settings.ts";
import { database } from "../../../worker/store/db.ts";
import { publishSeedRoadmapRules, seedRules } from "../../support/content.ts";
import { fakePush } from "../../support/outside.ts";
import { browserSubscription, decrypt, vapidSecrets } from "../../support/push.ts";
import { recordingQueue } from "../../support/queue.ts";
import { send } from "../../support/webchat.ts";

/**
 * Roadmap change notices for web chat users (issue 21 §2): a publication moves the contract
 * request's date. The web chat users it changes are told once by Web Push when they opted in
 * (the cron's reminder scan, its quiet hours, pacing and queue), an expired subscription (410)
 * is dropped, and every one of them sees the notice once in the chat at their next visit, pushed
 * or not. The others are told nothing. The push service is faked at the network boundary; each
 * push is decrypted with the subscription's own keys, as the browser would.
 */

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.now();
const PUBLISHED = NOW - 2 * DAY;
const editor = { id: "editor", name: "Éditrice" };
const CHANGED = "Ton parcours a changé";

/** A birth month 17½ years ago: the contract request is on their roadmap, due in about six months. */
function birthMonth(yearsAgo: number, monthsAgo: number): string {
  const d = new Date(NOW);
  const months = d.getUTCFullYear() * 12 + d.getUTCMonth() - yearsAgo * 12 - monthsAgo;
  return `${Math.floor(months / 12)}-${String((months % 12) + 1).padStart(2, "0")}`;
}

type Sub = Awaited<ReturnType<typeof browserSubscription>>;
const people = [
  { id: "w-moved", status: "ase", birth: birthMonth(17, 6), endpoint: "https://fcm.googleapis.com/fcm/send/moved" },
  { id: "w-other", status: "other", birth: "2006-03", endpoint: "https://fcm.googleapis.com/fcm/send/other" },
  { id: "w-expired", status: "ase", birth: birthMonth(17, 6), endpoint: "https://fcm.googleapis.com/fcm/send/expired" },
  { id: "w-nopush", status: "ase", birth: birthMonth(17, 6), endpoint: null },
] as const;
type Id = (typeof people)[number]["id"];
const subs = new Map<string, Sub>();
const tokenOf = (id: Id) => `${id}-`.padEnd(43, "T");

let pushEnv: Env;

/** The cron at 10:00 UTC (11:00 in Paris) `days` after the publication, its queue drained. */
async function runCron(days: number): Promise<void> {
  const at = new Date(PUBLISHED + days * DAY);
  at.setUTCHours(10, 0, 0, 0);
  const queue = recordingQueue(pushEnv);
  await queue.cron(at.toISOString());
  await queue.drain();
}

/** What each endpoint was pushed, decrypted. */
async function pushedTo(endpoint: string): Promise<string[]> {
  const sub = subs.get(endpoint)!;
  const bodies = [];
  for (const r of fakePush.requests.filter((r) => r.url === endpoint))
    bodies.push((JSON.parse(await decrypt(r.body, sub)) as { body: string }).body);
  return bodies;
}

const storedEndpoints = async () =>
  (
    await env.DB.prepare("select endpoint from push_subscriptions order by endpoint").all<{ endpoint: string }>()
  ).results.map((r) => r.endpoint);

async function subscribe(id: Id, endpoint: string): Promise<void> {
  const sub = subs.get(endpoint) ?? (await browserSubscription());
  subs.set(endpoint, sub);
  await env.DB.prepare(
    "insert into push_subscriptions (endpoint, young_id, p256dh, auth, created_at) values (?, ?, ?, ?, ?)",
  )
    .bind(endpoint, id, sub.keys.p256dh, sub.keys.auth, NOW - 5 * DAY)
    .run();
}

beforeAll(async () => {
  pushEnv = { ...env, ...(await vapidSecrets()) } as Env;
  await publishSeedRoadmapRules(new Date(NOW - 20 * DAY));
  const before = NOW - 5 * DAY;
  for (const p of people) {
    await env.DB.prepare(
      "insert into young_people (id, locale, birth, status, dept, cursor, consent_at, created_at, last_active_at) values (?, 'fr', ?, ?, '44', '{\"at\":\"menu\"}', ?, ?, ?)",
    )
      .bind(p.id, p.birth, p.status, before, before, before)
      .run();
    await env.DB.prepare("insert into identities (channel, key, young_id, created_at) values ('web', ?, ?, ?)")
      .bind(await sha256Hex(tokenOf(p.id)), p.id, before)
      .run();
    if (p.endpoint) await subscribe(p.id, p.endpoint);
  }
  // The publication: the contract request two months before 18 instead of the day before.
  const rules = seedRules();
  rules.steps.find((s) => s.id === "cjm-request")!.due = { from: "birth", years: 18, months: -2 };
  const db = database(env.DB);
  expect((await saveRoadmapRulesDraft(db, rules, editor, new Date(PUBLISHED))).ok).toBe(true);
  await publishRoadmapRules(db, editor, new Date(PUBLISHED));
});

beforeEach(() => fakePush.reset());

describe("roadmap change notices for web chat users", () => {
  it("should push the notice only to the subscribed users it changes, and drop an expired subscription", async () => {
    fakePush.answerFor(people[2].endpoint, 410);
    await runCron(1);
    const moved = await pushedTo(people[0].endpoint);
    expect(moved.filter((b) => b.includes(CHANGED))).toHaveLength(1);
    expect(moved.join("\n")).toContain("Demander ton contrat jeune majeur : maintenant avant le");
    expect((await pushedTo(people[1].endpoint)).join("\n")).not.toContain(CHANGED);
    // The push service said the subscription is gone: tried once, then dropped.
    expect(fakePush.requests.filter((r) => r.url === people[2].endpoint)).toHaveLength(1);
    expect(await storedEndpoints()).toEqual([people[0].endpoint, people[1].endpoint].sort());
    const recorded = await env.DB.prepare(
      "select young_id as id, channel from reminders_sent where kind = 'change' order by young_id",
    ).all();
    // Recorded once per publication, pushed or not (the expired one too): never queued again.
    expect(recorded.results).toEqual([
      { id: "w-expired", channel: "web" },
      { id: "w-moved", channel: "web" },
    ]);
  });

  it("should not push it again for the same publication", async () => {
    await runCron(2);
    await runCron(3);
    expect((await pushedTo(people[0].endpoint)).join("\n")).not.toContain(CHANGED);
  });

  it("should show it once in the chat at the next visit, pushed or not, before the menu; not to the others", async () => {
    for (const id of ["w-moved", "w-expired", "w-nopush"] as const) {
      const visit = await send(tokenOf(id), { action: "menu" });
      const notices = visit.replies.filter((r) => r.text.includes(CHANGED));
      expect(notices, id).toHaveLength(1);
      expect(notices[0]!.text).toContain("(avant : ");
      expect(notices[0]!.buttons?.map((b) => b.action)).toEqual(["roadmap"]);
      // The menu stays last, where the young person picks what to do next.
      expect(visit.replies.at(-1)!.text).toBe(t("fr", "menuIntro"));
      const again = await send(tokenOf(id), { action: "menu" });
      expect(again.replies.map((r) => r.text).join("\n"), id).not.toContain(CHANGED);
    }
    const other = await send(tokenOf("w-other"), { action: "menu" });
    expect(other.replies.map((r) => r.text).join("\n")).not.toContain(CHANGED);
  });

  it("should not push a notice the young person already saw in the chat", async () => {
    // w-nopush subscribes after seeing the notice in the chat: the next scans push no notice.
    const endpoint = "https://fcm.googleapis.com/fcm/send/later";
    await subscribe("w-nopush", endpoint);
    await runCron(4);
    await runCron(5);
    expect((await pushedTo(endpoint)).join("\n")).not.toContain(CHANGED);
  });
});
