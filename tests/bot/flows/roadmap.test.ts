import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { handle } from "../../../bot/engine.ts";
import type { ConversationState } from "../../../bot/state.ts";
import type { ContentSnapshot } from "../../../shared/content/model.ts";
import { publishSeedRoadmapRules, seedRules } from "../../support/content.ts";
import { conversation } from "../../support/state.ts";
import { actions, openSession, send } from "../../support/webchat.ts";

// 10:00 in Paris on 15 January 2026.
const NOW = new Date("2026-01-15T09:00:00Z");
const src = { sources: [{ label: "Article L222-5 CASF" }], reviewedAt: "2026-01-01" };
const content: ContentSnapshot = {
  version: 1,
  topics: [
    {
      id: "rights",
      order: 1,
      title: { fr: "Mes droits" },
      intro: { fr: "Intro" },
      keywords: {},
      stepIds: ["cjm-ask"],
      ...src,
    },
  ],
  steps: [
    {
      id: "cjm-ask",
      topicId: "rights",
      title: { fr: "Demande ton contrat jeune majeur" },
      body: { fr: "Écris au Département." },
      keywords: {},
      resourceIds: [],
      ...src,
    },
  ],
  resources: [],
  faqs: [],
};

const state = (overrides: Partial<ConversationState> = {}): ConversationState =>
  conversation({ profile: { birth: "2008-05", status: "ase", dept: "44" }, ...overrides });
// The seed's default rules, as published by `npm run db:seed` (the engine alone gets them as an option).
const rules = seedRules();
const act = (s: ConversationState, action: string, now = NOW) =>
  handle(s, { kind: "action", action }, content, now, { roadmapRules: rules });
const buttonsOf = (r: { replies: { buttons?: { action: string }[] }[] }) =>
  r.replies.flatMap((x) => (x.buttons ?? []).map((b) => b.action));

describe("Mon parcours (engine)", () => {
  it("should offer the roadmap in the main menu", () => {
    const r = act(state(), "menu");
    expect(buttonsOf(r)).toContain("roadmap");
  });

  it("should show at most 3 steps with Paris dates in dd/mm/yyyy, why they matter, and see more", () => {
    const r = act(state(), "roadmap");
    const list = r.replies.at(-1)!;
    const opened = buttonsOf(r).filter((a) => a.startsWith("roadmap:open:"));
    expect(opened).toHaveLength(3);
    expect(list.text).toMatch(/\d{2}\/\d{2}\/\d{4}/);
    expect(list.text).toContain("Ton entretien d'autonomie");
    expect(list.text).toContain("au plus tard à 17 ans");
    expect(buttonsOf(r)).toContain("roadmap:page:1");
    expect(r.state.cursor).toEqual({ at: "roadmap", page: 0 });
  });

  it("should show the next steps on the next page without repeating the first ones", () => {
    const first = buttonsOf(act(state(), "roadmap")).filter((a) => a.startsWith("roadmap:open:"));
    const second = buttonsOf(act(state({ cursor: { at: "roadmap", page: 0 } }), "roadmap:page:1")).filter((a) =>
      a.startsWith("roadmap:open:"),
    );
    expect(second.length).toBeGreaterThan(0);
    expect(second.some((a) => first.includes(a))).toBe(false);
  });

  it("should offer to fill the profile when birth or situation is missing", () => {
    const r = act(state({ profile: {} }), "roadmap");
    expect(r.replies.at(-1)!.text).toContain("j'ai besoin de ton mois");
    expect(buttonsOf(r)).toContain("profile");
  });

  it("should open a step with its documents, sources and a link to the guidance step", () => {
    const r = act(state(), "roadmap:open:cjm-request");
    const text = r.replies[0]!.text;
    expect(text).toContain("Demander ton contrat jeune majeur");
    expect(text).toContain("Ce qu'il te faut");
    expect(text).toContain("jusqu'à 21 ans");
    expect(text).toContain("L222-5");
    expect(buttonsOf(r)).toEqual(
      expect.arrayContaining(["roadmap:done:cjm-request", "roadmap:skip:cjm-request", "step:cjm-ask"]),
    );
  });

  it("should mark a step done with an effect, and put it back on undo", () => {
    const done = act(state({ cursor: { at: "roadmap", page: 0 } }), "roadmap:done:autonomy-interview");
    expect(done.effects).toContainEqual({ type: "roadmapProgress", stepId: "autonomy-interview", mark: "done" });
    expect(done.state.roadmapProgress).toEqual({ "autonomy-interview": "done" });
    expect(done.replies.at(-1)!.text).not.toContain("Ton entretien d'autonomie");
    const undone = act(done.state, "roadmap:undo:autonomy-interview");
    expect(undone.effects).toContainEqual({ type: "roadmapProgress", stepId: "autonomy-interview", mark: null });
    expect(undone.state.roadmapProgress).toEqual({});
  });

  it("should leave out a step marked not for me", () => {
    const r = act(state(), "roadmap:skip:bank-account");
    expect(r.effects).toContainEqual({ type: "roadmapProgress", stepId: "bank-account", mark: "skipped" });
    const all = [0, 1, 2, 3].flatMap((p) => buttonsOf(act(r.state, `roadmap:page:${p}`)));
    expect(all).not.toContain("roadmap:open:bank-account");
  });

  it("should ignore unknown steps by showing the list, and answer malformed roadmap actions as stale buttons", () => {
    for (const action of ["roadmap:done:nope", "roadmap:open:nope"]) {
      const r = act(state(), action);
      expect(r.effects.filter((e) => e.type !== "track")).toEqual([]);
      expect(r.replies.at(-1)!.text).toContain("Ton parcours");
    }
    for (const action of ["roadmap:page:-2", "roadmap:remind:maybe", "roadmap:done:Nope!"]) {
      const r = act(state(), action);
      expect(r.effects).toEqual([]);
      expect(r.replies[0]!.text).toBe("Ce bouton n'est plus valable.");
    }
  });

  it("should stop and restart reminders", () => {
    const off = act(state(), "roadmap:remind:off");
    expect(off.effects).toContainEqual({ type: "setRemindersOptOut", optOut: true });
    expect(buttonsOf(off)).toContain("roadmap:remind:on");
    const on = act(off.state, "roadmap:remind:on");
    expect(on.effects).toContainEqual({ type: "setRemindersOptOut", optOut: false });
  });

  it("should show reminders due on the menu once, then not again", () => {
    // Born 2009-02: autonomy interview due 2026-02-01, 17 days after NOW.
    const s = state({ profile: { birth: "2009-02", status: "ase", dept: "49" } });
    const first = act(s, "menu");
    expect(first.replies[0]!.text).toContain("Rappel");
    expect(first.replies[0]!.text).toContain("01/02/2026");
    const shown = first.effects.find((e) => e.type === "remindersShown");
    expect(shown).toEqual({
      type: "remindersShown",
      reminders: expect.arrayContaining([{ stepId: "autonomy-interview", kind: "before-30" }]),
    });
    const given = (shown as { reminders: { stepId: string; kind: string }[] }).reminders.map(
      (r) => `${r.stepId}/${r.kind}`,
    );
    const again = act({ ...s, remindersSent: given }, "menu");
    expect(again.replies).toHaveLength(1);
    expect(act({ ...s, remindersOptOut: true }, "menu").replies).toHaveLength(1);
  });

  it("should remind an MNA of the permit renewal from the card's month when the birth month is not given", () => {
    // Card ending in February 2026 (taken as the 1st): file by 2 December 2025 at the latest, overdue at NOW.
    const s = state({ profile: { status: "mna", dept: "44", permitExpiry: "2026-02" } });
    const shown = act(s, "menu").effects.find((e) => e.type === "remindersShown");
    expect(shown).toEqual({
      type: "remindersShown",
      reminders: [{ stepId: "residence-permit-renewal", kind: "overdue" }],
    });
    // Nothing dated at all: no reminder.
    const undated = state({ profile: { status: "mna", dept: "44" } });
    expect(act(undated, "menu").effects.some((e) => e.type === "remindersShown")).toBe(false);
  });
});

