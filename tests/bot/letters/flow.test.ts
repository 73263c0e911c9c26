import { describe, expect, it } from "vitest";
import { handle } from "../../../bot/engine.ts";
import { parseSender } from "../../../bot/letters/flow.ts";
import type { ConversationState } from "../../../bot/state.ts";
import type { ContentSnapshot } from "../../../shared/content/model.ts";
import { seedBundle, seedRoadmapRules } from "../../../shared/content/seed/index.ts";

/** The letters flow in the engine: reachable, in the young person's language, and the name never kept. */

const NOW = new Date("2026-12-03T10:00:00Z");
const content: ContentSnapshot = { ...seedBundle, version: 1 };
const NAME = "Awa Flowtest";

function state(overrides: Partial<ConversationState> = {}): ConversationState {
  return {
    youngId: "y1",
    locale: "fr",
    profile: { birth: "2008-05", status: "ase", dept: "44" },
    consentAt: 1,
    cursor: { at: "menu" },
    openHelpRequests: 0,
    hasReferent: false,
    ...overrides,
  };
}

const run = (s: ConversationState, input: Parameters<typeof handle>[1]) =>
  handle(s, input, content, NOW, { roadmapRules: seedRoadmapRules });
const actionsOf = (r: ReturnType<typeof run>) => r.replies.flatMap((x) => (x.buttons ?? []).map((b) => b.action));

describe("letters in the chat", () => {
  it("should be in the menu and list the letters for the young person's situation", () => {
    expect(actionsOf(run(state(), { kind: "action", action: "menu" }))).toContain("letter");
    const list = run(state(), { kind: "action", action: "letter" });
    expect(actionsOf(list)).toEqual(
      expect.arrayContaining(["letter:cjm-request", "letter:cjm-appeal", "letter:pecule"]),
    );
    expect(actionsOf(list)).not.toContain("letter:permit-l423-22");
    const mna = run(state({ profile: { birth: "2008-05", status: "mna", dept: "49" } }), {
      kind: "action",
      action: "letter",
    });
    expect(actionsOf(mna)).toEqual(expect.arrayContaining(["letter:permit-l423-22", "letter:permit-l435-3"]));
    expect(actionsOf(run(state(), { kind: "text", text: "lettres" }))).toContain("letter:cjm-request");
  });

  it("should explain the letter in the young person's language and ask for the name without keeping it", () => {
    const opened = run(state({ locale: "ar" }), { kind: "action", action: "letter:cjm-appeal" });
    const explanation = seedBundle.letters!.find((l) => l.purpose === "cjm-appeal")!.explanation.ar!;
    expect(opened.replies[0]!.text).toContain(explanation);
    expect(opened.replies[0]!.text).toContain("لا أحتفظ بهما");
    expect(opened.state.cursor).toEqual({ at: "letter", purpose: "cjm-appeal" });
    expect(actionsOf(opened)).toContain("letter:cjm-appeal:blank");
  });

  it("should put the typed name and address in the effect only: not in the state, nor any other effect", () => {
    const typed = run(state({ cursor: { at: "letter", purpose: "cjm-request" } }), {
      kind: "text",
      text: `${NAME}\n12 rue des Lilas\n44000 Nantes`,
    });
    expect(typed.effects).toEqual([
      { type: "makeLetter", purpose: "cjm-request", sender: { name: NAME, address: "12 rue des Lilas\n44000 Nantes" } },
    ]);
    expect(JSON.stringify(typed.state)).not.toContain("Flowtest");
    expect(JSON.stringify(typed.replies)).not.toContain("Flowtest");
    expect(typed.state.cursor).toEqual({ at: "menu" });
  });

  it("should make the letter with blanks when the young person prefers to write their name by hand", () => {
    const blank = run(state({ cursor: { at: "letter", purpose: "pecule" } }), {
      kind: "action",
      action: "letter:pecule:blank",
    });
    expect(blank.effects).toEqual([{ type: "makeLetter", purpose: "pecule" }]);
  });

  it("should answer a crisis first, even while waiting for the name", () => {
    const crisis = run(state({ cursor: { at: "letter", purpose: "cjm-request" } }), {
      kind: "text",
      text: "j'ai envie de mourir",
    });
    expect(crisis.replies[0]!.text).toMatch(/3114/);
    expect(crisis.effects.some((e) => e.type === "makeLetter")).toBe(false);
  });

  it("should ask for Latin letters rather than write a name its fonts cannot show, and refuse what is not a name", () => {
    const arabic = run(state({ cursor: { at: "letter", purpose: "cjm-request" } }), {
      kind: "text",
      text: "عوا ديالو",
    });
    expect(arabic.effects).toEqual([]);
    expect(arabic.replies[0]!.text).toMatch(/en lettres latines/);
    expect(arabic.state.cursor).toEqual({ at: "letter", purpose: "cjm-request" });
    expect(parseSender("x".repeat(81))).toBeNull();
    expect(parseSender("   \n  ")).toBeNull();
  });

  it("should read the name and the address from one line with commas too", () => {
    expect(parseSender("Awa Diallo, 12 rue des Lilas, 44000 Nantes")).toEqual({
      name: "Awa Diallo",
      address: "12 rue des Lilas\n44000 Nantes",
    });
    expect(parseSender("Awa\u202E Diallo")).toEqual({ name: "Awa Diallo", address: "" });
  });

  it("should offer the letter from the content step and the roadmap step that need it", () => {
    expect(actionsOf(run(state(), { kind: "action", action: "step:cjm-refused" }))).toContain("letter:cjm-appeal");
    const roadmapStep = run(state({ profile: { birth: "2009-03", status: "ase", dept: "44" } }), {
      kind: "action",
      action: "roadmap:open:cjm-request",
    });
    expect(actionsOf(roadmapStep)).toContain("letter:cjm-request");
  });

  it("should answer an unknown letter as a stale button", () => {
    const stale = run(state(), { kind: "action", action: "letter:no-such-letter" });
    expect(stale.replies[0]!.text).toMatch(/plus valable/);
    expect(stale.effects).toEqual([]);
  });
});
