import { describe, expect, it } from "vitest";
import { handle } from "../../../bot/engine.ts";
import type { ConversationState } from "../../../bot/state.ts";
import { seedBundle } from "../../../shared/content/seed/index.ts";
import type { ContentSnapshot } from "../../../shared/content/model.ts";
import { LOCALES, type Locale } from "../../../shared/locales.ts";
import type { Profile } from "../../../shared/profile.ts";

const NOW = new Date("2026-11-23T10:00:00Z");
const content: ContentSnapshot = { ...seedBundle, version: 1 };
const DEPT_44 = "Département de Loire-Atlantique – Aide sociale à l'enfance";
const DEPT_49 = "Département de Maine-et-Loire – Aide sociale à l'enfance";

function ask(profile: Profile, over: Partial<ConversationState> = {}) {
  const state: ConversationState = {
    youngId: "y1",
    locale: "fr",
    profile,
    cursor: { at: "menu" },
    openHelpRequests: 0,
    hasReferent: false,
    consentAt: 1,
    ...over,
  };
  return handle(state, { kind: "action", action: "contact" }, content, NOW);
}

describe("asking for help with no référent linked (issue 24)", () => {
  it("should give the young person's own Département's service, from the content", () => {
    const in49 = ask({ status: "ase", dept: "49" }).replies[0]!.text;
    expect(in49).toContain(DEPT_49);
    expect(in49).toContain("Maisons des solidarités");
    expect(in49).not.toContain(DEPT_44);
    expect(ask({ status: "ase", dept: "44" }).replies[0]!.text).not.toContain(DEPT_49);
  });

  it("should give both Départements' services when the département is unknown, and words for another", () => {
    const unknown = ask({}).replies[0]!.text;
    expect(unknown).toContain(DEPT_44);
    expect(unknown).toContain(DEPT_49);
    const other = ask({ dept: "other" }).replies[0]!.text;
    expect(other).not.toContain(DEPT_44);
    expect(other).not.toContain(DEPT_49);
    expect(other).toContain("Contacte le service de l'Aide sociale à l'enfance (ASE) de ton Département.");
  });

  it("should leave out a Département service the content does not have, and keep the rest", () => {
    const without = { ...content, resources: content.resources.filter((r) => r.id !== "dept-49") };
    const state: ConversationState = {
      youngId: "y1",
      locale: "fr",
      profile: { dept: "49" },
      cursor: { at: "menu" },
      openHelpRequests: 0,
      hasReferent: false,
      consentAt: 1,
    };
    const text = handle(state, { kind: "action", action: "contact" }, without, NOW).replies[0]!.text;
    expect(text).not.toContain(DEPT_49);
    expect(text).toContain("Contacte le service");
    expect(text).toContain("112");
  });

  it.each(LOCALES.map((l) => [l] as [Locale]))(
    "should give the emergency numbers, how to get a link code and a way on in %s",
    (locale) => {
      const r = ask({ dept: "44" }, { locale });
      const text = r.replies[0]!.text;
      for (const number of ["112", "115", "119", "3114"]) expect(text).toContain(number);
      expect(text).toContain("8");
      expect(r.replies[0]!.buttons?.map((b) => b.action)).toEqual(["contact:send", "link", "menu"]);
      expect(r.state.cursor).toEqual({ at: "contact" });
      const saved = handle(r.state, { kind: "action", action: "contact:send" }, content, NOW);
      expect(saved.effects).toContainEqual({ type: "raiseAlert", kind: "help", severity: "normal" });
      expect(saved.replies[0]!.buttons?.map((b) => b.action)).toEqual(["link", "menu"]);
    },
  );

  it("should ask a young person with a linked référent for their message as before", () => {
    const r = ask({ dept: "44" }, { hasReferent: true });
    expect(r.replies[0]!.text).not.toContain(DEPT_44);
    expect(r.replies[0]!.text).toContain("Je vais prévenir ton référent");
    expect(r.replies[0]!.buttons?.map((b) => b.action)).toEqual(["contact:send", "menu"]);
  });
});
