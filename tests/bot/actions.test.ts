import { describe, expect, it } from "vitest";
import { actionGrammar, isSensitive, parseAction } from "../../bot/actions.ts";
import { handle } from "../../bot/engine.ts";
import type { ConversationState } from "../../bot/state.ts";
import type { Input } from "../../bot/types.ts";
import { seedBundle, seedRoadmapRules } from "../../shared/content/seed/index.ts";
import type { ContentSnapshot } from "../../shared/content/model.ts";
import { parseRoadmapRules } from "../../shared/roadmap/rules.ts";
import { conversation } from "../support/state.ts";

/** The closed grammar of button actions and the memo of sensitive ones (issue 22, finding 4). */

const NOW = new Date("2026-11-23T10:00:00Z");
const MINUTE = 60 * 1000;
const content: ContentSnapshot = { ...structuredClone(seedBundle), version: 1 };
const checked = parseRoadmapRules(structuredClone(seedRoadmapRules));
if (!checked.ok) throw new Error("seed rules invalid");
const rules = checked.rules;

const person = (overrides: Partial<ConversationState> = {}): ConversationState =>
  conversation({
    profile: { birth: "2008-03", status: "ase", dept: "44" },
    hasReferent: true,
    consentAt: 1,
    ...overrides,
  });

const turn = (state: ConversationState, input: Input, now = NOW) =>
  handle(state, input, content, now, { crisisAutoAlert: false, roadmapRules: rules });
const press = (state: ConversationState, action: string, now = NOW) => turn(state, { kind: "action", action }, now);
const alerts = (r: ReturnType<typeof handle>) => r.effects.filter((e) => e.type === "raiseAlert");

describe("the action grammar", () => {
  it("should give by first word exactly the verdict of the whole grammar, on every word and argument tried", () => {
    const whole = (raw: string) => {
      const parsed = actionGrammar().safeParse(raw.split(":"));
      return parsed.success ? parsed.data : null;
    };
    const words = [
      "menu",
      "back",
      "data",
      "profile",
      "skip",
      "contact",
      "link",
      "delete",
      "lang",
      "roadmap",
      "letter",
      "privacy",
      "year",
      "month",
      "status",
      "dept",
      "topic",
      "step",
      "faq",
      "alert",
      "miss",
      "nope",
      "",
      "constructor",
      "__proto__",
      "MENU",
    ];
    const args = [
      "",
      "send",
      "yes",
      "export",
      "unlink",
      "unlink_yes",
      "fr",
      "ar",
      "xx",
      "accept",
      "skip",
      "2007",
      "1899",
      "03",
      "13",
      "ase",
      "mna",
      "44",
      "49",
      "other",
      "topic",
      "faq",
      "logement",
      "cjm-demande",
      "-bad",
      "A",
      "blank",
      "page",
      "7",
      "1000",
      "open",
      "done",
      "undo",
      "remind",
      "on",
      "off",
      "suicide",
      "x".repeat(70),
    ];
    let accepted = 0;
    let tried = 0;
    for (const word of words) {
      const raws = [
        word,
        ...args.map((a) => `${word}:${a}`),
        ...args.flatMap((a) => args.slice(0, 12).map((b) => `${word}:${a}:${b}`)),
      ];
      for (const raw of [...raws, `${word}:roadmap:done:x`, `${word}:${"a".repeat(64)}`]) {
        const verdict = whole(raw.length > 64 ? "\u0000" : raw);
        expect(parseAction(raw), raw).toEqual(raw.length > 64 ? null : verdict);
        if (verdict) accepted++;
        tried++;
      }
    }
    // Not a vacuous check: many of the strings are actions, most are not.
    expect(accepted).toBeGreaterThan(60);
    expect(tried - accepted).toBeGreaterThan(10_000);
  });

  it("should accept every button the engine offers, in every locale, across the whole conversation", () => {
    // Breadth-first over the buttons, from the first screen and from the menu of an onboarded person.
    const seen = new Set<string>();
    const starts = (["fr", "en", "ar", "ps", "prs"] as const).flatMap((locale) => [
      turn(
        person({
          locale,
          cursor: { at: "onboarding", stage: "language" },
          consentAt: undefined,
          hasReferent: false,
          profile: {},
        }),
        { kind: "start" },
      ),
      turn(person({ locale }), { kind: "action", action: "menu" }),
      turn(person({ locale }), { kind: "text", text: "je dors dehors ce soir" }),
    ]);
    let frontier = starts;
    for (let depth = 0; depth < 5 && frontier.length > 0; depth++) {
      const next: ReturnType<typeof handle>[] = [];
      for (const r of frontier) {
        for (const button of r.replies.flatMap((reply) => reply.buttons ?? [])) {
          const key = `${r.state.locale}|${r.state.cursor.at}|${button.action}`;
          if (seen.has(key)) continue;
          seen.add(key);
          expect(parseAction(button.action), button.action).not.toBeNull();
          if (!button.action.startsWith("delete:")) next.push(press(r.state, button.action));
        }
      }
      frontier = next;
    }
    expect(seen.size).toBeGreaterThan(200);
  });

  it("should refuse anything else: free text, unknown enums, ids of another shape, extra arguments", () => {
    for (const forged of [
      "alert:flood",
      "alert:Cliquez ici pour vous reconnecter",
      "alert:suicide:now",
      "topic:../admin",
      "topic:Rights",
      "step:",
      "delete:yes:please",
      "lang:de",
      "year:1850",
      "month:13",
      "status:ministre",
      "dept:75",
      "roadmap:page:-2",
      "roadmap:remind:maybe",
      "link:yes:ABCD2345",
      "privacy:maybe",
      "contact:send:x",
      "ack:123",
      "",
      "menu:",
      `topic:${"a".repeat(70)}`,
    ]) {
      expect(parseAction(forged), forged).toBeNull();
    }
    expect(parseAction("alert:shelter")).toEqual(["alert", "shelter"]);
    expect(parseAction("roadmap:open:cjm-ask")).toEqual(["roadmap", "open", "cjm-ask"]);
  });

  it("should treat alert, delete, unlink and send-to-référent as sensitive", () => {
    expect(["alert:shelter", "delete:yes", "link:unlink_yes", "contact:send"].every(isSensitive)).toBe(true);
    expect(["menu", "delete", "contact", "link:unlink", "topic:housing"].some(isSensitive)).toBe(false);
  });
});

