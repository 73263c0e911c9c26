import { collapseRepeats, normalize } from "../../shared/text/normalize.ts";
import { expandSmsNormalized } from "../../shared/text/sms.ts";
import { IDIOM_ANCHORS, RULE_ANCHORS, SCRIPT_PHRASES } from "./crisis-anchors.ts";

export type CrisisCategory = "suicide" | "self_harm" | "sexual_violence" | "violence" | "danger" | "shelter";
export type CrisisHit = { category: CrisisCategory; severe: boolean };

/**
 * Crisis detection, run on every text before anything else. Texts are read normalised (no
 * accents, lower case, Arabic-script letters folded), SMS spelling expanded ("jveux" → "je
 * veux") and letter runs squeezed ("mourirrrr"). Latin-script phrases are regular
 * expressions with word boundaries; Arabic, Pashto and Dari phrases are plain substrings
 * (prefixes like و/ال stick to words). Order matters: the first category that matches is the
 * one answered. Common idioms ("mourir de rire", "tuer le temps") are removed first.
 * Phrases are tuned to miss as little as possible: a false alarm costs one gentle message.
 */
type Rule = { category: CrisisCategory; severe: boolean; latin: RegExp[]; script: string[] };

export const IDIOMS: RegExp[] = [
  /\b(mourir|meurs|meurt|mourrir|mort|morte|creve|crever|crevé) de (rire|faim|soif|froid|chaud|honte|fatigue|ennui|envie|peur|stress)\b/g,
  /\b(tuer|tue|tuait) le temps\b/g,
  /\b(tape|tapent|tapait) sur (les|mes) nerfs\b/g,
  /\bme coupe (les |mes )?(cheveux|ongles|barbe|frange)\b/g,
  /\bhit me up\b/g,
  /\b(dying|die) (to|for) (see|know|go|try|eat|get)\b/g,
  /\bkilling it\b/g,
];

