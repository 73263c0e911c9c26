import { describe, expect, it } from "vitest";
import { collapseRepeats, normalize } from "../../../shared/text/normalize.ts";

const ASCII = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c));

describe("normalize", () => {
  it("should lower-case, strip accents and turn punctuation into single spaces", () => {
    expect(normalize("  Ça va ?! C'est l'ÉTÉ…  ")).toBe("ca va c est l ete");
    expect(normalize("Récépissé / titre-de-séjour (18 ans)")).toBe("recepisse titre de sejour 18 ans");
  });

  it("should keep letters of every script and drop symbols", () => {
    expect(normalize("ما هو الوصل؟")).toBe("ما هو الوصل");
    expect(normalize("می‌خواهم کار کنم")).toBe("میخواهم کار کنم".replace(/ی/g, "ي"));
    expect(normalize("ሰላም ፡ help 🙏")).toBe("ሰላም help");
    expect(normalize("« logement » – œuvre")).toBe("logement œuvre");
    expect(normalize("٣١١٤")).toBe("3114");
  });

  it("should read ASCII text exactly as the Unicode letter/number class does (its fast path)", () => {
    // After lower-casing, an ASCII character is a letter or number for [^a-z0-9] iff it is for \p{L}\p{N}.
    for (const ch of ASCII.map((c) => c.toLowerCase())) {
      expect(/[^a-z0-9]/.test(ch), `U+${ch.charCodeAt(0).toString(16)}`).toBe(/[^\p{L}\p{N}]/u.test(ch));
    }
    expect(normalize(ASCII.join(""))).toBe("0123456789 abcdefghijklmnopqrstuvwxyz abcdefghijklmnopqrstuvwxyz");
  });
});

describe("collapseRepeats", () => {
  it("should keep one of three or more repeated letters, in any script", () => {
    expect(collapseRepeats("nooooon j en ai marre")).toBe("non j en ai marre");
    expect(collapseRepeats("aide moi 111")).toBe("aide moi 111");
    expect(collapseRepeats("لاااا")).toBe("لا");
    expect(collapseRepeats("too good")).toBe("too good");
  });
});
