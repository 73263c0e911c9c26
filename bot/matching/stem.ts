/**
 * Light stemming, the same for the index and the query, so that "logements", "loger" and
 * "logement" meet, and "الإقامة" meets "إقامة". Deliberately crude: it only has to be
 * consistent, not linguistically right. Input is normalised (lower case, no accents).
 */

// Longest first. French and English endings; the stem keeps at least 3 letters.
const LATIN_SUFFIXES = [
  "issements", "issement", "ements", "ement", "ations", "ation", "ateurs", "ateur", "atrices", "atrice",
  "ances", "ance", "ences", "ence", "ments", "ment", "ings", "ing", "euses", "euse", "ives", "ive",
  "ites", "ite", "ees", "ies", "ied", "ee", "es", "er", "ez", "ed", "e", "s", "x",
];

// Normalised forms (ك is folded to ک). "و" and, "ب" with, "ل" for, "ف" so, "ک" like, glued to the word.
const ARABIC_PREFIXES = ["وال", "بال", "فال", "کال", "لل", "ال"];
const ARABIC_ONE_LETTER_PREFIXES = ["و", "ب", "ل", "ف"];
// Arabic plurals and pronouns, Persian plurals ("های", "ها", "ان"), Pashto plurals ("ونه", "ګانې" → "ګاني").
// Also Persian "گی" makes a noun of an adjective in "ه": "افسردگی" (depression) → "افسرد", as "افسرده" (depressed).
const ARABIC_SUFFIXES = ["هاي", "ګاني", "ونه", "گي", "ات", "ون", "ين", "ها", "ان", "ه"];

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
  let stripped = false;
  for (const prefix of ARABIC_PREFIXES) {
    if (word.startsWith(prefix) && word.length - prefix.length >= 3) {
      word = word.slice(prefix.length);
      stripped = true;
      break;
    }
  }
  // A one-letter prefix only on words of 5 letters or more ("والاقامه" is caught above, "ولجوء" → "لجوء").
  if (!stripped && word.length >= 5 && ARABIC_ONE_LETTER_PREFIXES.includes(word[0]!)) word = word.slice(1);
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
