/**
 * What a cold isolate runs, bundled by bench/cold.ts (and bench/engine.ts) as the Worker ships
 * it: the engine, and the content opened from its stored parts as worker/store/content.ts
 * loadForTurns opens them (worker/store/publication-parts.ts: the French snapshot parsed, the
 * stored match index and vocabulary adopted, the other locales' texts kept for a turn that needs them).
 */
import "./jitless.ts";
import type { ContentSnapshot } from "../../shared/content/model.ts";
import { TRANSLATED } from "../../shared/content/locale-texts.ts";
import { snapshotOfRow } from "../../worker/store/publication-parts.ts";

export { handle } from "../../bot/engine.ts";

/** The stored parts (bench/lib/cold-publish.ts) as a turn opens them. */
export function openForTurn(parts: Record<string, string>): ContentSnapshot {
  const texts = Object.fromEntries(TRANSLATED.map((l) => [l, parts[`texts.${l}`]!]));
  const { snapshot, indexed } = snapshotOfRow(
    { snapshot: parts.snapshot!, matchIndex: parts.index!, vocab: parts.vocab!, texts },
    1,
    false,
  );
  if (!indexed) throw new Error("stored index of another version");
  return snapshot;
}
