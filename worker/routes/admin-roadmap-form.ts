import type { Locale } from "../../shared/locales.ts";
import type { Status } from "../../shared/profile.ts";
import { stepRuleSchema, type DateAnchor, type StepRule } from "../../shared/roadmap/rules.ts";
import { formErrors, formToFields, plainError, type FieldSpec } from "./admin-content-form.ts";

/**
 * One roadmap step (shared/roadmap/rules.ts) as a plain HTML form, one locale at a time: its
 * dates as an anchor plus years, months and days; who it is for; its texts; its sources. The
 * form's fields back to a rule, then checked by the rule's own zod schema; its errors by field.
 */

export const DATE_FIELDS = ["opens", "due", "showFrom", "hideAfter"] as const;
export type DateField = (typeof DATE_FIELDS)[number];

export const DATE_FIELD_LABELS: Record<DateField, { label: string; hint: string }> = {
  opens: { label: "S'ouvre le", hint: "quand il devient utile d'agir (sans date : dès qu'elle s'affiche)" },
  due: { label: "À faire avant le", hint: "le dernier jour pour agir (sans date : pas de date limite)" },
  showFrom: { label: "Affichée à partir du", hint: "avant, la jeune personne ne la voit pas encore" },
  hideAfter: { label: "Plus affichée après le", hint: "après, l'étape disparaît (trop tard ou plus utile)" },
};

export const ANCHOR_WORDS: Record<DateAnchor, string> = {
  birth: "la naissance (le 1er du mois de naissance)",
  careLimit: "l'âge limite du contrat jeune majeur (anniversaire, selon le département)",
  leftCare: "la sortie de l'ASE (comptée aux 18 ans)",
  enteredCare: "l'entrée à l'ASE (le 1er du mois donné par la jeune personne)",
  permitExpiry: "la fin du titre de séjour (le 1er du mois donné par la jeune personne)",
};

export const STATUS_WORDS: Record<Status, string> = {
  ase: "à l'ASE",
  left_ase: "sorti·e de l'ASE",
  mna: "MNA",
  other: "autre situation",
};

/** The texts and sources, edited like a content item's (the French beside a translation). */
export const TEXT_FIELDS: FieldSpec[] = [
  { name: "title", label: "Titre", type: "localized" },
  { name: "why", label: "Pourquoi (ce que la jeune personne lit)", type: "long" },
  { name: "documents", label: "Papiers à préparer (facultatif)", type: "long", optional: true },
  { name: "contentStepId", label: "Étape du guide qui l'explique (facultatif)", type: "text", optional: true },
  { name: "sources", label: "Sources", type: "sources" },
  { name: "reviewedAt", label: "Dernière vérification (AAAA-MM-JJ)", type: "date", optional: true },
];

type Form = Record<string, string | undefined>;

const trimmed = (form: Form, name: string) => (form[name] ?? "").trim();

/** "" → absent; a number; anything else kept as typed (the schema refuses it, the form shows it back). */
function optionalNumber(form: Form, name: string): number | string | undefined {
  const value = trimmed(form, name);
  if (value === "") return undefined;
  const n = Number(value.replace(",", "."));
  return Number.isFinite(n) ? n : value;
}

function statusList(form: Form, name: string): string[] {
  return trimmed(form, name)
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A date field: nothing when all its boxes are empty, else what was typed (checked by zod). */
function dateOf(form: Form, name: DateField): Record<string, unknown> | undefined {
  const from = trimmed(form, `${name}.from`);
  const parts = {
    years: optionalNumber(form, `${name}.years`),
    months: optionalNumber(form, `${name}.months`),
    days: optionalNumber(form, `${name}.days`),
  };
  const given = Object.values(parts).some((v) => v !== undefined);
  if (!from && !given) return undefined;
  const spec: Record<string, unknown> = { from };
  for (const [key, value] of Object.entries(parts)) if (value !== undefined) spec[key] = value;
  return spec;
}

/** The step the form describes in `locale`, its other locales kept from `existing`. */
export function formToRule(form: Form, existing: StepRule | null, locale: Locale): Record<string, unknown> {
  const rule: Record<string, unknown> = {
    id: existing?.id ?? trimmed(form, "id"),
    statuses: statusList(form, "statuses"),
    alert: form.alert === "on",
    ...formToFields(TEXT_FIELDS, form, existing as Record<string, unknown> | null, locale),
  };
  for (const name of DATE_FIELDS) {
    const spec = dateOf(form, name);
    if (spec) rule[name] = spec;
  }
  const lead = optionalNumber(form, "leadMonths");
  if (lead !== undefined) rule.leadMonths = lead;
  const min = optionalNumber(form, "enteredCareMonths.min");
  const max = optionalNumber(form, "enteredCareMonths.max");
  if (min !== undefined || max !== undefined)
    rule.enteredCareMonths = {
      ...(min !== undefined ? { min } : {}),
      ...(max !== undefined ? { max } : {}),
      ifUnknown: form["enteredCareMonths.ifUnknown"] === "on",
    };
  // Everyone the step is for still sees it undated: the rule says nothing (its default).
  if (form["ifAnchorUnknown.shown"]) {
    const kept = statusList(form, "ifAnchorUnknown");
    const statuses = rule.statuses as string[];
    if (!statuses.every((s) => kept.includes(s))) rule.ifAnchorUnknown = kept.filter((s) => statuses.includes(s));
  }
  return rule;
}

const NUMBER_BOX = /^((opens|due|showFrom|hideAfter)\.(years|months|days)|enteredCareMonths\.(min|max)|leadMonths)$/;

/** The form's errors: a date's or an age bound's beside its own box, the others by field. */
export function ruleErrors(fields: Record<string, string>): Record<string, string> {
  const out = formErrors(fields);
  for (const [path, message] of Object.entries(fields)) {
    const own = NUMBER_BOX.test(path)
      ? "Un nombre entier (par exemple 18, 0 ou -1)"
      : /^(opens|due|showFrom|hideAfter)\.from$/.test(path)
        ? "Choisis à partir de quoi la date se compte"
        : /^enteredCareMonths\.\w+$/.test(path)
          ? plainError(path, message)
          : null;
    if (own === null) continue;
    // The first issue of a box wins; formErrors' message for its whole field gives way.
    if (path.includes(".")) {
      out[path] ??= own;
      delete out[path.split(".")[0]!];
    } else out[path] = own;
  }
  return out;
}

/** zod's issues for one rule, by path ("due.years", "title.fr", "sources.1.url"). */
export function checkRule(rule: unknown): { ok: true; rule: StepRule } | { ok: false; fields: Record<string, string> } {
  const parsed = stepRuleSchema().safeParse(rule);
  if (parsed.success) return { ok: true, rule: parsed.data };
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) fields[issue.path.map(String).join(".") || "item"] ??= issue.message;
  return { ok: false, fields };
}
