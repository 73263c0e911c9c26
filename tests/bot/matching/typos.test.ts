import { describe, expect, it } from "vitest";
import { editDistance } from "../../../bot/matching/typos.ts";

describe("typos", () => {
  it("should count a swap of two letters as one edit", () => {
    expect(editDistance("sejour", "sjeour", 2)).toBe(1);
    expect(editDistance("logement", "logment", 2)).toBe(1);
    expect(editDistance("abc", "xyz", 1)).toBe(2);
  });
});
