import { describe, expect, it } from "vitest";
import { DEFINITION_CUES, focusOf } from "../../../bot/matching/definition.ts";
import { normalize } from "../../../shared/text/normalize.ts";

describe("definition questions", () => {
  it("should hold its definition cues already normalised, as the texts they are looked for in", () => {
    for (const cue of [...DEFINITION_CUES.before, ...DEFINITION_CUES.after]) expect(normalize(cue)).toBe(cue);
    expect([...focusOf("رسید چیست")]).toEqual([...focusOf("رسید چيست")]);
    expect(focusOf("رسید چیست").size).toBeGreaterThan(0);
  });

  it("should find what a definition question asks about, after the cue or before it (Persian, Pashto)", () => {
    expect([...focusOf("my permit, what is a recepisse")]).toEqual(["recepis"]);
    expect([...focusOf("c koi un récépissé")]).toEqual(["recepis"]);
    expect(focusOf("رسید چیست").size).toBe(1);
    expect(focusOf("je veux un récépissé").size).toBe(0);
  });
});
