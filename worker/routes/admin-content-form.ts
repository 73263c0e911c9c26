import type { HonoRequest } from "hono";
import type { ContentKind } from "../../shared/content/model.ts";
import { LOCALES, type Locale } from "../../shared/locales.ts";
import { frenchError } from "./admin-errors.ts";

/** "title.fr", "body.prs": a field's text in one locale. */
const LOCALE_FIELD = new RegExp(`^\\w+\\.(${LOCALES.join("|")})$`);

/**
 * How each content kind is edited in a plain HTML form, one locale at a time: the field list,
 * and the mapping from submitted form fields back to an item (then validated by zod).
 */

export type FieldType =
  | "id"
  | "text"
  | "number"
  | "localized"
  | "long"
  | "keywords"
  | "list"
  | "sources"
  | "date"
  | "select"
  | "checkbox"
  /** A French-only text on several lines (a letter's body: letters go to French administrations). */
  | "french"
  /** One French entry per line (a letter's enclosures). */
  | "lines";
export type FieldSpec = {
  name: string;
  label: string;
  type: FieldType;
  optional?: boolean;
  options?: readonly string[];
  hint?: string;
};

const SOURCES: FieldSpec = {
  name: "sources",
  label: "Sources (un libellé, et l'adresse web si elle existe)",
  type: "sources",
};

/** How many source rows the form carries: the item's own, plus empty ones to add more. */
export const MAX_SOURCES = 40;
export const EMPTY_SOURCE_ROWS = 2;
const REVIEWED: FieldSpec = { name: "reviewedAt", label: "Dernière vérification (AAAA-MM-JJ)", type: "date" };
const KEYWORDS: FieldSpec = {
  name: "keywords",
  label: "Mots-clés et synonymes (séparés par des virgules)",
  type: "keywords",
};

const ID: FieldSpec = { name: "id", label: "Identifiant", type: "id" };
const TOPIC: FieldSpec = { name: "topicId", label: "Thème", type: "select" };
const RESOURCES: FieldSpec = {
  name: "resourceIds",
  label: "Ressources (identifiants séparés par des virgules)",
  type: "list",
};

export const KIND_FIELDS: Record<ContentKind, FieldSpec[]> = {
  topic: [
    ID,
    { name: "order", label: "Ordre dans le menu", type: "number" },
    { name: "icon", label: "Icône (emoji)", type: "text", optional: true },
    { name: "title", label: "Titre", type: "localized" },
    { name: "intro", label: "Introduction", type: "long" },
    KEYWORDS,
    { name: "stepIds", label: "Étapes, dans l'ordre (identifiants séparés par des virgules)", type: "list" },
    SOURCES,
    REVIEWED,
  ],
  step: [
    ID,
    TOPIC,
    { name: "title", label: "Titre", type: "localized" },
    { name: "body", label: "Texte", type: "long" },
    KEYWORDS,
    RESOURCES,
    SOURCES,
    REVIEWED,
  ],
  resource: [
    ID,
    { name: "scope", label: "Où (national ou département)", type: "select", options: ["national", "44", "49"] },
    { name: "name", label: "Nom", type: "localized" },
    { name: "description", label: "Description", type: "long" },
    { name: "phone", label: "Téléphone", type: "text", optional: true },
    { name: "sms", label: "SMS", type: "text", optional: true },
    { name: "url", label: "Site web", type: "text", optional: true },
    { name: "address", label: "Adresse", type: "text", optional: true },
    { name: "hours", label: "Horaires", type: "localized", optional: true },
    { name: "emergency", label: "Numéro d'urgence (montré en premier en cas de crise)", type: "checkbox" },
    { ...KEYWORDS, optional: true },
    SOURCES,
    REVIEWED,
  ],
  faq: [
    ID,
    TOPIC,
    { name: "question", label: "Question", type: "localized" },
    { name: "answer", label: "Réponse courte", type: "long" },
    KEYWORDS,
    RESOURCES,
    { name: "stepId", label: "Étape liée (facultatif)", type: "text", optional: true },
    SOURCES,
    REVIEWED,
  ],
  letter: [
    ID,
    {
      name: "purpose",
      label: "À quoi sert la lettre (identifiant commun aux versions des départements)",
      type: "text",
    },
    { name: "scope", label: "Pour qui (national ou département)", type: "select", options: ["national", "44", "49"] },
    { name: "order", label: "Ordre dans la liste", type: "number" },
    { name: "title", label: "Titre", type: "localized" },
    { name: "explanation", label: "Ce que dit la lettre, en une ligne (dans la langue du jeune)", type: "long" },
    {
      name: "statuses",
      label: "Situations (ase, left_ase, mna, other, séparées par des virgules ; vide : tout le monde)",
      type: "list",
    },
    { name: "stepIds", label: "Étapes et étapes du parcours qui proposent la lettre (identifiants)", type: "list" },
    { name: "recipientIds", label: "Destinataires (ressources, celle du département d'abord)", type: "list" },
    { name: "addressee", label: "Première ligne du destinataire (français)", type: "text", optional: true },
    { name: "subject", label: "Objet (français)", type: "text" },
    {
      name: "body",
      label:
        "Lettre (français). Champs : {nom} {adresse} {date} {naissance} {departement} {base_legale} {delai} ; « …… » = à remplir à la main",
      type: "french",
    },
    { name: "legalBasis", label: "Base légale nommée dans la lettre ({base_legale})", type: "french" },
    { name: "deadline", label: "Phrase sur le délai ({delai}), facultative", type: "french", optional: true },
    { name: "enclosures", label: "Pièces jointes (une par ligne)", type: "lines" },
    SOURCES,
    REVIEWED,
  ],
};

