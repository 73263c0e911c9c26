import { pick, type LocalizedText } from "../content/model.ts";
import type { Locale } from "../locales.ts";
import type { DeptSettings } from "./rules.ts";

/** A rule text in `locale` (French fallback) with `{ageLimit}` filled from the département's data. */
export function ruleText(value: LocalizedText, locale: Locale, settings: DeptSettings): { text: string; fallback: boolean } {
  const picked = pick(value, locale);
  return { text: picked.text.replace(/\{ageLimit\}/g, String(settings.cjmAgeLimit)), fallback: picked.fallback };
}