describe("sensitive actions", () => {
  it("should raise no alert for an action the engine did not offer, and say so plainly", () => {
    const r = press(person(), "alert:suicide");
    expect(alerts(r)).toEqual([]);
    expect(r.replies[0]!.text).toBe("Ce bouton n'est plus valable.");
    expect(r.replies[1]!.buttons?.some((b) => b.action === "roadmap")).toBe(true);
  });

  it("should accept an offered alert once, with the engine's own category as subject", () => {
    const offered = turn(person(), { kind: "text", text: "je dors dehors ce soir" });
    expect(offered.state.offers?.map((o) => o.action)).toEqual(["alert:shelter"]);
    const first = press(offered.state, "alert:shelter", new Date(NOW.getTime() + MINUTE));
    expect(alerts(first)).toEqual([{ type: "raiseAlert", kind: "crisis", severity: "high", subject: "shelter" }]);
    const again = press(first.state, "alert:shelter", new Date(NOW.getTime() + 2 * MINUTE));
    expect(alerts(again)).toEqual([]);
    expect(again.replies[0]!.text).toBe("Ce bouton n'est plus valable.");
  });

  it("should keep a crisis offer through other turns for an hour, not longer", () => {
    const offered = turn(person(), { kind: "text", text: "je dors dehors ce soir" });
    const browsed = press(press(offered.state, "menu").state, "topic:housing").state;
    expect(alerts(press(browsed, "alert:shelter", new Date(NOW.getTime() + 59 * MINUTE)))).toHaveLength(1);
    expect(alerts(press(browsed, "alert:shelter", new Date(NOW.getTime() + 61 * MINUTE)))).toEqual([]);
  });

  it("should accept a confirmation only right after it was asked", () => {
    expect(press(person(), "delete:yes").effects).toEqual([]);
    const asked = press(person(), "delete");
    expect(press(asked.state, "delete:yes").effects).toEqual([{ type: "deleteMyData" }]);
    expect(press(press(asked.state, "menu").state, "delete:yes").effects).toEqual([]);

    expect(press(person(), "link:unlink_yes").effects).toEqual([]);
    const unlink = press(person(), "link:unlink");
    expect(press(unlink.state, "link:unlink_yes").effects).toContainEqual({ type: "unlinkReferents" });

    expect(alerts(press(person(), "contact:send"))).toEqual([]);
    const contact = press(person(), "contact");
    expect(alerts(press(contact.state, "contact:send"))).toHaveLength(1);
  });
});

describe("who may raise alerts, how often", () => {
  it("should raise none for someone still on the first screens, crisis numbers shown all the same", () => {
    const fresh = person({
      cursor: { at: "onboarding", stage: "language" },
      consentAt: undefined,
      hasReferent: false,
      profile: {},
    });
    const severe = handle(fresh, { kind: "text", text: "je veux mourir" }, content, NOW, { crisisAutoAlert: true });
    expect(alerts(severe)).toEqual([]);
    expect(severe.replies[0]!.text).toContain("3114");
    expect(alerts(press(fresh, "contact"))).toEqual([]);
    expect(press(fresh, "contact").replies[0]!.text).toContain("choisis d'abord ta langue");
    // Once past the privacy screen (accepted or not), or linked, they may.
    const skipped = press(press(fresh, "lang:fr").state, "privacy:skip").state;
    expect(
      alerts(handle(skipped, { kind: "text", text: "je veux mourir" }, content, NOW, { crisisAutoAlert: true })),
    ).toHaveLength(1);
  });

  it("should cap alerts per person per hour, whatever asks for them, then again after the hour", () => {
    let state = person();
    let raised = 0;
    for (let i = 0; i < 10; i++) {
      const r = handle(state, { kind: "text", text: "je veux mourir" }, content, new Date(NOW.getTime() + i * MINUTE), {
        crisisAutoAlert: true,
        alertsPerHour: 3,
      });
      raised += alerts(r).length;
      if (i >= 3) {
        expect(r.replies[0]!.text).toContain("3114");
        expect(r.replies[0]!.text).toContain("déjà reçu ta demande");
      }
      state = r.state;
    }
    expect(raised).toBe(3);
    const contact = press(
      press(state, "contact", new Date(NOW.getTime() + 20 * MINUTE)).state,
      "contact:send",
      new Date(NOW.getTime() + 20 * MINUTE),
    );
    expect(alerts(contact)).toEqual([]);
    const later = handle(
      state,
      { kind: "text", text: "je veux mourir" },
      content,
      new Date(NOW.getTime() + 63 * MINUTE),
      { crisisAutoAlert: true, alertsPerHour: 3 },
    );
    expect(alerts(later)).toHaveLength(1);
  });
});
