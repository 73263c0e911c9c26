import type { Locale } from "../locales.ts";

/** Times are stored as UTC ms and shown in Europe/Paris. */
const PARIS_DATE = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" });
const PARIS_HOUR = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Paris", hour: "2-digit", hourCycle: "h23" });

/** The calendar date in Paris, "YYYY-MM-DD". */
export function parisDate(now: Date | number): string {
  const parts = Object.fromEntries(PARIS_DATE.formatToParts(now).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** The hour (0–23) in Paris. */
export function parisHour(now: Date | number): number {
  return Number(PARIS_HOUR.formatToParts(now).find((p) => p.type === "hour")?.value ?? 0);
}

/** No reminders between 21:00 and 08:00 in Paris. */
export function isQuietHour(now: Date | number): boolean {
  const hour = parisHour(now);
  return hour >= 21 || hour < 8;
}

/** A calendar date as shown to people: dd/mm/yyyy (French order, also used for other locales). */
export function formatDay(iso: string, _locale: Locale): string {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}
