import type { Locale } from "../locales.ts";
import { CATALOG_JSON } from "./catalog-data.ts";
import type { MessageKey, Messages } from "./fr.ts";

export type { MessageKey, Messages };
type French = Readonly<Record<MessageKey, string>>;

// Parsed on first use, one locale at a time: a turn needs its own locale and French.
const parsed: Partial<Record<Locale, Messages>> = {};

function catalog(locale: Locale): Messages {
  return (parsed[locale] ??= JSON.parse(CATALOG_JSON[locale]) as Messages);
}

/** The string for `key` in `locale`, falling back to French, with `{name}` placeholders filled. */
export function t(locale: Locale, key: MessageKey, vars?: Record<string, string | number>): string {
  // catalog-data.ts is fr.ts as JSON (tests/shared/i18n/index.test.ts): every key is there.
  return translate(catalog(locale), catalog("fr") as French, key, vars);
}

/** `key` in `messages`, else in `french`, with `{name}` placeholders filled (unknown ones left as written). */
export function translate(
  messages: Messages,
  french: French,
  key: MessageKey,
  vars?: Record<string, string | number>,
): string {
  const template = messages[key] ?? french[key];
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
}
