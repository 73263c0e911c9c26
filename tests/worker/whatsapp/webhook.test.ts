import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { LIMITS, type WhatsAppMessage } from "../../../bot/whatsapp.ts";
import { queue } from "../../../worker/queue.ts";
import { seedContent } from "../../support/content.ts";
import { fakeWhatsApp, type WhatsAppCall } from "../../support/outside.ts";
import { signatureOf } from "../../../worker/whatsapp/signature.ts";
import {
  APP_SECRET,
  buttonMessage,
  listMessage,
  postWhatsApp,
  textMessage,
  verify,
  VERIFY_TOKEN,
  webhookCall,
} from "../../support/whatsapp.ts";

beforeAll(async () => {
  await seedContent();
});
beforeEach(() => fakeWhatsApp.reset());

let numbers = 33600000100;
const newNumber = () => String(numbers++);

async function count(table: string): Promise<number> {
  return (await env.DB.prepare(`select count(*) as n from ${table}`).first<{ n: number }>())!.n;
}

/** What the young person would see of a call: its text and the ids of its choices. */
function seen(call: WhatsAppCall): { text: string; choices: string[] } {
  const m = call.message as WhatsAppMessage;
  if (m.type === "text") return { text: m.text.body, choices: [] };
  // The contact cards of a crisis reply's numbers (tests/worker/crisis-numbers.test.ts).
  if (m.type !== "interactive") return { text: "", choices: [] };
  const i = m.interactive;
  const choices =
    i.type === "button"
      ? i.action.buttons.map((b) => b.reply.id)
      : i.action.sections.flatMap((s) => s.rows.map((r) => r.id));
  return { text: i.body.text, choices };
}

/** Every message the Worker sent stays within WhatsApp's limits (Meta refuses the rest). */
function expectWithinLimits(calls: WhatsAppCall[]): void {
  for (const call of calls) {
    const m = call.message as WhatsAppMessage;
    if (m.type === "text") {
      expect(m.text.body.length).toBeGreaterThan(0);
      expect(m.text.body.length).toBeLessThanOrEqual(LIMITS.text);
      continue;
    }
    if (m.type !== "interactive") continue;
    const i = m.interactive;
    expect(i.body.text.length).toBeGreaterThan(0);
    expect(i.body.text.length).toBeLessThanOrEqual(LIMITS.body);
    if (i.type === "button") {
      expect(i.action.buttons.length).toBeLessThanOrEqual(LIMITS.buttons);
      for (const b of i.action.buttons) expect([...b.reply.title].length).toBeLessThanOrEqual(LIMITS.buttonTitle);
    } else {
      expect([...i.action.button].length).toBeLessThanOrEqual(LIMITS.listButton);
      const rows = i.action.sections.flatMap((s) => s.rows);
      expect(rows.length).toBeLessThanOrEqual(LIMITS.rows);
      for (const r of rows) {
        expect([...r.title].length).toBeLessThanOrEqual(LIMITS.rowTitle);
        if (r.description) expect([...r.description].length).toBeLessThanOrEqual(LIMITS.rowDescription);
      }
    }
  }
}

async function send(message: unknown): Promise<{ text: string; choices: string[] }[]> {
  fakeWhatsApp.reset();
  const res = await postWhatsApp(webhookCall([message]));
  expect(res.status).toBe(200);
  expectWithinLimits(fakeWhatsApp.calls);
  return fakeWhatsApp.calls.map(seen);
}

describe("Meta's webhook verification", () => {
  it("should echo the challenge for the right verify token only", async () => {
    const ok = await verify({
      "hub.mode": "subscribe",
      "hub.verify_token": VERIFY_TOKEN,
      "hub.challenge": "1158201444",
    });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe("1158201444");
    expect(
      (await verify({ "hub.mode": "subscribe", "hub.verify_token": "wrong-token", "hub.challenge": "1" })).status,
    ).toBe(403);
    expect(
      (await verify({ "hub.mode": "unsubscribe", "hub.verify_token": VERIFY_TOKEN, "hub.challenge": "1" })).status,
    ).toBe(403);
    expect(
      (await verify({ "hub.mode": "subscribe", "hub.verify_token": VERIFY_TOKEN, "hub.challenge": "<script>" })).status,
    ).toBe(400);
  });
});