describe("Mon parcours (web chat, stored)", () => {
  beforeAll(async () => {
    await publishSeedRoadmapRules();
  });

  it("should keep progress and the reminders choice between turns", async () => {
    const year = new Date().getUTCFullYear() - 17;
    const session = await openSession({ locale: "fr" });
    for (const action of ["lang:fr", "privacy:accept", `year:${year}`, "month:06", "status:ase", "dept:44"])
      await send(session.token, { action });
    const list = await send(session.token, { action: "roadmap" });
    const first = actions(list).find((a) => a.startsWith("roadmap:open:"))!;
    const stepId = first.split(":")[2]!;
    await send(session.token, { action: `roadmap:done:${stepId}` });
    await send(session.token, { action: "roadmap:remind:off" });
    const opened = await send(session.token, { action: first });
    expect(actions(opened)).toContain(`roadmap:undo:${stepId}`);
    const row = await env.DB.prepare("select state from roadmap_progress where young_id = ? and step_id = ?")
      .bind(session.sessionId, stepId)
      .first<{ state: string }>();
    expect(row?.state).toBe("done");
    const person = await env.DB.prepare("select reminders_opt_out as o from young_people where id = ?")
      .bind(session.sessionId)
      .first<{ o: number }>();
    expect(person?.o).toBe(1);
    expect(actions(await send(session.token, { action: "roadmap" }))).toContain("roadmap:remind:on");
  });

  it("should delete roadmap progress and reminders with the young person's data", async () => {
    const session = await openSession({ locale: "fr" });
    for (const action of [
      "lang:fr",
      "privacy:accept",
      `year:${new Date().getUTCFullYear() - 17}`,
      "month:06",
      "status:ase",
      "dept:44",
      "roadmap:skip:bank-account",
    ])
      await send(session.token, { action });
    await send(session.token, { action: "delete" });
    await send(session.token, { action: "delete:yes" });
    const left = await env.DB.prepare("select count(*) as n from roadmap_progress where young_id = ?")
      .bind(session.sessionId)
      .first<{ n: number }>();
    expect(left?.n).toBe(0);
  });
});
