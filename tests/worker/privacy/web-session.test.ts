import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { chatScript } from "../../../worker/pages/chat-script.ts";
import { app } from "../../../worker/app.ts";
import { RETENTION_DEFAULTS } from "../../../worker/config.ts";
import { sha256Hex } from "../../../worker/http.ts";
import { keepPerson, keptPerson, personKey } from "../../../worker/turn/person-cache.ts";
import type { TelegramRepliesMessage } from "../../../worker/telegram/outbox.ts";
import { seedContent } from "../../support/content.ts";
import { batchesSent } from "../../support/queue.ts";
import { linkedWebYoung, loginAs } from "../../support/staff.ts";
import { openSession, send, sendRaw } from "../../support/webchat.ts";

/**
 * Issue 22, finding 12: a web chat token stops working after WEB_SESSION_IDLE_DAYS unused (a
 * shared phone), and the page offers "se déconnecter", in the young person's language.
 */

const DAY = 86_400_000;
const exists = async (id: string) =>
  (await env.DB.prepare("select 1 as x from young_people where id = ?").bind(id).first()) !== null;
/** Silent for `days`: in D1, and in the row this isolate kept from the last turn (kept then). */
async function idle(session: { sessionId: string; token: string }, days: number): Promise<void> {
  await env.DB.prepare("update young_people set last_active_at = ? where id = ?")
    .bind(Date.now() - days * DAY, session.sessionId)
    .run();
  const key = personKey({ channel: "web", key: await sha256Hex(session.token) });
  const kept = keptPerson(key);
  if (kept) keepPerson(key, { ...kept, keptAt: Date.now() - days * DAY });
}
const logout = (token: string, on?: Env) => {
  const request = new Request("https://passerelle.test/api/chat/session", {
    method: "DELETE",
    headers: { Authorization: `Bearer ${token}` },
  });
  return on ? app.fetch(request, on) : exports.default.fetch(request);
};

const queued = batchesSent<TelegramRepliesMessage>();

beforeAll(async () => {
  await seedContent();
});

describe("web chat tokens", () => {
  it(`should stop working after ${RETENTION_DEFAULTS.WEB_SESSION_IDLE_DAYS} days unused, and take the profile with them`, async () => {
    const session = await openSession({ locale: "fr" });
    await idle(session, RETENTION_DEFAULTS.WEB_SESSION_IDLE_DAYS + 1);
    const res = await sendRaw(session.token, JSON.stringify({ text: "bonjour" }));
    expect(res.status).toBe(401);
    expect(await exists(session.sessionId)).toBe(false);
    const again = await exports.default.fetch(
      new Request("https://passerelle.test/api/chat/export", { headers: { Authorization: `Bearer ${session.token}` } }),
    );
    expect(again.status).toBe(401);
  });

  it("should keep working while used within the idle time", async () => {
    const session = await openSession({ locale: "fr" });
    await idle(session, RETENTION_DEFAULTS.WEB_SESSION_IDLE_DAYS - 1);
    await send(session.token, { action: "menu" });
    expect(await exists(session.sessionId)).toBe(true);
  });

  it("should follow WEB_SESSION_IDLE_DAYS when it is set", async () => {
    const session = await openSession({ locale: "fr" });
    await idle(session, 2);
    const res = await app.fetch(
      new Request("https://passerelle.test/api/chat/export", { headers: { Authorization: `Bearer ${session.token}` } }),
      { ...env, WEB_SESSION_IDLE_DAYS: "1" } as Env,
    );
    expect(res.status).toBe(401);
    expect(await exists(session.sessionId)).toBe(false);
  });
});

describe("se déconnecter", () => {
  it("should be on the page, and wired by the script to end the session", async () => {
    const html = await (await exports.default.fetch(new Request("https://passerelle.test/"))).text();
    expect(html).toContain('id="logout"');
    expect(html).toContain("Se déconnecter");
    expect(chatScript()).toContain('fetch("/api/chat/session", { method: "DELETE"');
    expect(chatScript()).toContain("localStorage.removeItem(KEY)");
  });

  it("should be labelled in the young person's language, with a warning that says what goes", async () => {
    const fr = await openSession({ locale: "fr" });
    expect((fr as unknown as { logout: { label: string; confirm: string } }).logout).toEqual({
      label: "🚪 Se déconnecter",
      confirm: expect.stringContaining("efface aussi ton profil"),
    });
    const en = await openSession({ locale: "en" });
    expect((en as unknown as { logout: { label: string } }).logout.label).toBe("🚪 Log out");
    const r = await send(en.token, { action: "lang:ar" });
    expect((r as unknown as { logout: { label: string } }).logout.label).toBe("🚪 تسجيل الخروج");
  });

  it("should end the session: the token no longer works, nothing is left, the référent is told the link ended", async () => {
    const referent = await loginAs("referent");
    await env.DB.prepare("update staff set telegram_chat_id = '82001' where id = ?").bind(referent.id).run();
    const young = await linkedWebYoung(referent.cookie);
    expect((await logout(young.token)).status).toBe(204);
    expect((await sendRaw(young.token, JSON.stringify({ text: "bonjour" }))).status).toBe(401);
    expect(await exists(young.sessionId)).toBe(false);
    expect(queued).toEqual([
      expect.objectContaining({ chatId: "82001", replies: [{ text: expect.stringContaining("a pris fin") }] }),
    ]);
  });
});
