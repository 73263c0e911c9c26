import { Hono, type Context } from "hono";
import { audit, csrfToken, type StaffEnv } from "../auth/index.ts";
import { DEPTS, type Dept } from "../../shared/content/model.ts";
import { profileSchema, STATUSES, type Status } from "../../shared/profile.ts";
import { computeRoadmap, type RoadmapStep } from "../../shared/roadmap/compute.ts";
import type { RoadmapRules } from "../../shared/roadmap/rules.ts";
import { parisDate } from "../../shared/roadmap/time.ts";
import { STEP_STATE_KEYS } from "../../shared/roadmap/present.ts";
import { t } from "../../shared/i18n/index.ts";
import { AdminPage, Badges, Csrf, Diff } from "../pages/admin/content.tsx";
import { translationStatuses } from "../../shared/content/translation.ts";
import { latestStepTimes, type StepTimes } from "../store/roadmap-history.ts";
import { frenchDate, SampleRoadmaps } from "../pages/admin/roadmap-samples.tsx";
import { database } from "../store/db.ts";
import { loadRoadmapRules, publishRoadmapRules, saveRoadmapRulesDraft } from "../store/content-settings.ts";
import { byStep, DIFF_LIMIT, roadmapHistoryRoutes } from "./admin-roadmap-history.tsx";
import { roadmapStepRoutes } from "./admin-roadmap-steps.tsx";
import { STATUS_WORDS } from "./admin-roadmap-form.ts";

/**
 * Roadmap rules: the per-département settings (age limits, reminder and alert delays) and the
 * list of steps (each edited in its own form, admin-roadmap-steps.tsx), saved as a draft,
 * checked on sample roadmaps against the published rules, then published; every change is in
 * the history. Validation is the roadmap module's own zod schema.
 */
export const roadmapRulesRoutes = new Hono<StaffEnv>();
roadmapRulesRoutes.route("/steps", roadmapStepRoutes);
roadmapRulesRoutes.route("/history", roadmapHistoryRoutes);

type Sample = { birth: string; status: Status; dept: Dept; enteredCare?: string; today: string };

function sampleOf(query: Record<string, string | undefined>, now: Date): Sample {
  const today = /^\d{4}-\d{2}-\d{2}$/.test(query.today ?? "") ? query.today! : parisDate(now);
  const parsed = profileSchema().safeParse({
    birth: query.birth || undefined,
    status: query.status || undefined,
    dept: query.dept || undefined,
    enteredCare: query.entered_care || undefined,
  });
  const p = parsed.success ? parsed.data : {};
  const birth = p.birth ?? `${Number(today.slice(0, 4)) - 17}-${today.slice(5, 7)}`;
  return {
    birth,
    status: p.status ?? "mna",
    dept: p.dept ?? "44",
    ...(p.enteredCare ? { enteredCare: p.enteredCare } : {}),
    today,
  };
}

function Roadmap(props: { steps: RoadmapStep[]; title: string }) {
  return (
    <div class="card grow">
      <h3 class="flush-top">{props.title}</h3>
      <ol>
        {props.steps.map((s) => (
          <li>
            <strong>{s.rule.title.fr}</strong> — {t("fr", STEP_STATE_KEYS[s.state])}
            {s.due ? `, avant le ${frenchDate(s.due)}` : ""}
            {s.opens ? ` (dès le ${frenchDate(s.opens)})` : ""}
          </li>
        ))}
      </ol>
    </div>
  );
}

function editorOf(c: Context<StaffEnv>) {
  return { id: c.var.staff.id, name: c.var.staff.name };
}

function MoveButton(props: { id: string; title: string; direction: "up" | "down"; disabled: boolean; csrf: string }) {
  const up = props.direction === "up";
  return (
    <form method="post" action={`/admin/content/roadmap/steps/${props.id}/move`} class="inline">
      <Csrf csrf={props.csrf} />
      <input type="hidden" name="direction" value={props.direction} />
      <button
        class="secondary small"
        type="submit"
        disabled={props.disabled}
        aria-label={`${up ? "Monter" : "Descendre"} « ${props.title} »`}
      >
        {up ? "↑ Monter" : "↓ Descendre"}
      </button>
    </form>
  );
}

/** The steps in their order (the roadmap's tie-break), each opened in its own form. */
function StepList(props: { steps: RoadmapRules["steps"]; times: StepTimes; csrf: string }) {
  return (
    <ol class="list-field">
      {props.steps.map((step, i) => (
        <li>
          <a href={`/admin/content/roadmap/steps/${step.id}`}>{step.title.fr}</a>{" "}
          <Badges statuses={translationStatuses(step, props.times[step.id] ?? {})} />{" "}
          <span class="muted">
            ({step.id} · {step.statuses.map((s) => STATUS_WORDS[s]).join(", ")})
          </span>{" "}
          <span class="row-wrap inline-actions">
            <MoveButton id={step.id} title={step.title.fr} direction="up" disabled={i === 0} csrf={props.csrf} />
            <MoveButton
              id={step.id}
              title={step.title.fr}
              direction="down"
              disabled={i === props.steps.length - 1}
              csrf={props.csrf}
            />
            <form method="post" action={`/admin/content/roadmap/steps/${step.id}/delete`} class="inline">
              <Csrf csrf={props.csrf} />
              <button class="secondary small" type="submit" aria-label={`Retirer « ${step.title.fr} »`}>
                ✕ Retirer
              </button>
            </form>
          </span>
        </li>
      ))}
    </ol>
  );
}

