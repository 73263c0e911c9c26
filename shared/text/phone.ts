/**
 * French phone numbers as they are written in France ("02 28 21 44 40", "0 800 235 236",
 * "06.12.34.56.78", "0612345678") rewritten in the international form ("+33 2 28 21 44 40",
 * "+33 800 235 236"). Telegram finds phone numbers server-side and, as its clients, links those
 * written with "+" and the country code; WhatsApp's apps make such numbers tappable too. So a
 * Telegram or WhatsApp reply carries this form (bot/telegram.ts, bot/whatsapp.ts); the web chat
 * links numbers itself. Short numbers (112, 115, 119, 3114) are left as they are: they have no
 * international form and no messaging app links them (a crisis reply sends them as contact cards
 * instead: bot/flows/crisis.ts callsOf, bot/telegram.ts, bot/whatsapp.ts). Links are left untouched.
 */

/** A national number: 0, then nine digits, each maybe after one space, dot or non-breaking space. */
const NATIONAL = /(?<![\d+\w.,/-])0[ .\u00a0]?([1-9](?:[ .\u00a0]?\d){8})(?![\d\w])/g;
const LINK = /\bhttps?:\/\/\S+|\bwww\.\S+/g;

function international(digits: string): string {
  const d = digits.replace(/\D/g, "");
  // 08xx numbers are grouped by three (0 800 235 236), the others by two (02 28 21 44 40).
  return d.startsWith("8")
    ? `+33 ${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6)}`
    : `+33 ${d[0]} ${d.slice(1, 3)} ${d.slice(3, 5)} ${d.slice(5, 7)} ${d.slice(7)}`;
}

/** The text with its French national numbers in international form, outside links. */
export function dialable(text: string): string {
  let out = "";
  let at = 0;
  for (const link of text.matchAll(LINK)) {
    out += text.slice(at, link.index).replace(NATIONAL, (_m, digits: string) => international(digits));
    out += link[0];
    at = link.index + link[0].length;
  }
  return out + text.slice(at).replace(NATIONAL, (_m, digits: string) => international(digits));
}
