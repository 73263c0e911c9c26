import { env } from "cloudflare:workers";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { drainDeliveries } from "../support/alerts.ts";
import { seedContent } from "../support/content.ts";
import { fakeTelegram, fakeWhatsApp, type WhatsAppCall } from "../support/outside.ts";
import { csrfOf, loginAs, newLinkCode, postForm } from "../support/staff.ts";
import { buttonUpdate, keyboardOf, postUpdate, textUpdate } from "../support/telegram.ts";
import { openSession, send as sendWeb } from "../support/webchat.ts";
import { buttonMessage, postWhatsApp, textMessage, webhookCall } from "../support/whatsapp.ts";

/**
 * One table of journeys, run on the three channels: what the young person sees (texts and
 * the actions of the buttons offered) and what is stored must be the same on Telegram, the
 * web chat and WhatsApp. Each adapter only says how to send an input and read the answer.
 */

type Seen = { text: string; actions: string[] };
type Input = { text: string } | { action: string };

interface Channel {
  name: "telegram" | "web" | "whatsapp";
  /** A new young person; returns their first screen. */
  open(): Promise<Seen>;
  send(input: Input): Promise<Seen>;
  /** Messages pushed to the young person outside a turn (notices), since the last call. */
  pushed(): string[];
  /** The identity row key (to find the person in D1). */
  key(): Promise<string>;
}

let numbers = 600000;

function telegramChannel(): Channel {
  const chat = numbers++;
  let mark = 0;
  const read = (): Seen => {
    const calls = fakeTelegram.messages.filter(
      (m) => m.method === "sendMessage" && String(m.params.chat_id) === String(chat),
    );
    const fresh = calls.slice(mark);
    mark = calls.length;
    return {
      text: fresh.map((c) => String(c.params.text)).join("\n\n"),
      actions: fresh.flatMap((c) => keyboardOf(c.params).map(([, a]) => a)),
    };
  };
  return {
    name: "telegram",
    async open() {
      await postUpdate(textUpdate(chat, "/start"));
      return read();
    },
    async send(input) {
      await postUpdate("text" in input ? textUpdate(chat, input.text) : buttonUpdate(chat, input.action));
      return read();
    },
    pushed: () => read().text.split("\n\n").filter(Boolean),
    key: async () => String(chat),
  };
}

function webChannel(): Channel {
  let token = "";
  const seen = (replies: { text: string; buttons?: { action: string }[] }[]): Seen => ({
    text: replies.map((r) => r.text).join("\n\n"),
    actions: replies.flatMap((r) => (r.buttons ?? []).map((b) => b.action)),
  });
  return {
    name: "web",
    async open() {
      const session = await openSession();
      token = session.token;
      return seen(session.replies);
    },
    async send(input) {
      return seen((await sendWeb(token, input)).replies);
    },
    pushed: () => [],
    key: async () => {
      // The web identity is the SHA-256 of the session token, never the token itself.
      const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(token));
      return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
    },
  };
}

function whatsappChannel(): Channel {
  const from = String(33700000000 + numbers++);
  let mark = 0;
  const read = (): Seen => {
    const calls = fakeWhatsApp.calls.filter((c) => c.to === from);
    const fresh = calls.slice(mark);
    mark = calls.length;
    return { text: fresh.map(textOf).join("\n\n"), actions: fresh.flatMap(actionsOf) };
  };
  return {
    name: "whatsapp",
    async open() {
      await postWhatsApp(webhookCall([textMessage(from, "Bonjour")]));
      return read();
    },
    async send(input) {
      await postWhatsApp(
        webhookCall(["text" in input ? textMessage(from, input.text) : buttonMessage(from, input.action)]),
      );
      return read();
    },
    pushed: () => read().text.split("\n\n").filter(Boolean),
    key: async () => from,
  };
}

function textOf(call: WhatsAppCall): string {
  const m = call.message as {
    type: string;
    text?: { body: string };
    interactive?: { body: { text: string } };
    template?: { name: string };
    contacts?: { phones: { phone: string }[] }[];
  };
  if (m.type === "contacts") return `[contacts ${m.contacts!.flatMap((c) => c.phones.map((p) => p.phone)).join(" ")}]`;
  return m.type === "text"
    ? m.text!.body
    : m.type === "interactive"
      ? m.interactive!.body.text
      : `[template ${m.template!.name}]`;
}

