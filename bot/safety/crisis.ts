import { normalize } from "../../shared/text/normalize.ts";

export type CrisisCategory = "suicide" | "violence" | "sexual_violence" | "shelter" | "danger";
export type CrisisHit = { category: CrisisCategory; severe: boolean };

type Rule = { category: CrisisCategory; severe: boolean; patterns: RegExp[] };

/**
 * Phrases are matched on normalised text (no accents, lower case), so "je veux mourir",
 * "JE VEUX MOURIR" and "je veux mourrir" meet the same rule. Order matters: the first
 * category that matches is the one answered first.
 */
const RULES: Rule[] = [
  {
    category: "suicide",
    severe: true,
    patterns: [
      /\b(je )?(veux|veut|ve|vais|envie de) (mourir|mourire|mourrir|me tuer|me suicider|en finir)\b/,
      /\bsuicid/,
      /\bme (tuer|pendre|jeter)\b/,
      /\bplus envie de vivre\b/,
      /\b(want|going) to (die|kill myself|end it)\b/,
      /\bkill myself\b/,
    ],
  },
  {
    category: "sexual_violence",
    severe: true,
    patterns: [/\b(viol|viole|violee|agression sexuelle|attouchement)/, /\b(raped|rape|sexual(ly)? (abuse|assault))/],
  },
  {
    category: "violence",
    severe: true,
    patterns: [
      /\b(il|elle|ils|on|quelqu un) me (frappe|frappent|bat|battent|tape|tapent|menace|menacent)\b/,
      /\bje (suis|me fais) (battu|battue|frappe|frappee|maltraite|maltraitee)\b/,
      /\b(beats|beat|hits|hit|hurts|abuses) me\b/,
    ],
  },
  {
    category: "shelter",
    severe: false,
    patterns: [
      /\b(je )?(dors|dort|dor|vais dormir) (dehors|a la rue|dans la rue)\b/,
      /\b(pas|plus|nul part|nulle part) (de |d )?(endroit |ou |place )?(pour )?dormir\b/,
      /\bsans (abri|logement|toit)\b/,
      /\b(sleep|sleeping) (outside|on the street|rough)\b/,
      /\bnowhere to sleep\b/,
      /\bhomeless\b/,
    ],
  },
  {
    category: "danger",
    severe: true,
    patterns: [/\bje suis en danger\b/, /\bi am in danger\b/, /\bau secours\b/, /\bhelp me\b/],
  },
];

/** Finds the most urgent crisis signal in a free text, or null. Runs before anything else. */
export function detectCrisis(text: string): CrisisHit | null {
  const normalized = normalize(text);
  for (const rule of RULES) {
    if (rule.patterns.some((p) => p.test(normalized))) return { category: rule.category, severe: rule.severe };
  }
  return null;
}
