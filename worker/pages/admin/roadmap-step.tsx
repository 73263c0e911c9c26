import type { Child } from "hono/jsx";
import type { TranslationStatus } from "../../../shared/content/translation.ts";
import { LOCALES, LOCALE_NAMES, type Locale } from "../../../shared/locales.ts";
import { STATUSES } from "../../../shared/profile.ts";
import { DATE_ANCHORS } from "../../../shared/roadmap/rules.ts";
import {
  ANCHOR_WORDS,
  DATE_FIELD_LABELS,
  DATE_FIELDS,
  STATUS_WORDS,
  TEXT_FIELDS,
  type DateField,
} from "../../routes/admin-roadmap-form.ts";
import { Csrf, Field, SourceRows, STATUS_WORDS as TRANSLATION_WORDS, type Choice } from "./content.tsx";

/**
 * The form of one roadmap step (no script): who it is for, its dates as "from an anchor, plus
 * years, months, days", the age at entry into care it needs, its texts in one locale (the
 * French beside a translation, what changed since marked), its sources and review date. Each
 * error sits beside its box; the sample roadmap is shown beside the form by the route.
 */

type Rule = Record<string, unknown>;
type Errors = Record<string, string>;

function ErrorText(props: { id: string; error: string | undefined }) {
  return props.error ? (
    <p class="field-error" id={`${props.id}-error`}>
      {props.error}
    </p>
  ) : null;
}

/** An input with its label, its error beside it and linked to it for screen readers. */
function Box(props: { name: string; label: string; value: string; error: string | undefined; class?: string }) {
  const id = `f-${props.name.replace(/\./g, "-")}`;
  return (
    <div>
      <label for={id}>{props.label}</label>
      <input
        id={id}
        name={props.name}
        value={props.value}
        inputmode="numeric"
        class={props.class ?? "w7"}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={props.error ? `${id}-error` : undefined}
      />
      <ErrorText id={id} error={props.error} />
    </div>
  );
}

function num(value: unknown): string {
  return typeof value === "number" ? String(value) : value === undefined ? "" : String(value);
}

function DateRow(props: { name: DateField; spec: Rule | undefined; errors: Errors }) {
  const { name, spec, errors } = props;
  const words = DATE_FIELD_LABELS[name];
  const fromError = errors[`${name}.from`];
  return (
    <fieldset id={`f-${name}`}>
      <legend>{words.label}</legend>
      <p class="muted tight">{words.hint}</p>
      <div class="spec">
        <div>
          <label for={`f-${name}-from`}>À partir de</label>
          <select
            id={`f-${name}-from`}
            name={`${name}.from`}
            aria-invalid={fromError ? "true" : undefined}
            aria-describedby={fromError ? `f-${name}-from-error` : undefined}
          >
            <option value="" selected={!spec?.from}>
              (pas de date)
            </option>
            {DATE_ANCHORS.map((a) => (
              <option value={a} selected={spec?.from === a}>
                {ANCHOR_WORDS[a]}
              </option>
            ))}
          </select>
          <ErrorText id={`f-${name}-from`} error={fromError} />
        </div>
        <Box name={`${name}.years`} label="+ ans" value={num(spec?.years)} error={errors[`${name}.years`]} />
        <Box name={`${name}.months`} label="+ mois" value={num(spec?.months)} error={errors[`${name}.months`]} />
        <Box name={`${name}.days`} label="+ jours" value={num(spec?.days)} error={errors[`${name}.days`]} />
      </div>
    </fieldset>
  );
}

function Checks(props: { name: string; legend: string; checked: readonly string[]; error?: string | undefined }) {
  const id = `f-${props.name}`;
  return (
    <fieldset id={id} aria-describedby={props.error ? `${id}-error` : undefined}>
      <legend>{props.legend}</legend>
      <div class="row-wrap">
        {STATUSES.map((s) => (
          <label class="check">
            <input type="checkbox" name={props.name} value={s} checked={props.checked.includes(s)} />
            {STATUS_WORDS[s]}
          </label>
        ))}
      </div>
      <ErrorText id={id} error={props.error} />
    </fieldset>
  );
}

