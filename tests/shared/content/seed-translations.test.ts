import { describe, expect, it } from "vitest";
import type { Locale } from "../../../shared/locales.ts";
import { seedBundle, seedRoadmapRules } from "../../../shared/content/seed/index.ts";
import { localizedFields, translationStatus } from "../../../shared/content/translation.ts";

/**
 * Arabic, Pashto and Dari are read mostly by unaccompanied minors: a text left in French there is
 * one they cannot read. The product shows French (with a note) when a locale is missing, and
 * plain French with no note when the "translation" is a copy of it, so both count as untranslated.
 */
const LOCALES = ["ar", "ps", "prs"] as const satisfies readonly Locale[];

type Entry = { ref: string; fields: ReturnType<typeof localizedFields> };

const entries: Entry[] = [
  ...seedBundle.topics.map((item) => ({ ref: `topic:${item.id}`, fields: localizedFields(item) })),
  ...seedBundle.steps.map((item) => ({ ref: `step:${item.id}`, fields: localizedFields(item) })),
  ...seedBundle.faqs.map((item) => ({ ref: `faq:${item.id}`, fields: localizedFields(item) })),
  ...seedBundle.resources.map((item) => ({ ref: `resource:${item.id}`, fields: localizedFields(item) })),
  ...seedRoadmapRules.steps.map((item) => ({ ref: `roadmap:${item.id}`, fields: localizedFields(item) })),
];

/** A proper name may stay as it is ("La Cimade", "Restos du Cœur", "1jeune1solution"): no lowercase common word, no sentence. */
const CONNECTORS = new Set(["de", "du", "des", "la", "le", "les", "et", "d'", "l'", "–", "-"]);
function isProperName(french: string): boolean {
  if (/[.?!:]\s*$/.test(french)) return false;
  return french
    .split(/\s+/)
    .every((word) => CONNECTORS.has(word) || /^[\p{Lu}\p{N}]/u.test(word) || /^[dl]'\p{Lu}/u.test(word));
}

/** What must come through unchanged: phone numbers, amounts and years (3+ digits), URLs, e-mail addresses. */
function fixedTokens(text: string): string[] {
  const urls =
    text.match(/\bhttps?:\/\/\S+|\b[\w.-]+@[\w-]+\.[\w.]+|\b[\w-]+(\.[\w-]+)*\.(fr|org|gouv\.fr|com|info)\b/g) ?? [];
  const numbers = text.replace(/(\d) (\d)/g, "$1$2").match(/\d{3,}/g) ?? [];
  return [...urls.map((url) => url.replace(/[.,;:)]+$/, "")), ...numbers].sort();
}

/** The roadmap's {placeholders}, filled in by the product. */
function placeholders(text: string): string[] {
  return text.match(/\{\w+\}/g) ?? [];
}

/** Texts of one locale that still show French: missing, a copy of the French, or no Arabic-script letter. */
function untranslated(locale: (typeof LOCALES)[number], checked: Entry[] = entries): string[] {
  const found: string[] = [];
  for (const entry of checked) {
    for (const [name, text] of Object.entries(entry.fields)) {
      const value = text[locale];
      const french = text.fr ?? "";
      if (!value) found.push(`${entry.ref} ${name}: missing`);
      else if (isProperName(french)) continue;
      else if (value.trim() === french.trim()) found.push(`${entry.ref} ${name}: same as French`);
      else if (!/[\u0600-\u06ff]/.test(value)) found.push(`${entry.ref} ${name}: no Arabic-script text`);
    }
  }
  return found;
}

describe("seed content in Arabic, Pashto and Dari", () => {
  it("should find every kind of item to check", () => {
    expect(new Set(entries.map((e) => e.ref.split(":")[0]))).toEqual(
      new Set(["topic", "step", "faq", "resource", "roadmap"]),
    );
    expect(entries.length).toBeGreaterThan(100);
  });

  it("should tell a name from a sentence", () => {
    expect(isProperName("La Cimade")).toBe(true);
    expect(isProperName("Restos du Cœur")).toBe(true);
    expect(isProperName("115 – Samu social")).toBe(false);
    expect(isProperName("Tu as besoin d'aide ?")).toBe(false);
    expect(isProperName("Appelle le 115.")).toBe(false);
  });

  for (const locale of LOCALES) {
    it(`should show no French body in ${locale}`, () => {
      expect(untranslated(locale)).toEqual([]);
    });

    it(`should count every ${locale} item complete for the admin's translation status`, () => {
      const incomplete = entries.filter((e) => translationStatus(e.fields, {}, locale) === "missing");
      expect(incomplete.map((e) => e.ref)).toEqual([]);
    });

    it(`should keep phone numbers, amounts, years, addresses and {placeholders} exactly in ${locale}`, () => {
      const changed: string[] = [];
      for (const entry of entries) {
        for (const [name, text] of Object.entries(entry.fields)) {
          const value = text[locale];
          if (!value) continue;
          const missing = [...fixedTokens(text.fr ?? ""), ...placeholders(text.fr ?? "")].filter(
            (token) => ![...fixedTokens(value), ...placeholders(value)].includes(token),
          );
          if (missing.length) changed.push(`${entry.ref} ${name}: ${missing.join(", ")}`);
        }
      }
      expect(changed).toEqual([]);
    });
  }

  it("should flag a missing text, a copy of the French and a French text with a few words changed", () => {
    const fields = {
      title: { fr: "Ton titre de séjour", en: "Your permit", ps: "Ton titre de séjour" },
      body: { fr: "Appelle le 115.", en: "Call 115.", ps: "Appelle vite le 115.", prs: "به 115 زنگ بزن." },
    };
    const probe: Entry[] = [{ ref: "step:probe", fields }];
    expect(untranslated("ar", probe)).toEqual(["step:probe title: missing", "step:probe body: missing"]);
    expect(untranslated("ps", probe)).toEqual([
      "step:probe title: same as French",
      "step:probe body: no Arabic-script text",
    ]);
    expect(untranslated("prs", probe)).toEqual(["step:probe title: missing"]);
  });
});
