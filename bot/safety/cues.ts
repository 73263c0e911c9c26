/**
 * Cue families: what one word (or a few words together) contributes to a crisis reading. The
 * detector never looks for whole phrases; it tags each word of a clause with its families
 * (lexicon/*.ts, generated into crisis-tables.ts) and rules.ts combines families within the
 * clause, with negation, person and tense. In the generated tables each family is one
 * character: its index in CUES, as CUE_CHARS spells it (reordering CUES needs `npm run generate`).
 */
export const CUES = [
  // Wanting, intending, trying, being able; negation.
  "wish",
  "future",
  "attempt",
  "able",
  "neg",
  // Dying and living.
  "die",
  "dead",
  "death",
  "live",
  "life",
  "suicide",
  "endAll",
  "end",
  "forever",
  "better",
  "withoutMe",
  "born",
  "worth",
  "why",
  "weary",
  "wake",
  "disappear",
  "leave",
  // Who does what to whom.
  "kill",
  "self",
  "meOrSelf",
  "me",
  "first",
  "third",
  "professional",
  "nonPerson",
  "relative",
  "causative",
  "passive",
  "pastAux",
  // Methods.
  "jump",
  "throwSelf",
  "height",
  "hang",
  "ingest",
  "ingestLater",
  "swallow",
  "pills",
  "pillsPlural",
  "poison",
  "many",
  "overdose",
  // Self-harm.
  "cut",
  "body",
  "selfHarm",
  "grooming",
  "accident",
  // Danger from others.
  "hit",
  "threat",
  "follow",
  "weapon",
  "danger",
  "help",
  "filler",
  "now",
  "safe",
  // Sexual violence.
  "rape",
  "sexual",
  "touch",
  "force",
  "rights",
  "violenceWord",
  // Shelter.
  "sleep",
  "outside",
  "place",
  "nowhere",
  "house",
  "have",
  "homeless",
  "expelled",
  "go",
  "notHome",
  // Blockers and context.
  "idiom",
  "liveComplement",
  "fearFuture",
  "pastDistant",
  "copula",
  "socialMedia",
  "headWall",
  "of",
  "time",
  // Added from the development set (tests/eval/crisis-dev.json).
  "again",
  "farewell",
  "seen",
  "confine",
  "exploit",
  "forMoney",
  "shelterLine",
  "since",
  "topic",
  "joke",
  "fired",
  "onPurpose",
  "blood",
] as const;

export type Cue = (typeof CUES)[number];

/** The small grammatical families: a typo never stands for one of them (only content words are read fuzzily). */
export const GRAMMATICAL_CUES: readonly Cue[] = [
  "neg",
  "first",
  "third",
  "me",
  "meOrSelf",
  "self",
  "relative",
  "pastAux",
  "of",
  "filler",
  "liveComplement",
  "copula",
  "causative",
  "passive",
  "have",
  "idiom",
  "time",
  "nonPerson",
  "fearFuture",
  "since",
  "joke",
];

/** One character per family, in CUES order: printable ASCII, then Latin-1 signs (never a space, the CONTINUED tag). */
const ALPHABET =
  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$%&()*+,-./:;<=>?@[]^_{}~¡¢£¤¥¦§¨©«¬®°±µ¶·¿×÷";
if (CUES.length > ALPHABET.length) throw new Error("too many cue families for one character each");

export const CUE_CHARS = Object.fromEntries(CUES.map((cue, i) => [cue, ALPHABET[i]!])) as Record<Cue, string>;

/**
 * Families without which no rule can fire (each rule of rules.ts needs at least one of them):
 * a clause holding none is ordinary, and neither tagged in full nor run through the rules.
 */
export const TRIGGERS: readonly Cue[] = [
  "suicide",
  "die",
  "dead",
  "death",
  "live",
  "life",
  "kill",
  "endAll",
  "end",
  "jump",
  "throwSelf",
  "hang",
  "wake",
  "disappear",
  "forever",
  "withoutMe",
  "born",
  "overdose",
  "pills",
  "pillsPlural",
  "poison",
  "selfHarm",
  "cut",
  "hit",
  "danger",
  "help",
  "threat",
  "follow",
  "weapon",
  "safe",
  "rape",
  "touch",
  "sexual",
  "violenceWord",
  "sleep",
  "homeless",
  "nowhere",
  "house",
  "expelled",
  "go",
  "farewell",
  "seen",
  "confine",
  "exploit",
  "forMoney",
  "shelterLine",
];

/** The languages the lexicons are written for; "az" is Arabic in Latin letters ("arabizi"). */
export const CRISIS_LANGS = ["fr", "en", "az", "ar", "ps", "prs"] as const;
export type CrisisLang = (typeof CRISIS_LANGS)[number];
export const ARABIC_SCRIPT_LANGS: readonly CrisisLang[] = ["ar", "ps", "prs"];

/**
 * A lexicon: per family, space-separated forms as people type them. "a_b" is two words read
 * together ("en_finir"); "{x,y}" spells variants ("mour{,r}ir"); a trailing "*" matches any
 * word starting so ("suicid*"). Forms are normalised like the texts they are looked for in.
 */
export type Lexicon = Partial<Record<Cue, string>>;
