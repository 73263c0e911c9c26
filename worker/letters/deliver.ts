import { renderReplies } from "../../bot/whatsapp.ts";
import { t } from "../../shared/i18n/index.ts";
import { letterPdf } from "../../shared/letters/pdf.ts";
import type { MadeLetter } from "../../shared/letters/render.ts";
import type { Locale } from "../../shared/locales.ts";
import { configOf } from "../config.ts";
import { telegramClient } from "../telegram/client.ts";
import { sendReplies } from "../telegram/send.ts";
import { sendAll, type WhatsAppSender } from "../whatsapp/client.ts";
import { letterFileName } from "./make.ts";

/**
 * Hands a letter over on Telegram and WhatsApp: the PDF as a document, then the text to copy.
 * Sent now or not at all: a letter with a name in it never goes to the retry queue (the queue
 * keeps messages for days) nor anywhere else. A failure is logged by its error name only, and
 * the young person can ask again.
 */

const textOf = (letter: MadeLetter, locale: Locale) => `${t(locale, "letterTextIntro")}\n\n${letter.text}`;

export async function sendLetterTelegram(env: Env, chatId: string, letter: MadeLetter, locale: Locale): Promise<void> {
  const telegram = configOf(env).telegram;
  if (!telegram) return;
  const api = telegramClient(telegram);
  try {
    await api.sendDocument(
      chatId,
      { name: letterFileName(letter, "pdf"), type: "application/pdf", content: letterPdf(letter) },
      `✉️ ${t(locale, "letterReady", { title: letter.title })}`,
    );
    const { error } = await sendReplies(api, chatId, [{ text: textOf(letter, locale) }]);
    if (error) throw error;
  } catch (error) {
    console.error("letter not sent", error instanceof Error ? error.name : "error");
  }
}

export async function sendLetterWhatsApp(
  api: WhatsAppSender,
  to: string,
  letter: MadeLetter,
  locale: Locale,
): Promise<void> {
  try {
    const filename = letterFileName(letter, "pdf");
    const id = await api.upload({ name: filename, type: "application/pdf", content: letterPdf(letter) });
    await api.send(to, {
      type: "document",
      document: { id, filename, caption: `✉️ ${t(locale, "letterReady", { title: letter.title })}` },
    });
    const labels = { chooseButton: t(locale, "whatsappChoose"), more: t(locale, "whatsappMore") };
    const { error } = await sendAll(api, to, renderReplies([{ text: textOf(letter, locale) }], labels));
    if (error) throw error;
  } catch (error) {
    console.error("whatsapp letter not sent", error instanceof Error ? error.name : "error");
  }
}
