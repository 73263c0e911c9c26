import { handle } from "../bot/engine.ts";
import type { ConversationState } from "../bot/state.ts";
import type { Input, Reply } from "../bot/types.ts";
import { configOf } from "./config.ts";
import { contentAt } from "./content.ts";
import { rulesAt } from "./roadmap-rules.ts";
import { database } from "./store/db.ts";
import { loadTurn, saveTurn, type Identity } from "./store/turns.ts";
import { dispatchAlerts } from "./alerts/dispatch.ts";
import { resolveLinkInput } from "./alerts/linking.ts";

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
  // Both come from the isolate's cache; after a publication (or in a new isolate) their reads overlap.
  const [content, roadmapRules] = await Promise.all([contentAt(db, loaded.contentVersion), rulesAt(db, loaded.rulesPublishedAt)]);
  // A référent's one-time code is checked here, so the engine stays pure.
  const checkedInput = await resolveLinkInput(db, loaded.state, input, now);
  const result = handle(loaded.state, checkedInput, content, now, { crisisAutoAlert: configOf(env).crisisAutoAlert, roadmapRules });
  try {
    const saved = await saveTurn(db, { state: result.state, isNew: loaded.isNew, wasBlocked: loaded.wasBlocked, identity, effects: result.effects, now, ...(updateId !== undefined ? { updateId } : {}) });
    if (saved.alertIds.length > 0) {
      // Stored first; deliveries are queued now, or by the cron's sweep if this fails.
      await dispatchAlerts(env, saved.alertIds, now.getTime()).catch((error: unknown) => console.error("alert dispatch failed", error instanceof Error ? error.name : "error"));
    }
    return { kind: "done", replies: result.replies, state: result.state, ...saved };
  } catch (error) {
    // A concurrent delivery of the same update won the race: its replies are the ones sent.
    if (updateId !== undefined && /UNIQUE constraint failed: telegram_updates/.test(String(error))) return { kind: "duplicate" };
    throw error;
  }
}
