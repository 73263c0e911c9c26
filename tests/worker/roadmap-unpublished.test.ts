import { env, exports } from "cloudflare:workers";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { publishSeedRoadmapRules, seedContent } from "../support/content.ts";
import { fakeTelegram } from "../support/outside.ts";
import { recordingQueue } from "../support/queue.ts";
import { loginAs, staffFetch } from "../support/staff.ts";
import { buttonUpdate, keyboardOf, postUpdate, textUpdate } from "../support/telegram.ts";
import { actions, openSession, send } from "../support/webchat.ts";

/**
 * The default roadmap rules are seed data published in D1, not code: until they are published
 * the roadmap is empty everywhere, and nothing fails. Then the seed publishes them and the same
 * young person gets the steps, without a redeploy.
 */

const CHAT = 7301;
// Born February 2009, in care in 49: the autonomy interview is due on 2026-02-01 (seed rules).
const PROFILE = ["lang:fr", "privacy:accept", "year:2009", "month:02", "status:ase", "dept:49"];

/** The cron, then the queue it hands the reminders to, drained. */
async function runCron(iso: string): Promise<void> {
  const queue = recordingQueue();
  await queue.cron(iso);
  await queue.drain();
}
const deadlineAlerts = async () =>
  (await env.DB.prepare("select count(*) as n from alerts where kind = 'deadline'").first<{ n: number }>())?.n;

async function press(action: string) {
  fakeTelegram.reset();
  const res = await postUpdate(buttonUpdate(CHAT, action));
  expect(res.status).toBe(200);
  return fakeTelegram.messages;
}

beforeAll(async () => {
  await seedContent({ roadmapRules: false });
});
beforeEach(() => fakeTelegram.reset());

describe("roadmap with no rules published", () => {
  it("should answer the Telegram webhook with 200 and say the roadmap is not ready, never 'nothing to do'", async () => {
    expect((await postUpdate(textUpdate(CHAT, "/start"))).status).toBe(200);
    for (const action of PROFILE) await press(action);
    const calls = await press("roadmap");
    expect(calls.map((c) => c.method)).toEqual(["sendMessage"]);
    expect(calls[0]!.params.text).toContain("Ton parcours n'est pas encore prêt");
    expect(calls[0]!.params.text).not.toContain("Rien à faire");
    expect(
      keyboardOf(calls[0]!.params)
        .map(([, a]) => a)
        .filter((a) => a.startsWith("roadmap:open:")),
    ).toEqual([]);
  });

  it("should say the roadmap is not ready in the web chat and ignore a step that does not exist", async () => {
    const session = await openSession({ locale: "fr" });
    for (const action of PROFILE) await send(session.token, { action });
    const list = await send(session.token, { action: "roadmap" });
    expect(list.replies.map((r) => r.text).join("\n")).toContain("Ton parcours n'est pas encore prêt");
    expect(actions(list).filter((a) => a.startsWith("roadmap:open:"))).toEqual([]);
    const opened = await send(session.token, { action: "roadmap:open:autonomy-interview" });
    expect(opened.replies.length).toBeGreaterThan(0);
    const timeline = await exports.default.fetch(
      new Request("https://passerelle.test/api/chat/roadmap", {
        headers: { Authorization: `Bearer ${session.token}` },
      }),
    );
    expect(timeline.status).toBe(200);
    expect(await timeline.json()).toMatchObject({ steps: [], empty: expect.stringContaining("pas encore prêt") });
  });

  it("should answer the public simulator with no steps and render its page", async () => {
    const query = "birth=2009-02&status=ase&dept=49&today=2026-01-15";
    const api = await exports.default.fetch(new Request(`https://passerelle.test/api/roadmap?${query}`));
    expect(api.status).toBe(200);
    expect(await api.json()).toEqual({ steps: [] });
    const page = await exports.default.fetch(new Request(`https://passerelle.test/parcours?${query}`));
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("<form");
    expect(html).toContain("pas encore prêt");
  });

  it("should send no reminder and raise no deadline alert from the cron", async () => {
    await runCron("2026-01-26T09:00:00Z"); // 7 days before the interview's due date
    await runCron("2026-02-10T09:00:00Z"); // 9 days overdue
    expect(fakeTelegram.messages).toEqual([]);
    expect(await deadlineAlerts()).toBe(0);
  });

  it("should render the content admin's roadmap page, saying the seed publishes the default rules", async () => {
    const editor = await loginAs("editor");
    const res = await staffFetch("/admin/content/roadmap", { cookie: editor.cookie });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Aucune règle publiée");
    expect(html).toContain("npm run db:seed");
    expect(html).toContain("--roadmap-steps");
  });
});

describe("roadmap once the seed publishes the default rules", () => {
  beforeAll(async () => {
    await publishSeedRoadmapRules();
  });

  it("should give the same young person the seed's steps without a redeploy", async () => {
    const calls = await press("roadmap");
    expect(calls[0]!.params.text).toContain("Ton entretien d'autonomie");
    expect(keyboardOf(calls[0]!.params).map(([, a]) => a)).toContain("roadmap:open:autonomy-interview");
    const api = await exports.default.fetch(
      new Request("https://passerelle.test/api/roadmap?birth=2009-02&status=ase&dept=49&today=2026-01-15"),
    );
    expect(((await api.json()) as { steps: { id: string }[] }).steps.map((s) => s.id)).toContain("autonomy-interview");
  });

  it("should raise the deadline alert from the next cron run", async () => {
    await runCron("2026-02-10T09:00:00Z");
    expect(await deadlineAlerts()).toBeGreaterThan(0);
  });

  it("should no longer show the admin notice", async () => {
    const editor = await loginAs("editor");
    const html = await (await staffFetch("/admin/content/roadmap", { cookie: editor.cookie })).text();
    expect(html).not.toContain("Aucune règle publiée");
    expect(html).toContain("autonomy-interview");
  });
});
