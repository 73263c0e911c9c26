import { CUE_CHARS, type Cue, type CrisisLang } from "./cues.ts";
import { CONTINUED, type Tagged } from "./reading.ts";

/** Who a verb's subject is, as far as the words before it tell. */
export type Subject = "first" | "third" | "professional" | "nonPerson" | "relative" | "none";

/**
 * One language's tagged clause, with the questions the rules ask of it: where a family is,
 * whether it is near a word, negated, whose action a verb is and on whom.
 */
export class Clause {
  readonly lang: CrisisLang;
  readonly tokens: string[];
  readonly tags: string[];
  /** Subject-object-verb languages put complements (and negation) before the verb. */
  readonly sov: boolean;
  /** Every family character of the clause, so that a rule whose families are absent stops at once. */
  private readonly all: string;
  /** Whether an earlier clause of the text named a height ("je suis sur le pont, j'ai envie de sauter"). */
  readonly heightBefore: () => boolean;

  constructor(tagged: Tagged, heightBefore: () => boolean = () => false) {
    this.heightBefore = heightBefore;
    this.lang = tagged.lang;
    this.tokens = tagged.tokens;
    this.tags = tagged.tags;
    this.sov = tagged.lang === "ps" || tagged.lang === "prs";
    this.all = tagged.tags.join("");
  }

  /** The position after the group of words starting at i ("au secours" is one group). */
  end(i: number): number {
    let j = i + 1;
    while (j < this.tags.length && this.tags[j] === CONTINUED) j++;
    return j;
  }

  is(i: number, ...cues: Cue[]): boolean {
    const tags = this.tags[i];
    return tags !== undefined && tags !== "" && cues.some((cue) => tags.includes(CUE_CHARS[cue]));
  }

  at(...cues: Cue[]): number[] {
    if (!this.has(...cues)) return [];
    const found: number[] = [];
    for (let i = 0; i < this.tags.length; i++) if (this.is(i, ...cues)) found.push(i);
    return found;
  }

  has(...cues: Cue[]): boolean {
    return cues.some((cue) => this.all.includes(CUE_CHARS[cue]));
  }

  /** The nearest position within `before` words before i or `after` words after it holding a cue, or -1. */
  near(i: number, cues: Cue | Cue[], before: number, after: number): number {
    const list = Array.isArray(cues) ? cues : [cues];
    if (!this.has(...list)) return -1;
    for (let d = 1; d <= Math.max(before, after); d++) {
      if (d <= before && i - d >= 0 && this.is(i - d, ...list)) return i - d;
      if (d <= after && i + d < this.tags.length && this.is(i + d, ...list)) return i + d;
    }
    return -1;
  }

  /** A negation in [from - 3, to] (to + 2 in SOV languages): "je ne veux pas mourir", "جای خواب ندارم". */
  negated(from: number, to: number): boolean {
    const first = Math.min(from, to);
    const last = Math.min(this.tags.length - 1, Math.max(from, to) + (this.sov ? 2 : 0));
    // A subject starts a new statement: "j'en peux plus je veux mourir" is not "je ne veux pas mourir".
    let start = Math.max(0, first - 3);
    for (let j = first - 1; j > start; j--) if (this.is(j, "first", "third") && !this.is(j, "neg")) start = j;
    for (let j = start; j <= last; j++) {
      if (!this.is(j, "neg")) continue;
      // Pashto "د … نه" is "from", not "not" ("د پل نه" = from the bridge).
      if (
        this.lang === "ps" &&
        this.tokens[j] === "نه" &&
        [j - 1, j - 2].some((k) => k >= 0 && (this.tokens[k] === "د" || this.tokens[k] === "له"))
      )
        continue;
      return true;
    }
    return false;
  }

  /** The subject of the verb at i: the nearest person word before it ("qui" defers to the word before it). */
  subjectBefore(i: number): Subject {
    let relative = false;
    for (let j = i - 1; j >= 0; j--) {
      if (this.is(j, "relative") && !this.is(j, "first", "third")) {
        relative = true;
        continue;
      }
      if (this.is(j, "first")) return "first";
      if (this.is(j, "professional")) return "professional";
      if (this.is(j, "third")) return "third";
      if (this.is(j, "nonPerson")) return "nonPerson";
    }
    return relative ? "relative" : "none";
  }

  /**
   * On whom the action at i falls: "self" (myself, نفسي, ځان, French "me" with "je" or no
   * subject), "other" (me, by someone else: "il me frappe", "يضربني", "ما وهي", "مرا میزند"),
   * or null (no person, or a thing: "ça me tue").
   */
  direction(i: number): "self" | "other" | null {
    if (this.near(i, "self", this.sov ? 4 : 3, 3) >= 0 || this.is(i, "self")) return "self";
    if (this.is(i, "me")) return "other";
    const me = this.near(i, "me", 3, 3);
    if (me >= 0) return this.subjectBefore(Math.min(me, i)) === "nonPerson" ? null : "other";
    const clitic = this.near(i, "meOrSelf", 3, 0);
    if (clitic >= 0) {
      // "les grands me tabassent": the verb's own ending says who.
      if (this.is(i, "third") && !this.is(i, "first")) return "other";
      const subject = this.subjectBefore(clitic);
      if (subject === "nonPerson") return null;
      return subject === "third" || subject === "professional" || subject === "relative" ? "other" : "self";
    }
    return null;
  }

  /** An idiom close to i ("mourir de rire", "از خنده مردم", "tuer le temps"). */
  idiomNear(i: number): boolean {
    return this.near(i, "idiom", this.sov ? 3 : 1, 3) >= 0;
  }

  /** What follows "live"/"life" says where or with whom ("vivre seul", "en foyer", "په فویه کې"). */
  liveComplement(i: number): boolean {
    return this.near(i, "liveComplement", this.sov ? 3 : 0, 2) >= 0;
  }

  /** A number of five or more that counts things ("20 dolipranes", not "500 mg"). */
  countNear(i: number, before: number, after: number): boolean {
    for (let j = Math.max(0, i - before); j <= Math.min(this.tokens.length - 1, i + after); j++) {
      const token = this.tokens[j]!;
      if (!/^\d+$/.test(token) || Number(token) < 5) continue;
      if (!["mg", "g", "ml", "ans", "euros", "eur", "years"].includes(this.tokens[j + 1] ?? "")) return true;
    }
    return false;
  }
}
