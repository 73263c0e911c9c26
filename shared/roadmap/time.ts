import type { Locale } from "../locales.ts";

/**
 * Times are stored as UTC ms and shown in Europe/Paris. The offset follows the EU rule
 * (summer time from the last Sunday of March to the last Sunday of October, 01:00 UTC):
 * computed by hand because an Intl formatter with a time zone costs milliseconds to build
 * in a cold isolate, on the webhook path.
 */
function lastSundayUtc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
}

export function parisOffsetHours(now: Date | number): number {
  const ms = typeof now === "number" ? now : now.getTime();
  const year = new Date(ms).getUTCFullYear();
  return ms >= lastSundayUtc(year, 2) && ms < lastSundayUtc(year, 9) ? 2 : 1;
}

function parisClock(now: Date | number): Date {
  const ms = typeof now === "number" ? now : now.getTime();
  return new Date(ms + parisOffsetHours(ms) * 3_600_000);
}

/** The calendar date in Paris, "YYYY-MM-DD". */
export function parisDate(now: Date | number): string {
  return parisClock(now).toISOString().slice(0, 10);
}

/** The hour (0–23) in Paris. */
export function parisHour(now: Date | number): number {
  return parisClock(now).getUTCHours();
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
