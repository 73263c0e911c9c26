import type { Child } from "hono/jsx";
import type { StaffUser } from "../../auth/types.ts";
import { CONTENT_KINDS, type ContentKind } from "../../../shared/content/model.ts";
import { diffFields, diffLines } from "../../../shared/content/diff.ts";
import type { TranslationStatus } from "../../../shared/content/translation.ts";
import { LOCALES, LOCALE_NAMES, isRtl, type Locale } from "../../../shared/locales.ts";
import {
  EMPTY_SOURCE_ROWS,
  fieldValue,
  KIND_FIELDS,
  KIND_LABELS,
  MAX_SOURCES,
  type FieldSpec,
} from "../../routes/admin-content-form.ts";
import { StaffLayout } from "../staff-layout.tsx";
import type { Reply } from "../../../shared/api.ts";
import { ChannelPreview } from "./channel-preview.tsx";
import { changedSentences } from "../../../shared/content/sentences.ts";
import { parisTime } from "../staff-words.ts";
import { frenchError } from "../../routes/admin-errors.ts";

/** Server-rendered pages of the content admin (no script): list, edit, history, publish, translations. */

export type AdminPageProps = {
  title: string;
  staff: StaffUser;
  csrf: string;
  notice?: string | undefined;
  errors?: string[] | undefined;
  children?: Child;
};

