import { handle } from "../bot/engine.ts";
import type { ConversationState } from "../bot/state.ts";
import type { Input, Reply } from "../bot/types.ts";
import { configOf } from "./config.ts";
import { contentAt } from "./content.ts";
import { database } from "./store/db.ts";
import { loadTurn, saveTurn, type Identity } from "./store/turns.ts";

export type TurnOutcome =
  | { kind: "duplicate" }
  | { kind: "done"; replies: Reply[]; state: ConversationState; alertIds: string[]; deleted: boolean };

/**
 * One conversation turn for any channel: read (one batch) → engine (pure) → write (one
 * batch). Replies are returned only once the write is committed.
 */
export async function runTurn(env: Env, identity: Identity, input: Input, now: Date, updateId?: number, locale?: string): Promise<TurnOutcome> {
  const db = database(env.DB);
  const loaded = await loadTurn(db, identity, updateId, locale);
  if (loaded.duplicate) return { kind: "duplicate" };
  const content = await contentAt(db, loaded.contentVersion);
  const result = handle(loaded.state, input, content, now, { crisisAutoAlert: configOf(env).crisisAutoAlert });
  try {
    const saved = await saveTurn(db, { state: result.state, isNew: loaded.isNew, identity, effects: result.effects, now, ...(updateId !== undefined ? { updateId } : {}) });
    return { kind: "done", replies: result.replies, state: result.state, ...saved };
  } catch (error) {
    // A concurrent delivery of the same update won the race: its replies are the ones sent.
    if (updateId !== undefined && /UNIQUE constraint failed: telegram_updates/.test(String(error))) return { kind: "duplicate" };
    throw error;
  }
}
