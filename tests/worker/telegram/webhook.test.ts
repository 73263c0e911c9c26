import { env } from "cloudflare:workers";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { seedBundle } from "../../../shared/content/seed/index.ts";
import { seedContent } from "../../support/content.ts";
import { fakeTelegram } from "../../support/outside.ts";
import { buttonUpdate, keyboardOf, postUpdate, textUpdate } from "../../support/telegram.ts";

const CHAT = 501;

beforeAll(async () => {
  await seedContent();
});
beforeEach(() => fakeTelegram.reset());

/** Presses a button; the callback answer must ride on the webhook response, not a new call. */
async function press(action: string) {
  fakeTelegram.reset();
  const update = buttonUpdate(CHAT, action);
  const res = await postUpdate(update);
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ method: "answerCallbackQuery", callback_query_id: update.callback_query.id });
  expect(fakeTelegram.calls.map((c) => c.method)).not.toContain("answerCallbackQuery");
  return fakeTelegram.messages;
}

describe("a Telegram conversation from /start to a step", () => {
  it("should greet, ask the language, explain what is stored, take the profile and reach a step", async () => {
    const res = await postUpdate(textUpdate(CHAT, "/start"));
    expect(res.status).toBe(200);
    // The greeting and the question arrive as one message (one notification).
    let calls = fakeTelegram.messages;
    expect(calls.map((c) => c.method)).toEqual(["sendMessage"]);
    expect(calls[0]!.params.chat_id).toBe(String(CHAT));
    expect(calls[0]!.params.text).toContain("Je suis Passerelle");
    expect(calls[0]!.params.parse_mode).toBe("HTML");
    expect(calls[0]!.params.text).toContain("Choisis ta langue");
    expect(keyboardOf(calls[0]!.params)).toEqual([
      ["Français", "lang:fr"],
      ["English", "lang:en"],
      ["العربية", "lang:ar"],
      ["پښتو", "lang:ps"],
      ["دری", "lang:prs"],
    ]);

    calls = await press("lang:fr");
    expect(calls).toHaveLength(1);
    expect(calls[0]!.params.text).toContain("Je garde seulement");
    expect(keyboardOf(calls[0]!.params).map(([, a]) => a)).toEqual(["privacy:accept", "privacy:skip"]);

    calls = await press("privacy:accept");
    expect(calls[0]!.params.text).toContain("En quelle année");
    expect(keyboardOf(calls[0]!.params).map(([, a]) => a)).toContain("year:2008");

    calls = await press("year:2008");
    expect(calls[0]!.params.text).toContain("Quel mois");
    expect(keyboardOf(calls[0]!.params)).toContainEqual(["mars", "month:03"]);

    calls = await press("month:03");
    expect(calls[0]!.params.text).toContain("Quelle est ta situation");
    expect(keyboardOf(calls[0]!.params).map(([, a]) => a)).toEqual([
      "status:ase",
      "status:left_ase",
      "status:mna",
      "status:other",
      "skip",
    ]);

    calls = await press("status:ase");
    expect(calls[0]!.params.text).toContain("département");

    calls = await press("dept:44");
    expect(calls).toHaveLength(1);
    expect(calls[0]!.params.text).toContain("c'est noté");
    expect(calls[0]!.params.text).toContain("Que veux-tu savoir");
    const menu = keyboardOf(calls[0]!.params).map(([, a]) => a);
    expect(menu).toEqual(
      expect.arrayContaining([
        "topic:rights",
        "topic:residence",
        "topic:training",
        "topic:housing",
        "topic:health",
        "topic:money",
        "topic:emergency",
        "contact",
      ]),
    );

    const rights = seedBundle.topics.find((t) => t.id === "rights")!;
    calls = await press("topic:rights");
    expect(calls[0]!.params.text).toContain(rights.title.fr);
    const stepActions = keyboardOf(calls[0]!.params).map(([, a]) => a);
    expect(stepActions).toContain(`step:${rights.stepIds[0]}`);
    expect(stepActions).toEqual(expect.arrayContaining(["back", "menu"]));

    const step = seedBundle.steps.find((s) => s.id === rights.stepIds[0])!;
    calls = await press(`step:${step.id}`);
    expect(calls[0]!.params.text).toContain(step.title.fr.replace(/&/g, "&amp;").replace(/</g, "&lt;"));
    expect(keyboardOf(calls[0]!.params).map(([, a]) => a)).toEqual(expect.arrayContaining(["back", "menu"]));

    calls = await press("back");
    expect(calls[0]!.params.text).toContain(rights.title.fr);

    const row = await env.DB.prepare("select locale, birth, status, dept, consent_at from young_people").first();
    expect(row).toMatchObject({ locale: "fr", birth: "2008-03", status: "ase", dept: "44" });
    expect(row!.consent_at).toEqual(expect.any(Number));
  });
});
