import type { ConversationState } from "../../bot/state.ts";

/** A young person's conversation state for the engine's tests: at the menu, French, nothing known, unless said. */
export function conversation(overrides: Partial<ConversationState> = {}): ConversationState {
  return {
    youngId: "y1",
    locale: "fr",
    profile: {},
    cursor: { at: "menu" },
    openHelpRequests: 0,
    hasReferent: false,
    ...overrides,
  };
}