describe("the signature comes before anything else", () => {
  it("should refuse a call without or with a wrong signature, storing nothing and sending nothing", async () => {
    const before = await count("young_people");
    const call = webhookCall([textMessage(newNumber(), "Bonjour")]);
    expect((await postWhatsApp(call, null)).status).toBe(401);
    expect((await postWhatsApp(call, `sha256=${"0".repeat(64)}`)).status).toBe(401);
    expect((await postWhatsApp(call, "sha1=abc")).status).toBe(401);
    // Signed for another body: the body was changed on the way.
    const other = await postWhatsApp(
      JSON.stringify(call).replace("Bonjour", "Bonsoir"),
      await signatureOf(JSON.stringify(call), APP_SECRET),
    );
    expect(other.status).toBe(401);
    expect(await count("young_people")).toBe(before);
    expect(fakeWhatsApp.calls).toEqual([]);
  });

  it("should answer a signed but malformed body with 400, never 5xx", async () => {
    expect((await postWhatsApp("{not json")).status).toBe(400);
    expect((await postWhatsApp({ object: "page", entry: [] })).status).toBe(400);
    expect((await postWhatsApp({ object: "whatsapp_business_account", entry: "x" })).status).toBe(400);
    expect(fakeWhatsApp.calls).toEqual([]);
  });
});

describe("a WhatsApp conversation", () => {
  it("should greet a new number, take the language from a list and the consent from buttons, within WhatsApp's limits", async () => {
    const from = newNumber();
    let replies = await send(textMessage(from, "Bonjour"));
    expect(fakeWhatsApp.calls[0]!.to).toBe(from);
    expect(fakeWhatsApp.calls[0]!.phoneNumberId).toBe("1000001");
    expect(fakeWhatsApp.calls[0]!.authorization).toBe("Bearer test-access-token-0123456789");
    const greeting = replies.at(-1)!;
    expect(greeting.text).toContain("Choisis ta langue");
    expect(greeting.choices).toEqual(["lang:fr", "lang:en", "lang:ar", "lang:ps", "lang:prs"]);

    replies = await send(listMessage(from, "lang:fr"));
    expect(replies.at(-1)!.choices).toEqual(["privacy:accept", "privacy:skip"]);
    replies = await send(buttonMessage(from, "privacy:accept"));
    // The years do not fit one list of 10: the question heads the first list, the rest follow.
    const lists = replies.filter((r) => r.choices.length > 0);
    expect(lists[0]!.text).toContain("En quelle année");
    expect(lists.flatMap((r) => r.choices)).toContain("year:2008");
    const identity = await env.DB.prepare("select channel from identities where key = ?")
      .bind(from)
      .first<{ channel: string }>();
    expect(identity?.channel).toBe("whatsapp");
  });

  it("should answer a message once when Meta delivers the same call twice", async () => {
    const from = newNumber();
    const call = webhookCall([textMessage(from, "Bonjour", "wamid.same-twice")]);
    expect((await postWhatsApp(call)).status).toBe(200);
    const first = fakeWhatsApp.calls.length;
    expect(first).toBeGreaterThan(0);
    expect((await postWhatsApp(call)).status).toBe(200);
    expect(fakeWhatsApp.calls.length).toBe(first);
  });

  it("should acknowledge statuses and other fields without a word", async () => {
    const res = await postWhatsApp(
      webhookCall([], {
        statuses: [{ id: "wamid.out1", status: "read", timestamp: "1764763200", recipient_id: newNumber() }],
      }),
    );
    expect(res.status).toBe(200);
    const other = await postWhatsApp({
      object: "whatsapp_business_account",
      entry: [{ id: "w", changes: [{ field: "message_template_status_update", value: { event: "APPROVED" } }] }],
    });
    expect(other.status).toBe(200);
    expect(fakeWhatsApp.calls).toEqual([]);
  });

  it("should answer the good message of a call even when the one beside it is malformed", async () => {
    const from = newNumber();
    const res = await postWhatsApp(
      webhookCall([
        { from: "not-a-number", id: "x", timestamp: "1", type: "text", text: { body: "a" } },
        textMessage(from, "Bonjour"),
      ]),
    );
    expect(res.status).toBe(200);
    expect(fakeWhatsApp.calls.map((c) => c.to)).toEqual(expect.arrayContaining([from]));
    expect(fakeWhatsApp.calls.every((c) => c.to === from)).toBe(true);
  });

  it("should answer a crisis with 3114 first and raise the alert, as on Telegram", async () => {
    const from = newNumber();
    await send(textMessage(from, "Bonjour"));
    await send(listMessage(from, "lang:fr"));
    await send(buttonMessage(from, "privacy:accept"));
    const replies = await send(textMessage(from, "je veux mourir"));
    expect(replies[0]!.text).toContain("3114");
    const alert = await env.DB.prepare(
      "select a.kind from alerts a join identities i on i.young_id = a.young_id where i.channel = 'whatsapp' and i.key = ?",
    )
      .bind(from)
      .first<{ kind: string }>();
    expect(alert?.kind).toBe("crisis");
  });
});

