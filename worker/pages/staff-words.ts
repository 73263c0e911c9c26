import { lazy } from "../../shared/lazy.ts";
import type { StaffRole } from "../auth/types.ts";

/**
 * What staff pages show instead of codes: roles as words, times in Paris (the Départements'
 * time, whatever the Worker's clock zone), one language (French).
 */

export const ROLE_WORDS: Record<StaffRole, string> = { referent: "référente", editor: "éditrice", admin: "admin" };

// Built at first use, not at module start-up.
const paris = lazy(
  () =>
    new Intl.DateTimeFormat("fr-FR", {
      timeZone: "Europe/Paris",
      day: "2-digit",
      month: "2-digit",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
    }),
);

/** "03/12/2026 16:45" in Europe/Paris; "—" when there is no time. */
export function parisTime(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return "—";
  return paris().format(new Date(ms)).replace(",", "");
}
