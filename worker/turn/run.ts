import { handle } from "../../bot/engine.ts";
import type { ConversationState } from "../../bot/state.ts";
import type { Input, Reply } from "../../bot/types.ts";
import { configOf } from "../config.ts";
import { contentAt } from "../content.ts";
import { forgetPerson, keepPerson, keptPerson, personKey } from "./person-cache.ts";
import { rulesAt, rulesChangeAt } from "../roadmap-rules.ts";
import { database, type Db } from "../store/db.ts";
import {
  loadTurn,
  rowAfterTurn,
  saveTurn,
  StaleTurnError,
  heldRepliesOf,
  stateOf,
  type Identity,
  type LoadedTurn,
} from "../store/turns.ts";
import { dispatchAlerts } from "../alerts/dispatch.ts";
import { updateRecorded } from "../store/updates.ts";
import { resolveLinkInput } from "../alerts/linking.ts";
import { tellLinksEnded } from "../link-ended.ts";
import { replyText } from "../replies/text.ts";
import { letterOfTurn } from "../letters/make.ts";
import type { MadeLetter } from "../../shared/letters/render.ts";

/**
 * One conversation turn for any channel: read (one D1 batch) → engine (pure) → write (one
 * batch). Replies are returned only once the write is committed.
 *
 * Why a kept row is safe (the cache-safety invariant). This isolate keeps the row a person's
 * last turn left (person-cache.ts), and their next turn here runs from it without reading:
 * one D1 round trip instead of two. That is sound only because such a turn's write is refused
 * unless everything it would have read is still what D1 holds:
 * - `young_people.revision` moves on every change to what a turn reads: the turn's own write
 *   bumps it, and triggers (migration 0008) bump it on any other change to the row, the
 *   person's identities, alerts, référent links, roadmap progress and reminders sent;
 * - the write batch of a kept turn starts with a guard (`FRESH` in worker/store/turns.ts:
 *   the update marker for Telegram, an insert into `turn_guards` for the web) that fails unless
 *   the revision and the content and roadmap-rules versions are those the row was kept with;
 *   D1 then rolls the whole batch back and `saveTurn` throws `StaleTurnError`, so the person
 *   is forgotten and the turn reads and runs again;
 * - after a committed write, the row kept is the one the batch read back, or, when the turn
 *   wrote only the person's own columns and the revision moved by exactly one (this turn),
 *   the row derived from the new state (`rowAfterTurn`); anything else forgets the person.
 * So a new table a turn reads needs its revision trigger, or kept turns run on stale data.
 */

export type TurnOptions = {
  identity: Identity;
  input: Input;
  now: Date;
  /** A Telegram update's id: a retried update is answered only once. */
  updateId?: number;
  /** The locale a new person is greeted in: what a new web session asks for, a Telegram app's language. */
  locale?: string;
  /** Refuse to start a new person (an unknown or deleted web session must not create one). */
  existingOnly?: boolean;
};

export type TurnOutcome =
  | { kind: "duplicate" }
  /** `existingOnly` and nobody behind the identity. */
  | { kind: "unknown" }
  | {
      kind: "done";
      replies: Reply[];
      state: ConversationState;
      alertIds: string[];
      deleted: boolean;
      /** The young person asked for the file of their data (the channel sends it: Telegram, a document). */
      exportRequested: boolean;
      /** A letter made for this turn: the channel hands it over, then it is gone (worker/letters). */
      letter?: MadeLetter;
    };

/** What a turn starts from: read from D1 now, or kept by this isolate from the last turn. */
type Start = Omit<LoadedTurn, "duplicate"> & {
  /** Kept, not read: the write must check nothing changed. */
  kept: boolean;
};

const deleting = (effects: { type: string }[]) => effects.some((e) => e.type === "deleteMyData");

export async function runTurn(env: Env, turn: TurnOptions): Promise<TurnOutcome> {
  const db = database(env.DB);
  const key = personKey(turn.identity);
  const kept = keptPerson(key);
  if (kept) {
    const start: Start = {
      state: stateOf(kept.person),
      person: kept.person,
      isNew: false,
      wasBlocked: kept.person.blockedAt !== null,
      contentVersion: kept.contentVersion,
      rulesPublishedAt: kept.rulesPublishedAt,
      kept: true,
    };
    try {
      return await turnFrom(env, db, key, start, turn);
    } catch (error) {
      if (!(error instanceof StaleTurnError)) throw error;
      forgetPerson(key);
    }
  }
  const loaded = await loadTurn(db, turn.identity, turn.updateId, turn.locale, turn.now);
  if (loaded.duplicate) return { kind: "duplicate" };
  if (loaded.isNew && turn.existingOnly) return { kind: "unknown" };
  return turnFrom(env, db, key, { ...loaded, kept: false }, turn);
}

