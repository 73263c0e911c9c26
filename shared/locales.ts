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