export const RULES: Rule[] = [
  {
    category: "suicide",
    severe: true,
    latin: [
      /(?<!\b(il|elle|ils|elles|on|quelqu un|qui) )\b(veux|veut|voudrais|vx|ve|vais|envie de|pense a|besoin de|aimerais|prefere|prefererais) (mourir|mourire|mourrir|mouri|crever|disparaitre|me tuer|me tue|me suicider|me suicide|en finir|me foutre en l air|me jeter|me pendre)\b/,
      /\b(suicid|sucid|suisid|suicd|siucid|suicide|sucide)\w*/,
      /(?<!(va|veut|vont|veulent|menace de|menacent de) )\bme (tuer|pendre|foutre en l air|jeter sous|jeter du|jeter par)\b/,
      /\b(plus|pas|aucune) envie de vivre\b/,
      /\bmarre de (la |ma )?vie\b/,
      /\ben finir avec (la vie|ma vie|tout)\b/,
      /\bmettre fin a (mes jours|ma vie)\b/,
      /\b(peux|peut) plus vivre\b/,
      /\b(want|wanna|going|plan|planning) to (die|kill myself|end it|end my life|disappear)\b/,
      /\bkill(ing)? myself\b/,
      /\bsuicidal\b/,
      /\bend (it all|my life)\b/,
      /\b(not|no) want to (live|be alive)\b/,
      /\bno reason to live\b/,
      /\bunalive\b/,
    ],
    script: [
      "انتحار", "انتحر", "اقتل نفسي", "أريد أن أموت", "اريد الموت", "بدي موت", "ابغى اموت", "لا أريد أن أعيش", "أنهي حياتي",
      "ځان وژن", "ځانوژن", "ځان ووژنم", "ځان ووژني", "غواړم مړ شم", "نه غواړم ژوندی", "ژوند نه غواړم",
      "خودکشی", "خودم را بکشم", "خود را بکشم", "خوده بکشم", "خودمه بکشم", "بمیرم", "نمیخواهم زنده", "زندگی را تمام",
    ],
  },
  {
    category: "self_harm",
    severe: true,
    latin: [
      /\bje me (scarifie|mutile|coupe|brule|fais du mal|blesse expres)\b/,
      /\b(scarif|automutil|auto mutil)\w*/,
      /\bme (faire du mal|couper les veines|scarifier|mutiler)\b/,
      /\bcouper les veines\b/,
      /\b(self harm|selfharm|self harming|cutting myself|cut myself|hurt myself|hurting myself|harm myself|burn myself)\b/,
    ],
    script: [
      "اؤذي نفسي", "أؤذي نفسي", "إيذاء النفس", "اجرح نفسي", "أجرح نفسي", "ايذاء نفسي",
      "ځان ته زیان", "ځان ټپي", "ځان ته ضرر",
      "به خودم آسیب", "خودم را زخمی", "خودزنی", "به خود آسیب",
    ],
  },
  {
    category: "sexual_violence",
    severe: true,
    latin: [
      /\b(viol|viols|viole|violee|violes|violees|violer|violait)\b/,
      /\bagress\w* sexuel\w*/,
      /\battouchement\w*/,
      /\b(il|elle|on|ils|elles) (me touche|me touchent|m a touche|m ont touche)\w*/,
      /\bforce\w* a (coucher|faire l amour|avoir des relations|me prostituer|me deshabiller)\b/,
      /\b(abus|harcelement|violence)s? sexuel\w*/,
      /\b(raped|rape|molested|touched me|sexually (abused|assaulted|harassed)|sexual (abuse|assault|harassment))\b/,
    ],
    script: [
      "اغتصاب", "اغتصبني", "اغتصبوني", "تحرش جنسي", "تحرش بي", "اعتداء جنسي",
      "جنسي تیری", "جنسي ځورونه", "جنسي تېری",
      "تجاوز جنسی", "به من تجاوز", "آزار جنسی",
    ],
  },
  {
    category: "violence",
    severe: true,
    latin: [
      /\b(me|m a|m ont|me fait|me font) (frappe|frapper|frappee|frappent|bat|battent|battu|battue|tape|taper|tapent|cogne|cognent|tabasse|tabassent|maltraite|maltraitent|maltraitee|agresse|agressent|agressee|etrangle)\b/,
      /\bje (suis|me fais|me suis fait|me suis faite) (battu|battue|frappe|frappee|taper|tape|tabasse|tabassee|maltraite|maltraitee|agresse|agressee)\b/,
      /\bmaltraitance\b/,
      /\bviolences? (conjugale|conjugales|familiale|familiales|physique|physiques|a la maison|au foyer|chez moi)\b/,
      /\b(on|quelqu un|il|elle|ils) me (fait|font) du mal\b/,
      /\b(va|veut|vont|veulent|menace de) me tuer\b/,
      /\b(beats|beat|beating|hits|hitting|hurts|hurting|abuses|abusing|abused|threatens|threatening) me\b/,
      /\bi am (being )?(abused|beaten)\b/,
      /\bdomestic violence\b/,
      /\b(going|wants) to kill me\b/,
    ],
    script: [
      "يضربني", "يضربونني", "ضربني", "ضربوني", "يعنفني", "تعنيف", "يهددني",
      "ما وهي", "ما ووهه", "وهل کیږم", "وهل کېږم", "ما ته ګواښ",
      "مرا میزند", "مرا میزنند", "من را میزند", "مرا لت", "لت و کوب", "مرا زد", "تهدیدم",
    ],
  },
  {
    category: "danger",
    severe: true,
    latin: [
      /\bje suis en danger\b/,
      /\ben danger (de mort|maintenant|la|ici)\b/,
      /\bau secours\b/,
      /\ba l aide( svp| s il vous plait| s il te plait)?$/,
      /\bon me suit\b/,
      /\b(il|ils|elle) (a|ont) (un couteau|une arme|un flingue)\b/,
      /\b(i am|am) in danger\b/,
      /\bhelp me please\b/,
      /^(help|sos|aidez moi|aide moi)$/,
      /\bsomeone is following me\b/,
    ],
    script: [
      "انا في خطر", "أنا في خطر", "حياتي في خطر", "النجدة", "انقذوني",
      "په خطر کې یم", "ژغورئ", "ما وژغورئ",
      "در خطر هستم", "در خطر استم", "نجاتم دهید", "جانم در خطر",
    ],
  },
  {
    category: "shelter",
    severe: false,
    latin: [
      /\b(dors|dort|dor|dormir|dormi|dormirai) (dehors|a la rue|dans la rue|dans le parc|dans une gare|a la gare|dans le metro|dans la voiture)\b/,
      /\b(pas|plus|nul part|nulle part|aucun endroit|aucune place) (d endroit |de lieu |de place |de toit |ou |pour )+(dormir|aller ce soir|aller cette nuit)\b/,
      /\b(je suis|je me retrouve|je me trouve|me retrouve|suis) (a la rue|dehors ce soir|sdf|sans abri)\b/,
      /\bsans (abri|toit|domicile)\b/,
      /\bsdf\b/,
      /\b(mis|mise|vire|viree|jete|jetee|fout|foutu|foutue) (dehors|a la porte)\b/,
      /\b(ou|ou je vais) dormir (ce soir|cette nuit)\b/,
      /\b(sleep|sleeping|slept) (outside|on the street|in the street|rough|in the park|in a station)\b/,
      /\b(nowhere|no where|no place) to (sleep|stay|go)\b/,
      /\bhomeless\b/,
      /\bkicked out\b/,
    ],
    script: [
      "لا مكان للنوم", "ليس لدي مكان", "ما عندي مكان", "انام في الشارع", "أنام في الشارع", "نمت في الشارع", "بلا مأوى", "مشرد",
      "د خوب ځای نه لرم", "ځای نه لرم", "په سړک کې ویده", "په کوڅه کې ویده", "بې کوره", "بې ځایه",
      "جای خواب ندارم", "جایی برای خواب ندارم", "جای ندارم", "جا ندارم", "در سرک میخوابم", "در جاده میخوابم", "بی خانمان",
    ],
  },
];

