import { normalize } from "./normalize.ts";

/**
 * SMS spelling and abbreviations as young people type them, expanded to plain words so that
 * matching and crisis detection read "jveux" as "je veux" and "c koi" as "c est quoi".
 * Keys and values are already normalised (lower case, no accents, apostrophes as spaces).
 */
const SMS: Record<string, string> = {
  // French
  c: "c est",
  cest: "c est",
  koi: "quoi",
  kwa: "quoi",
  kesako: "c est quoi",
  keske: "qu est ce que",
  kesk: "qu est ce que",
  keskon: "qu est ce qu on",
  ksk: "qu est ce que",
  jai: "j ai",
  g: "j ai",
  jaime: "j aime",
  jsuis: "je suis",
  jsui: "je suis",
  chui: "je suis",
  chuis: "je suis",
  jss: "je suis",
  jveux: "je veux",
  jve: "je veux",
  jvx: "je veux",
  jvais: "je vais",
  jvai: "je vais",
  jpeux: "je peux",
  jpe: "je peux",
  jpx: "je peux",
  jsp: "je sais pas",
  jsais: "je sais",
  jcrois: "je crois",
  jme: "je me",
  jm: "je me",
  jmen: "je m en",
  jen: "j en",
  jpense: "je pense",
  jdois: "je dois",
  jdoi: "je dois",
  jdors: "je dors",
  jdor: "je dors",
  jreste: "je reste",
  jtrouve: "je trouve",
  jfais: "je fais",
  jfai: "je fais",
  jaurai: "j aurai",
  javais: "j avais",
  jarrive: "j arrive",
  jpp: "j en peux plus",
  jpeu: "je peux",
  stp: "s il te plait",
  svp: "s il vous plait",
  sil: "s il",
  ptn: "putain",
  bcp: "beaucoup",
  bcq: "beaucoup",
  tkt: "t inquiete",
  pk: "pourquoi",
  pq: "pourquoi",
  pkoi: "pourquoi",
  pourkoi: "pourquoi",
  prkoi: "pourquoi",
  qd: "quand",
  kan: "quand",
  kand: "quand",
  qnd: "quand",
  cmt: "comment",
  cmnt: "comment",
  koman: "comment",
  komen: "comment",
  comen: "comment",
  commen: "comment",
  ke: "que",
  ki: "qui",
  kel: "quel",
  kelle: "quelle",
  ya: "il y a",
  yaura: "il y aura",
  yen: "il y en",
  dc: "donc",
  tt: "tout",
  tte: "toute",
  ts: "tous",
  tjs: "toujours",
  tjrs: "toujours",
  mm: "meme",
  ds: "dans",
  pr: "pour",
  ns: "nous",
  vs: "vous",
  bjr: "bonjour",
  bsr: "bonsoir",
  slt: "salut",
  mrc: "merci",
  mci: "merci",
  dsl: "desole",
  rdv: "rendez vous",
  mtn: "maintenant",
  mnt: "maintenant",
  auj: "aujourd hui",
  ajd: "aujourd hui",
  ajrd: "aujourd hui",
  aujourdhui: "aujourd hui",
  demin: "demain",
  "2main": "demain",
  pa: "pas",
  fo: "faut",
  fau: "faut",
  doi: "dois",
  veu: "veux",
  peu: "peux",
  sui: "suis",
  oqp: "occupe",
  qq: "quelque",
  qqn: "quelqu un",
  qqun: "quelqu un",
  qqc: "quelque chose",
  qqch: "quelque chose",
  tps: "temps",
  pb: "probleme",
  pblm: "probleme",
  prob: "probleme",
  pbm: "probleme",
  appart: "appartement",
  apart: "appartement",
  apparte: "appartement",
  ado: "adolescent",
  educ: "educateur",
  educs: "educateurs",
  ref: "referent",
  cjm: "contrat jeune majeur",
  apjm: "contrat jeune majeur",
  mna: "mineur non accompagne",
  // English
  u: "you",
  ur: "your",
  r: "are",
  pls: "please",
  plz: "please",
  pl: "please",
  wanna: "want to",
  gonna: "going to",
  gotta: "got to",
  im: "i am",
  ive: "i have",
  dont: "do not",
  cant: "can not",
  cannot: "can not",
  wont: "will not",
  idk: "i do not know",
  kms: "kill myself",
  bf: "boyfriend",
  gf: "girlfriend",
  ppl: "people",
  tonite: "tonight",
  "2nite": "tonight",
  "2night": "tonight",
  "2day": "today",
  coz: "because",
  cuz: "because",
  bc: "because",
  thx: "thanks",
  ty: "thank you",
  wat: "what",
  wot: "what",
  whats: "what is",
  hw: "how",
  abt: "about",
  appt: "appointment",
  b4: "before",
  w: "with",
  wiv: "with",
  yo: "you",
};

/** Expands SMS spellings in an already normalised text. */
export function expandSmsNormalized(normalized: string): string {
  if (!normalized) return normalized;
  return (
    normalized
      .split(" ")
      // "c est" is already spelled out: only a lone "c" ("c koi") is expanded.
      .map((token, i, all) => (token === "c" && all[i + 1] === "est" ? token : expandSmsToken(token)))
      .join(" ")
  );
}

/** One normalised token in plain words ("jveux" → "je veux"), or the token itself. */
export function expandSmsToken(token: string): string {
  return SMS[token] ?? splitElision(token);
}

/** normalize() then SMS expansion: the form crisis detection and matching read. */
export function readable(text: string): string {
  return expandSmsNormalized(normalize(text));
}

/** "jai", "jsuis", "mappelle": French elisions typed without the apostrophe. */
const ELIDED =
  /^(?:(j)(ai|avais|aurai|etais|arrive|habite|aime|ecoute|attends)|(m)(appelle|inquiete)|(t)(inquiete|as)|(qu)(il|elle|on|est))$/;
function splitElision(token: string): string {
  const m = ELIDED.exec(token);
  if (!m) return token;
  const parts = m.slice(1).filter((part) => part !== undefined);
  return parts.join(" ");
}
