import { buildIndex } from "../../bot/matching/build.ts";
import { adoptIndex } from "../../bot/matching/matcher.ts";
import { serializeIndex } from "../../bot/matching/stored.ts";
import { adoptVocabulary, serializeVocabulary } from "../../bot/scrub.ts";
import type { ContentBundle, ContentSnapshot, LocalizedKeywords } from "../../shared/content/model.ts";
import {
  deferLocales,
  mergeLocale,
  splitLocales,
  TRANSLATED,
  type LocaleTexts,
  type Translated,
} from "../../shared/content/locale-texts.ts";

/**
 * A publication's stored parts and the snapshot made from them (no SQL here: worker/store/content.ts
 * reads and writes them; bench/lib/cold-entry.ts opens them as a cold isolate does).
 */

/** A bundle's keywords by list and item id: stored apart from the snapshot a turn reads. */
export type KeywordsByItem = { [K in keyof ContentBundle]?: Record<string, LocalizedKeywords> };

const LISTS = ["topics", "steps", "resources", "faqs"] as const satisfies readonly (keyof ContentBundle)[];

/**
 * The stored form of a published bundle. A turn parses `snapshot` (the bundle with empty
 * keywords and French texts only: ~30 % of the whole JSON for the seed) and opens `matchIndex`,
 * the free-text index built here once from the keywords, so that a cold isolate neither parses
 * the keywords nor builds the index on its first question (see bot/matching/stored.ts); each other
 * locale's texts (`texts`) are parsed when a turn first needs them (shared/content/locale-texts.ts).
 */
export function storedPublication(bundle: ContentBundle): {
  snapshot: string;
  keywords: string;
  matchIndex: string;
  vocab: string;
  texts: Record<Translated, string>;
} {
  const keywords: KeywordsByItem = {};
  const lean = { ...bundle };
  for (const list of LISTS) {
    const byId: Record<string, LocalizedKeywords> = {};
    lean[list] = bundle[list].map((item) => {
      if (item.keywords) byId[item.id] = item.keywords;
      return { ...item, keywords: {} };
    }) as never;
    keywords[list] = byId;
  }
  const { french, texts } = splitLocales(lean);
  return {
    snapshot: JSON.stringify(french),
    keywords: JSON.stringify(keywords),
    matchIndex: serializeIndex(buildIndex(bundle)),
    vocab: serializeVocabulary(bundle),
    texts: Object.fromEntries(TRANSLATED.map((l) => [l, JSON.stringify(texts[l])])) as Record<Translated, string>,
  };
}

function withKeywords(bundle: ContentBundle, keywords: KeywordsByItem): ContentBundle {
  const out = { ...bundle };
  for (const list of LISTS) {
    const byId = keywords[list] ?? {};
    out[list] = bundle[list].map((item) => (byId[item.id] ? { ...item, keywords: byId[item.id] } : item)) as never;
  }
  return out;
}

/** A publication's parts as read back: columns of a row stored before chunks, or its chunks. */
export type StoredRow = {
  snapshot: string;
  keywords?: string | null;
  matchIndex: string | null;
  vocab?: string | null;
  /** Each other locale's texts; none in a publication stored before they were apart (`snapshot` holds them). */
  texts?: Partial<Record<Translated, string>>;
};

/**
 * A row as a snapshot, its stored index (and vocabulary) adopted when of this matcher's version.
 * `whole`: every locale put in now (the content admin, a rollback); otherwise a turn's, each
 * translation put in when a turn first needs it.
 */
export function snapshotOfRow(
  row: StoredRow,
  version: number,
  whole: boolean,
): { snapshot: ContentSnapshot; indexed: boolean } {
  // Rows written before migration 0006 hold the keywords and the index inside the JSON.
  const { matchIndex: inline, ...parsed } = JSON.parse(row.snapshot) as ContentBundle & { matchIndex?: unknown };
  const bundle = row.keywords ? withKeywords(parsed, JSON.parse(row.keywords) as KeywordsByItem) : parsed;
  const snapshot: ContentSnapshot = { ...bundle, version };
  if (whole) {
    // In the locales' order, as the validated bundle had its keys.
    for (const locale of TRANSLATED) {
      const stored = row.texts?.[locale];
      if (stored !== undefined && !mergeLocale(snapshot, locale, JSON.parse(stored) as LocaleTexts))
        throw new Error(`stored ${locale} texts do not fit the snapshot of version ${version}`);
    }
  } else if (row.texts) deferLocales(snapshot, row.texts);
  const index = row.matchIndex ?? (typeof inline === "string" ? inline : null);
  if (row.vocab) adoptVocabulary(snapshot, row.vocab);
  return { snapshot, indexed: index !== null && adoptIndex(snapshot, index) };
}
