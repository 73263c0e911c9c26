import { describe, expect, it } from "vitest";
import { localeOfAcceptLanguage, localeOfLanguageTag } from "../../shared/locales.ts";

describe("localeOfLanguageTag", () => {
  it("should read Persian as Dari and keep the five languages Passerelle speaks", () => {
    expect(["fa", "fa-IR", "prs", "ps-AF", "ar-MA", "en-GB", "fr-FR", "FR"].map(localeOfLanguageTag)).toEqual([
      "prs",
      "prs",
      "prs",
      "ps",
      "ar",
      "en",
      "fr",
      "fr",
    ]);
    expect(localeOfLanguageTag("es")).toBeUndefined();
    expect(localeOfLanguageTag(undefined)).toBeUndefined();
  });
});

describe("localeOfAcceptLanguage", () => {
  it("should take the most preferred language Passerelle speaks", () => {
    expect(localeOfAcceptLanguage("ar-MA,ar;q=0.9,fr;q=0.8")).toBe("ar");
    expect(localeOfAcceptLanguage("es-ES,es;q=0.9,fa;q=0.8,fr;q=0.7")).toBe("prs");
    expect(localeOfAcceptLanguage("fr;q=0.5, ps;q=0.9")).toBe("ps");
    expect(localeOfAcceptLanguage("de, en;q=0")).toBeUndefined();
    expect(localeOfAcceptLanguage("")).toBeUndefined();
    expect(localeOfAcceptLanguage("*")).toBeUndefined();
  });
});
