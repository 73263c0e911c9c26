import { t } from "../../shared/i18n/index.ts";
import { toLocale } from "../../shared/locales.ts";

/** What the young person reads: the référent's words, in a sentence of their own language. */
export function replyText(reply: { staffName: string | null; text: string }, locale: string): string {
  return t(toLocale(locale), "referentReply", { name: reply.staffName ?? "—", text: reply.text });
}
