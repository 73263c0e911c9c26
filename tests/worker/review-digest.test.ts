import { env } from "cloudflare:workers";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { seedContent } from "../support/content.ts";
import { fakeTelegram } from "../support/outside.ts";
import { recordingQueue } from "../support/queue.ts";
import { makeStaff } from "../support/staff.ts";

/** The weekly review digest: Monday 07:00 UTC, to editors and admins with a Telegram chat, only when there is something. */

async function runCron(iso: string): Promise<void> {
  const queue = recordingQueue();
  await queue.cron(iso);
  await queue.drain();
}
const digestsTo = (chatId: string) =>
  fakeTelegram.messages.filter(
    (c) => String(c.params.chat_id) === chatId && String(c.params.text).includes("contenus à revoir"),
  );

async function setCafReviewedAt(date: string): Promise<void> {
  const row = await env.DB.prepare("select data from content_items where kind = 'resource' and id = 'caf'").first<{
    data: string;
  }>();
  await env.DB.prepare("update content_items set data = ? where kind = 'resource' and id = 'caf'")
    .bind(JSON.stringify({ ...JSON.parse(row!.data), reviewedAt: date }))
    .run();
}

beforeAll(async () => {
  await seedContent();
  await setCafReviewedAt("2024-01-15");
  const linked = [
    [await makeStaff("editor"), "77001"],
    [await makeStaff("admin"), "77004"],
    [await makeStaff("referent"), "77002"],
    [await makeStaff("editor"), "77003"],
  ] as const;
  for (const [person, chat] of linked)
    await env.DB.prepare("update staff set telegram_chat_id = ? where id = ?").bind(chat, person.id).run();
  await env.DB.prepare("update staff set disabled_at = 1 where telegram_chat_id = '77003'").run();
});
beforeEach(() => fakeTelegram.reset());

describe("weekly review digest", () => {
  it("should tell editors and admins on Monday morning what is overdue, with the page's address", async () => {
    await runCron("2026-12-07T07:00:00Z"); // a Monday
    const [digest] = digestsTo("77001");
    const text = String(digest?.params.text);
    expect(text).toMatch(/• 1 en retard de relecture/);
    expect(text).toContain("Caisse d'allocations familiales");
    expect(text).toContain("/admin/content/review");
    expect(digestsTo("77004")).toHaveLength(1);
    expect(digestsTo("77002")).toEqual([]); // a référent
    expect(digestsTo("77003")).toEqual([]); // disabled
  });

  it("should send nothing on other days, nor when nothing is due", async () => {
    await runCron("2026-12-08T07:00:00Z");
    await runCron("2026-12-07T08:00:00Z");
    expect(fakeTelegram.messages).toEqual([]);
    await setCafReviewedAt("2026-12-01");
    await runCron("2026-12-14T07:00:00Z");
    expect(digestsTo("77001")).toEqual([]);
  });
});