describe("my data on WhatsApp", () => {
  it("should send everything stored as a document, the file uploaded to Meta first", async () => {
    const from = newNumber();
    await send(textMessage(from, "Bonjour"));
    await send(listMessage(from, "lang:fr"));
    await send(buttonMessage(from, "privacy:accept"));
    await send(buttonMessage(from, "data"));
    fakeWhatsApp.reset();
    await postWhatsApp(webhookCall([buttonMessage(from, "data:export")]));
    expect(fakeWhatsApp.uploads).toHaveLength(1);
    const [upload] = fakeWhatsApp.uploads;
    expect(upload!.type).toBe("text/plain");
    const exported = JSON.parse(upload!.content) as { identities?: { channel: string }[] };
    expect(JSON.stringify(exported)).toContain("whatsapp");
    const document = fakeWhatsApp.calls.find((c) => c.message.type === "document");
    expect(document?.message).toEqual({
      type: "document",
      document: { id: "media-1", filename: "passerelle-mes-donnees.txt", caption: "📄 Passerelle" },
    });
    expect(document?.to).toBe(from);
  });

  it("should say so and offer to try again when Meta does not take the document", async () => {
    const from = newNumber();
    await send(textMessage(from, "Bonjour"));
    await send(listMessage(from, "lang:fr"));
    await send(buttonMessage(from, "privacy:accept"));
    fakeWhatsApp.reset();
    fakeWhatsApp.failNext({ status: 500, body: { error: { code: 1 } } });
    await postWhatsApp(webhookCall([buttonMessage(from, "data:export")]));
    // The document was refused (its call answered 500): what follows says so.
    expect(fakeWhatsApp.calls[0]!.message.type).toBe("document");
    const said = JSON.stringify(fakeWhatsApp.calls.slice(1).map((c) => c.message));
    expect(said).toContain("Je n'ai pas pu t'envoyer le fichier");
    expect(said).toContain("data:export");
    expect(said).not.toContain("Voici un fichier");
  });
});

describe("a flood from one number", () => {
  it("should take every message in, run no turn past the limit and say 'slow down' once", async () => {
    const from = newNumber();
    const before = await count("telegram_updates");
    const flood = Array.from({ length: 45 }, (_, i) => textMessage(from, `message ${i}`, `wamid.flood-${from}-${i}`));
    expect((await postWhatsApp(webhookCall(flood))).status).toBe(200);
    // Every message id is recorded (a retry of any of them is not answered)...
    expect(await count("telegram_updates")).toBe(before + 45);
    const texts = fakeWhatsApp.calls.map(seen).map((r) => r.text);
    // ...the 40 allowed turns are answered, and the five others get one notice between them.
    expect(texts.filter((t) => t.includes("Doucement"))).toHaveLength(1);
    fakeWhatsApp.reset();
    expect((await postWhatsApp(webhookCall(flood.slice(40)))).status).toBe(200);
    expect(fakeWhatsApp.calls).toEqual([]);
  });
});

