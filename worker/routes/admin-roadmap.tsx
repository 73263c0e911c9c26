import { Hono, type Context } from "hono";
import { audit, csrfToken, type StaffEnv } from "../auth/index.ts";
import { DEPTS, type Dept } from "../../shared/content/model.ts";
import { profileSchema, STATUSES, type Status } from "../../shared/profile.ts";
import { computeRoadmap, type RoadmapStep } from "../../shared/roadmap/compute.ts";
import type { RoadmapRules } from "../../shared/roadmap/rules.ts";
import { parisDate } from "../../shared/roadmap/time.ts";
import { STEP_STATE_KEYS } from "../../shared/roadmap/present.ts";
import { t } from "../../shared/i18n/index.ts";
import { AdminPage, Csrf, Diff } from "../pages/admin/content.tsx";
import { database } from "../store/db.ts";
import { loadRoadmapRules, publishRoadmapRules, saveRoadmapRulesDraft } from "../store/content-settings.ts";

/**
 * Roadmap rules per département (age limits, reminder delays, deadlines, each step with its
 * sources), edited as a draft, checked on a sample roadmap against the published rules, then
 * published. Validation is the roadmap module's own zod schema.
 */
export const roadmapRulesRoutes = new Hono<StaffEnv>();

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

const STATUS_WORDS: Record<Status, string> = {
  ase: "à l'ASE",
  left_ase: "sorti·e de l'ASE",
  mna: "MNA",
  other: "autre",
};

/** "2027-03-01" → "01/03/2027", as French staff write dates. */
function frenchDate(iso: string): string {
  return iso.split("-").reverse().join("/");
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

async function render(
  c: Context<StaffEnv>,
  extra: { errors?: string[]; draftText?: string; notice?: string } = {},
  status: 200 | 400 = 200,
) {
  const state = await loadRoadmapRules(database(c.env.DB));
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
          <code>npm start</code>). En production : collez dans « Étapes » la sortie de{" "}
          <code>npx tsx scripts/export-seed.ts --roadmap-steps</code>, enregistrez le brouillon, puis publiez.
        </p>
      )}
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
        <label for="steps">Étapes (JSON : dates, textes par langue, sources)</label>
        <textarea id="steps" name="steps" class="code-area">
          {extra.draftText ?? JSON.stringify(state.draft.steps, null, 2)}
        </textarea>
        <div class="actions">
          <button type="submit">Enregistrer le brouillon</button>
        </div>
      </form>
      <h2>Effet sur un parcours d'exemple</h2>
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
      <h2>Changements du brouillon</h2>
      <Diff before={state.published} after={state.draft} />
      <form method="post" action="/admin/content/roadmap/publish" class="actions">
        <Csrf csrf={csrf} />
        <button type="submit" disabled={!state.hasDraftChanges}>
          Publier les règles
        </button>
      </form>
    </AdminPage>,
    status,
  );
}

roadmapRulesRoutes.get("/", (c) =>
  render(c, {
    notice:
      c.req.query("done") === "saved"
        ? "Brouillon enregistré."
        : c.req.query("done") === "published"
          ? "Règles publiées."
          : "",
  }),
);

roadmapRulesRoutes.post("/", async (c) => {
  const db = database(c.env.DB);
  const form = await c.req.parseBody();
  const value = (name: string) => (typeof form[name] === "string" ? (form[name] as string).trim() : "");
  const current = await loadRoadmapRules(db);
  let steps: unknown;
  try {
    steps = JSON.parse(value("steps"));
  } catch {
    return render(c, { errors: ["Étapes : JSON invalide"], draftText: value("steps") }, 400);
  }
  const num = (name: string) => (value(name) === "" ? Number.NaN : Number(value(name)));
  const depts = Object.fromEntries(
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
  const result = await saveRoadmapRulesDraft(
    db,
    { ...current.draft, depts, steps },
    { id: c.var.staff.id, name: c.var.staff.name },
    new Date(),
  );
  if (!result.ok) return render(c, { errors: result.errors, draftText: value("steps") }, 400);
  await audit(db, c.var.staff.id, "roadmap_rules.save_draft", "roadmap-rules");
  return c.redirect("/admin/content/roadmap?done=saved", 303);
});

roadmapRulesRoutes.post("/publish", async (c) => {
  const db = database(c.env.DB);
  await publishRoadmapRules(db, { id: c.var.staff.id, name: c.var.staff.name }, new Date());
  await audit(db, c.var.staff.id, "roadmap_rules.publish", "roadmap-rules");
  return c.redirect("/admin/content/roadmap?done=published", 303);
});
