import { withLocale } from "../shared/content/locale-texts.ts";
import type { ContentSnapshot } from "../shared/content/model.ts";
import type { Locale } from "../shared/locales.ts";
import { loadForTurns } from "./store/content.ts";
import type { Db } from "./store/db.ts";

/**
 * Published content cached per isolate, keyed by version: a turn only reads the version
 * number (inside its read batch); the snapshot is fetched again only after a publication.
 */
let cached: ContentSnapshot | null = null;

const EMPTY: ContentSnapshot = { version: 0, topics: [], steps: [], resources: [], faqs: [] };

export async function contentAt(db: Db, version: number | null, locale?: Locale): Promise<ContentSnapshot> {
  if (version === null) return EMPTY;
  if (cached?.version !== version) {
    const loaded = await loadForTurns(db, version);
    if (!loaded) return EMPTY;
    cached = loaded;
  }
  // Translations are put in on first use: the engine does it for a turn, `locale` for a page.
  if (locale) withLocale(cached, locale);
  return cached;
}
