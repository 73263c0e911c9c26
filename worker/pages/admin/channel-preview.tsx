import { messagesOf, MESSAGE_LIMIT } from "../../../bot/telegram.ts";
import { LIMITS, renderReplies, type WhatsAppMessage } from "../../../bot/whatsapp.ts";
import type { Reply } from "../../../shared/api.ts";
import { t } from "../../../shared/i18n/index.ts";
import { isRtl, type Locale } from "../../../shared/locales.ts";

/**
 * What a young person gets when they open the item, per channel, from the saved draft: the
 * web chat's bubbles (plain text, line breaks kept, buttons), Telegram's messages (HTML-escaped
 * text, each at most 4 096 characters, split past it) and WhatsApp's (text messages ≤ 4 096,
 * an interactive body ≤ 1 024, buttons ≤ 20 characters, lists). Counted as each channel counts.
 */
export function ChannelPreview(props: { replies: Reply[]; locale: Locale }) {
  const { replies, locale } = props;
  const dir = isRtl(locale) ? "rtl" : "ltr";
  const telegram = replies.flatMap((r) => messagesOf(r));
  const whatsapp = renderReplies(replies, {
    chooseButton: t(locale, "whatsappChoose"),
    more: t(locale, "whatsappMore"),
  });
  const webChars = replies.reduce((n, r) => n + [...r.text].length, 0);
  return (
    <aside class="card preview-channels" aria-label="Aperçu par canal">
      <h2 class="flush-top">Ce que le jeune voit (brouillon enregistré)</h2>
      <h3>Chat web</h3>
      <div class="bubbles" dir={dir} lang={locale}>
        {replies.map((r) => (
          <div class="bubble">
            <p class="preview-bot tight">{r.text}</p>
            {r.buttons?.length ? <p class="muted tight">{r.buttons.map((b) => `[${b.label}]`).join(" ")}</p> : null}
          </div>
        ))}
      </div>
      <p class="muted">{webChars} caractères.</p>
      <h3>Telegram</h3>
      <ul class="tight">
        {telegram.map((m, i) => (
          <li class={m.text.length > MESSAGE_LIMIT ? "error" : undefined}>
            Message {i + 1} : {m.text.length} / {MESSAGE_LIMIT} caractères (une fois échappé)
          </li>
        ))}
      </ul>
      {telegram.length > replies.length ? (
        <p class="error">Trop long pour un seul message : Telegram le reçoit en {telegram.length} morceaux.</p>
      ) : null}
      <h3>WhatsApp</h3>
      <ul class="tight">
        {whatsapp.map((m, i) => (
          <li>{whatsappLine(m, i)}</li>
        ))}
      </ul>
    </aside>
  );
}

function whatsappLine(m: WhatsAppMessage, i: number): string {
  const message = m as {
    type: string;
    text?: { body: string };
    interactive?: { type: string; body: { text: string } };
  };
  if (message.type === "text" && message.text)
    return `Message ${i + 1} : texte, ${[...message.text.body].length} / ${LIMITS.text} caractères`;
  if (message.type === "interactive" && message.interactive)
    return `Message ${i + 1} : ${message.interactive.type === "button" ? "boutons" : "liste"}, ${[...message.interactive.body.text].length} / ${LIMITS.body} caractères`;
  return `Message ${i + 1} : ${message.type}`;
}