export function AdminPage(props: AdminPageProps) {
  return (
    <StaffLayout title={props.title} staff={props.staff} csrf={props.csrf}>
      <nav class="tabs" aria-label="Contenus">
        <a href="/admin/content">Contenus</a>
        <a href="/admin/content/translations">Traductions</a>
        <a href="/admin/content/preview">Aperçu</a>
        <a href="/admin/content/publish">Publier</a>
        <a href="/admin/content/roadmap">Règles du parcours</a>
        <a href="/admin/content/review">À revoir</a>
        <a href="/admin/content/insight">Ce que les jeunes cherchent</a>
        <a href="/admin/content/transfer">Import / export</a>
      </nav>
      <h1>{props.title}</h1>
      {props.notice ? (
        <p class="ok" role="status">
          {props.notice}
        </p>
      ) : null}
      {props.errors?.length ? (
        <div class="card" role="alert">
          <p class="error">Rien n'a été enregistré :</p>
          <ul>
            {props.errors.map((e) => (
              <li>{frenchError(e)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {props.children}
    </StaffLayout>
  );
}

/** A translation's state in words (the badges' colours say the same). */
export const STATUS_WORDS: Record<TranslationStatus, string> = {
  complete: "à jour",
  missing: "manquante",
  outdated: "à revoir : le français a changé",
};

export function Csrf(props: { csrf: string }) {
  return <input type="hidden" name="_csrf" value={props.csrf} />;
}

export function Badges(props: { statuses: Record<Locale, TranslationStatus> }) {
  return (
    <>
      {LOCALES.filter((l) => l !== "fr").map((l) => (
        <span class={`badge b-${props.statuses[l]}`} title={`${LOCALE_NAMES[l]} : ${STATUS_WORDS[props.statuses[l]]}`}>
          {l} {props.statuses[l] === "complete" ? "✓" : props.statuses[l] === "missing" ? "✗" : "⟳"}
        </span>
      ))}
    </>
  );
}

export type ListedItem = {
  kind: ContentKind;
  id: string;
  label: string;
  scope?: string;
  statuses: Record<Locale, TranslationStatus>;
  updatedAt: number;
};

/** Resources and letter templates are national or a département's. */
const scoped = (kind: ContentKind) => kind === "resource" || kind === "letter";

export function ContentList(props: { kind: ContentKind; scope: string; items: ListedItem[] }) {
  return (
    <>
      <nav class="tabs" aria-label="Type">
        {CONTENT_KINDS.map((k) => (
          <a href={`/admin/content?kind=${k}`} aria-current={k === props.kind ? "page" : undefined}>
            {KIND_LABELS[k]}
          </a>
        ))}
      </nav>
      {scoped(props.kind) ? (
        <nav class="tabs" aria-label="Département">
          {["all", "national", "44", "49"].map((s) => (
            <a
              href={`/admin/content?kind=${props.kind}&scope=${s}`}
              aria-current={s === props.scope ? "page" : undefined}
            >
              {s === "all" ? "Toutes" : s === "national" ? "Nationales" : `Département ${s}`}
            </a>
          ))}
        </nav>
      ) : null}
      <p>
        <a href={`/admin/content/${props.kind}/new`}>+ Nouveau</a>
      </p>
      <div class="table-wrap">
        <table class="stack">
          <thead>
            <tr>
              <th>Identifiant</th>
              <th>Texte (fr)</th>
              {scoped(props.kind) ? <th>Où</th> : null}
              <th>Traductions</th>
              <th>Modifié</th>
            </tr>
          </thead>
          <tbody>
            {props.items.map((item) => (
              <tr>
                <td data-label="Identifiant">
                  <a href={`/admin/content/${item.kind}/${item.id}`}>{item.id}</a>
                </td>
                <td data-label="Texte (fr)">{item.label}</td>
                {scoped(props.kind) ? <td data-label="Où">{item.scope}</td> : null}
                <td data-label="Traductions">
                  <Badges statuses={item.statuses} />
                </td>
                <td data-label="Modifié" class="muted">
                  {when(item.updatedAt)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export type Choice = { id: string; label: string };

/** The French beside its translation, each sentence changed since the translation marked (and what was removed). */
function FrenchReference(props: { now: string; then: string | null }) {
  const marked = props.then === null ? null : changedSentences(props.then, props.now);
  const changed = marked?.sentences.some((s) => s.changed) || (marked?.removed.length ?? 0) > 0;
  return (
    <div class="ref" lang="fr">
      <span class="muted">
        Français{changed ? " (les phrases surlignées ont changé depuis cette traduction)" : ""} :
      </span>{" "}
      {marked
        ? marked.sentences.map((s) =>
            s.changed ? (
              <>
                <mark>{s.text}</mark>{" "}
              </>
            ) : (
              <>{s.text} </>
            ),
          )
        : props.now}
      {marked?.removed.length ? (
        <span class="muted">
          {" "}
          Retiré depuis : <del>{marked.removed.join(" ")}</del>
        </span>
      ) : null}
    </div>
  );
}

/**
 * An ordered list of ids shown by title, reordered with buttons (keyboard and screen reader
 * friendly, no drag), entries added by typing a title (the browser offers the matching ones).
 */
function ListField(props: { field: FieldSpec; ids: string[]; choices: Choice[] }) {
  const { field, ids } = props;
  const titles = new Map(props.choices.map((c) => [c.id, c.label]));
  const listId = `f-${field.name}-choices`;
  return (
    <fieldset class="list-field" id={`f-${field.name}`}>
      <legend>{field.label.replace(/ \(identifiants.*\)$/, "")}</legend>
      {ids.length === 0 ? <p class="muted tight">Aucun pour l'instant.</p> : null}
      <ol class="tight">
        {ids.map((id, i) => {
          const title = titles.get(id) ?? `${id} (introuvable)`;
          return (
            <li>
              <input type="hidden" name={field.name} value={id} />
              <span>{title}</span> <span class="muted">({id})</span>{" "}
              <span class="row-wrap inline-actions">
                <button
                  class="secondary small"
                  type="submit"
                  name="op"
                  value={`up:${field.name}:${i}`}
                  disabled={i === 0}
                  aria-label={`Monter « ${title} »`}
                >
                  ↑ Monter
                </button>
                <button
                  class="secondary small"
                  type="submit"
                  name="op"
                  value={`down:${field.name}:${i}`}
                  disabled={i === ids.length - 1}
                  aria-label={`Descendre « ${title} »`}
                >
                  ↓ Descendre
                </button>
                <button
                  class="secondary small"
                  type="submit"
                  name="op"
                  value={`remove:${field.name}:${i}`}
                  aria-label={`Retirer « ${title} »`}
                >
                  ✕ Retirer
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      <label for={`f-${field.name}-add`}>Ajouter (tape une partie du titre)</label>
      <div class="row-wrap">
        <input id={`f-${field.name}-add`} name={`${field.name}.add`} list={listId} class="grow" autocomplete="off" />
        <button class="secondary" type="submit" name="op" value={`add:${field.name}`}>
          Ajouter
        </button>
      </div>
      <datalist id={listId}>
        {props.choices
          .filter((c) => !ids.includes(c.id))
          .map((c) => (
            <option value={`${c.label} (${c.id})`} />
          ))}
      </datalist>
    </fieldset>
  );
}

/** Sources as rows of label + web address, each with its own error; empty rows to add more. */
export function SourceRows(props: { item: Record<string, unknown> | null; errors: Record<string, string> }) {
  const sources = ((props.item?.sources as { label?: string; url?: string }[] | undefined) ?? []).slice(0, MAX_SOURCES);
  const rows = [...sources, ...Array.from({ length: EMPTY_SOURCE_ROWS }, () => ({ label: "", url: "" }))];
  return (
    <fieldset class="sources">
      <legend>Sources (un libellé, et l'adresse web si elle existe)</legend>
      {rows.map((source, i) => {
        const labelError = props.errors[`sources.${i}.label`];
        const urlError = props.errors[`sources.${i}.url`];
        const base = `f-sources-${i}`;
        return (
          <div class="row-wrap source-row">
            <div class="grow">
              <label for={`${base}-label`}>Source {i + 1} : libellé</label>
              <input
                id={`${base}-label`}
                name={`sources.${i}.label`}
                class="wide"
                value={source.label ?? ""}
                aria-invalid={labelError ? "true" : undefined}
                aria-describedby={labelError ? `${base}-label-error` : undefined}
              />
              {labelError ? (
                <p class="field-error" id={`${base}-label-error`}>
                  {labelError}
                </p>
              ) : null}
            </div>
            <div class="grow">
              <label for={`${base}-url`}>Source {i + 1} : adresse web (https://…)</label>
              <input
                id={`${base}-url`}
                name={`sources.${i}.url`}
                class="wide"
                inputmode="url"
                value={source.url ?? ""}
                aria-invalid={urlError ? "true" : undefined}
                aria-describedby={urlError ? `${base}-url-error` : undefined}
              />
              {urlError ? (
                <p class="field-error" id={`${base}-url-error`}>
                  {urlError}
                </p>
              ) : null}
            </div>
          </div>
        );
      })}
      <p class="muted tight">
        Laisse une ligne vide pour ne rien ajouter ; vide les deux champs pour retirer une source.
      </p>
    </fieldset>
  );
}

export function Field(props: {
  field: FieldSpec;
  item: Record<string, unknown> | null;
  french: Record<string, unknown> | null;
  locale: Locale;
  isNew: boolean;
  error?: string | undefined;
  topics: string[];
  choices?: Choice[] | undefined;
  frenchThen?: Record<string, unknown> | null | undefined;
}) {
  const { field, item, locale } = props;
  const id = `f-${field.name}`;
  const value = fieldValue(field, item, locale);
  const localized = field.type === "localized" || field.type === "long" || field.type === "keywords";
  const dir = localized && isRtl(locale) ? "rtl" : undefined;
  const reference = localized && locale !== "fr" ? fieldValue(field, props.french, "fr") : "";
  // The French this translation was made from (null: unknown, or no translation yet).
  const frenchThen = reference && props.frenchThen ? fieldValue(field, props.frenchThen, "fr") : null;
  const described = props.error ? `${id}-error` : undefined;
  let control: Child;
  if (field.type === "long" || field.type === "french" || field.type === "lines") {
    control = (
      <textarea
        id={id}
        name={field.name}
        dir={dir}
        lang={localized ? locale : undefined}
        aria-describedby={described}
        aria-invalid={props.error ? "true" : undefined}
      >
        {value}
      </textarea>
    );
  } else if ((field.name === "stepId" || field.name === "contentStepId") && props.choices) {
    control = (
      <select id={id} name={field.name}>
        <option value="" selected={value === ""}>
          (aucune)
        </option>
        {props.choices.map((c) => (
          <option value={c.id} selected={c.id === value}>
            {c.label} ({c.id})
          </option>
        ))}
      </select>
    );
  } else if (field.type === "list" && props.choices) {
    return <ListField field={field} ids={(item?.[field.name] as string[] | undefined) ?? []} choices={props.choices} />;
  } else if (field.type === "select") {
    const options = field.options ?? props.topics;
    control = (
      <select id={id} name={field.name}>
        {options.map((o) => (
          <option value={o} selected={o === value}>
            {o}
          </option>
        ))}
      </select>
    );
  } else if (field.type === "checkbox") {
    control = <input id={id} name={field.name} type="checkbox" checked={value === "on"} />;
  } else {
    control = (
      <input
        id={id}
        name={field.name}
        class="wide"
        value={value}
        dir={dir}
        lang={localized ? locale : undefined}
        readonly={field.type === "id" && !props.isNew}
        inputmode={field.type === "number" ? "numeric" : undefined}
        aria-describedby={described}
        aria-invalid={props.error ? "true" : undefined}
      />
    );
  }
  return (
    <div>
      <label for={id}>
        {field.label}
        {localized ? ` (${LOCALE_NAMES[locale]})` : ""}
      </label>
      <div class={reference ? "pair" : undefined}>
        {reference ? <FrenchReference now={reference} then={frenchThen} /> : null}
        {control}
      </div>
      {props.error ? (
        <p class="field-error" id={`${id}-error`}>
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

export function ItemEditor(props: {
  kind: ContentKind;
  item: Record<string, unknown> | null;
  french: Record<string, unknown> | null;
  locale: Locale;
  isNew: boolean;
  csrf: string;
  fieldErrors: Record<string, string>;
  topics: string[];
  /** The item as it was when this locale was last edited (its French then), to show what changed since. */
  frenchThen?: Record<string, unknown> | null | undefined;
  /** What the young person gets when opening the item (saved draft), shown beside the form. */
  preview?: Reply[] | undefined;
  /** For each list field: what may be chosen, by title. */
  choices?: Record<string, Choice[]> | undefined;
  statuses?: Record<Locale, TranslationStatus> | undefined;
}) {
  const { kind, locale } = props;
  const id = props.item?.id as string | undefined;
  const base = props.isNew ? `/admin/content/${kind}/new` : `/admin/content/${kind}/${id}`;
  return (
    <>
      <nav class="tabs" aria-label="Langue">
        {LOCALES.map((l) => (
          <a href={`${base}?locale=${l}`} aria-current={l === locale ? "page" : undefined}>
            {LOCALE_NAMES[l]}
            {props.statuses && l !== "fr" ? ` (${STATUS_WORDS[props.statuses[l]]})` : ""}
          </a>
        ))}
      </nav>
      {!props.isNew ? (
        <p>
          <a href={`/admin/content/${kind}/${id}/history`}>Historique</a> ·{" "}
          {kind === "resource" ? (
            <a href="/admin/content/preview">Tester dans l'aperçu</a>
          ) : (
            <a href={`/admin/content/preview?item=${kind}:${id}&locale=${locale}`}>Tester dans l'aperçu</a>
          )}
        </p>
      ) : null}
      <div class="editor-grid">
        <form method="post" action={base} class="card">
          <Csrf csrf={props.csrf} />
          <input type="hidden" name="locale" value={locale} />
          {/* The form's default button (Enter in a field): saving, never a list's "monter". */}
          <button type="submit" class="default-submit" tabindex={-1}>
            Enregistrer
          </button>
          {KIND_FIELDS[kind].map((field) =>
            field.type === "sources" ? (
              <SourceRows item={props.item} errors={props.fieldErrors} />
            ) : (
              <Field
                field={field}
                item={props.item}
                french={props.french}
                locale={locale}
                isNew={props.isNew}
                error={props.fieldErrors[field.name]}
                topics={props.topics}
                choices={props.choices?.[field.name]}
                frenchThen={props.frenchThen}
              />
            ),
          )}
          <div class="actions">
            <button type="submit">Enregistrer le brouillon</button>
          </div>
        </form>
        {props.preview?.length ? <ChannelPreview replies={props.preview} locale={locale} /> : null}
      </div>
      {!props.isNew ? (
        <form method="post" action={`/admin/content/${kind}/${id}/delete`} class="actions">
          <Csrf csrf={props.csrf} />
          <button class="secondary" type="submit">
            Supprimer (brouillon)
          </button>
        </form>
      ) : null}
    </>
  );
}

/** One change in a history: when (Paris), who, what; its diff; a way back to it unless it is the latest. */
export function HistoryEntry(props: {
  at: number;
  who: string;
  action: string;
  before: unknown;
  after: unknown;
  rollback: string | null;
  csrf: string;
  limit?: number;
}) {
  return (
    <section class="card">
      <p>
        <strong>{when(props.at)}</strong> · {props.who} · {props.action}
      </p>
      <Diff before={props.before} after={props.after} limit={props.limit} />
      {props.rollback ? (
        <form method="post" action={props.rollback}>
          <Csrf csrf={props.csrf} />
          <button class="secondary" type="submit">
            Revenir à cet état (brouillon)
          </button>
        </form>
      ) : null}
    </section>
  );
}

/** Field-by-field changes; long texts as a line diff. */
export function Diff(props: { before: unknown; after: unknown; limit?: number }) {
  const all = diffFields(props.before, props.after);
  if (all.length === 0) return <p class="muted">Aucun changement.</p>;
  // A whole load (the first save of the roadmap rules: every field of every step) is summed up, not printed.
  const changes = props.limit === undefined ? all : all.slice(0, props.limit);
  const more = all.length - changes.length;
  return (
    <>
      {more > 0 ? (
        <p class="muted">
          {all.length} champs changés ; les {changes.length} premiers :
        </p>
      ) : null}
      <DiffList changes={changes} />
    </>
  );
}

function DiffList(props: { changes: ReturnType<typeof diffFields> }) {
  return (
    <dl>
      {props.changes.map((change) => (
        <>
          <dt>
            <code>{change.path}</code>
          </dt>
          <dd>
            {(change.before ?? "").includes("\n") || (change.after ?? "").includes("\n") ? (
              diffLines(change.before ?? "", change.after ?? "").map((op) => (
                <div class={`diff ${op.op === "same" ? "" : op.op}`}>
                  {op.op === "add" ? "+ " : op.op === "del" ? "− " : "  "}
                  {op.line}
                </div>
              ))
            ) : (
              <>
                {change.before !== undefined ? <div class="diff del">− {change.before}</div> : null}
                {change.after !== undefined ? <div class="diff add">+ {change.after}</div> : null}
              </>
            )}
          </dd>
        </>
      ))}
    </dl>
  );
}

/** A time as staff read it: Paris. */
export function when(at: number): string {
  return parisTime(at);
}
