import { env } from "cloudflare:workers";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { seedContent } from "../../support/content.ts";
import { tablesHolding } from "../../support/db.ts";
import { fakeTelegram, fakeWhatsApp } from "../../support/outside.ts";
import { buttonUpdate, postUpdate, textUpdate } from "../../support/telegram.ts";
import { openSession, send } from "../../support/webchat.ts";
import { buttonMessage, postWhatsApp, textMessage, webhookCall } from "../../support/whatsapp.ts";

/**
 * A letter asked for in the chat on the three channels, through the real Worker: the PDF and the
 * text reach the young person with their name and the département's address, and afterwards no
 * table of D1 (every one in sqlite_master, search indexes included) holds the name or the address.
 */

const NAME = "Oumou Lettretest";
const STREET = "7 impasse Nomtest";
const SENDER = `${NAME}\n${STREET}\n44000 Nantes`;
const ONBOARDING = ["lang:fr", "privacy:accept", "year:2008", "month:03", "status:ase", "dept:44"];

beforeAll(async () => {
  await seedContent();
});
beforeEach(() => {
  fakeTelegram.reset();
  fakeWhatsApp.reset();
});

describe("letters in the chat, on every channel", () => {
  it("should hand the letter over in the web chat's answer only", async () => {
    const { token } = await openSession();
    for (const action of ONBOARDING) await send(token, { action });
    const opened = await send(token, { action: "letter:cjm-appeal" });
    expect(opened.replies[0]!.text).toMatch(/revoir son refus/);
    const made = await send(token, { text: SENDER });
    const all = made.replies.map((r) => r.text).join("\n\n");
    expect(all).toContain(NAME);
    expect(all).toContain("3 quai Ceineray");
    expect(all).toContain("L222-5 du code de l'action sociale et des familles");
    expect(all).toMatch(/deux mois qui suivent la décision écrite/);
    expect(all).toContain(
      "La lettre en PDF, à imprimer ou à envoyer : https://passerelle.test/lettres/cjm-appeal?locale=fr&dept=44",
    );
    expect(all).toMatch(/Ta lettre est prête/);
    expect(await tablesHolding(NAME, STREET)).toEqual([]);
  });

  it("should send a PDF document and the text on Telegram, and keep nothing", async () => {
    const chat = 710001;
    await postUpdate(textUpdate(chat, "/start"));
    for (const action of ONBOARDING) await postUpdate(buttonUpdate(chat, action));
    await postUpdate(buttonUpdate(chat, "letter:cjm-request"));
    fakeTelegram.reset();
    await postUpdate(textUpdate(chat, SENDER));
    const documents = fakeTelegram.calls.filter((c) => c.method === "sendDocument");
    expect(documents).toHaveLength(1);
    const file = documents[0]!.params.document as { name: string; type: string; text: string };
    expect(file.name).toBe("lettre-cjm-request.pdf");
    expect(file.type).toBe("application/pdf");
    expect(file.text.startsWith("%PDF-1.4")).toBe(true);
    expect(file.text).toContain("Oumou Lettretest");
    expect(file.text).toContain("3 quai Ceineray");
    expect(file.text).toContain("L222-5");
    const texts = fakeTelegram.messages.filter((c) => c.method === "sendMessage").map((c) => String(c.params.text));
    expect(texts.some((t) => t.includes(NAME) && t.includes("Objet : Demande de contrat jeune majeur"))).toBe(true);
    expect(texts.some((t) => t.includes("Ta lettre est prête"))).toBe(true);
    expect(await tablesHolding(NAME, STREET)).toEqual([]);
  });

  it("should upload the PDF and send it as a document on WhatsApp, and keep nothing", async () => {
    const from = "33700071001";
    await postWhatsApp(webhookCall([textMessage(from, "Bonjour")]));
    for (const action of ONBOARDING) await postWhatsApp(webhookCall([buttonMessage(from, action)]));
    await postWhatsApp(webhookCall([buttonMessage(from, "letter:ase-file")]));
    fakeWhatsApp.reset();
    await postWhatsApp(webhookCall([textMessage(from, SENDER)]));
    expect(fakeWhatsApp.uploads).toHaveLength(1);
    expect(fakeWhatsApp.uploads[0]!.type).toBe("application/pdf");
    // Loire-Atlantique's file-access service, from the content.
    expect(fakeWhatsApp.uploads[0]!.content).toContain("26 boulevard Victor Hugo");
    expect(fakeWhatsApp.uploads[0]!.content).toContain(NAME);
    const documents = fakeWhatsApp.calls.filter((c) => c.message.type === "document");
    expect(documents).toHaveLength(1);
    expect((documents[0]!.message.document as { filename: string }).filename).toBe("lettre-ase-file.pdf");
    const texts = fakeWhatsApp.calls.map((c) => JSON.stringify(c.message));
    expect(texts.some((t) => t.includes(NAME) && t.includes("code des relations entre le public"))).toBe(true);
    expect(await tablesHolding(NAME, STREET)).toEqual([]);
  });

  it("should not retry a letter through the queue when Telegram fails: the name never waits anywhere", async () => {
    const chat = 710002;
    await postUpdate(textUpdate(chat, "/start"));
    for (const action of ONBOARDING) await postUpdate(buttonUpdate(chat, action));
    await postUpdate(buttonUpdate(chat, "letter:pecule"));
    fakeTelegram.reset();
    const down = { status: 500, body: { ok: false, error_code: 500, description: "Internal" } };
    fakeTelegram.failNext(down, down, down, down, down);
    const sent: unknown[] = [];
    const queue = env.DELIVERIES;
    const spy = { send: async (m: unknown) => void sent.push(m), sendBatch: async () => undefined };
    Object.assign(env, { DELIVERIES: { ...queue, ...spy } });
    try {
      const res = await postUpdate(textUpdate(chat, SENDER));
      expect(res.status).toBe(200);
    } finally {
      Object.assign(env, { DELIVERIES: queue });
    }
    // The replies ("ta lettre est prête") were queued for a retry; the letter was not.
    expect(JSON.stringify(sent)).toContain("telegram_replies");
    expect(JSON.stringify(sent)).not.toContain("Lettretest");
    expect(await tablesHolding(NAME, STREET)).toEqual([]);
  });
});
