import { describe, expect, it } from "vitest";
import { CATALOGS as catalogs } from "../../../shared/i18n/catalogs.ts";
import { fr, type MessageKey } from "../../../shared/i18n/fr.ts";

const keys = Object.keys(fr) as MessageKey[];
const crisisKeys = keys.filter((k) => k.startsWith("crisis"));
/** Keys a young person meets before any content: they must exist in every language. */
const CORE = [
  "welcome",
  "chooseLanguage",
  "privacyNotice",
  "privacyWarning",
  "askBirthYear",
  "askStatus",
  "askDept",
  "menuIntro",
  "back",
  "menu",
  "contactReferent",
  "myData",
  "notUnderstood",
  "contactAsk",
  "contactSent",
  "dataSummary",
  "deleteConfirm",
  "deleted",
  "slowDown",
  "emergencyLine",
] as const;

describe("interface strings", () => {
  it("should have crisis keys to check", () => {
    expect(crisisKeys.length).toBeGreaterThanOrEqual(10);
  });

  for (const [locale, catalog] of Object.entries(catalogs)) {
    it(`should give every crisis text in ${locale}, not a French fallback`, () => {
      expect(crisisKeys.filter((k) => !catalog[k])).toEqual([]);
    });

    it(`should give the onboarding, menu, contact and data texts in ${locale}`, () => {
      expect(CORE.filter((k) => !catalog[k])).toEqual([]);
    });

    it(`should give every interface text in ${locale}, none left to the French fallback`, () => {
      expect(keys.filter((k) => !catalog[k])).toEqual([]);
    });

    it(`should keep the same {placeholders} as French in ${locale}`, () => {
      for (const key of keys) {
        const text = catalog[key];
        if (!text) continue;
        const vars = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
        expect(vars(text), key).toEqual(vars(fr[key]));
      }
    });
  }

  it("should write crisis phone numbers with Latin digits in every language", () => {
    for (const catalog of Object.values(catalogs)) {
      for (const key of crisisKeys) expect(catalog[key] ?? "").not.toMatch(/[\u0660-\u0669\u06f0-\u06f9]/);
    }
  });

  it("should give the same emergency numbers in every language", () => {
    const numbers = (s: string) =>
      [...s.matchAll(/\b(3114|119|115|112|114|17|15|3919|0 800 235 236)\b/g)].map((m) => m[1]).sort();
    for (const [locale, catalog] of Object.entries(catalogs)) {
      // The "slow down" answer to someone writing fast and every page's header keep the emergency numbers in reach.
      for (const key of [...crisisKeys, "slowDown" as const, "emergencyLine" as const])
        expect(numbers(catalog[key] ?? ""), `${locale}.${key}`).toEqual(numbers(fr[key]));
    }
  });
});
