import { describe, expect, it } from "vitest";
import { splitOnWords } from "../../../shared/text/split.ts";

describe("splitOnWords", () => {
  it("should keep a short text whole, and an empty text as one empty piece", () => {
    expect(splitOnWords("bonjour", 10)).toEqual(["bonjour"]);
    expect(splitOnWords("", 10)).toEqual([""]);
  });

  it("should cut after the last space, so words stay whole", () => {
    expect(splitOnWords("un deux trois quatre", 9)).toEqual(["un deux ", "trois ", "quatre"]);
  });

  it("should prefer a line break to a space", () => {
    expect(splitOnWords("ab cd\nef gh ij", 10)).toEqual(["ab cd\n", "ef gh ij"]);
  });

  it("should lose no character and send no empty piece for a 9 000-character line", () => {
    const text = "y".repeat(9000);
    const pieces = splitOnWords(text, 4000);
    expect(pieces.map((p) => p.length)).toEqual([4000, 4000, 1000]);
    expect(pieces.join("")).toBe(text);
  });

  it("should give back the text exactly for mixed paragraphs, each piece within the limit", () => {
    const text = Array.from({ length: 120 }, (_, i) =>
      i % 7 === 0 ? "z".repeat(700) : `ligne ${i} avec des mots`,
    ).join("\n");
    const pieces = splitOnWords(text, 1024);
    expect(pieces.join("")).toBe(text);
    for (const piece of pieces) {
      expect(piece.length).toBeGreaterThan(0);
      expect(piece.length).toBeLessThanOrEqual(1024);
    }
  });

  it("should not cut an emoji in two", () => {
    const text = "a".repeat(9) + "😀" + "b";
    const pieces = splitOnWords(text, 10);
    expect(pieces[0]).toBe("a".repeat(9));
    expect(pieces.join("")).toBe(text);
  });
});