describe("nothing is lost when Meta fails", () => {
  // Only this spy is undone: the fake outside world stays installed.
  let queueSpy: { mockRestore(): void } | null = null;
  afterEach(() => queueSpy?.mockRestore());
  /** What the adapter hands the queue's `send` (nothing is really enqueued). */
  const spyOnQueueSend = (): unknown[] => {
    const sent: unknown[] = [];
    queueSpy = vi.spyOn(env.DELIVERIES, "send").mockImplementation(async (body: unknown) => {
      sent.push(body);
      return {} as QueueSendResponse;
    });
    return sent;
  };

  it("should queue what could not be sent and send it from the queue, once", async () => {
    const sent = spyOnQueueSend();
    const from = newNumber();
    fakeWhatsApp.failNext({ status: 500, body: { error: { message: "Service unavailable", code: 131000 } } });
    expect((await postWhatsApp(webhookCall([textMessage(from, "Bonjour")]))).status).toBe(200);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ type: "whatsapp_messages", to: from, locale: "fr", attempt: 1 });
    expect(fakeWhatsApp.calls).toHaveLength(1);
    const queued = (sent[0] as { messages: unknown[] }).messages;
    expect(queued.length).toBeGreaterThan(0);

    fakeWhatsApp.reset();
    await runQueue(sent.splice(0));
    // Everything that failed arrives, in order, and nothing is queued again.
    expect(fakeWhatsApp.calls.map((c) => c.message)).toEqual(queued);
    expect(fakeWhatsApp.calls.map(seen).at(-1)!.choices).toEqual([
      "lang:fr",
      "lang:en",
      "lang:ar",
      "lang:ps",
      "lang:prs",
    ]);
    expect(sent).toEqual([]);
  });

  it("should send the approved template instead when the 24-hour window has closed", async () => {
    const sent = spyOnQueueSend();
    const from = newNumber();
    fakeWhatsApp.failNext({ status: 500, body: { error: { code: 131000 } } });
    await postWhatsApp(webhookCall([textMessage(from, "Bonjour")]));
    fakeWhatsApp.reset();
    fakeWhatsApp.failNext({ status: 400, body: { error: { message: "Re-engagement message", code: 131047 } } });
    await runQueue(sent.splice(0));
    const [, template] = fakeWhatsApp.calls;
    expect(template!.message).toEqual({
      type: "template",
      template: { name: "passerelle_reponse_en_attente", language: { code: "fr" } },
    });
    expect(fakeWhatsApp.calls).toHaveLength(2);
    expect(sent).toEqual([]);
  });

  it("should stop writing to a number WhatsApp cannot deliver to", async () => {
    const from = newNumber();
    await send(textMessage(from, "Bonjour"));
    fakeWhatsApp.failNext({ status: 400, body: { error: { code: 131026 } } });
    await postWhatsApp(webhookCall([buttonMessage(from, "lang:fr")]));
    const row = await env.DB.prepare(
      "select blocked_at as blockedAt from identities where channel = 'whatsapp' and key = ?",
    )
      .bind(from)
      .first<{ blockedAt: number | null }>();
    expect(row?.blockedAt).not.toBeNull();
  });
});

async function runQueue(bodies: unknown[]): Promise<void> {
  const batch = createMessageBatch(
    "passerelle-deliveries",
    bodies.map((body, i) => ({ id: `w${i}`, timestamp: new Date(), attempts: 1, body })),
  );
  const ctx = createExecutionContext();
  await queue(batch as MessageBatch<unknown>, env);
  await getQueueResult(batch, ctx);
}
