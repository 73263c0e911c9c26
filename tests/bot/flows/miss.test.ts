import { describe, expect, it } from "vitest";
import { handle } from "../../../bot/engine.ts";
import type { ConversationState } from "../../../bot/state.ts";
import type { ContentSnapshot } from "../../../shared/content/model.ts";
import { seedBundle } from "../../../shared/content/seed/index.ts";
import { LOCALES, type Locale } from "../../../shared/locales.ts";

const NOW = new Date("2026-11-23T10:00:00Z");
const content: ContentSnapshot = { ...seedBundle, version: 1 };
const ANSWERED = "le cjm dure jusqua quel age";

function person(over: Partial<ConversationState> = {}): ConversationState {
  return {
    youngId: "y1",
    locale: "fr",
    profile: { status: "ase", dept: "44" },
    cursor: { at: "menu" },
    openHelpRequests: 0,
    hasReferent: false,
    consentAt: 1,
    ...over,
  };
}
const ask = (text: string, state = person()) => handle(state, { kind: "text", text }, content, NOW);
const missOf = (r: ReturnType<typeof ask>) =>
  r.replies.flatMap((x) => x.buttons ?? []).find((b) => b.action.startsWith("miss:"));

describe("« ce n'est pas ma question » (issue 24)", () => {
  it.each(LOCALES.map((l) => [l] as [Locale]))("should follow an answer to a typed question in %s", (locale) => {
    const r = ask(ANSWERED, person({ locale }));
    expect(missOf(r)).toMatchObject({ action: "miss:faq:faq-cjm-until-25" });
    expect(missOf(r)!.label.length).toBeGreaterThan(2);
  });

  it("should keep only the words the content knows with its offer, never a name, a number or an address", () => {
    const r = ask(`${ANSWERED} kevinou@mail.fr 06 12 34 56 78`);
    const offer = r.state.offers?.find((o) => o.action === "miss:faq:faq-cjm-until-25");
    expect(offer?.question).toBeDefined();
    for (const gone of ["kevin", "06", "12", "34", "mail"]) expect(offer!.question).not.toContain(gone);
    expect(offer!.question).toContain("cjm");
  });

  it("should record the scrubbed question with the item given, count the miss, and offer the topics and the référent", () => {
    const answered = ask(`${ANSWERED} je suis Kevinou`);
    expect(answered.state.offers?.[0]?.question).not.toContain("kevinou");
    const pressed = handle(answered.state, { kind: "action", action: "miss:faq:faq-cjm-until-25" }, content, NOW);
    const recorded = pressed.effects.find((e) => e.type === "recordUnanswered");
    expect(recorded).toMatchObject({ type: "recordUnanswered", answered: "faq:faq-cjm-until-25" });
    expect((recorded as { text: string }).text).toContain("cjm");
    expect((recorded as { text: string }).text).not.toContain("kevinou");
    expect(pressed.effects).toContainEqual({ type: "track", event: "miss", key: "faq:faq-cjm-until-25" });
    const buttons = pressed.replies[0]!.buttons!.map((b) => b.action);
    expect(buttons.filter((a) => a.startsWith("topic:"))).toHaveLength(content.topics.length);
    expect(buttons).toEqual(expect.arrayContaining(["contact", "menu"]));
    expect(pressed.replies[0]!.text).toContain("sans ton nom");
  });

  it("should accept the button once, only when offered: a forged or repeated miss records nothing", () => {
    const forged = handle(person(), { kind: "action", action: "miss:faq:faq-cjm-until-25" }, content, NOW);
    expect(forged.effects).toEqual([]);
    expect(forged.replies[0]!.text).toContain("plus valable");
    const answered = ask(ANSWERED);
    const other = handle(answered.state, { kind: "action", action: "miss:faq:faq-rsa" }, content, NOW);
    expect(other.effects).toEqual([]);
    const once = handle(answered.state, { kind: "action", action: "miss:faq:faq-cjm-until-25" }, content, NOW);
    const twice = handle(once.state, { kind: "action", action: "miss:faq:faq-cjm-until-25" }, content, NOW);
    expect(twice.effects).toEqual([]);
  });

  it("should expire with the next turn and after 15 minutes", () => {
    const answered = ask(ANSWERED);
    const later = new Date(NOW.getTime() + 16 * 60 * 1000);
    expect(
      handle(answered.state, { kind: "action", action: "miss:faq:faq-cjm-until-25" }, content, later).effects,
    ).toEqual([]);
    const moved = handle(answered.state, { kind: "action", action: "menu" }, content, NOW);
    expect(handle(moved.state, { kind: "action", action: "miss:faq:faq-cjm-until-25" }, content, NOW).effects).toEqual(
      [],
    );
  });

  it("should not follow an unsure answer or a menu screen (the question is recorded as unanswered already)", () => {
    const unsure = ask("combien de temps la préfecture met pour répondre");
    expect(missOf(unsure)).toBeUndefined();
    expect(unsure.effects.some((e) => e.type === "recordUnanswered")).toBe(true);
    expect(missOf(handle(person(), { kind: "action", action: "faq:faq-cjm-until-25" }, content, NOW))).toBeUndefined();
  });
});
