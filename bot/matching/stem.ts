/**
 * Light stemming, the same for the index and the query, so that "logements", "loger" and
 * "logement" meet, and "الإقامة" meets "إقامة". Deliberately crude: it only has to be
 * consistent, not linguistically right. Input is normalised (lower case, no accents).
 */

// Longest first. French and English endings; the stem keeps at least 3 letters.
const LATIN_SUFFIXES = [
  "issements",
  "issement",
  "ements",
  "ement",
  "ations",
  "ation",
  "ateurs",
  "ateur",
  "atrices",
  "atrice",
  "ances",
  "ance",
  "ences",
  "ence",
  "ments",
  "ment",
  "ings",
  "ing",
  "euses",
  "euse",
  "ives",
  "ive",
  "ites",
  "ite",
  "ees",
  "ies",
  "ied",
  "ee",
  "es",
  "er",
  "ez",
  "ed",
  "e",
  "s",
  "x",
];

// Normalised forms (ك is folded to ک): the article and what is glued before it ("و" and, "ب" with,
// "ف" so, "ک" like, "لل" for the). Safe in every Arabic-script language: few Pashto or Dari words start so.
const ARABIC_PREFIXES = ["وبال", "وال", "بال", "فال", "کال", "ولل", "فلل", "لل", "ال"];
// Arabic plurals and pronouns, Persian plurals ("های", "ها", "ان"), Pashto plurals ("ونه", "ګانې" → "ګاني").
// Also Persian "گی" makes a noun of an adjective in "ه": "افسردگی" (depression) → "افسرد", as "افسرده" (depressed).
const ARABIC_SUFFIXES = ["هاي", "ګاني", "ونه", "گي", "ات", "ون", "ين", "ها", "ان", "ه"];

/**
 * Arabic clitics: one-letter prefixes ("و" and, "ف" so, "ب" with, "ل" for; verb persons "ا" "ن" "ت" "ي")
 * and pronoun suffixes ("ي" my, "ک" your, "ه" "ها" "هم" his/her/their, "نا" our, "ني" me, "وا" the
 * verbs' plural; "ا" of the accusative, "طبيبًا"). NOT stripped by stem(): the same letters begin and end many Pashto and Dari words
 * ("بیړني" urgent would lose its "ب", "کارت" card would become "کار" work). The matcher tries them
 * only on Arabic text, and keeps a variant only if it is a word of the content (arabicVariants).
 */
const CLITIC_PREFIXES = ["و", "ف", "ب", "ل", "ا", "ن", "ت", "ي"];
const PRONOUN_SUFFIXES = ["هما", "کما", "هم", "کم", "نا", "ها", "ني", "وا", "ي", "ک", "ه", "ا"];

const ARABIC_SCRIPT = /[\u0600-\u06ff]/;

export function stem(token: string): string {
  if (ARABIC_SCRIPT.test(token)) return stemArabicScript(token);
  if (token.length <= 3 || /\d/.test(token)) return token;
  let word = token;
  if (word.endsWith("aux") && word.length > 5) return word.slice(0, -3) + "al";
  // Plural first, so that "foyers" and "foyer" take the same path.
  if ((word.endsWith("s") || word.endsWith("x")) && word.length > 4) word = word.slice(0, -1);
  for (const suffix of LATIN_SUFFIXES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3) {
      word = word.slice(0, -suffix.length);
      break;
    }
  }
  // "appelle" / "appel", "dossiers" / "dossier": fold a doubled final consonant.
  if (word.length > 3 && word[word.length - 1] === word[word.length - 2]) word = word.slice(0, -1);
  return word;
}

function stemArabicScript(token: string): string {
  let word = token;
  for (const prefix of ARABIC_PREFIXES) {
    if (word.startsWith(prefix) && word.length - prefix.length >= 3) {
      word = word.slice(prefix.length);
      break;
    }
  }
  for (const suffix of ARABIC_SUFFIXES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3) {
      word = word.slice(0, -suffix.length);
      break;
    }
  }
  // "خانهها" → "خانه" → "خان", as "خانه" itself.
  if (word !== token && word.endsWith("ه") && word.length >= 4) word = word.slice(0, -1);
  return word;
}

