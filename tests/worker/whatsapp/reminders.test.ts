import { env } from "cloudflare:workers";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { publishSeedRoadmapRules } from "../../support/content.ts";
import { fakeWhatsApp } from "../../support/outside.ts";
import { recordingQueue } from "../../support/queue.ts";

/** Roadmap reminders reach WhatsApp users: free-form inside the 24-hour window, the approved template outside it. */

const CRON = "2026-01-15T09:00:00Z";
const people = [
  // The autonomy interview is due 2026-02-01 for both (birth month 2009-02), as in tests/worker/reminders.test.ts.
  { id: "wa-recent", key: "33611110001", lastActive: Date.parse(CRON) - 3 * 60 * 60 * 1000 },
  { id: "wa-old", key: "33611110002", lastActive: Date.parse(CRON) - 5 * 24 * 60 * 60 * 1000 },
  { id: "wa-closed", key: "33611110003", lastActive: Date.parse(CRON) - 2 * 60 * 60 * 1000 },
];

async function runCron(iso: string): Promise<void> {
  const queue = recordingQueue();
  await queue.cron(iso);
  await queue.drain();
}

const sentTo = (to: string) =>
  fakeWhatsApp.calls.filter((c) => c.to === to).map((c) => c.message as Record<string, never>);

beforeAll(async () => {
  await publishSeedRoadmapRules();
  for (const p of people) {
    await env.DB.prepare(
      "insert into young_people (id, locale, birth, status, dept, cursor, created_at, last_active_at) values (?, 'fr', '2009-02', 'ase', '49', '{\"at\":\"menu\"}', ?, ?)",
    )
      .bind(p.id, p.lastActive, p.lastActive)
      .run();
    await env.DB.prepare("insert into identities (channel, key, young_id, created_at) values ('whatsapp', ?, ?, ?)")
      .bind(p.key, p.id, p.lastActive)
      .run();
  }
});

beforeEach(() => fakeWhatsApp.reset());

describe("WhatsApp reminders", () => {
  it("should send the reminder itself inside the window, the template outside it, and the template when Meta says the window closed", async () => {
    // Pages go in id order: wa-closed, wa-old, wa-recent. Meta refuses the first free-form message.
    fakeWhatsApp.failNext({ status: 400, body: { error: { message: "Re-engagement message", code: 131047 } } });
    await runCron(CRON);

    const recent = sentTo("33611110001");
    expect(recent).toHaveLength(1);
    expect(recent[0]).toMatchObject({ type: "interactive" });
    expect(JSON.stringify(recent[0])).toContain("Ton entretien d'autonomie");
    expect(JSON.stringify(recent[0])).toContain("roadmap:remind:off");

    const [old] = sentTo("33611110002");
    expect(old).toMatchObject({ type: "template", template: { name: "passerelle_rappel", language: { code: "fr" } } });
    const parameter = (old as unknown as { template: { components: { parameters: { text: string }[] }[] } }).template
      .components[0]!.parameters[0]!.text;
    expect(parameter).toContain("entretien d'autonomie");
    expect(parameter).toContain("01/02/2026");
    expect(parameter).not.toMatch(/\n/);

    const closed = sentTo("33611110003");
    expect(closed.map((m) => m.type)).toEqual(["interactive", "template"]);

    const stored = await env.DB.prepare(
      "select young_id, channel from reminders_sent where young_id like 'wa-%' order by young_id",
    ).all();
    expect(stored.results).toEqual([
      { young_id: "wa-closed", channel: "whatsapp" },
      { young_id: "wa-old", channel: "whatsapp" },
      { young_id: "wa-recent", channel: "whatsapp" },
    ]);
  });

  it("should send nothing twice when the cron runs again", async () => {
    await runCron("2026-01-15T10:00:00Z");
    expect(fakeWhatsApp.calls).toEqual([]);
  });
});
