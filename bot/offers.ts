import type { Reply } from "../shared/api.ts";
import { isSensitive } from "./actions.ts";
import type { ConversationState } from "./state.ts";

/**
 * The memo behind sensitive buttons (alert, delete, unlink, send to the référent): after each
 * turn the engine keeps the sensitive actions its replies offered, each with an expiry, in the
 * person's state; such an action is accepted only while it is in the memo, once. A crisis
 * offer ("alert:<category>") outlives other turns for an hour — someone in crisis may call a
 * number first and come back; the others are valid on the next turn only (the confirmation
 * of what was just asked).
 */

/** `question`: the scrubbed question a "ce n'est pas ma question" button was offered for (bot/flows/miss.ts). */
export type Offer = { action: string; until: number; question?: string };

const MINUTE = 60 * 1000;
const ALERT_OFFER_MS = 60 * MINUTE;
const CONFIRM_OFFER_MS = 15 * MINUTE;
/** A turn offers one or two sensitive buttons; older crisis offers beyond this are dropped. */
const MAX_OFFERS = 4;

const lasting = (action: string) => action.startsWith("alert:");

/** The offer of `action` to this person while it is valid, or undefined. */
export function offerOf(state: ConversationState, action: string, now: Date): Offer | undefined {
  return (state.offers ?? []).find((o) => o.action === action && o.until > now.getTime());
}

/** Whether `action` was offered to this person and is still valid. */
export function isOffered(state: ConversationState, action: string, now: Date): boolean {
  return (state.offers ?? []).some((o) => o.action === action && o.until > now.getTime());
}

/**
 * The memo after a turn: what is still valid of the previous one (crisis offers only, and not
 * the action just used), then the sensitive buttons of this turn's replies.
 */
export function nextOffers(
  before: ConversationState,
  used: string | null,
  replies: Reply[],
  now: Date,
  notes: Record<string, string> = {},
): Offer[] {
  const at = now.getTime();
  const kept = (before.offers ?? []).filter((o) => o.until > at && lasting(o.action) && o.action !== used);
  const fresh: Offer[] = [];
  for (const reply of replies) {
    for (const button of reply.buttons ?? []) {
      if (!isSensitive(button.action)) continue;
      const until = at + (lasting(button.action) ? ALERT_OFFER_MS : CONFIRM_OFFER_MS);
      const question = notes[button.action];
      fresh.push(question ? { action: button.action, until, question } : { action: button.action, until });
    }
  }
  const all = [...kept.filter((o) => !fresh.some((f) => f.action === o.action)), ...fresh];
  return all.slice(-MAX_OFFERS);
}