/**
 * The stems an Arabic word may stand for once a glued letter is taken off: "ولجوء" → "لجوء",
 * "أوراقي" (my papers) → "أوراق", "إقامتي" → "إقامة", "نسكن" (we live) → "سكن", "رفضوا" (they
 * refused) → "رفض". Most likely first (prefix, suffix, both); the caller keeps the first it knows.
 * At least 3 letters remain. For Arabic only (see CLITIC_PREFIXES).
 */
export function arabicVariants(token: string): string[] {
  if (!ARABIC_SCRIPT.test(token) || token.length < 4) return [];
  const own = stem(token);
  const out: string[] = [];
  const push = (word: string) => {
    if (word.length < 3) return;
    const s = stem(word);
    if (s !== own && s.length >= 3 && !out.includes(s)) out.push(s);
  };
  const unprefixed: string[] = [];
  // "ا" of "ال" is the article, not "I" (stem() strips the article).
  for (const p of CLITIC_PREFIXES)
    if (token.startsWith(p) && !(p === "ا" && token[1] === "ل")) unprefixed.push(token.slice(1));
  // "وبـ", "فلـ": a conjunction before a preposition.
  if ((token[0] === "و" || token[0] === "ف") && (token[1] === "ب" || token[1] === "ل")) unprefixed.push(token.slice(2));
  const unsuffixed = (word: string): string[] => {
    const list: string[] = [];
    for (const suffix of PRONOUN_SUFFIXES) {
      if (!word.endsWith(suffix) || word.length - suffix.length < 3) continue;
      const rest = word.slice(0, -suffix.length);
      // "إقامتي": the ta marbuta is written "ت" before a pronoun.
      if (rest.endsWith("ت")) list.push(rest.slice(0, -1) + "ه");
      list.push(rest);
    }
    return list;
  };
  for (const word of unprefixed) push(word);
  for (const word of unsuffixed(token)) push(word);
  for (const word of unprefixed) for (const rest of unsuffixed(word)) push(rest);
  return out;
}

/** Letters Arabic does not use: Persian (پ چ ژ گ ی ک) and Pashto (ټ ډ ړ ږ ښ ګ ڼ ې ۍ ځ څ ڀ). */
const NOT_ARABIC = /[پچژگیکټډړږښګڼېۍځڅ]/;
/**
 * Whether a raw (not normalised) text is written in Arabic rather than Persian or Pashto: Arabic
 * script without the letters Arabic has not (Persian and Pashto keyboards type "ی" and "ک", the
 * most frequent of them, for Arabic "ي" and "ك").
 */
export function looksArabic(raw: string): boolean {
  return ARABIC_SCRIPT.test(raw) && !NOT_ARABIC.test(raw);
}

// Dari possessives and the indefinite "ی" glued to a noun: "پولم" my money, "مدارکت" your papers,
// "خانه‌ای" a house (normalised: no ZWNJ, "ی" → "ي"). Longest first.
const DARI_SUFFIXES = ["هايم", "هايت", "هايش", "مان", "تان", "شان", "ام", "ات", "اش", "اي", "م", "ت", "ش", "ي"];

/**
 * The stems a Dari word may stand for once a possessive or the indefinite "ی" is taken off:
 * "پولم" → "پول", "مدارکم" → "مدارک", "خانه‌ام" → "خانه". As arabicVariants, the caller keeps
 * the first that is a word of the Dari content.
 */
export function dariVariants(token: string): string[] {
  if (!ARABIC_SCRIPT.test(token) || token.length < 4) return [];
  const own = stem(token);
  const out: string[] = [];
  for (const suffix of DARI_SUFFIXES) {
    if (!token.endsWith(suffix) || token.length - suffix.length < 3) continue;
    const s = stem(token.slice(0, -suffix.length));
    if (s !== own && s.length >= 3 && !out.includes(s)) out.push(s);
  }
  return out;
}

const PASHTO = /[\u067c\u0689\u0693\u0696\u069a\u06ab\u06bc\u06d0\u06cd\u0681\u0685]/;
const PERSIAN = /[\u067e\u0686\u0698\u06af\u06cc\u06a9]/;
/** Whether a raw text is written in Dari (Persian letters, none of Pashto's own). */
export function looksDari(raw: string): boolean {
  return PERSIAN.test(raw) && !PASHTO.test(raw);
}
