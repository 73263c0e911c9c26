/** The parts a publication stores for turns (worker/store/publication-parts.ts), as bench/cold.ts hands them to a cold isolate. */
import type { ContentBundle } from "../../shared/content/model.ts";
import { storedPublication } from "../../worker/store/publication-parts.ts";

export function storedParts(bundle: ContentBundle): Record<string, string> {
  const { snapshot, matchIndex, vocab, texts } = storedPublication(bundle);
  return {
    snapshot,
    index: matchIndex,
    vocab,
    ...Object.fromEntries(Object.entries(texts).map(([l, t]) => [`texts.${l}`, t])),
  };
}
