import { env } from "cloudflare:workers";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { staffAlertText } from "../../../worker/alerts/text.ts";
import { drainDeliveries } from "../../support/alerts.ts";
import { seedContent } from "../../support/content.ts";
import { countRows } from "../../support/db.ts";
import { fakeReceiver, fakeTelegram } from "../../support/outside.ts";
import { linkedWebYoung, loginAs, staffFetch } from "../../support/staff.ts";
import { buttonUpdate, postUpdate, textUpdate } from "../../support/telegram.ts";
import { actions, openSession, send, sendRaw } from "../../support/webchat.ts";

/** What a chat action may carry (issue 22, finding 4), through the real web chat and Telegram routes. */

const PHISHING = "Votre session a expiré, reconnectez-vous sur evil.example";

beforeAll(async () => {
  await seedContent();
});

beforeEach(() => {
  fakeTelegram.reset();
  fakeReceiver.reset();
});

const alertsOf = async (youngId: string) =>
  (
    await env.DB.prepare("select kind, severity, subject from alerts where young_id = ? order by created_at")
      .bind(youngId)
      .all<{ kind: string; severity: string; subject: string | null }>()
  ).results;

async function onboarded() {
  const young = await openSession();
  await send(young.token, { action: "lang:fr" });
  await send(young.token, { action: "privacy:skip" });
  return young;
}

describe("alerts asked for by a client", () => {
  it("should raise nothing for 'alert:<any text>' from fresh sessions (the audit: 200 sessions, one alert each)", async () => {
    const before = await countRows("alerts");
    for (let i = 0; i < 20; i++) {
      const young = await openSession();
      const res = await sendRaw(young.token, JSON.stringify({ action: "alert:flood" }));
      expect(res.status).toBe(200);
      const body = await res.json<{ replies: { text: string }[] }>();
      expect(body.replies[0]!.text).toBe("Ce bouton n'est plus valable.");
      // A well-formed category is refused as well: it was never offered to this person.
      await send(young.token, { action: "alert:suicide" });
    }
    expect(await countRows("alerts")).toBe(before);
  });

  it("should never take a subject from the client, even onboarded and linked", async () => {
    const ref = await loginAs("referent");
    const young = await linkedWebYoung(ref.cookie);
    for (const action of ["alert:flood", "alert:Cliquez-ici", "alert:violence"]) await send(young.token, { action });
    expect(await alertsOf(young.sessionId)).toEqual([]);
  });

  it("should cap one session at 3 alerts an hour (the audit: 100 crisis alerts in 1.7 s), numbers always shown", async () => {
    const young = await onboarded();
    for (let i = 0; i < 12; i++) {
      const r = await send(young.token, { text: "je veux mourir" });
      expect(r.replies[0]!.text).toContain("3114");
    }
    await send(young.token, { action: "contact" });
    await send(young.token, { text: "aide moi" });
    expect(await alertsOf(young.sessionId)).toEqual(
      Array(3).fill({ kind: "crisis", severity: "severe", subject: "suicide" }),
    );
  });

  it("should accept an offered crisis alert once, labelled by the engine", async () => {
    const young = await onboarded();
    const offer = await send(young.token, { text: "je dors dehors ce soir" });
    expect(actions(offer)).toContain("alert:shelter");
    await send(young.token, { action: "menu" });
    await send(young.token, { action: "alert:shelter" });
    const again = await send(young.token, { action: "alert:shelter" });
    expect(again.replies[0]!.text).toBe("Ce bouton n'est plus valable.");
    expect(await alertsOf(young.sessionId)).toEqual([{ kind: "crisis", severity: "high", subject: "shelter" }]);
  });

  it("should not delete, unlink or send to the référent on a confirmation that was not asked", async () => {
    const ref = await loginAs("referent");
    const young = await linkedWebYoung(ref.cookie);
    for (const action of ["delete:yes", "link:unlink_yes", "contact:send"]) await send(young.token, { action });
    expect(await countRows(`young_people where id = '${young.sessionId}'`)).toBe(1);
    expect(await countRows(`referent_links where young_id = '${young.sessionId}'`)).toBe(1);
    expect(await alertsOf(young.sessionId)).toEqual([]);
  });

  it("should refuse the same forged actions on Telegram", async () => {
    const chat = 4_400_001;
    await postUpdate(textUpdate(chat, "/start"));
    await postUpdate(buttonUpdate(chat, "lang:fr"));
    await postUpdate(buttonUpdate(chat, "privacy:skip"));
    for (const data of ["alert:flood", "alert:violence", "contact:send", "delete:yes"]) {
      const res = await postUpdate(buttonUpdate(chat, data));
      expect(res.status).toBe(200);
    }
    const person = await env.DB.prepare("select young_id as id from identities where channel = 'telegram' and key = ?")
      .bind(String(chat))
      .first<{ id: string }>();
    expect(person).not.toBeNull();
    expect(await alertsOf(person!.id)).toEqual([]);
    expect(
      fakeTelegram.messages.filter((m) => String(m.params.text).startsWith("Ce bouton n'est plus valable.")),
    ).toHaveLength(4);
  });
});

describe("alert subjects shown to staff", () => {
  it("should show staff only the engine's labels, never a stored subject it did not write", async () => {
    const ref = await loginAs("referent");
    const young = await linkedWebYoung(ref.cookie);
    await send(young.token, { text: "mon beau-père me frappe" });
    // A row written before subjects were checked (the audit's phishing channel).
    await env.DB.prepare(
      "insert into alerts (id, young_id, kind, severity, subject, created_at) values (?, ?, 'crisis', 'high', ?, ?)",
    )
      .bind(crypto.randomUUID(), young.sessionId, PHISHING, Date.now())
      .run();
    const html = await (await staffFetch("/referent", { cookie: ref.cookie })).text();
    expect(html).toContain("Sujet : Violences<");
    expect(html).not.toContain("evil.example");
    await drainDeliveries();
    const sent = [
      ...fakeTelegram.messages.map((m) => String(m.params.text)),
      ...fakeReceiver.requests.map((r) => r.body),
    ];
    expect(sent.join("\n")).not.toContain("evil.example");
    const legacy = {
      id: "x",
      youngId: young.sessionId,
      kind: "crisis" as const,
      severity: "high" as const,
      message: null,
      subject: PHISHING,
      createdAt: 0,
      acknowledgedAt: null,
      acknowledgedBy: null,
      youngNotifiedAt: null,
    };
    expect(staffAlertText(legacy, "https://passerelle.test", true)).not.toContain("evil.example");
  });
});
