import { Hono, type Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { audit, csrfCheck, csrfToken, requireStaff, type StaffEnv } from "../auth/index.ts";
import { CONTENT_KINDS, type ContentKind } from "../../shared/content/model.ts";
import { translationStatuses, type TranslationStatus } from "../../shared/content/translation.ts";
import { LOCALES, LOCALE_NAMES, toLocale, type Locale } from "../../shared/locales.ts";
import {
  AdminPage,
  Badges,
  Csrf,
  Diff,
  HistoryEntry,
  ItemEditor,
  ContentList,
  when,
  type Choice,
  type ListedItem,
} from "../pages/admin/content.tsx";
import { database } from "../store/db.ts";
import {
  deleteItem,
  getDraftItem,
  listDraftItems,
  listPublications,
  pendingChanges,
  publish,
  rollbackItem,
  rollbackPublication,
  saveItem,
} from "../store/content-admin.ts";
import { listStaff } from "../store/staff.ts";
import { itemHistory, latestLocaleTimes, type Editor } from "../store/content-revisions.ts";
import { loadDrafts, replaceDrafts } from "../store/content.ts";
import { loadRoadmapRules } from "../store/content-settings.ts";
import { latestStepTimes } from "../store/roadmap-history.ts";
import { formErrors, formOf, formToItem, KIND_FIELDS, KIND_LABELS, KIND_NAMES } from "./admin-content-form.ts";
import { applyListOp, choiceId, parseListOp } from "./admin-content-lists.ts";
import { insightRoutes } from "./admin-insight.tsx";
import { itemReplies, previewRoutes } from "./admin-content-preview.tsx";
import { roadmapRulesRoutes } from "./admin-roadmap.tsx";
import { reviewRoutes } from "./admin-review.tsx";

/** The content admin (editors and admins): edit drafts per locale, preview, publish, roll back. */
export const adminContentRoutes = new Hono<StaffEnv>();

adminContentRoutes.use("*", requireStaff("editor", "admin"), csrfCheck());
adminContentRoutes.route("/preview", previewRoutes);
adminContentRoutes.route("/insight", insightRoutes);
adminContentRoutes.route("/roadmap", roadmapRulesRoutes);
adminContentRoutes.route("/review", reviewRoutes);

type C = Context<StaffEnv>;

function editorOf(c: C): Editor {
  return { id: c.var.staff.id, name: c.var.staff.name };
}

function kindOf(value: string): ContentKind {
  const kind = CONTENT_KINDS.find((k) => k === value);
  if (!kind) throw new HTTPException(404, { message: "not found" });
  return kind;
}

function labelOf(data: Record<string, unknown>): string {
  const text = (data.title ?? data.name ?? data.question) as { fr?: string } | undefined;
  return text?.fr ?? "";
}

/** What each list field may hold, by title: steps for a topic, resources for a step or a short answer. */
async function choicesFor(c: C, kind: ContentKind): Promise<Record<string, Choice[]>> {
  // The lists, and a short answer's linked step (one, optional): chosen by title.
  const fields = KIND_FIELDS[kind].filter((f) => f.type === "list" || f.name === "stepId").map((f) => f.name);
  if (fields.length === 0) return {};
  const db = database(c.env.DB);
  const out: Record<string, Choice[]> = {};
  for (const name of fields) {
    const listKind: ContentKind = name === "stepIds" || name === "stepId" ? "step" : "resource";
    out[name] = (await listDraftItems(db, listKind)).map((r) => ({
      id: r.id,
      label: labelOf(r.data) + (listKind === "resource" && r.data.scope ? ` — ${String(r.data.scope)}` : ""),
    }));
  }
  return out;
}

function page(
  c: C,
  title: string,
  children: unknown,
  extra: { notice?: string | undefined; errors?: string[] | undefined } = {},
  status: 200 | 400 | 404 = 200,
) {
  return c.html(
    <AdminPage title={title} staff={c.var.staff} csrf={csrfToken(c)} notice={extra.notice} errors={extra.errors}>
      {children as never}
    </AdminPage>,
    status,
  );
}

/** A refused action: what was wrong, nothing stored, and the way back. */
function refused(c: C, title: string, back: string, errors: string[]) {
  return page(
    c,
    title,
    <p>
      <a href={back}>Retour</a>
    </p>,
    { errors },
    400,
  );
}

const NOTICES: Record<string, string> = {
  saved: "Brouillon enregistré. Publie pour que les jeunes le voient.",
  deleted: "Supprimé du brouillon.",
  "rolled-back": "Retour en arrière enregistré dans le brouillon.",
  published: "Publié : les jeunes voient la nouvelle version.",
  "publication-rolled-back": "Ancienne version republiée.",
  imported: "Import enregistré dans le brouillon.",
  "imported-kept-letters":
    "Import enregistré dans le brouillon. Le fichier ne contient pas de modèles de lettres (export d'avant les lettres) : les modèles de lettres actuels sont gardés.",
  unchanged: "Aucun changement.",
};

const ACTION_WORDS: Record<string, string> = {
  create: "création",
  update: "modification",
  delete: "suppression",
  import: "import",
  rollback: "retour en arrière",
};

/** Who did it, by name: "seed" is the initial load (scripts/seed.ts), an unknown id a removed account. */
function byName(names: Map<string, string>, id: string | null): string {
  if (id === null) return "—";
  if (id === "seed") return "chargement initial";
  return names.get(id) ?? "compte supprimé";
}

function notice(c: C): string | undefined {
  return NOTICES[c.req.query("done") ?? ""];
}

adminContentRoutes.get("/", async (c) => {
  const kind = kindOf(c.req.query("kind") ?? "topic");
  const scope = c.req.query("scope") ?? "all";
  const db = database(c.env.DB);
  const [rows, times] = await Promise.all([listDraftItems(db, kind), latestLocaleTimes(db)]);
  const items: ListedItem[] = rows
    .filter((r) => (kind !== "resource" && kind !== "letter") || scope === "all" || r.data.scope === scope)
    .map((r) => ({
      kind: r.kind,
      id: r.id,
      label: labelOf(r.data),
      scope: String(r.data.scope ?? ""),
      statuses: translationStatuses(r.data, times.get(`${r.kind}:${r.id}`) ?? {}),
      updatedAt: r.updatedAt,
    }));
  return page(c, `Contenus · ${KIND_LABELS[kind]}`, <ContentList kind={kind} scope={scope} items={items} />, {
    notice: notice(c),
  });
});

async function topicIds(c: C): Promise<string[]> {
  return (await listDraftItems(database(c.env.DB), "topic")).map((t) => t.id);
}

async function editorPage(
  c: C,
  kind: ContentKind,
  id: string | null,
  locale: Locale,
  submitted?: { item: Record<string, unknown>; fields: Record<string, string>; errors: string[]; unsaved?: boolean },
) {
  const db = database(c.env.DB);
  const existing = id ? await getDraftItem(db, kind, id) : null;
  if (id && !existing) throw new HTTPException(404, { message: "not found" });
  const times = id ? ((await latestLocaleTimes(db)).get(`${kind}:${id}`) ?? {}) : {};
  const item = submitted?.item ?? existing?.data ?? null;
  const title = id ? `${KIND_NAMES[kind]} · ${id}` : `${KIND_NAMES[kind]} · nouveau`;
  const errors =
    submitted && !submitted.unsaved
      ? [...submitted.errors, ...(Object.keys(submitted.fields).length ? ["Corrige les champs en rouge."] : [])]
      : undefined;
  return page(
    c,
    title,
    <ItemEditor
      kind={kind}
      item={item}
      french={existing?.data ?? item}
      frenchThen={id && locale !== "fr" ? await frenchWhenTranslated(c, kind, id, times[locale]) : null}
      locale={locale}
      isNew={!id}
      csrf={csrfToken(c)}
      fieldErrors={submitted ? formErrors(submitted.fields) : {}}
      topics={await topicIds(c)}
      choices={await choicesFor(c, kind)}
      preview={id ? await itemReplies(c, kind, id, locale) : []}
      statuses={existing ? translationStatuses(existing.data, times) : undefined}
    />,
    {
      notice: submitted?.unsaved
        ? "Pas encore enregistré : « Enregistrer le brouillon » pour garder ce changement."
        : notice(c),
      errors,
    },
    submitted && !submitted.unsaved ? 400 : 200,
  );
}

/** The item as it stood when this locale's text was last edited (its French then), or null. */
async function frenchWhenTranslated(c: C, kind: ContentKind, id: string, translatedAt: number | undefined) {
  if (translatedAt === undefined) return null;
  const history = await itemHistory(database(c.env.DB), kind, id);
  const then = history.find((rev) => rev.at <= translatedAt);
  return (then?.after as Record<string, unknown> | null | undefined) ?? null;
}

async function submit(c: C, kind: ContentKind, id: string | null) {
  const db = database(c.env.DB);
  const form = await formOf(c.req);
  const locale = toLocale(form.locale);
  const existing = id ? await getDraftItem(db, kind, id) : null;
  if (id && !existing) throw new HTTPException(404, { message: "not found" });
  // A new item starts in French; its id cannot change later (it is referenced elsewhere).
  const item = formToItem(kind, id ? { ...form, id } : form, existing?.data ?? null, id ? locale : "fr");
  // A title typed in a list's "Ajouter" field: added, whether by its button or by saving.
  const choices = await choicesFor(c, kind);
  const op = parseListOp(form.op);
  for (const [field, options] of Object.entries(choices)) {
    if (field === "stepId") continue;
    const list = (item[field] as string[] | undefined) ?? [];
    const added = choiceId(form[`${field}.add`] ?? "", options);
    if (op && op.field === field) item[field] = applyListOp(list, op, added);
    else if (added) item[field] = applyListOp(list, { kind: "add", field }, added);
  }
  if (op) return editorPage(c, kind, id, id ? locale : "fr", { item, fields: {}, errors: [], unsaved: true });
  const result = await saveItem(db, kind, item, !id, editorOf(c), new Date());
  if (!result.ok)
    return editorPage(c, kind, id, id ? locale : "fr", { item, fields: result.fields, errors: result.errors });
  const itemId = String(item.id);
  if (result.changed)
    await audit(db, c.var.staff.id, id ? "content.update" : "content.create", `${kind}:${itemId}`, { locale });
  return c.redirect(
    `/admin/content/${kind}/${itemId}?locale=${locale}&done=${result.changed ? "saved" : "unchanged"}`,
    303,
  );
}

adminContentRoutes.get("/translations", async (c) => {
  const locale = toLocale(c.req.query("locale") ?? "ps");
  const wanted = c.req.query("status") ?? "todo";
  const db = database(c.env.DB);
  const [rows, times, rules, stepTimes] = await Promise.all([
    listDraftItems(db),
    latestLocaleTimes(db),
    loadRoadmapRules(db),
    latestStepTimes(db),
  ]);
  // Content items, then the roadmap's steps (their texts are translated alike).
  const listed = [
    ...rows.map((r) => ({
      href: `/admin/content/${r.kind}/${r.id}?locale=${locale}`,
      name: `${KIND_NAMES[r.kind]} · ${r.id}`,
      label: labelOf(r.data),
      statuses: translationStatuses(r.data, times.get(`${r.kind}:${r.id}`) ?? {}),
    })),
    ...rules.draft.steps.map((step) => ({
      href: `/admin/content/roadmap/steps/${step.id}?locale=${locale}`,
      name: `Étape du parcours · ${step.id}`,
      label: step.title.fr,
      statuses: translationStatuses(step, stepTimes[step.id] ?? {}),
    })),
  ];
  const matches = (s: TranslationStatus) => wanted === "all" || (wanted === "todo" ? s !== "complete" : s === wanted);
  const shown = listed.filter((l) => matches(l.statuses[locale]));
  const counts = Object.fromEntries(
    LOCALES.map((l) => [l, listed.filter((x) => x.statuses[l] !== "complete").length]),
  ) as Record<Locale, number>;
  return page(
    c,
    "Traductions",
    <>
      <p>
        À traduire, par langue :{" "}
        {LOCALES.filter((l) => l !== "fr").map((l) => (
          <a href={`/admin/content/translations?locale=${l}`} class="gap-end">
            {LOCALE_NAMES[l]} ({counts[l]})
          </a>
        ))}
      </p>
      <form method="get" action="/admin/content/translations" class="actions">
        <label for="t-locale" class="tight">
          Langue
        </label>
        <select id="t-locale" name="locale" class="auto">
          {LOCALES.filter((l) => l !== "fr").map((l) => (
            <option value={l} selected={l === locale}>
              {LOCALE_NAMES[l]}
            </option>
          ))}
        </select>
        <label for="t-status" class="tight">
          État
        </label>
        <select id="t-status" name="status" class="auto">
          {[
            ["todo", "à faire (manquant ou ancien)"],
            ["missing", "manquant"],
            ["outdated", "plus ancien que le français"],
            ["complete", "complet"],
            ["all", "tout"],
          ].map(([v, l]) => (
            <option value={v} selected={v === wanted}>
              {l}
            </option>
          ))}
        </select>
        <button type="submit">Filtrer</button>
      </form>
      <p class="muted">
        {shown.length} élément(s) · {LOCALE_NAMES[locale]}
      </p>
      <div class="table-wrap">
        <table class="stack">
          <thead>
            <tr>
              <th>Élément</th>
              <th>Texte (fr)</th>
              <th>Langues</th>
            </tr>
          </thead>
          <tbody>
            {shown.map(({ href, name, label, statuses }) => (
              <tr>
                <td data-label="Élément">
                  <a href={href}>{name}</a>
                </td>
                <td data-label="Texte (fr)">{label}</td>
                <td data-label="Langues">
                  <Badges statuses={statuses} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>,
  );
});

adminContentRoutes.get("/publish", async (c) => {
  const db = database(c.env.DB);
  const [changes, publications, people] = await Promise.all([pendingChanges(db), listPublications(db), listStaff(db)]);
  // Who published, by name: the publication keeps the account's id.
  const names = new Map(people.map((p) => [p.id, p.name]));
  const csrf = csrfToken(c);
  return page(
    c,
    "Publier",
    <>
      <h2>Changements pas encore publiés ({changes.length})</h2>
      {changes.map((ch) => (
        <details class="card">
          <summary>
            {KIND_NAMES[ch.kind]} · {ch.id} —{" "}
            {ch.before === null ? "nouveau" : ch.after === null ? "supprimé" : "modifié"}
          </summary>
          <Diff before={ch.before} after={ch.after} />
        </details>
      ))}
      <form method="post" action="/admin/content/publish" class="card">
        <Csrf csrf={csrf} />
        <label for="note">Note (ce qui change)</label>
        <input id="note" name="note" class="wide" maxlength={200} />
        <div class="actions">
          <button type="submit" disabled={changes.length === 0}>
            Publier maintenant
          </button>{" "}
          <a href="/admin/content/preview">Tester d'abord dans l'aperçu</a>
        </div>
      </form>
      <h2>Versions publiées</h2>
      <div class="table-wrap">
        <table class="stack">
          <thead>
            <tr>
              <th>Version</th>
              <th>Quand</th>
              <th>Qui</th>
              <th>Note</th>
              <th>Actions</th>
            </tr>
          </thead>
          <tbody>
            {publications.map((p, i) => (
              <tr>
                <td data-label="Version">
                  {p.version}
                  {i === 0 ? " (en ligne)" : ""}
                </td>
                <td data-label="Quand">{when(p.createdAt)}</td>
                <td data-label="Qui">{byName(names, p.createdBy)}</td>
                <td data-label="Note">{p.note ?? ""}</td>
                <td>
                  {i > 0 ? (
                    <form method="post" action={`/admin/content/publications/${p.version}/rollback`} class="inline">
                      <Csrf csrf={csrf} />
                      <button class="secondary" type="submit">
                        Revenir à cette version
                      </button>
                    </form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>,
    { notice: notice(c) },
  );
});

adminContentRoutes.post("/publish", async (c) => {
  const db = database(c.env.DB);
  const note = ((await formOf(c.req)).note ?? "").trim().slice(0, 200) || null;
  const result = await publish(db, editorOf(c), note, new Date());
  if (!result.ok) return refused(c, "Publier", "/admin/content/publish", result.errors);
  await audit(db, c.var.staff.id, "content.publish", `version:${result.version}`, note ? { note } : undefined);
  return c.redirect("/admin/content/publish?done=published", 303);
});

adminContentRoutes.post("/publications/:version/rollback", async (c) => {
  const db = database(c.env.DB);
  const version = Number(c.req.param("version"));
  if (!Number.isInteger(version)) throw new HTTPException(404, { message: "not found" });
  const result = await rollbackPublication(db, version, editorOf(c), new Date());
  if (!result.ok) return refused(c, "Publier", "/admin/content/publish", result.errors);
  await audit(db, c.var.staff.id, "content.rollback_publication", `version:${version}`, { newVersion: result.version });
  return c.redirect("/admin/content/publish?done=publication-rolled-back", 303);
});

adminContentRoutes.post("/revisions/:id/rollback", async (c) => {
  const db = database(c.env.DB);
  const revisionId = Number(c.req.param("id"));
  const result = await rollbackItem(db, revisionId, editorOf(c), new Date());
  if (!result.ok || !result.kind)
    return refused(c, "Historique", "/admin/content", result.ok ? ["not found"] : result.errors);
  await audit(db, c.var.staff.id, "content.rollback_item", `${result.kind}:${result.id}`, { revision: revisionId });
  return c.redirect(`/admin/content/${result.kind}/${result.id}/history?done=rolled-back`, 303);
});

adminContentRoutes.get("/transfer", (c) =>
  page(
    c,
    "Import / export",
    <>
      <p>
        <a href="/admin/content/export">Télécharger tout le contenu (brouillon) en JSON</a>
      </p>
      <form method="post" action="/admin/content/import" enctype="multipart/form-data" class="card">
        <Csrf csrf={csrfToken(c)} />
        <label for="file">
          Fichier JSON à importer (remplace tout le brouillon ; rien ne change si un élément est invalide ; un fichier
          sans modèles de lettres, exporté avant les lettres, garde les modèles de lettres actuels)
        </label>
        <input id="file" name="file" type="file" accept="application/json,.json" required />
        <div class="actions">
          <button type="submit">Importer dans le brouillon</button>
        </div>
      </form>
    </>,
    { notice: notice(c) },
  ),
);

adminContentRoutes.get("/export", async (c) => {
  const db = database(c.env.DB);
  const bundle = await loadDrafts(db);
  await audit(db, c.var.staff.id, "content.export", null);
  c.header("Content-Disposition", 'attachment; filename="passerelle-contenus.json"');
  return c.json(bundle);
});

adminContentRoutes.post("/import", async (c) => {
  const db = database(c.env.DB);
  let input: unknown;
  try {
    if ((c.req.header("Content-Type") ?? "").startsWith("application/json")) input = await c.req.json();
    else {
      const file = (await c.req.parseBody()).file;
      input = JSON.parse(typeof file === "string" ? file : file ? await file.text() : "");
    }
  } catch {
    return refused(c, "Import / export", "/admin/content/transfer", ["Le fichier n'est pas du JSON valide."]);
  }
  const result = await replaceDrafts(db, input, c.var.staff.id, new Date(), c.var.staff.name);
  if (!result.ok)
    return page(
      c,
      "Import / export",
      <p>
        <a href="/admin/content/transfer">Retour</a>
      </p>,
      { errors: result.errors.slice(0, 100) },
      400,
    );
  await audit(db, c.var.staff.id, "content.import", null, { changed: result.changed, keptLetters: result.keptLetters });
  const done = result.keptLetters > 0 ? "imported-kept-letters" : result.changed ? "imported" : "unchanged";
  return c.redirect(`/admin/content/transfer?done=${done}`, 303);
});

adminContentRoutes.get("/:kind/new", (c) => editorPage(c, kindOf(c.req.param("kind")), null, "fr"));
adminContentRoutes.post("/:kind/new", (c) => submit(c, kindOf(c.req.param("kind")), null));

adminContentRoutes.get("/:kind/:id/history", async (c) => {
  const kind = kindOf(c.req.param("kind"));
  const id = c.req.param("id");
  const db = database(c.env.DB);
  const [history, people] = await Promise.all([itemHistory(db, kind, id), listStaff(db)]);
  const names = new Map(people.map((p) => [p.id, p.name]));
  if (history.length === 0) throw new HTTPException(404, { message: "not found" });
  const csrf = csrfToken(c);
  return page(
    c,
    `Historique · ${KIND_NAMES[kind]} · ${id}`,
    <>
      <p>
        <a href={`/admin/content/${kind}/${id}`}>Modifier</a>
      </p>
      {history.map((rev, i) => (
        <HistoryEntry
          at={rev.at}
          who={rev.byName && rev.by !== "seed" ? rev.byName : byName(names, rev.by)}
          action={ACTION_WORDS[rev.action] ?? rev.action}
          before={rev.before}
          after={rev.after}
          rollback={i > 0 ? `/admin/content/revisions/${rev.id}/rollback` : null}
          csrf={csrf}
        />
      ))}
    </>,
    { notice: notice(c) },
  );
});

adminContentRoutes.post("/:kind/:id/delete", async (c) => {
  const kind = kindOf(c.req.param("kind"));
  const id = c.req.param("id");
  const db = database(c.env.DB);
  const result = await deleteItem(db, kind, id, editorOf(c), new Date());
  if (!result.ok) return refused(c, `${KIND_NAMES[kind]} · ${id}`, `/admin/content/${kind}/${id}`, result.errors);
  await audit(db, c.var.staff.id, "content.delete", `${kind}:${id}`);
  return c.redirect(`/admin/content?kind=${kind}&done=deleted`, 303);
});

adminContentRoutes.get("/:kind/:id", (c) =>
  editorPage(c, kindOf(c.req.param("kind")), c.req.param("id"), toLocale(c.req.query("locale"))),
);
adminContentRoutes.post("/:kind/:id", (c) => submit(c, kindOf(c.req.param("kind")), c.req.param("id")));
