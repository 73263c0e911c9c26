import { LOCALES, type Locale } from "../locales.ts";
import type { ContentBundle } from "./model.ts";

/**
 * A published bundle with each translation apart, so that an isolate parses French (the
 * structure, and the text every locale falls back to) and only the locales its young people
 * use: a turn needs its own locale and French, ~40 % of the whole JSON for the seed.
 * A locale's texts are a list, in the order of `eachText`: lists, items, then the item's
 * localized fields (LOCALIZED_FIELDS). A field left out of that table keeps every locale in the
 * French part: nothing is lost, it is only not apart (tests/shared/content/locale-texts.test.ts
 * holds the table equal to the model's localized fields).
 */

/** The locales stored apart from the French snapshot. */
export const TRANSLATED = LOCALES.filter((l): l is Exclude<Locale, "fr"> => l !== "fr");
export type Translated = (typeof TRANSLATED)[number];

/** One locale's texts in `eachText` order; null where the text has no translation. */
export type LocaleTexts = (string | null)[];

/** Each list's localized fields (LocalizedText in shared/content/model.ts and shared/letters/model.ts). */
export const LOCALIZED_FIELDS = {
  topics: ["title", "intro"],
  steps: ["title", "body"],
  resources: ["name", "description", "hours"],
  faqs: ["question", "answer"],
  letters: ["title", "explanation"],
} as const satisfies { [K in keyof ContentBundle]-?: readonly string[] };

type Text = Partial<Record<Locale, string>>;

/** Calls `visit` on every localized text of the bundle, in the stored lists' order. */
function eachText(bundle: ContentBundle, visit: (text: Text) => void): void {
  for (const list of Object.keys(LOCALIZED_FIELDS) as (keyof typeof LOCALIZED_FIELDS)[]) {
    const fields = LOCALIZED_FIELDS[list];
    for (const item of (bundle[list] ?? []) as Record<string, unknown>[])
      for (const field of fields) {
        const text = item[field] as Text | undefined;
        if (text) visit(text);
      }
  }
}

/** The bundle with French texts only (a copy), and each other locale's texts in `eachText` order. */
export function splitLocales(bundle: ContentBundle): {
  french: ContentBundle;
  texts: Record<Translated, LocaleTexts>;
} {
  const french = structuredClone(bundle);
  const texts = Object.fromEntries(TRANSLATED.map((l) => [l, [] as LocaleTexts])) as Record<Translated, LocaleTexts>;
  eachText(french, (text) => {
    for (const locale of TRANSLATED) {
      texts[locale].push(text[locale] ?? null);
      delete text[locale];
    }
  });
  return { french, texts };
}

/**
 * Puts a locale's texts back into a French bundle, in place (an isolate's cached snapshot gains
 * the locale). False, and nothing changed, when the list does not fit the bundle's texts.
 */
export function mergeLocale(french: ContentBundle, locale: Translated, texts: LocaleTexts): boolean {
  const found: Text[] = [];
  eachText(french, (text) => found.push(text));
  if (found.length !== texts.length) return false;
  for (let i = 0; i < found.length; i++) {
    const value = texts[i];
    if (typeof value === "string") found[i]![locale] = value;
  }
  return true;
}

/** A snapshot's translations not yet put in: each locale's stored texts (JSON), parsed when a turn needs it. */
const deferred = new WeakMap<object, Partial<Record<Translated, string>>>();

/** Keeps a French snapshot's stored translations for `withLocale` (worker/store/content.ts loadForTurns). */
export function deferLocales(french: ContentBundle, stored: Partial<Record<Translated, string>>): void {
  deferred.set(french, { ...stored });
}

/**
 * Makes sure the snapshot holds `locale`'s texts: puts them in from its deferred translations on
 * first use. True when it just did (the snapshot changed), false when there was nothing to do.
 */
export function withLocale(content: ContentBundle, locale: Locale): boolean {
  const pending = deferred.get(content);
  if (locale === "fr" || !pending) return false;
  const stored = pending[locale];
  if (stored === undefined) return false;
  delete pending[locale];
  if (!mergeLocale(content, locale, JSON.parse(stored) as LocaleTexts))
    throw new Error(`stored ${locale} texts do not fit the snapshot`);
  return true;
}
