import { describe, expect, it } from "vitest";
import { diffFields, diffLines } from "../../../shared/content/diff.ts";
import { nextLocaleTimes, translationStatus } from "../../../shared/content/translation.ts";

describe("content diff", () => {
  it("should list only the fields that changed, by path", () => {
    const before = { id: "a", title: { fr: "Avant", en: "Before" }, keywords: { fr: ["x", "y"] } };
    const after = { id: "a", title: { fr: "Après", en: "Before" }, keywords: { fr: ["x"] }, url: "https://e.org" };
    expect(diffFields(before, after)).toEqual([
      { path: "keywords.fr", before: "x, y", after: "x" },
      { path: "title.fr", before: "Avant", after: "Après" },
      { path: "url", before: undefined, after: "https://e.org" },
    ]);
    expect(diffFields(before, structuredClone(before))).toEqual([]);
  });

  it("should diff long texts line by line", () => {
    expect(diffLines("a\nb\nc", "a\nB\nc")).toEqual([
      { op: "same", line: "a" },
      { op: "del", line: "b" },
      { op: "add", line: "B" },
      { op: "same", line: "c" },
    ]);
  });
});

describe("translation status", () => {
  const item = { title: { fr: "T", en: "T" }, body: { fr: "B", en: "B", ps: "P" }, keywords: { fr: ["k"] } };

  it("should say missing when one text has no translation", () => {
    expect(translationStatus(item, {}, "ps")).toBe("missing");
  });

  it("should say outdated when French was edited after the translation, not for keyword edits", () => {
    const times = nextLocaleTimes(nextLocaleTimes({}, ["title.fr", "title.en"], 1), ["body.fr"], 2);
    expect(translationStatus(item, times, "en")).toBe("outdated");
    expect(translationStatus(item, nextLocaleTimes(times, ["body.en"], 3), "en")).toBe("complete");
    expect(nextLocaleTimes({ en: 3 }, ["keywords.fr"], 9)).toEqual({ en: 3 });
  });
});
