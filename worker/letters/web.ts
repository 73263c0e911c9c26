import type { Reply } from "../../bot/types.ts";
import type { Dept } from "../../shared/content/model.ts";
import { t } from "../../shared/i18n/index.ts";
import type { MadeLetter } from "../../shared/letters/render.ts";
import type { Locale } from "../../shared/locales.ts";

/**
 * In the web chat the letter comes back in the HTTP answer only (nothing keeps replies): its
 * text to copy, and the letter page (worker/letters/routes.tsx) to print it or download its PDF,
 * where the name and address are typed again in a form and never leave that request.
 */
export function letterReplies(letter: MadeLetter, locale: Locale, origin: string, dept: Dept | undefined): Reply[] {
  const query = new URLSearchParams({ locale, ...(dept ? { dept } : {}) });
  const url = `${origin}/lettres/${letter.purpose}?${query}`;
  return [
    { text: `${t(locale, "letterTextIntro")}\n\n${letter.text}` },
    { text: t(locale, "letterPageLink", { url }) },
  ];
}
