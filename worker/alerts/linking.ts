import { confirmedLinkCode, typedLinkCode } from "../../bot/flows/link.ts";
import type { ConversationState } from "../../bot/state.ts";
import type { Input } from "../../bot/types.ts";
import type { Db } from "../store/db.ts";
import { normalizeCode, resolveCode } from "../store/links.ts";

/**
 * Before a turn: a typed référent code ("code ABCD-2345", or anything typed while the code
 * is asked for) or the "link:yes:<code>" button is checked against the database, so the
 * pure engine receives a `linkCode` input with the référent's name (or null).
 */
export async function resolveLinkInput(db: Db, state: ConversationState, input: Input, now: Date): Promise<Input> {
  if (input.kind === "action") {
    const code = confirmedLinkCode(input.action);
    if (!code) return input;
    const found = await resolveCode(db, code, "young", now);
    return { kind: "linkCode", code, referentName: found?.name ?? null, confirm: true };
  }
  if (input.kind !== "text") return input;
  const typed = typedLinkCode(state, input.text);
  const code = typed === null ? null : normalizeCode(typed);
  if (!code) return input;
  const found = await resolveCode(db, code, "young", now);
  return { kind: "linkCode", code, referentName: found?.name ?? null, confirm: false };
}
