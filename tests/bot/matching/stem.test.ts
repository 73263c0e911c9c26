import { describe, expect, it } from "vitest";
import { arabicVariants, dariVariants, looksArabic, looksDari, stem } from "../../../bot/matching/stem.ts";
import { normalize } from "../../../shared/text/normalize.ts";

const stemOf = (word: string) => stem(normalize(word));

describe("stem (Arabic script)", () => {
  it("should strip the article and glued prefixes so that the forms of a word meet", () => {
    expect(stemOf("والإقامة")).toBe(stemOf("إقامة"));
    // A lone glued "و" is only a variant (arabicVariants): the matcher keeps it if the content has the rest.
    expect(arabicVariants(normalize("واقامة"))).toContain(stemOf("إقامة"));
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

describe("Arabic clitics", () => {
  const variantsOf = (word: string) => arabicVariants(normalize(word));

  it("should keep the first letter of a Pashto or Dari word that starts like an Arabic prefix", () => {
    expect(stemOf("بیړني")).toBe(normalize("بیړني"));
    expect(stemOf("بیړنۍ")).toBe(stemOf("بیړني"));
    expect(stemOf("فرانسه")[0]).toBe("ف");
    expect(stemOf("لارښوونه")[0]).toBe("ل");
  });

  it("should strip a conjunction glued before the article as the article itself", () => {
    expect(stemOf("وللإقامة")).toBe(stemOf("إقامة"));
    expect(stemOf("وبالبطاقة")).toBe(stemOf("بطاقة"));
  });

  it("should offer the word without its glued conjunction, preposition or pronoun as a variant", () => {
    expect(variantsOf("ولجوء")).toContain(stemOf("لجوء"));
    expect(variantsOf("أوراقي")).toContain(stemOf("أوراق"));
    expect(variantsOf("رفضوا")).toContain(stemOf("رفض"));
    expect(variantsOf("نسكن")).toContain(stemOf("سكن"));
  });

  it("should read the ta marbuta written before a pronoun", () => {
    expect(variantsOf("إقامتي")).toContain(stemOf("إقامة"));
  });

  it("should not take the article's alef for a verb prefix", () => {
    expect(variantsOf("السنة")).not.toContain("لسن");
  });

  it("should tell Arabic text from Dari and Pashto text", () => {
    expect(looksArabic("كيف أحصل على الإقامة")).toBe(true);
    expect(looksArabic("کارت اقامت چطور بگیرم")).toBe(false);
    expect(looksArabic("بیړني مرسته غواړم")).toBe(false);
    expect(looksArabic("titre de séjour")).toBe(false);
  });
});

describe("Dari possessives", () => {
  it("should offer the noun without its possessive or indefinite ending as a variant", () => {
    expect(dariVariants(normalize("پولم"))).toContain(stemOf("پول"));
    expect(dariVariants(normalize("مدارکت"))).toContain(stemOf("مدارک"));
    expect(dariVariants(normalize("خانه‌ام"))).toContain(stemOf("خانه"));
  });

  it("should tell Dari text from Pashto text", () => {
    expect(looksDari("کارت اقامت چطور بگیرم")).toBe(true);
    expect(looksDari("بیړني مرسته غواړم")).toBe(false);
  });
});
