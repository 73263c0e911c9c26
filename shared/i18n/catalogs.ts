import type { Locale } from "../locales.ts";
import { ar } from "./ar.ts";
import { en } from "./en.ts";
import { fr, type Messages } from "./fr.ts";
import { prs } from "./prs.ts";
import { ps } from "./ps.ts";

/**
 * The hand-written catalogs, one file per locale (the source of truth). Workers do not import
 * this: they read catalog-data.ts, the same catalogs as JSON text that `npm run generate`
 * writes from here, because V8 compiles and evaluates five object literals of ~2 000 strings
 * at every start-up but scans one string literal per locale almost for free.
 */
export const CATALOGS: Record<Locale, Messages> = { fr, en, ar, ps, prs };

/** Each catalog as the JSON text catalog-data.ts holds. */
export function catalogJson(): Record<Locale, string> {
  const entries = Object.entries(CATALOGS).map(([locale, messages]) => [locale, JSON.stringify(messages)]);
  return Object.fromEntries(entries) as Record<Locale, string>;
}