async function render(
  c: Context<StaffEnv>,
  extra: { errors?: string[]; draftText?: string; notice?: string } = {},
  status: 200 | 400 = 200,
) {
  const db = database(c.env.DB);
  const [state, times] = await Promise.all([loadRoadmapRules(db), latestStepTimes(db)]);
  const csrf = csrfToken(c);
  const sample = sampleOf(c.req.query(), new Date());
  const profile = {
    birth: sample.birth,
    status: sample.status,
    dept: sample.dept,
    ...(sample.enteredCare ? { enteredCare: sample.enteredCare } : {}),
  };
  const before = computeRoadmap(profile, state.published, sample.today);
  const after = computeRoadmap(profile, state.draft, sample.today);
  return c.html(
    <AdminPage title="Règles du parcours" staff={c.var.staff} csrf={csrf} notice={extra.notice} errors={extra.errors}>
      <p class="muted">
        Âges, délais de rappel et d'alerte par département ; chaque étape garde ses sources (faits juridiques :
        uniquement depuis la fiche des faits vérifiés).
      </p>
      {state.publishedAt === null && (
        <p class="card" role="status">
          <strong>Aucune règle publiée : « Mon parcours » est vide pour les jeunes (ni étapes, ni rappels).</strong> Les
          règles par défaut sont publiées par le chargement initial (<code>npm run db:seed</code>, lancé par{" "}
          <code>npm start</code>). En production : collez la sortie de{" "}
          <code>npx tsx scripts/export-seed.ts --roadmap-steps</code> dans « Remplacer toutes les étapes par un export
          JSON », importez-la dans le brouillon, puis publiez.
        </p>
      )}
      <section class="card">
        <p class="flush-top">
          {state.hasDraftChanges
            ? "Le brouillon a des changements que les jeunes ne voient pas encore."
            : "Le brouillon est identique aux règles publiées."}{" "}
          <a href="#changes">Voir les changements</a> · <a href="/admin/content/roadmap/history">Historique</a>
        </p>
        <form method="post" action="/admin/content/roadmap/publish">
          <Csrf csrf={csrf} />
          <button type="submit" disabled={!state.hasDraftChanges}>
            Publier les règles
          </button>
        </form>
      </section>
      <form method="post" action="/admin/content/roadmap" class="card">
        <Csrf csrf={csrf} />
        <div class="table-wrap">
          <table class="stack">
            <thead>
              <tr>
                <th>Département</th>
                <th>Âge limite contrat jeune majeur</th>
                <th>Rappels (jours avant, séparés par des virgules)</th>
                <th>Alerte après retard (jours)</th>
                <th>« Bientôt » (jours)</th>
              </tr>
            </thead>
            <tbody>
              {DEPTS.map((d) => {
                const s = state.draft.depts[d];
                return (
                  <tr>
                    <th scope="row">{d === "other" ? "Autre" : d}</th>
                    <td data-label="Âge limite contrat jeune majeur">
                      <input
                        aria-label={`${d} âge limite`}
                        name={`${d}.cjmAgeLimit`}
                        value={String(s.cjmAgeLimit)}
                        inputmode="numeric"
                      />
                    </td>
                    <td data-label="Rappels (jours avant)">
                      <input
                        aria-label={`${d} rappels`}
                        name={`${d}.reminderDaysBefore`}
                        value={s.reminderDaysBefore.join(", ")}
                      />
                    </td>
                    <td data-label="Alerte après retard (jours)">
                      <input
                        aria-label={`${d} alerte`}
                        name={`${d}.deadlineAlertDays`}
                        value={String(s.deadlineAlertDays)}
                        inputmode="numeric"
                      />
                    </td>
                    <td data-label="« Bientôt » (jours)">
                      <input
                        aria-label={`${d} bientôt`}
                        name={`${d}.soonDays`}
                        value={String(s.soonDays)}
                        inputmode="numeric"
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <div class="actions">
          <button type="submit">Enregistrer le brouillon</button>
        </div>
      </form>
      <h2 id="steps">Étapes ({state.draft.steps.length})</h2>
      <p>
        <a href="/admin/content/roadmap/steps/new">+ Nouvelle étape</a> ·{" "}
        <a href="/admin/content/roadmap/history">Historique des règles</a>
      </p>
      <StepList steps={state.draft.steps} times={times} csrf={csrf} />
      <details class="card">
        <summary>Remplacer toutes les étapes par un export JSON</summary>
        <form method="post" action="/admin/content/roadmap/import">
          <Csrf csrf={csrf} />
          <label for="steps-json">
            Étapes en JSON (par exemple la sortie de <code>npx tsx scripts/export-seed.ts --roadmap-steps</code>)
          </label>
          <textarea id="steps-json" name="steps" class="code-area">
            {extra.draftText ?? ""}
          </textarea>
          <div class="actions">
            <button type="submit">Importer dans le brouillon</button>
          </div>
        </form>
      </details>
      <details class="card">
        <summary>Parcours d'exemple de cinq jeunes (brouillon, et ce qui change)</summary>
        <SampleRoadmaps draft={state.draft} published={state.published} today={parisDate(new Date())} />
      </details>
      <h2>Un autre parcours d'exemple</h2>
      <form method="get" action="/admin/content/roadmap" class="actions">
        <label class="tight">
          Naissance <input name="birth" value={sample.birth} class="w7" />
        </label>
        <label class="tight">
          Situation{" "}
          <select name="status" class="auto">
            {STATUSES.map((s) => (
              <option value={s} selected={s === sample.status}>
                {STATUS_WORDS[s]}
              </option>
            ))}
          </select>
        </label>
        <label class="tight">
          Dépt{" "}
          <select name="dept" class="auto">
            {DEPTS.map((d) => (
              <option value={d} selected={d === sample.dept}>
                {d === "other" ? "autre" : d}
              </option>
            ))}
          </select>
        </label>
        <label class="tight">
          Confié·e <input name="entered_care" value={sample.enteredCare ?? ""} class="w7" placeholder="AAAA-MM" />
        </label>
        <label class="tight">
          Date <input name="today" value={sample.today} class="w8" />
        </label>
        <button class="secondary" type="submit">
          Voir
        </button>
      </form>
      <div class="row-wrap">
        <Roadmap steps={before} title="Publié (aujourd'hui)" />
        <Roadmap steps={after} title="Brouillon (après publication)" />
      </div>
      <h2 id="changes">Changements du brouillon</h2>
      <Diff before={byStep(state.published)} after={byStep(state.draft)} limit={DIFF_LIMIT} />
    </AdminPage>,
    status,
  );
}

const NOTICES: Record<string, string> = {
  saved: "Brouillon enregistré.",
  published: "Règles publiées.",
  moved: "Ordre des étapes enregistré dans le brouillon.",
  removed: "Étape retirée du brouillon.",
  unchanged: "Aucun changement.",
};

roadmapRulesRoutes.get("/", (c) => render(c, { notice: NOTICES[c.req.query("done") ?? ""] ?? "" }));

function deptsOf(form: Record<string, string | File>): RoadmapRules["depts"] {
  const value = (name: string) => (typeof form[name] === "string" ? (form[name] as string).trim() : "");
  const num = (name: string) => (value(name) === "" ? Number.NaN : Number(value(name)));
  return Object.fromEntries(
    DEPTS.map((d) => [
      d,
      {
        cjmAgeLimit: num(`${d}.cjmAgeLimit`),
        reminderDaysBefore: value(`${d}.reminderDaysBefore`)
          .split(/[,\s]+/)
          .filter(Boolean)
          .map(Number),
        deadlineAlertDays: num(`${d}.deadlineAlertDays`),
        soonDays: num(`${d}.soonDays`),
      },
    ]),
  ) as unknown as RoadmapRules["depts"];
}

/** The département settings (the steps are edited one by one). */
roadmapRulesRoutes.post("/", async (c) => {
  const db = database(c.env.DB);
  const current = await loadRoadmapRules(db);
  const depts = deptsOf(await c.req.parseBody());
  if (JSON.stringify(depts) === JSON.stringify(current.draft.depts))
    return c.redirect("/admin/content/roadmap?done=unchanged", 303);
  const result = await saveRoadmapRulesDraft(db, { ...current.draft, depts }, editorOf(c), new Date());
  if (!result.ok) return render(c, { errors: result.errors }, 400);
  await audit(db, c.var.staff.id, "roadmap_rules.save_draft", "roadmap-rules");
  return c.redirect("/admin/content/roadmap?done=saved", 303);
});

/** Every step replaced by a JSON list (the seed's export, on a new installation). */
roadmapRulesRoutes.post("/import", async (c) => {
  const db = database(c.env.DB);
  const text = String((await c.req.parseBody()).steps ?? "").trim();
  let steps: unknown;
  try {
    steps = JSON.parse(text);
  } catch {
    return render(c, { errors: ["Étapes : JSON invalide"], draftText: text }, 400);
  }
  const current = await loadRoadmapRules(db);
  const result = await saveRoadmapRulesDraft(db, { ...current.draft, steps }, editorOf(c), new Date());
  if (!result.ok) return render(c, { errors: result.errors.slice(0, 50), draftText: text }, 400);
  await audit(db, c.var.staff.id, "roadmap_rules.import_steps", "roadmap-rules");
  return c.redirect("/admin/content/roadmap?done=saved", 303);
});

roadmapRulesRoutes.post("/publish", async (c) => {
  const db = database(c.env.DB);
  await publishRoadmapRules(db, editorOf(c), new Date());
  await audit(db, c.var.staff.id, "roadmap_rules.publish", "roadmap-rules");
  return c.redirect("/admin/content/roadmap?done=published", 303);
});
