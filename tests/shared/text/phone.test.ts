import { describe, expect, it } from "vitest";
import { dialable } from "../../../shared/text/phone.ts";

describe("dialable phone numbers (Telegram and WhatsApp link the international form)", () => {
  it.each([
    ["📞 02 28 21 44 40", "📞 +33 2 28 21 44 40"],
    ["Fil Santé Jeunes : 0 800 235 236, gratuit", "Fil Santé Jeunes : +33 800 235 236, gratuit"],
    ["06.12.34.56.78", "+33 6 12 34 56 78"],
    ["0612345678.", "+33 6 12 34 56 78."],
    ["Fil Santé Jeunes: 0 800 235 236، مجاني", "Fil Santé Jeunes: +33 800 235 236، مجاني"],
  ])("should write %s in international form", (text, expected) => {
    expect(dialable(text)).toBe(expected);
  });

  it.each([
    "Appelle le 112, le 115, le 119 ou le 3114.",
    "+33 6 12 34 56 78",
    "le 01/02/2026 à 10:30",
    "🔗 https://www.example.fr/page/0612345678",
    "www.example.fr/0228214440",
    "référence 10612345678",
    "entre 0 et 100",
  ])("should leave %s as it is", (text) => {
    expect(dialable(text)).toBe(text);
  });

  it("should convert the numbers around a link, not in it", () => {
    expect(dialable("02 28 21 44 40 https://x.fr/0228214440 06 12 34 56 78")).toBe(
      "+33 2 28 21 44 40 https://x.fr/0228214440 +33 6 12 34 56 78",
    );
  });
});
