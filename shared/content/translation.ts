import { LOCALES, type Locale } from "../locales.ts";

/**
 * Translation status of one content item, per locale. Pure. An item is "missing" in a locale
 * when one of its texts has no translation there, "outdated" when its French text was edited
 * after the last edit in that locale (per-locale times come from the revision history).
 */
export type TranslationStatus = "complete" | "missing" | "outdated";
export type LocaleTimes = Partial<Record<Locale, number>>;

/** The item's localised texts (objects with a `fr` string), by field name; keywords excluded. */
export function localizedFields(item: unknown): Record<string, Partial<Record<Locale, string>>> {
  const fields: Record<string, Partial<Record<Locale, string>>> = {};
  if (!item || typeof item !== "object") return fields;
  for (const [key, value] of Object.entries(item as Record<string, unknown>)) {
    if (key === "keywords" || !value || typeof value !== "object" || Array.isArray(value)) continue;
    if (typeof (value as Record<string, unknown>).fr === "string")
      fields[key] = value as Partial<Record<Locale, string>>;
  }
  return fields;
}

export function translationStatus(item: unknown, times: LocaleTimes, locale: Locale): TranslationStatus {
  if (locale === "fr") return "complete";
  const fields = Object.values(localizedFields(item));
  if (fields.some((field) => !field[locale])) return "missing";
  return (times.fr ?? 0) > (times[locale] ?? 0) ? "outdated" : "complete";
}

export function translationStatuses(item: unknown, times: LocaleTimes): Record<Locale, TranslationStatus> {
  return Object.fromEntries(LOCALES.map((l) => [l, translationStatus(item, times, l)])) as Record<
    Locale,
    TranslationStatus
  >;
}

/** Paths whose change counts as editing a locale's text (keywords do not make a translation stale). */
export function nextLocaleTimes(previous: LocaleTimes, changedPaths: string[], at: number): LocaleTimes {
  const next: LocaleTimes = { ...previous };
  for (const path of changedPaths) {
    const segments = path.split(".");
    if (segments[0] === "keywords") continue;
    const locale = segments.find((s): s is Locale => (LOCALES as readonly string[]).includes(s));
    if (locale) next[locale] = at;
  }
  return next;
}
