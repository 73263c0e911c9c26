/** The parts a publication stores for turns (worker/store/content.ts), as bench/cold.ts hands them to a cold isolate. */
import type { ContentBundle } from "../../shared/content/model.ts";
import { storedPublication } from "../../worker/store/content.ts";

export function storedParts(bundle: ContentBundle): Record<string, string> {
  const { snapshot, matchIndex, vocab } = storedPublication(bundle);
  return { snapshot, index: matchIndex, vocab };
}
