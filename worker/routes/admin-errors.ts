import type { ContentKind } from "../../shared/content/model.ts";

/**
 * The content checks (shared/content/validate.ts, the item schemas, the store) speak English
 * to developers and scripts; editors read them in French. Each known sentence is rewritten
 * with the item's kind as a word; an unknown one is shown as it came (never hidden).
 */

const KIND_WORDS: Record<string, string> = {
  topic: "le thème",
  step: "l'étape",
  resource: "la ressource",
  faq: "la réponse courte",
  letter: "la lettre",
} satisfies Record<ContentKind, string>;

const kindWord = (kind: string) => KIND_WORDS[kind] ?? kind;
const q = (id: string) => `« ${id} »`;

const RULES: [RegExp, (...groups: string[]) => string][] = [
  [
    /^(\w+) "([^"]+)": (\w+) "([^"]+)" does not exist$/,
    (k, id, k2, id2) => `${cap(kindWord(k))} ${q(id)} : ${kindWord(k2)} ${q(id2)} n'existe pas.`,
  ],
  [/^(\w+) "([^"]+)" does not exist$/, (k, id) => `${cap(kindWord(k))} ${q(id)} n'existe pas.`],
  [
    /^(\w+) "([^"]+)": duplicate id$/,
    (k, id) => `${cap(kindWord(k))} ${q(id)} : cet identifiant est utilisé deux fois.`,
  ],
  [
    /^topic "([^"]+)": step "([^"]+)" is listed twice$/,
    (t, s) => `Le thème ${q(t)} : l'étape ${q(s)} est listée deux fois.`,
  ],
  [
    /^topic "([^"]+)": step "([^"]+)" belongs to topic "([^"]+)"$/,
    (t, s, o) => `Le thème ${q(t)} : l'étape ${q(s)} appartient au thème ${q(o)}.`,
  ],
  [
    /^step "([^"]+)": not listed in topic "([^"]+)" stepIds$/,
    (s, t) => `L'étape ${q(s)} n'est pas dans la liste des étapes du thème ${q(t)}.`,
  ],
  [/^a (\w+) with this id already exists$/, () => "Cet identifiant existe déjà : choisis-en un autre."],
  [/^no (\w+) with this id$/, () => "Aucun élément avec cet identifiant."],
  [/^this revision does not exist$/, () => "Cette version de l'historique n'existe pas."],
  [/^date: YYYY-MM-DD$/, () => "Une date au format AAAA-MM-JJ (par exemple 2026-12-03)."],
  [/^must not be empty$/, () => "Obligatoire."],
  [
    /^not writable in the PDF \(Latin letters only\)$/,
    () =>
      "Seulement des lettres latines : la lettre en PDF ne sait pas écrire d'autres alphabets (ce qui doit être lu dans une autre langue va dans l'explication, montrée dans le chat).",
  ],
  [/^missing or invalid \(expected (\w+)\)$/, () => "Manquant ou invalide."],
  [/^too small \(minimum (\d+)\)$/, (n) => `Trop petit (au moins ${n}).`],
  [/^too big \(maximum (\d+)\)$/, (n) => `Trop grand (au plus ${n}).`],
  [/^does not match the expected pattern$/, () => "Ne correspond pas au format attendu."],
  [/^invalid url$/i, () => "Une adresse web complète, qui commence par https://"],
  [/^expected one of (.+)$/, (v) => `Une de ces valeurs : ${v}.`],
  [/^unknown key\(s\) (.+)$/, (v) => `Champ(s) inconnu(s) : ${v}.`],
];

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** One message in French; a "where: what" message keeps its where and has its what rewritten. */
export function frenchError(message: string): string {
  for (const [pattern, say] of RULES) {
    const m = pattern.exec(message);
    if (m) return say(...m.slice(1));
  }
  const split = /^((?:\w+ "[^"]+"|\w+\[\d+\])(?: [\w.]+)?): (.+)$/.exec(message);
  if (split) {
    const [, where = "", what = ""] = split;
    const french = frenchError(what);
    if (french !== what) return `${frenchWhere(where)} : ${french}`;
  }
  return message;
}

/** `step "cjm-ask" body.fr` → `l'étape « cjm-ask » (body.fr)`. */
function frenchWhere(where: string): string {
  const m = /^(\w+) "([^"]+)"(?: ([\w.]+))?$/.exec(where);
  if (!m) return where;
  const [, kind = "", id = "", field] = m;
  return `${cap(kindWord(kind))} ${q(id)}${field ? ` (${field})` : ""}`;
}
