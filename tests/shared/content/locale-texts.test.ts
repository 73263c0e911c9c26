import { describe, expect, it } from "vitest";
import {
  faqSchema,
  localizedTextSchema,
  resourceSchema,
  stepSchema,
  topicSchema,
} from "../../../shared/content/model.ts";
import {
  deferLocales,
  LOCALIZED_FIELDS,
  mergeLocale,
  splitLocales,
  TRANSLATED,
  withLocale,
} from "../../../shared/content/locale-texts.ts";
import { letterSchema } from "../../../shared/letters/model.ts";
import { LOCALES } from "../../../shared/locales.ts";
import { PUBLICATION_PARTS } from "../../../shared/db/schema.ts";
import { seedBundle } from "../../../shared/content/seed/index.ts";

/** The published snapshot in French, each other locale's texts apart, put back when a turn needs them. */

/** Every object of the bundle holding a French text, wherever it is. */
function textsAnywhere(node: unknown, found: object[] = []): object[] {
  if (Array.isArray(node)) for (const child of node) textsAnywhere(child, found);
  else if (typeof node === "object" && node !== null) {
    if (typeof (node as { fr?: unknown }).fr === "string") found.push(node);
    else for (const value of Object.values(node)) textsAnywhere(value, found);
  }
  return found;
}

describe("translations kept apart", () => {
  it("should give the bundle back exactly, key order included, once every locale is put back", () => {
    const { french, texts } = splitLocales(seedBundle);
    for (const locale of TRANSLATED) expect(mergeLocale(french, locale, texts[locale])).toBe(true);
    expect(JSON.stringify(french)).toBe(JSON.stringify(seedBundle));
  });

  it("should leave no translation in the French part, and every one in its locale's list", () => {
    const { french, texts } = splitLocales(seedBundle);
    const all = textsAnywhere(french);
    expect(all.length).toBeGreaterThan(300);
    for (const text of all) expect(Object.keys(text)).toEqual(["fr"]);
    for (const locale of TRANSLATED) {
      expect(texts[locale]).toHaveLength(all.length);
      expect(texts[locale].filter((t) => t !== null).length).toBeGreaterThan(0.9 * all.length);
    }
    expect(JSON.stringify(french).length).toBeLessThan(0.55 * JSON.stringify(seedBundle).length);
  });

  it("should list every localized field of the model, so that none stays whole in the French part", () => {
    const localized = (shape: Record<string, unknown>) =>
      Object.keys(shape).filter((field) => {
        const schema = shape[field] as { _zod: { def: { innerType?: unknown } } };
        return schema === localizedTextSchema() || schema._zod.def.innerType === localizedTextSchema();
      });
    expect(LOCALIZED_FIELDS).toEqual({
      topics: localized(topicSchema().shape),
      steps: localized(stepSchema().shape),
      resources: localized(resourceSchema().shape),
      faqs: localized(faqSchema().shape),
      letters: localized(letterSchema().shape),
    });
    // And the seed has no localized text anywhere else.
    expect(textsAnywhere(splitLocales(seedBundle).french).length).toBe(textsAnywhere(seedBundle).length);
  });

  it("should store one part per locale but French", () => {
    expect(PUBLICATION_PARTS.filter((p) => p.startsWith("texts."))).toEqual(TRANSLATED.map((l) => `texts.${l}`));
    expect([...TRANSLATED]).toEqual(LOCALES.filter((l) => l !== "fr"));
  });

  it("should put a deferred locale in on its first use only, and refuse texts that do not fit", () => {
    const { french, texts } = splitLocales(seedBundle);
    deferLocales(french, { ar: JSON.stringify(texts.ar), en: JSON.stringify(texts.en.slice(1)) });
    expect(french.topics[0]!.title.ar).toBeUndefined();
    expect(withLocale(french, "fr")).toBe(false);
    expect(withLocale(french, "ar")).toBe(true);
    expect(french.topics[0]!.title.ar).toBe(seedBundle.topics[0]!.title.ar);
    expect(withLocale(french, "ar")).toBe(false);
    expect(withLocale(french, "ps")).toBe(false); // nothing stored apart: nothing to put in
    expect(() => withLocale(french, "en")).toThrow(/do not fit/);
    expect(french.topics[0]!.title.en).toBeUndefined();
  });
});
