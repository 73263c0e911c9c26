import type { Button, Reply } from "../shared/api.ts";
import { pick, type ContentSnapshot, type LocalizedText, type Resource } from "../shared/content/model.ts";
import { t, type MessageKey } from "../shared/i18n/index.ts";
import type { Locale } from "../shared/locales.ts";
import type { ConversationState } from "./state.ts";

/** Small helpers every flow uses to speak in the young person's language. */

export function say(state: ConversationState, key: MessageKey, vars?: Record<string, string | number>): string {
  return t(state.locale, key, vars);
}

export function button(state: ConversationState, key: MessageKey, action: string): Button {
  return { label: t(state.locale, key), action };
}

/** Content text in the young person's language, or French marked as such. */
export function text(state: ConversationState, value: LocalizedText): string {
  const { text: picked, fallback } = pick(value, state.locale);
  return fallback ? `${picked}\n${t(state.locale, "frenchOnly")}` : picked;
}

/** A label (button, title) in the young person's language without the fallback note. */
export function label(locale: Locale, value: LocalizedText): string {
  return pick(value, locale).text;
}

export function navButtons(state: ConversationState, withBack = true): Button[] {
  const buttons = [button(state, "menu", "menu")];
  if (withBack) buttons.unshift(button(state, "back", "back"));
  return buttons;
}

/** National resources plus those of the young person's département (all of them if unknown). */
export function resourcesFor(state: ConversationState, content: ContentSnapshot, ids: string[]): Resource[] {
  const dept = state.profile.dept;
  return ids
    .map((id) => content.resources.find((r) => r.id === id))
    .filter(
      (r): r is Resource => r !== undefined && (r.scope === "national" || dept === undefined || r.scope === dept),
    );
}

/** One resource: name, numbers, description, hours, address, link. */
export function resourceLine(state: ConversationState, r: Resource): string {
  const parts = [`• ${label(state.locale, r.name)}`];
  if (r.phone) parts.push(`📞 ${r.phone}`);
  if (r.sms) parts.push(`✉️ SMS ${r.sms}`);
  let line = parts.join(" — ");
  line += `\n  ${label(state.locale, r.description)}`;
  if (r.hours) line += `\n  🕒 ${label(state.locale, r.hours)}`;
  if (r.address) line += `\n  📍 ${r.address}`;
  if (r.url) line += `\n  🔗 ${r.url}`;
  return line;
}

export function renderResources(state: ConversationState, resources: Resource[]): string {
  if (resources.length === 0) return "";
  return `${say(state, "resourcesTitle")}\n${resources.map((r) => resourceLine(state, r)).join("\n")}`;
}

export function reply(text: string, buttons?: Button[]): Reply {
  return buttons && buttons.length > 0 ? { text, buttons } : { text };
}
