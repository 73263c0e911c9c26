import type { Context, SessionFlavor } from "grammy";
import type { Locale } from "./content.ts";

/** Where the young person is, so "back" and free text know what to do. */
export type Screen =
  | { at: "onboarding" }
  | { at: "menu" }
  | { at: "topic"; id: string }
  | { at: "step"; id: string }
  | { at: "faq"; id: string }
  | { at: "contact" };

/** Everything the peer keeps about a young person: one JSON value per chat (grammY's session). */
export type Session = {
  locale: Locale;
  consent: boolean;
  birthYear?: number;
  birth?: string;
  status?: string;
  dept?: string;
  screen: Screen;
};

export type PeerEnv = {
  DB: D1Database;
  TELEGRAM_BOT_TOKEN: string;
  TELEGRAM_WEBHOOK_SECRET: string;
  TELEGRAM_API_ROOT: string;
};

export type PeerContext = Context & SessionFlavor<Session>;

export const initialSession = (): Session => ({ locale: "fr", consent: false, screen: { at: "onboarding" } });