function actionsOf(call: WhatsAppCall): string[] {
  const m = call.message as {
    interactive?: {
      type: string;
      action: { buttons?: { reply: { id: string } }[]; sections?: { rows: { id: string }[] }[] };
    };
  };
  if (!m.interactive) return [];
  const a = m.interactive.action;
  return m.interactive.type === "button"
    ? a.buttons!.map((b) => b.reply.id)
    : a.sections!.flatMap((s) => s.rows.map((r) => r.id));
}

const CHANNELS: (() => Channel)[] = [telegramChannel, webChannel, whatsappChannel];

async function youngIdOf(channel: Channel): Promise<string | null> {
  const row = await env.DB.prepare("select young_id as id from identities where channel = ? and key = ?")
    .bind(channel.name, await channel.key())
    .first<{ id: string }>();
  return row?.id ?? null;
}

/** Language, consent, birth month, status and département: the onboarding every journey starts with. */
async function onboard(channel: Channel): Promise<Seen> {
  const first = await channel.open();
  expect(first.text).toContain("Choisis ta langue");
  expect(first.actions).toEqual(["lang:fr", "lang:en", "lang:ar", "lang:ps", "lang:prs"]);
  expect((await channel.send({ action: "lang:fr" })).actions).toEqual(["privacy:accept", "privacy:skip"]);
  expect((await channel.send({ action: "privacy:accept" })).actions).toContain("year:2008");
  expect((await channel.send({ action: "year:2008" })).actions).toContain("month:03");
  expect((await channel.send({ action: "month:03" })).actions).toContain("status:ase");
  const dept = await channel.send({ action: "status:ase" });
  expect(dept.actions).toContain("dept:44");
  return channel.send({ action: "dept:44" });
}

beforeAll(async () => {
  await seedContent();
});
beforeEach(() => {
  fakeTelegram.reset();
  fakeWhatsApp.reset();
});

