import type { ConversationState } from "../../bot/state.ts";
import type { Effect } from "../../bot/types.ts";
import type { ContentSnapshot } from "../../shared/content/model.ts";
import { letterFor, makeLetter, type MadeLetter } from "../../shared/letters/render.ts";
import { parisDate } from "../../shared/roadmap/time.ts";

/**
 * The letter a turn asked for (a `makeLetter` effect), made from the published template and
 * the person's profile. It lives in memory for the channel to hand over: never stored, never
 * logged, never queued.
 */
export function letterOfTurn(
  effects: Effect[],
  content: ContentSnapshot,
  state: ConversationState,
  now: Date,
): MadeLetter | undefined {
  const effect = effects.find((e) => e.type === "makeLetter");
  if (!effect) return undefined;
  const template = letterFor(content, effect.purpose, state.profile.dept);
  if (!template) return undefined;
  return makeLetter(template, content, state.locale, {
    dept: state.profile.dept,
    birth: state.profile.birth,
    today: parisDate(now),
    sender: effect.sender,
  });
}

/** A file name for the letter, e.g. `lettre-cjm-request.pdf`. */
export function letterFileName(letter: MadeLetter, ext: "pdf" | "txt"): string {
  return `lettre-${letter.purpose}.${ext}`;
}
