/**
 * What a cold isolate runs, bundled by bench/cold.ts (and bench/engine.ts) as the Worker ships
 * it: the engine, and the content opened from its stored parts as worker/store/content.ts
 * loadForTurns opens them (JSON.parse of the snapshot, the stored match index and vocabulary).
 */
import "./jitless.ts";
import { adoptIndex } from "../../bot/matching/matcher.ts";
import { adoptVocabulary } from "../../bot/scrub.ts";
import type { ContentSnapshot } from "../../shared/content/model.ts";
import type { Locale } from "../../shared/locales.ts";

export { handle } from "../../bot/engine.ts";
// The first turn's steps, each callable alone (bench/cold.ts --phases).
export { detectCrisis } from "../../bot/safety/crisis.ts";
export { matcherFor } from "../../bot/matching/matcher.ts";
export { removeIdentifiers } from "../../bot/scrub.ts";

/** The stored parts (bench/lib/cold-publish.ts) as a turn in `locale` opens them. */
export function openForTurn(parts: Record<string, string>, _locale: Locale): ContentSnapshot {
  const content = { ...(JSON.parse(parts.snapshot!) as ContentSnapshot), version: 1 };
  if (!adoptIndex(content, parts.index!)) throw new Error("stored index of another version");
  if (!adoptVocabulary(content, parts.vocab!)) throw new Error("stored vocabulary of another version");
  return content;
}
