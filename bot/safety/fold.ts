/**
 * Spellings folded together before a word is looked up (reading.ts) and when the lexicons are
 * compiled (tables.ts), so that both sides meet.
 */

/** Pashto letters as a Persian keyboard types them (ګ → گ, ړ → ر, ځ → ز…), and Maghrebi ڭ. */
const KEYBOARD_FOLD: Record<string, string> = {
  ګ: "گ",
  ڭ: "گ",
  ړ: "ر",
  ښ: "ش",
  ټ: "ت",
  ډ: "د",
  ږ: "ژ",
  ڼ: "ن",
  ځ: "ز",
  ڤ: "ف",
};
export function foldArabicScript(token: string): string {
  let out = "";
  for (const ch of token) out += KEYBOARD_FOLD[ch] ?? ch;
  return out;
}

/** Arabizi spellings folded together: digits to letters, o/ou → u, e → i, ch → sh, k → q, no doubles. */
export function foldArabizi(token: string): string {
  let out = "";
  let last = "";
  for (let i = 0; i < token.length; i++) {
    const ch = token[i]!;
    let mapped: string;
    switch (ch) {
      case "2":
        mapped = "";
        break;
      case "3":
        mapped = "a";
        break;
      case "5":
        mapped = "kh";
        break;
      case "7":
        mapped = "h";
        break;
      case "8":
        mapped = "gh";
        break;
      case "9":
      case "k":
        mapped = "q";
        break;
      case "o":
        mapped = "u";
        break;
      case "e":
      case "y":
        mapped = "i";
        break;
      case "c":
        mapped = token[i + 1] === "h" ? "s" : "q";
        break;
      default:
        mapped = ch;
    }
    for (let j = 0; j < mapped.length; j++) {
      const m = mapped[j]!;
      if (m !== last) out += m;
      last = m;
    }
  }
  return out;
}
