import { normalize } from "../../shared/text/normalize.ts";
import { stem } from "./stem.ts";
import { stemsOf, STOP } from "./terms.ts";

/**
 * Names the content teaches, so that a question spelling one out counts it as one thing:
 * acronyms ("cej" and "contrat d'engagement jeune" as keywords of one item) and names (a
 * keyword of several words that several items have, "titre de séjour", "عقد الشاب الراشد").
 * A text spelling the name out also holds the acronym's term; the name's words count
 * EXPANSION_FACTOR, so the rest of the question decides.
 */

/** Query words that spell out an acronym the content knows count this much (the acronym counts 1). */
export const EXPANSION_FACTOR = 0.5;

/** Acronym stem → the stems of its expansions (names: under the empty acronym). */
export type Acronyms = Map<string, string[][]>;

/** Items from which a keyword of several words is the name of a thing. */
const NAME_MIN_ITEMS = 2;

/**
 * Names the content uses: a keyword of 2 to 4 meaningful words that NAME_MIN_ITEMS items have
 * ("titre de séjour", "عقد الشاب الراشد"). In a question they are one thing, not several words of
 * meaning: its words count EXPANSION_FACTOR, as an acronym's expansion ("refusé" in "on m'a
 * refusé le contrat jeune majeur" then weighs as much as the name). Stored with the acronyms,
 * under the empty acronym.
 */
export function learnNames(keywordLists: string[][]): string[][] {
  const count = new Map<string, number>();
  for (const keywords of keywordLists) {
    const seen = new Set<string>();
    for (const keyword of keywords) {
      const stems = stemsOf(keyword);
      if (stems.length >= 2 && stems.length <= 4) seen.add(stems.join("_"));
    }
    for (const key of seen) count.set(key, (count.get(key) ?? 0) + 1);
  }
  return [...count].filter(([, n]) => n >= NAME_MIN_ITEMS).map(([key]) => key.split("_"));
}

/**
 * Acronyms the content teaches: an item whose keywords hold both "cej" and "contrat
 * d'engagement jeune" (initials of its words, with or without the stop words) links the two,
 * for every item and every question. Three letters at least: two initials match too often by chance.
 */
export function learnAcronyms(keywordLists: string[][]): Acronyms {
  const out: Acronyms = new Map();
  for (const keywords of keywordLists) {
    const singles = new Set<string>();
    for (const keyword of keywords) {
      const token = normalize(keyword);
      if (/^[a-z]{3,6}$/.test(token) && !STOP.has(token)) singles.add(token);
    }
    if (singles.size === 0) continue;
    for (const keyword of keywords) {
      const words = normalize(keyword).split(" ").filter(Boolean);
      if (words.length < 2) continue;
      const all = words.map((w) => w[0]).join("");
      const meaningful = words
        .filter((w) => !STOP.has(w))
        .map((w) => w[0])
        .join("");
      for (const acronym of singles) {
        if (acronym !== all && acronym !== meaningful) continue;
        const stems = stemsOf(keyword);
        if (stems.length < 2) continue;
        const key = stem(acronym);
        const list = out.get(key) ?? [];
        if (!list.some((known) => known.join("_") === stems.join("_"))) list.push(stems);
        out.set(key, list);
      }
    }
  }
  return out;
}

/** The stored form: "cej=contrat_engag_jeun,css=…" (names after "="). */
export function serializeAcronyms(acronyms: Acronyms): string {
  return [...acronyms]
    .flatMap(([acronym, expansions]) => expansions.map((stems) => `${acronym}=${stems.join("_")}`))
    .join(",");
}

export function parseAcronyms(text: string): Acronyms {
  const out: Acronyms = new Map();
  for (const entry of text ? text.split(",") : []) {
    const at = entry.indexOf("=");
    const list = out.get(entry.slice(0, at)) ?? [];
    list.push(entry.slice(at + 1).split("_"));
    out.set(entry.slice(0, at), list);
  }
  return out;
}

/** Positions of the stems that spell out an acronym or a name. */
export function coveredByExpansions(stems: string[], acronyms: Acronyms): Set<number> {
  const out = new Set<number>();
  for (const expansions of acronyms.values()) {
    for (const expansion of expansions) {
      for (let at = stems.indexOf(expansion[0]!); at >= 0; at = stems.indexOf(expansion[0]!, at + 1)) {
        if (expansion.every((s, k) => stems[at + k] === s)) for (let k = 0; k < expansion.length; k++) out.add(at + k);
      }
    }
  }
  return out;
}

/** The acronyms whose expansion occurs, word after word, in a sequence of stems. */
export function acronymsIn(stems: string[], acronyms: Acronyms): string[] {
  const out: string[] = [];
  if (acronyms.size === 0 || stems.length < 2) return out;
  for (const [acronym, expansions] of acronyms) {
    // Names (learnNames) have no acronym.
    if (!acronym) continue;
    for (const expansion of expansions) {
      const at = stems.indexOf(expansion[0]!);
      if (at >= 0 && expansion.every((s, k) => stems[at + k] === s) && !out.includes(acronym)) out.push(acronym);
    }
  }
  return out;
}