/**
 * Cold start: V8 compiles a regular expression on its first use and again (to machine code) on
 * its second, ~0.1 ms each for these patterns, so running all of them cost ~5 ms on an
 * isolate's first turn. A pattern is only run when the text contains one of its anchors, literal
 * words every way through the pattern spells (anchors.ts; generated into crisis-anchors.ts, a
 * test checks they are current). A pattern without anchors (not generated yet) always runs.
 */
type Guarded = { pattern: RegExp; anchors: string[] | null };
const mayMatch = (g: Guarded, read: string) => g.anchors === null || g.anchors.some((a) => read.includes(a));
const GUARDED_IDIOMS: Guarded[] = IDIOMS.map((pattern, i) => ({ pattern, anchors: IDIOM_ANCHORS[i] ?? null }));
const GUARDED_RULES: Guarded[][] = RULES.map((rule, r) => rule.latin.map((pattern, i) => ({ pattern, anchors: RULE_ANCHORS[r]?.[i] ?? null })));

/** Script phrases, normalised like the texts they are looked for in (generated too). */
const SCRIPT = RULES.map((rule, r) => SCRIPT_PHRASES[r] ?? rule.script.map((phrase) => normalize(phrase)));

/** The text as crisis rules read it. Exported for tests. */
export function crisisReading(text: string): string {
  let read = collapseRepeats(expandSmsNormalized(normalize(text)));
  for (const idiom of GUARDED_IDIOMS) if (mayMatch(idiom, read)) read = read.replace(idiom.pattern, " ");
  return read.replace(/\s+/g, " ").trim();
}

/** Finds the most urgent crisis signal in a free text, or null. Runs before anything else. */
export function detectCrisis(text: string): CrisisHit | null {
  const read = crisisReading(text);
  if (!read) return null;
  for (let i = 0; i < RULES.length; i++) {
    const rule = RULES[i]!;
    if (GUARDED_RULES[i]!.some((g) => mayMatch(g, read) && g.pattern.test(read)) || SCRIPT[i]!.some((phrase) => read.includes(phrase))) {
      return { category: rule.category, severe: rule.severe };
    }
  }
  return null;
}