async function turnFrom(
  env: Env,
  db: Db,
  key: string,
  start: Start,
  { identity, input, now, updateId }: TurnOptions,
): Promise<TurnOutcome> {
  // Both come from the isolate's cache; after a publication (or in a new isolate) their reads overlap.
  const [content, roadmapRules, rulesChange] = await Promise.all([
    contentAt(db, start.contentVersion),
    rulesAt(db, start.rulesPublishedAt),
    // Telegram and WhatsApp users are told of a change by the cron; web chat users also in the chat.
    identity.channel === "web" && start.person ? rulesChangeAt(db, start.rulesPublishedAt) : null,
  ]);
  // A référent's one-time code is checked here, so the engine stays pure.
  const checkedInput = await resolveLinkInput(db, start.state, input, now);
  const { crisisAutoAlert, alertsPerHour, retention } = configOf(env);
  const result = handle(start.state, checkedInput, content, now, {
    crisisAutoAlert,
    alertsPerHour,
    roadmapRules,
    rulesChange,
    profileRetentionDays: retention.PROFILE_RETENTION_DAYS,
  });
  // Référents' replies waiting for this person come first, before the engine's answer.
  const held = deleting(result.effects) ? [] : heldRepliesOf(start.person);
  const replies = held.length
    ? [
        ...held.map((r) => ({ text: replyText({ staffName: r.name, text: r.text ?? "" }, result.state.locale) })),
        ...result.replies,
      ]
    : result.replies;
  const expected =
    start.kept && start.person
      ? {
          revision: start.person.revision,
          contentVersion: start.contentVersion,
          rulesPublishedAt: start.rulesPublishedAt,
        }
      : undefined;
  try {
    const saved = await saveTurn(db, {
      state: result.state,
      isNew: start.isNew,
      wasBlocked: start.wasBlocked,
      identity,
      effects: result.effects,
      now,
      unansweredMinPeople: retention.UNANSWERED_MIN_PEOPLE,
      ...(held.length ? { shownReplies: held.map((r) => r.id) } : {}),
      ...(expected ? { expected } : {}),
      ...(updateId !== undefined ? { updateId } : {}),
    });
    // The row the write batch read back, or derived when this turn's update was the person's only
    // change (revision + 1). A publication since this turn's start is caught by the next guard.
    const versions = { contentVersion: start.contentVersion, rulesPublishedAt: start.rulesPublishedAt };
    if (saved.person) keepPerson(key, { person: saved.person, ...versions });
    else if (start.person && saved.revision === start.person.revision + 1)
      keepPerson(key, { person: rowAfterTurn(start.person, result.state, saved.revision), ...versions });
    else forgetPerson(key);
    if (saved.endedLinks.length > 0) {
      await tellLinksEnded(env, saved.endedLinks).catch((error: unknown) =>
        console.error("link-ended notice failed", error instanceof Error ? error.name : "error"),
      );
    }
    if (saved.alertIds.length > 0) {
      // Stored first; deliveries are queued now, or by the cron's sweep if this fails.
      await dispatchAlerts(env, saved.alertIds, now.getTime()).catch((error: unknown) =>
        console.error("alert dispatch failed", error instanceof Error ? error.name : "error"),
      );
    }
    return {
      kind: "done",
      replies,
      state: result.state,
      alertIds: saved.alertIds,
      deleted: saved.deleted,
      exportRequested: result.effects.some((e) => e.type === "exportMyData"),
      ...lettered(result.effects, content, result.state, now),
    };
  } catch (error) {
    if (error instanceof StaleTurnError) throw error;
    forgetPerson(key);
    // A concurrent delivery of the same update won the race: its replies are the ones sent.
    if (updateId !== undefined && /UNIQUE constraint failed: telegram_updates/.test(String(error)))
      return { kind: "duplicate" };
    // The write may have committed and only D1's answer been lost. Then the update is recorded
    // and these replies are its only answer: a 5xx would make the platform's retry a duplicate
    // that nobody answers. Stored alerts are dispatched by the cron's sweep. Unknown: the 5xx stands.
    if (updateId !== undefined && (await updateRecorded(db, updateId).catch(() => false))) {
      return {
        kind: "done",
        replies,
        state: result.state,
        alertIds: [],
        deleted: result.effects.some((e) => e.type === "deleteMyData"),
        exportRequested: result.effects.some((e) => e.type === "exportMyData"),
        ...lettered(result.effects, content, result.state, now),
      };
    }
    throw error;
  }
}

/** The letter of the turn, if it asked for one, as an optional field of the outcome. */
function lettered(...args: Parameters<typeof letterOfTurn>): { letter?: MadeLetter } {
  const letter = letterOfTurn(...args);
  return letter ? { letter } : {};
}
