import * as z from "zod/mini";

/** Supported locales. `prs` is Dari (ISO 639-3), written right to left like ar and ps. */
export const LOCALES = ["fr", "en", "ar", "ps", "prs"] as const;
export const localeSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof localeSchema>;

export const DEFAULT_LOCALE: Locale = "fr";
const RTL: ReadonlySet<Locale> = new Set<Locale>(["ar", "ps", "prs"]);

export function isRtl(locale: Locale): boolean {
  return RTL.has(locale);
}

/** Names shown on the language picker, each in its own language. */
export const LOCALE_NAMES: Record<Locale, string> = {
  fr: "Français",
  en: "English",
  ar: "العربية",
  ps: "پښتو",
  prs: "دری",
};

export function toLocale(value: unknown): Locale {
  const parsed = localeSchema.safeParse(value);
  return parsed.success ? parsed.data : DEFAULT_LOCALE;
}

/**
 * The locale of a language tag ("fa-IR", "ps", "ar-MA"): Persian is read as Dari, the Persian
 * of Afghanistan. Undefined for languages Passerelle does not speak.
 */
export function localeOfLanguageTag(tag: string | undefined): Locale | undefined {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  if (primary === "fa" || primary === "prs") return "prs";
  return primary === "ps" || primary === "ar" || primary === "en" || primary === "fr" ? primary : undefined;
}

/** The preferred locale of an `Accept-Language` header (highest q first, ties in order), if any is spoken. */
export function localeOfAcceptLanguage(header: string | undefined): Locale | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(",")
    .slice(0, 20)
    .map((part, i) => {
      const [tag = "", ...params] = part.split(";");
      const q = Number(params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined) ?? 1);
      return { locale: localeOfLanguageTag(tag), q: Number.isFinite(q) ? q : 0, i };
    });
  const best = ranked.filter((r) => r.locale && r.q > 0).sort((a, b) => b.q - a.q || a.i - b.i)[0];
  return best?.locale;
}
