import { t, type MessageKey } from "../../shared/i18n/index.ts";
import { LOCALES, type Locale } from "../../shared/locales.ts";

/**
 * Every string of the web chat's own shell (header, form, timeline, status texts): the page is
 * rendered in the browser's language, and its script switches these strings, without a
 * reload, to whichever language the conversation takes.
 */
export const PAGE_KEYS = [
  "emergencyLine",
  "chatRoadmapOpen",
  "chatClose",
  "chatSimulator",
  "chatDateNote",
  "chatConversation",
  "chatAskLabel",
  "chatAskPlaceholder",
  "chatSend",
  "logout",
  "chatPushOn",
] as const satisfies readonly MessageKey[];

/** What only the script says (errors, confirmations, read-aloud), in the conversation's language. */
export const SCRIPT_KEYS = [
  "logoutConfirm",
  "chatError",
  "chatOffline",
  "readAloud",
  "readAloudNoVoice",
  "readAloudUnavailable",
  "chatSessionGone",
  "chatPushOff",
  "chatPushDone",
  "chatPushStopped",
  "chatPushDenied",
  "chatPushUnavailable",
] as const satisfies readonly MessageKey[];

export const SHELL_KEYS = [...PAGE_KEYS, ...SCRIPT_KEYS] as const;

export type ShellKey = (typeof SHELL_KEYS)[number];

/** The shell's strings in every locale, for the page's script. */
export function shellStrings(): Record<Locale, Record<ShellKey, string>> {
  return Object.fromEntries(
    LOCALES.map((locale) => [locale, Object.fromEntries(SHELL_KEYS.map((key) => [key, t(locale, key)]))]),
  ) as Record<Locale, Record<ShellKey, string>>;
}
