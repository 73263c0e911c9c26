import { pick, type ContentBundle, type Dept, type Resource } from "../content/model.ts";
import type { Locale } from "../locales.ts";
import type { Status } from "../profile.ts";
import type { Letter, Placeholder } from "./model.ts";

/**
 * Letters made from a template, for one young person, now. Pure: the sender's name and address
 * come in and go out in the result, and are never part of anything stored (the caller hands the
 * letter over and forgets it). Without them the letter has blanks to fill in by hand.
 */

export type Sender = { name: string; address: string };

export type LetterFacts = {
  dept?: Dept | undefined;
  /** "YYYY-MM": the only birth date Passerelle keeps. */
  birth?: string | undefined;
  /** "YYYY-MM-DD", Paris time. */
  today: string;
  sender?: Sender | undefined;
};

export type MadeLetter = {
  purpose: string;
  /** In the young person's language. */
  title: string;
  explanation: string;
  /** The letter, in French. */
  sender: string[];
  recipient: string[];
  date: string;
  subject: string;
  paragraphs: string[];
  enclosures: string[];
  signature: string;
  /** The whole letter as plain text, to copy. */
  text: string;
};

const BLANK = "……………………………………";
const MONTHS = [
  "janvier",
  "février",
  "mars",
  "avril",
  "mai",
  "juin",
  "juillet",
  "août",
  "septembre",
  "octobre",
  "novembre",
  "décembre",
];
const DEPT_NAMES: Record<Dept, string | null> = { "44": "Loire-Atlantique", "49": "Maine-et-Loire", other: null };

/** The template for `purpose`: the département's own, else the national one. */
export function letterFor(content: ContentBundle, purpose: string, dept: Dept | undefined): Letter | undefined {
  const letters = (content.letters ?? []).filter((l) => l.purpose === purpose);
  return letters.find((l) => l.scope === dept) ?? letters.find((l) => l.scope === "national");
}

/** One template per purpose for this person, in order: those for their situation (all if unknown). */
export function lettersFor(content: ContentBundle, dept: Dept | undefined, status: Status | undefined): Letter[] {
  const purposes = [...new Set((content.letters ?? []).map((l) => l.purpose))];
  return purposes
    .map((p) => letterFor(content, p, dept))
    .filter((l): l is Letter => l !== undefined)
    .filter((l) => status === undefined || l.statuses.length === 0 || l.statuses.includes(status))
    .sort((a, b) => a.order - b.order);
}

/** The letters a content step or a roadmap step offers. */
export function lettersForStep(content: ContentBundle, stepId: string, dept: Dept | undefined): Letter[] {
  const purposes = [
    ...new Set((content.letters ?? []).filter((l) => l.stepIds.includes(stepId)).map((l) => l.purpose)),
  ];
  return purposes.map((p) => letterFor(content, p, dept)).filter((l): l is Letter => l !== undefined);
}

export function frenchDate(isoDate: string): string {
  const [y, m, d] = isoDate.split("-").map(Number);
  return `${d === 1 ? "1er" : d} ${MONTHS[(m ?? 1) - 1]} ${y}`;
}

function monthYear(ym: string | undefined): string {
  if (!ym) return BLANK;
  const [y, m] = ym.split("-").map(Number);
  return `${MONTHS[(m ?? 1) - 1]} ${y}`;
}

/**
 * Where nothing verified gives the address (no resource for this département, a préfecture, an
 * address without its postcode), the letter says plainly where to get it instead of a bare blank.
 */
export const ASK_ADDRESS = `Adresse : écris ici l'adresse que ton référent ou ton éducateur te donne : ${BLANK}`;
export const ASK_POSTCODE = `Code postal : demande-le à ton référent ou à ton éducateur et écris-le ici : ${BLANK}`;
/** A French postcode (5 digits, then the town; not a "CS 94109" mail box number): without it, the address is not complete. */
const POSTCODE = /\b\d{5} +\p{L}/u;

/** Recipient: the resource of the person's département, else a national one; its address, or where to get it. */
function recipientOf(letter: Letter, content: ContentBundle, dept: Dept | undefined, fill: (s: string) => string) {
  const resources = letter.recipientIds
    .map((id) => content.resources.find((r) => r.id === id))
    .filter((r): r is Resource => r !== undefined);
  const resource = resources.find((r) => r.scope === dept) ?? resources.find((r) => r.scope === "national");
  const lines = letter.addressee ? [fill(letter.addressee)] : [];
  if (resource) lines.push(resource.name.fr);
  if (!resource?.address) lines.push(ASK_ADDRESS);
  else lines.push(...addressLines(resource.address), ...(POSTCODE.test(resource.address) ? [] : [ASK_POSTCODE]));
  return lines;
}

function addressLines(address: string): string[] {
  return address
    .split(/\n|,\s*/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

export function makeLetter(letter: Letter, content: ContentBundle, locale: Locale, facts: LetterFacts): MadeLetter {
  const deptName = (facts.dept && DEPT_NAMES[facts.dept]) ?? BLANK;
  const values: Record<Placeholder, string> = {
    nom: facts.sender?.name || BLANK,
    adresse: facts.sender?.address || BLANK,
    date: frenchDate(facts.today),
    naissance: monthYear(facts.birth),
    departement: deptName,
    base_legale: letter.legalBasis,
    delai: letter.deadline ?? "",
  };
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (m, name: string) => values[name as Placeholder] ?? m);
  const sender = facts.sender
    ? [facts.sender.name, ...addressLines(facts.sender.address)]
    : [`Prénom et nom : ${BLANK}`, `Adresse : ${BLANK}`, BLANK];
  const recipient = recipientOf(letter, content, facts.dept, fill);
  const date = `Le ${values.date}`;
  const subject = `Objet : ${fill(letter.subject)}`;
  const paragraphs = fill(letter.body)
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  const signature = facts.sender?.name || "Signature";
  const enclosures = letter.enclosures;
  const text = [
    sender.join("\n"),
    recipient.join("\n"),
    date,
    subject,
    ...paragraphs,
    signature,
    ...(enclosures.length > 0 ? [`Pièces jointes :\n${enclosures.map((e) => `- ${e}`).join("\n")}`] : []),
  ].join("\n\n");
  return {
    purpose: letter.purpose,
    title: pick(letter.title, locale).text,
    explanation: pick(letter.explanation, locale).text,
    sender,
    recipient,
    date,
    subject,
    paragraphs,
    enclosures,
    signature,
    text,
  };
}
