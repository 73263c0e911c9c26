import type { Locale } from "../locales.ts";
import { ar } from "./ar.ts";
import { en } from "./en.ts";
import { fr, type MessageKey, type Messages } from "./fr.ts";
import { prs } from "./prs.ts";
import { ps } from "./ps.ts";

export type { MessageKey, Messages };

const catalogs: Record<Locale, Messages> = { fr, en, ar, ps, prs };

/** The string for `key` in `locale`, falling back to French, with `{name}` placeholders filled. */
export function t(locale: Locale, key: MessageKey, vars?: Record<string, string | number>): string {
  const template = catalogs[locale][key] ?? fr[key];
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
}
