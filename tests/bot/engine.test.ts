import { describe, expect, it } from "vitest";
import { handle } from "../../bot/engine.ts";
import type { ContentSnapshot } from "../../shared/content/model.ts";
import { resource, rightsTopic, step, topic } from "../support/bundle.ts";
import { conversation } from "../support/state.ts";

const NOW = new Date("2026-11-23T10:00:00Z");

/** A tiny but complete content snapshot, so each rule of the engine is visible in isolation. */
const content: ContentSnapshot = {
  version: 1,
  topics: [
    rightsTopic,
    topic({
      id: "housing",
      order: 2,
      title: { fr: "Logement" },
      intro: { fr: "Intro logement" },
      keywords: { fr: ["logement"] },
    }),
  ],
  steps: [
    step({
      id: "ask",
      topicId: "rights",
      title: { fr: "Demander le contrat", en: "Ask for the contract" },
      body: { fr: "Écris au Département." },
      keywords: { fr: ["contrat jeune majeur", "cjm"] },
      resourceIds: ["nat", "loc44", "loc49"],
    }),
    step({
      id: "appeal",
      topicId: "rights",
      title: { fr: "Contester un refus" },
      body: { fr: "Demande la décision écrite." },
      keywords: { fr: ["refus", "recours"] },
    }),
  ],
  resources: [
    resource({
      id: "nat",
      scope: "national",
      name: { fr: "Défenseur des droits" },
      description: { fr: "Aide gratuite" },
      url: "https://www.defenseurdesdroits.fr",
    }),
    resource({ id: "loc44", scope: "44", name: { fr: "Ressource 44" }, description: { fr: "Locale 44" } }),
    resource({ id: "loc49", scope: "49", name: { fr: "Ressource 49" }, description: { fr: "Locale 49" } }),
  ],
  faqs: [],
};

const state = conversation;

describe("handle", () => {
  it("should show only national resources and those of the young person's département", () => {
    const r = handle(state({ profile: { dept: "49" } }), { kind: "action", action: "step:ask" }, content, NOW);
    expect(r.replies[0]!.text).toContain("Ressource 49");
    expect(r.replies[0]!.text).not.toContain("Ressource 44");
    expect(r.replies[0]!.text).toContain("Défenseur des droits");
  });

  it("should show only national resources for another département", () => {
    const r = handle(state({ profile: { dept: "other" } }), { kind: "action", action: "step:ask" }, content, NOW);
    expect(r.replies[0]!.text).not.toMatch(/Ressource (44|49)/);
  });

  it("should mark a text that only exists in French when the young person reads English", () => {
    const r = handle(state({ locale: "en" }), { kind: "action", action: "step:ask" }, content, NOW);
    expect(r.replies[0]!.text).toContain("Ask for the contract");
    expect(r.replies[0]!.text).toContain("only exists in French");
  });

  it("should offer the next step of the topic, then go back to the topic", () => {
    const r = handle(state(), { kind: "action", action: "step:ask" }, content, NOW);
    expect(r.replies[0]!.buttons?.[0]).toEqual({ label: "➡️ Contester un refus", action: "step:appeal" });
    const back = handle(r.state, { kind: "action", action: "back" }, content, NOW);
    expect(back.state.cursor).toEqual({ at: "topic", topicId: "rights" });
    expect(back.replies[0]!.text).toContain("Mes droits");
  });

  it("should say a stale or unknown button no longer works, then show the current screen again", () => {
    const r = handle(
      state({ cursor: { at: "topic", topicId: "rights" } }),
      { kind: "action", action: "step:does-not-exist" },
      content,
      NOW,
    );
    expect(r.state.cursor).toEqual({ at: "topic", topicId: "rights" });
    expect(r.replies[0]!.text).toBe("Ce bouton n'est plus valable.");
    expect(r.replies[1]!.text).toContain("Mes droits");
    expect(r.effects).toEqual([]);
  });

  it("should answer a question from the keywords and keep the young person where they were", () => {
    const s = state({ cursor: { at: "topic", topicId: "housing" } });
    const r = handle(s, { kind: "text", text: "comment demander le CJM ?" }, content, NOW);
    expect(r.replies[0]!.text).toContain("Demander le contrat");
    expect(r.state.cursor).toEqual(s.cursor);
  });

  it("should log an unanswered question scrubbed, and nothing when only unknown words are left", () => {
    const r = handle(state(), { kind: "text", text: "Où est la piscine ?" }, content, NOW);
    expect(r.replies[0]!.buttons?.map((b) => b.action)).toEqual(["menu", "contact"]);
    expect(r.effects.filter((e) => e.type === "recordUnanswered")).toEqual([]);
  });

  it("should accept a typed year and month during onboarding", () => {
    let s = state({ cursor: { at: "onboarding", stage: "birth_year" } });
    let r = handle(s, { kind: "text", text: "2008" }, content, NOW);
    expect(r.state.cursor).toEqual({ at: "onboarding", stage: "birth_month", year: 2008 });
    s = r.state;
    r = handle(s, { kind: "text", text: "Février" }, content, NOW);
    expect(r.state.profile.birth).toBe("2008-02");
    expect(r.state.cursor).toMatchObject({ at: "onboarding", stage: "status" });
  });

  it("should refuse a birth year far in the past and ask again", () => {
    const s = state({ cursor: { at: "onboarding", stage: "birth_year" } });
    const r = handle(s, { kind: "action", action: "year:1850" }, content, NOW);
    expect(r.state.profile.birth).toBeUndefined();
    expect(r.state.cursor).toEqual(s.cursor);
  });

  it("should return to the menu after editing the profile from 'my data'", () => {
    let r = handle(
      state({ profile: { birth: "2007-01", status: "ase", dept: "44" } }),
      { kind: "action", action: "profile" },
      content,
      NOW,
    );
    expect(r.state.cursor).toMatchObject({ at: "onboarding", stage: "birth_year", editing: true });
    r = handle(r.state, { kind: "action", action: "skip" }, content, NOW);
    r = handle(r.state, { kind: "action", action: "status:left_ase" }, content, NOW);
    r = handle(r.state, { kind: "action", action: "dept:49" }, content, NOW);
    expect(r.state.cursor).toEqual({ at: "menu" });
    expect(r.state.profile).toEqual({ birth: "2007-01", status: "left_ase", dept: "49" });
  });

  it("should not send a second help request while the first is not acknowledged", () => {
    const r = handle(state({ openHelpRequests: 1 }), { kind: "action", action: "contact" }, content, NOW);
    expect(r.effects).toEqual([]);
    expect(r.replies[0]!.text).toContain("déjà envoyée");
  });

  it("should ask for confirmation before deleting, then emit one deletion effect", () => {
    const ask = handle(state(), { kind: "action", action: "delete" }, content, NOW);
    expect(ask.effects).toEqual([]);
    const done = handle(ask.state, { kind: "action", action: "delete:yes" }, content, NOW);
    expect(done.effects).toEqual([{ type: "deleteMyData" }]);
  });

  it("should handle crisis before anything else, even in the middle of a help request", () => {
    const r = handle(state({ cursor: { at: "contact" } }), { kind: "text", text: "je veux mourir" }, content, NOW, {
      crisisAutoAlert: true,
    });
    expect(r.replies[0]!.text).toContain("3114");
    expect(r.effects).toContainEqual({ type: "raiseAlert", kind: "crisis", severity: "severe", subject: "suicide" });
  });
});