export const KIND_LABELS: Record<ContentKind, string> = {
  topic: "Thèmes",
  step: "Étapes",
  resource: "Ressources",
  faq: "Réponses courtes",
  letter: "Lettres",
};

/** One item of a kind, as a title or a list line says it ("Étape · housing-visale"). */
export const KIND_NAMES: Record<ContentKind, string> = {
  topic: "Thème",
  step: "Étape",
  resource: "Ressource",
  faq: "Réponse courte",
  letter: "Lettre",
};

type Form = Record<string, string | undefined>;

/** The form's text fields; a repeated one (a list's entries, a group of checkboxes) joined with commas. */
export async function formOf(req: HonoRequest): Promise<Record<string, string>> {
  const body = await req.parseBody({ all: true });
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) {
    if (typeof value === "string") out[key] = value;
    else if (Array.isArray(value) && value.every((v) => typeof v === "string")) out[key] = value.join(",");
  }
  return out;
}
type Obj = Record<string, unknown>;

function splitList(value: string, separator: RegExp): string[] {
  return value
    .split(separator)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** The item described by the form in `locale`, merged into the existing item's other locales. */
export function formToItem(kind: ContentKind, form: Form, existing: Obj | null, locale: Locale): Obj {
  return formToFields(KIND_FIELDS[kind], form, existing, locale);
}

/** These fields of an item from the form in `locale` (other locales kept from `existing`). */
export function formToFields(fields: FieldSpec[], form: Form, existing: Obj | null, locale: Locale): Obj {
  const item: Obj = {};
  for (const field of fields) {
    const raw = (form[field.name] ?? "").replace(/\r\n/g, "\n");
    const value = raw.trim();
    const before = existing?.[field.name];
    switch (field.type) {
      case "localized":
      case "long": {
        const text: Obj = { ...((before as Obj | undefined) ?? {}) };
        if (value) text[locale] = value;
        else delete text[locale];
        if (Object.keys(text).length > 0 || !field.optional) item[field.name] = text;
        break;
      }
      case "keywords": {
        const words: Obj = { ...((before as Obj | undefined) ?? {}) };
        const list = splitList(raw, /[,\n]/);
        if (list.length) words[locale] = list;
        else delete words[locale];
        if (Object.keys(words).length > 0 || !field.optional) item[field.name] = words;
        break;
      }
      case "number":
        item[field.name] = value === "" ? undefined : Number(value);
        break;
      case "list":
        item[field.name] = splitList(raw, /[,\s]+/);
        break;
      case "lines":
        item[field.name] = splitList(raw, /\n/);
        break;
      case "sources":
        item[field.name] = sourcesOf(form, raw);
        break;
      case "checkbox":
        if (value === "on" || value === "true") item[field.name] = true;
        break;
      default:
        if (value || !field.optional) item[field.name] = value;
    }
  }
  return item;
}

/**
 * Sources as the form sends them: rows of `sources.<i>.label` + `sources.<i>.url` (a row left
 * empty is dropped; the URL is checked by the content model's zod schema), or, from an older
 * form or a script, one "label | https://…" per line.
 */
export function sourcesOf(form: Form, lines: string): { label: string; url?: string }[] {
  const rows: { label: string; url?: string }[] = [];
  for (let i = 0; i < MAX_SOURCES + EMPTY_SOURCE_ROWS; i++) {
    const label = (form[`sources.${i}.label`] ?? "").trim();
    const url = (form[`sources.${i}.url`] ?? "").trim();
    if (label || url) rows.push(url ? { label, url } : { label });
  }
  if (rows.length > 0 || !lines.trim()) return rows;
  return splitList(lines, /\n/).map((line) => {
    const [label = "", url = ""] = line.split("|").map((s) => s.trim());
    return url ? { label, url } : { label };
  });
}

/** The form's value for a field in `locale` (the inverse of formToItem). */
export function fieldValue(field: FieldSpec, item: Obj | null, locale: Locale): string {
  const value = item?.[field.name];
  if (value === undefined || value === null) return "";
  switch (field.type) {
    case "localized":
    case "long":
      return String((value as Obj)[locale] ?? "");
    case "keywords":
      return (((value as Obj)[locale] as string[] | undefined) ?? []).join(", ");
    case "list":
      return (value as string[]).join(", ");
    case "lines":
      return (value as string[]).join("\n");
    case "sources":
      return (value as { label: string; url?: string }[])
        .map((s) => (s.url ? `${s.label} | ${s.url}` : s.label))
        .join("\n");
    case "checkbox":
      return value === true ? "on" : "";
    default:
      return String(value);
  }
}

/** One zod message said plainly in French. */
export function plainError(path: string, message: string): string {
  // zod/mini says "Invalid input" for a bad URL too: a web address field says what it expects.
  if (/\.url$/.test(path) && /^Invalid (input|URL)$/i.test(message)) return frenchError("invalid url");
  if (/received undefined|expected string to have >=1|Too small|^Invalid input$/.test(message)) return "Obligatoire";
  if (/expected number/.test(message)) return "Un nombre entier";
  return frenchError(message);
}

/** zod's messages, said plainly in French, keyed by the form field they belong to. */
export function formErrors(fields: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(fields)) {
    // A source's error stays with its row ("sources.2.url"); other fields by their name.
    const name = /^sources\.\d+\.(label|url)$/.test(path) ? path : (path.split(".")[0] ?? "item");
    const plain = plainError(path, message);
    out[name] ??=
      path.includes(".") && !LOCALE_FIELD.test(path) && name === path.split(".")[0] ? `${path}: ${plain}` : plain;
  }
  return out;
}