export function RoadmapStepForm(props: {
  rule: Rule | null;
  french: Rule | null;
  frenchThen: Rule | null;
  locale: Locale;
  isNew: boolean;
  csrf: string;
  errors: Errors;
  contentSteps: Choice[];
  statuses?: Record<Locale, TranslationStatus> | undefined;
  aside: Child;
}) {
  const { rule, errors, locale } = props;
  const base = props.isNew ? "/admin/content/roadmap/steps/new" : `/admin/content/roadmap/steps/${String(rule?.id)}`;
  const statuses = (rule?.statuses as string[] | undefined) ?? [];
  const care = rule?.enteredCareMonths as Rule | undefined;
  const kept = (rule?.ifAnchorUnknown as string[] | undefined) ?? statuses;
  /** One of the texts (or the guide's step, the review date), edited as a content item's field. */
  const textField = (name: string, choices?: Choice[]) => (
    <Field
      field={TEXT_FIELDS.find((f) => f.name === name)!}
      item={rule}
      french={props.french}
      frenchThen={props.frenchThen}
      locale={locale}
      isNew={props.isNew}
      error={errors[name]}
      topics={[]}
      choices={choices}
    />
  );
  return (
    <>
      {props.isNew ? null : (
        <nav class="tabs" aria-label="Langue">
          {LOCALES.map((l) => (
            <a href={`${base}?locale=${l}`} aria-current={l === locale ? "page" : undefined}>
              {LOCALE_NAMES[l]}
              {props.statuses && l !== "fr" ? ` (${TRANSLATION_WORDS[props.statuses[l]]})` : ""}
            </a>
          ))}
        </nav>
      )}
      <p>
        <a href="/admin/content/roadmap">← Toutes les étapes du parcours</a> ·{" "}
        <a href="/admin/content/roadmap/history">Historique</a>
      </p>
      <div class="editor-grid">
        <form method="post" action={base} class="card">
          <Csrf csrf={props.csrf} />
          <input type="hidden" name="locale" value={locale} />
          <div>
            <label for="f-id">Identifiant (lettres minuscules, chiffres, tirets)</label>
            <input
              id="f-id"
              name="id"
              class="wide"
              value={String(rule?.id ?? "")}
              readonly={!props.isNew}
              aria-invalid={errors.id ? "true" : undefined}
              aria-describedby={errors.id ? "f-id-error" : undefined}
            />
            <ErrorText id="f-id" error={errors.id} />
          </div>
          {textField("title")}
          <Checks name="statuses" legend="Pour qui" checked={statuses} error={errors.statuses} />
          {DATE_FIELDS.map((name) => (
            <DateRow name={name} spec={rule?.[name] as Rule | undefined} errors={errors} />
          ))}
          <Box
            name="leadMonths"
            label="Sans date d'ouverture : s'ouvre ce nombre de mois avant la date limite"
            value={num(rule?.leadMonths)}
            error={errors.leadMonths}
          />
          <fieldset id="f-enteredCareMonths">
            <legend>Âge à l'entrée à l'ASE (en mois, bornes comprises ; vide : tout âge)</legend>
            <div class="spec">
              <Box
                name="enteredCareMonths.min"
                label="au moins"
                value={num(care?.min)}
                error={errors["enteredCareMonths.min"]}
              />
              <Box
                name="enteredCareMonths.max"
                label="au plus"
                value={num(care?.max)}
                error={errors["enteredCareMonths.max"]}
              />
            </div>
            <label class="check">
              <input type="checkbox" name="enteredCareMonths.ifUnknown" checked={care?.ifUnknown === true} />
              Montrer l'étape quand le mois d'entrée est inconnu
            </label>
          </fieldset>
          <input type="hidden" name="ifAnchorUnknown.shown" value="1" />
          <Checks
            name="ifAnchorUnknown"
            legend="Mois d'entrée ou de fin du titre inconnu : l'étape reste affichée, sans date, pour"
            checked={kept}
            error={errors.ifAnchorUnknown}
          />
          <label class="check">
            <input type="checkbox" name="alert" checked={rule?.alert === true} />
            En retard : alerter le ou la référente
          </label>
          {textField("why")}
          {textField("documents")}
          {textField("contentStepId", props.contentSteps)}
          <SourceRows item={rule} errors={errors} />
          {textField("reviewedAt")}
          <div class="actions">
            <button type="submit">Enregistrer le brouillon</button>
          </div>
        </form>
        {props.aside}
      </div>
      {props.isNew ? null : (
        <form method="post" action={`${base}/delete`} class="actions">
          <Csrf csrf={props.csrf} />
          <button class="secondary" type="submit">
            Retirer l'étape (brouillon)
          </button>
        </form>
      )}
    </>
  );
}
