import type { ContentSnapshot } from "../shared/content/model.ts";
import { loadForTurns } from "./store/content.ts";
import type { Db } from "./store/db.ts";

/**
 * Published content cached per isolate, keyed by version: a turn only reads the version
 * number (inside its read batch); the snapshot is fetched again only after a publication.
 */
let cached: ContentSnapshot | null = null;

const EMPTY: ContentSnapshot = { version: 0, topics: [], steps: [], resources: [], faqs: [] };

export async function contentAt(db: Db, version: number | null): Promise<ContentSnapshot> {
  if (version === null) return EMPTY;
  if (cached?.version === version) return cached;
  const loaded = await loadForTurns(db, version);
  if (loaded) cached = loaded;
  return loaded ?? EMPTY;
}
