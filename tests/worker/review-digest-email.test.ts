import { env } from "cloudflare:workers";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DIGEST_SUBJECT, processDigestEmail } from "../../worker/review-digest-email.ts";
import { seedContent } from "../support/content.ts";
import { recordingQueue } from "../support/queue.ts";
import { makeStaff } from "../support/staff.ts";

/**
 * The weekly review digest by e-mail (issue 21 §3): every editor and admin (not référents, not
 * disabled accounts), with or without a linked Telegram, through the alerts' e-mail sender. A
 * local receiver stands in for Cloudflare's e-mail service as the `send_email` binding: it keeps
 * each message it is given, or refuses while it is "down". Stored first, then delivered, retried.
 */

type Received = { from: string; to: string; raw: string };
const inbox: Received[] = [];
let down = 0;
const receiver = {
  async send(message: { from: string; to: string } & Record<string, unknown>) {
    if (down > 0) {
      down--;
      throw new Error("e-mail service unavailable");
    }
    // The local EmailMessage (miniflare) keeps the raw message under this key.
    const body = message["EmailMessage::raw"] as ReadableStream | string;
    const raw = typeof body === "string" ? body : await new Response(body).text();
    inbox.push({ from: message.from, to: message.to, raw });
  },
};
const mailEnv = { ...env, ALERT_EMAIL_FROM: "revue@passerelle.test", SEND_EMAIL: receiver } as unknown as Env;

async function runCron(iso: string) {
  const queue = recordingQueue(mailEnv);
  await queue.cron(iso);
  await queue.drain();
  return queue;
}
const rows = async () =>
  (
    await env.DB.prepare(
      "select staff_id as staffId, status, attempts, last_error as lastError from digest_deliveries order by created_at, staff_id",
    ).all<{ staffId: string; status: string; attempts: number; lastError: string | null }>()
  ).results;

let editor: { id: string; email: string };
let admin: { id: string; email: string };
let noTelegram: { id: string; email: string };
let referent: { id: string; email: string };
let disabled: { id: string; email: string };

beforeAll(async () => {
  await seedContent();
  // A resource last reviewed long ago: overdue.
  const row = await env.DB.prepare("select data from content_items where kind = 'resource' and id = 'caf'").first<{
    data: string;
  }>();
  await env.DB.prepare("update content_items set data = ? where kind = 'resource' and id = 'caf'")
    .bind(JSON.stringify({ ...JSON.parse(row!.data), reviewedAt: "2024-01-15" }))
    .run();
  editor = await makeStaff("editor", "Éditrice Liée");
  admin = await makeStaff("admin", "Admin Liée");
  noTelegram = await makeStaff("editor", "Éditeur Sans Telegram");
  referent = await makeStaff("referent", "Référente");
  disabled = await makeStaff("editor", "Éditeur Parti");
  for (const [person, chat] of [
    [editor, "78001"],
    [admin, "78002"],
    [referent, "78003"],
  ] as const)
    await env.DB.prepare("update staff set telegram_chat_id = ? where id = ?").bind(chat, person.id).run();
  await env.DB.prepare("update staff set disabled_at = 1 where id = ?").bind(disabled.id).run();
});
beforeEach(() => {
  inbox.length = 0;
  down = 0;
});

describe("the review digest by e-mail", () => {
  it("should store one e-mail per editor and admin, then deliver each through the e-mail sender", async () => {
    await runCron("2026-12-07T07:00:00Z"); // a Monday
    expect(inbox.map((m) => m.to).sort()).toEqual([admin.email, editor.email, noTelegram.email].sort());
    const mail = inbox.find((m) => m.to === noTelegram.email)!;
    expect(mail.from).toBe("revue@passerelle.test");
    expect(mail.raw).toContain(`Subject: ${DIGEST_SUBJECT}`);
    expect(mail.raw).toContain("Caisse d'allocations familiales");
    expect(mail.raw).toMatch(/• 1 en retard de relecture/);
    expect(mail.raw).toContain("/admin/content/review");
    expect(inbox.some((m) => m.to === referent.email || m.to === disabled.email)).toBe(false);
    expect((await rows()).map((r) => r.status)).toEqual(["delivered", "delivered", "delivered"]);
  });

  it("should not send the same week's digest twice when the cron runs again", async () => {
    await runCron("2026-12-07T07:03:00Z");
    expect(inbox).toEqual([]);
    expect(await rows()).toHaveLength(3);
  });

  it("should keep a digest the e-mail service refused and retry it with backoff until it is delivered", async () => {
    await env.DB.prepare("delete from digest_deliveries").run();
    down = 3;
    const attemptedFrom = Date.now();
    await runCron("2026-12-14T07:00:00Z");
    // Three refusals: three rows stored, pending, with the error and when to try again.
    const pending = await rows();
    expect(pending.map((r) => [r.status, r.attempts, r.lastError])).toEqual([
      ["pending", 1, "email: Error"],
      ["pending", 1, "email: Error"],
      ["pending", 1, "email: Error"],
    ]);
    const ids = (
      await env.DB.prepare("select id, next_attempt_at as next from digest_deliveries").all<{
        id: string;
        next: number;
      }>()
    ).results;
    for (const { id, next } of ids) {
      // Retried after the deliveries' backoff (2 s after a first attempt), then delivered.
      expect(next - attemptedFrom).toBeGreaterThanOrEqual(2000);
      expect(await processDigestEmail(mailEnv, id, next + 1)).toEqual({ kind: "done" });
    }
    expect(inbox).toHaveLength(3);
    expect((await rows()).map((r) => r.status)).toEqual(["delivered", "delivered", "delivered"]);
  });

  it("should queue again a stored digest whose queue message was lost", async () => {
    await env.DB.prepare("delete from digest_deliveries").run();
    await env.DB.prepare(
      "insert into digest_deliveries (id, staff_id, week, text, created_at) values ('lost', ?, '2026-12-21', 'à revoir', ?)",
    )
      .bind(editor.id, Date.parse("2026-12-21T07:00:00Z"))
      .run();
    await runCron("2026-12-21T10:00:00Z");
    expect(inbox.map((m) => m.to)).toEqual([editor.email]);
    expect((await rows()).map((r) => r.status)).toEqual(["delivered"]);
  });
});
