import { env } from "cloudflare:workers";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { database } from "../../worker/store/db.ts";
import { publishRoadmapRules, saveRoadmapRulesDraft } from "../../worker/store/content-settings.ts";
import { publishSeedRoadmapRules, seedRules } from "../support/content.ts";
import { fakeTelegram } from "../support/outside.ts";
import { recordingQueue } from "../support/queue.ts";

/**
 * Roadmap change notices (issue 21 §2): the content team publishes rules that move the contract
 * request's date; the young people whose roadmap that changes are told once, on Telegram, by the
 * hourly reminder scan (quiet hours, pacing and the queue included); the others are not.
 */

const editor = { id: "editor", name: "Éditrice" };
const PUBLISHED = Date.parse("2026-01-15T08:00:00Z");

const people: { id: string; key: string; birth: string; status: string; createdAt: string; consentAt?: string }[] = [
  // In care, 17½: the contract request is on their roadmap (due the day before 18).
  { id: "moved", key: "901", birth: "2009-06", status: "ase", createdAt: "2026-01-10T10:00:00Z" },
  // "Other" situation: no contract request step, so nothing changes for them.
  { id: "untouched", key: "902", birth: "2006-03", status: "other", createdAt: "2026-01-10T10:00:00Z" },
  // Arrived after the publication: their roadmap never had the old date.
  { id: "newcomer", key: "903", birth: "2009-06", status: "ase", createdAt: "2026-01-20T10:00:00Z" },
  // Opened the chat before the publication but accepted the privacy notice (and gave a profile) after
  // it: their first roadmap already had the new date, as the chat itself judges (consent time).
  {
    id: "late-consent",
    key: "904",
    birth: "2009-06",
    status: "ase",
    createdAt: "2026-01-10T10:00:00Z",
    consentAt: "2026-01-20T10:00:00Z",
  },
];

async function runCron(iso: string): Promise<void> {
  const queue = recordingQueue();
  await queue.cron(iso);
  await queue.drain();
}

const textsTo = (chatId: string) =>
  fakeTelegram.messages
    .filter((c) => c.method === "sendMessage" && String(c.params.chat_id) === chatId)
    .map((c) => String(c.params.text));

async function publishMovedContractDate(at: number): Promise<void> {
  const rules = seedRules();
  const step = rules.steps.find((s) => s.id === "cjm-request")!;
  step.due = { from: "birth", years: 18, months: -2 };
  const db = database(env.DB);
  const saved = await saveRoadmapRulesDraft(db, rules, editor, new Date(at));
  expect(saved.ok).toBe(true);
  await publishRoadmapRules(db, editor, new Date(at));
}

beforeAll(async () => {
  await publishSeedRoadmapRules(new Date("2026-01-01T10:00:00Z"));
  for (const p of people) {
    const at = Date.parse(p.createdAt);
    await env.DB.prepare(
      "insert into young_people (id, locale, birth, status, dept, cursor, consent_at, created_at, last_active_at) values (?, 'fr', ?, ?, '44', '{\"at\":\"menu\"}', ?, ?, ?)",
    )
      .bind(p.id, p.birth, p.status, Date.parse(p.consentAt ?? p.createdAt), at, at)
      .run();
    await env.DB.prepare("insert into identities (channel, key, young_id, created_at) values ('telegram', ?, ?, ?)")
      .bind(p.key, p.id, at)
      .run();
  }
  await publishMovedContractDate(PUBLISHED);
});

beforeEach(() => fakeTelegram.reset());

describe("roadmap change notices", () => {
  it("should say nothing during quiet hours", async () => {
    await runCron("2026-01-21T21:30:00Z");
    expect(fakeTelegram.messages).toEqual([]);
  });

  it("should tell only the young person whose roadmap the publication changed, with the old and new dates", async () => {
    await runCron("2026-01-22T09:00:00Z");
    const told = textsTo("901").join("\n");
    expect(told).toContain("🔄 Ton parcours a changé :");
    expect(told).toContain("Demander ton contrat jeune majeur : maintenant avant le 01/04/2027 (avant : 31/05/2027)");
    expect(textsTo("902").join("\n")).not.toContain("Ton parcours a changé");
    expect(textsTo("903").join("\n")).not.toContain("Ton parcours a changé");
    expect(textsTo("904").join("\n")).not.toContain("Ton parcours a changé");
    const recorded = await env.DB.prepare(
      "select young_id, step_id, kind from reminders_sent where kind = 'change'",
    ).all();
    expect(recorded.results).toEqual([{ young_id: "moved", step_id: `rules-${PUBLISHED}`, kind: "change" }]);
  });

  it("should not tell them again for the same publication, but once for the next one", async () => {
    await runCron("2026-01-23T09:00:00Z");
    await runCron("2026-01-24T09:00:00Z");
    expect(fakeTelegram.messages.map((c) => String(c.params.text)).join("\n")).not.toContain("Ton parcours a changé");
    // The next publication puts the date back: a change again, told once.
    const next = Date.parse("2026-01-25T08:00:00Z");
    const db = database(env.DB);
    await saveRoadmapRulesDraft(db, seedRules(), editor, new Date(next));
    await publishRoadmapRules(db, editor, new Date(next));
    await runCron("2026-01-26T09:00:00Z");
    await runCron("2026-01-27T09:00:00Z");
    const told = textsTo("901").filter((t) => t.includes("Ton parcours a changé"));
    expect(told).toHaveLength(1);
    expect(told[0]).toContain("maintenant avant le 31/05/2027 (avant : 01/04/2027)");
    // The newcomer was there before this publication: the date moved for them too.
    expect(textsTo("903").filter((t) => t.includes("Ton parcours a changé"))).toHaveLength(1);
    expect(textsTo("904").filter((t) => t.includes("Ton parcours a changé"))).toHaveLength(1);
    expect(textsTo("902").filter((t) => t.includes("Ton parcours a changé"))).toHaveLength(0);
  });

  it("should not announce a publication older than the notice window", async () => {
    const late = Date.parse("2026-01-25T08:00:00Z") + 31 * 24 * 3600 * 1000;
    await env.DB.prepare("delete from reminders_sent where kind = 'change'").run();
    await runCron(new Date(late).toISOString().replace(/T.*/, "T09:00:00Z"));
    expect(fakeTelegram.messages.map((c) => String(c.params.text)).join("\n")).not.toContain("Ton parcours a changé");
  });
});