describe.each(CHANNELS.map((make) => [make().name, make] as const))("journeys on %s", (_name, make) => {
  it("should onboard, open a topic and a step, and show the roadmap", async () => {
    const channel = make();
    const after = await onboard(channel);
    expect(after.actions).toContain("topic:housing");
    const topic = await channel.send({ action: "topic:housing" });
    expect(topic.actions.some((a) => a.startsWith("step:"))).toBe(true);
    const roadmap = await channel.send({ action: "roadmap" });
    expect(roadmap.text.length).toBeGreaterThan(0);
    const person = await env.DB.prepare("select birth, status, dept from young_people where id = ?")
      .bind(await youngIdOf(channel))
      .first();
    expect(person).toEqual({ birth: "2008-03", status: "ase", dept: "44" });
  });

  it("should answer a crisis with 3114 first and raise the crisis alert", async () => {
    const channel = make();
    await onboard(channel);
    const crisis = await channel.send({ text: "j'ai envie de mourir" });
    expect(crisis.text.trimStart().split("\n")[0]).toMatch(/3114/);
    const alert = await env.DB.prepare("select kind from alerts where young_id = ?")
      .bind(await youngIdOf(channel))
      .first<{ kind: string }>();
    expect(alert?.kind).toBe("crisis");
  });

  it("should write phone numbers in the form Telegram and WhatsApp make tappable, short numbers as they are", async () => {
    const channel = make();
    await onboard(channel);
    const step = await channel.send({ action: "step:health-mental" });
    // The web chat shows the number as written (it links it itself).
    const mda = channel.name === "web" ? "02 28 21 44 40" : "+33 2 28 21 44 40";
    const filSante = channel.name === "web" ? "0 800 235 236" : "+33 800 235 236";
    expect(step.text).toContain(mda);
    expect(step.text).toContain(filSante);
    expect(step.text).toContain("3114");
    if (channel.name !== "web") expect(step.text).not.toContain("02 28 21 44 40");
  });

  it("should record « ce n'est pas ma question » for the editors, scrubbed, and offer the topics and the référent", async () => {
    const channel = make();
    await onboard(channel);
    const answer = await channel.send({ text: "le cjm dure jusqua quel age kevinou@mail.fr" });
    expect(answer.actions).toContain("miss:faq:faq-cjm-until-25");
    const pressed = await channel.send({ action: "miss:faq:faq-cjm-until-25" });
    expect(pressed.text).toMatch(/Je le note pour l'équipe/);
    expect(pressed.actions).toEqual(expect.arrayContaining(["topic:rights", "topic:housing", "contact", "menu"]));
    // Held with this person, or shown to editors once enough people (the other channels' journeys) said it.
    const held = await env.DB.prepare("select text, answered from unanswered_askers where young_id = ?")
      .bind(await youngIdOf(channel))
      .all<{ text: string; answered: string }>();
    const shown = await env.DB.prepare(
      "select text, answered from unanswered_questions where answered is not null",
    ).all<{
      text: string;
      answered: string;
    }>();
    const rows = [...held.results, ...shown.results];
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.answered).toBe("faq:faq-cjm-until-25");
      expect(row.text).toContain("cjm");
      expect(row.text).not.toMatch(/kevinou|mail/);
    }
    // Once: the same button again is stale and records nothing more.
    expect((await channel.send({ action: "miss:faq:faq-cjm-until-25" })).text).toMatch(/plus valable/);
  });

  it("should never leave a young person with no référent at a dead end when they ask for help", async () => {
    const channel = make();
    await onboard(channel);
    const asked = await channel.send({ action: "contact" });
    // Their Département's service (44, from the content), the emergency numbers, how to get a code.
    expect(asked.text).toContain("Département de Loire-Atlantique – Aide sociale à l'enfance");
    expect(asked.text).not.toContain("Maine-et-Loire");
    for (const number of ["112", "115", "119", "3114"]) expect(asked.text).toContain(number);
    expect(asked.text).toMatch(/demande à ton éducateur un code de liaison/);
    expect(asked.actions).toEqual(["contact:send", "link", "menu"]);
    const saved = await channel.send({ text: "je sais pas quoi faire" });
    expect(saved.text).toMatch(/enregistrée/);
    expect(saved.actions).toEqual(["link", "menu"]);
    const alert = await env.DB.prepare("select kind, message from alerts where young_id = ?")
      .bind(await youngIdOf(channel))
      .first();
    expect(alert).toEqual({ kind: "help", message: "je sais pas quoi faire" });
    expect((await channel.send({ action: "link" })).text).toMatch(/Écris ce code ici/);
  });

  it("should link a référent with their code, deliver the help alert and tell the young person once it is seen", async () => {
    const ref = await loginAs("referent");
    const channel = make();
    await onboard(channel);
    const preview = await channel.send({ text: `code ${await newLinkCode(ref.cookie, "young")}` });
    const confirm = preview.actions.find((a) => a.startsWith("link:yes:"));
    expect(confirm).toBeDefined();
    await channel.send({ action: confirm! });
    await channel.send({ action: "contact" });
    await channel.send({ text: "je voudrais un rendez-vous" });
    const alert = await env.DB.prepare("select id from alerts where young_id = ? and kind = 'help'")
      .bind(await youngIdOf(channel))
      .first<{ id: string }>();
    expect(alert).not.toBeNull();
    await drainDeliveries();
    channel.pushed();
    expect(
      (await postForm(`/referent/alerts/${alert!.id}/ack`, ref.cookie, { _csrf: await csrfOf(ref.cookie) })).status,
    ).toBe(303);
    await drainDeliveries();
    if (channel.name === "web") {
      // The web chat has no push: the notice comes first at the next turn.
      expect((await channel.send({ action: "menu" })).text).toMatch(/Ton référent a bien reçu ton message/);
    } else {
      expect(channel.pushed().join("\n")).toMatch(/Ton référent a bien reçu ton message/);
    }
  });

  it("should erase the person and everything tied to them on 'Tout effacer'", async () => {
    const channel = make();
    await onboard(channel);
    await channel.send({ text: "j'ai envie de mourir" });
    const youngId = await youngIdOf(channel);
    expect(youngId).not.toBeNull();
    expect((await channel.send({ action: "data" })).actions).toContain("delete");
    expect((await channel.send({ action: "delete" })).actions).toContain("delete:yes");
    await channel.send({ action: "delete:yes" });
    for (const table of ["young_people", "identities", "alerts", "roadmap_progress"]) {
      const column = table === "young_people" ? "id" : "young_id";
      const left = await env.DB.prepare(`select count(*) as n from ${table} where ${column} = ?`)
        .bind(youngId)
        .first<{ n: number }>();
      expect(left!.n, table).toBe(0);
    }
  });
});
