import { describe, expect, it } from "vitest";
import { stem } from "../../../bot/matching/stem.ts";
import { normalize } from "../../../shared/text/normalize.ts";

const stemOf = (word: string) => stem(normalize(word));

describe("stem (Arabic script)", () => {
  it("should strip the article and glued prefixes so that the forms of a word meet", () => {
    expect(stemOf("والإقامة")).toBe(stemOf("إقامة"));
    expect(stemOf("واقامة")).toBe(stemOf("إقامة"));
    expect(stemOf("الإقامة")).toBe(stemOf("إقامة"));
  });

  it("should not strip a first letter from a short word", () => {
    expect(stemOf("بنك")).toBe("بنک");
  });

  it("should fold Persian and Pashto plurals onto the singular", () => {
    expect(stemOf("خانه‌ها")).toBe(stemOf("خانه"));
    expect(stemOf("کورونه")).toBe(stemOf("کور"));
  });

  it("should fold a Persian noun in گی onto its adjective in ه", () => {
    expect(stemOf("افسردگی")).toBe(stemOf("افسرده"));
    expect(stemOf("زندگی")).toBe(stemOf("زنده"));
  });
});
