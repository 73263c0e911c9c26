import { Hono, type Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { audit, csrfToken, type StaffEnv } from "../auth/index.ts";
import { translationStatuses } from "../../shared/content/translation.ts";
import { toLocale, type Locale } from "../../shared/locales.ts";
import type { RoadmapRules, StepRule } from "../../shared/roadmap/rules.ts";
import { parisDate } from "../../shared/roadmap/time.ts";
import { AdminPage } from "../pages/admin/content.tsx";
import { SampleRoadmaps } from "../pages/admin/roadmap-samples.tsx";
import { RoadmapStepForm } from "../pages/admin/roadmap-step.tsx";
import { listDraftItems } from "../store/content-admin.ts";
import { loadRoadmapRules, saveRoadmapRulesDraft } from "../store/content-settings.ts";
import { database } from "../store/db.ts";
import { latestStepTimes, rulesAt } from "../store/roadmap-history.ts";
import { formOf } from "./admin-content-form.ts";
import { checkRule, formToRule, ruleErrors } from "./admin-roadmap-form.ts";

/**
 * One roadmap step at a time, as a form: created, edited per locale, moved up or down, removed.
 * Every change is saved to the draft rules (with their history) only when the whole rule passes
 * its zod schema; the sample roadmap beside the form is computed from the draft.
 */
export const roadmapStepRoutes = new Hono<StaffEnv>();

type C = Context<StaffEnv>;

const NOTICES: Record<string, string> = {
  saved: "Brouillon enregistré. Publie les règles pour que les jeunes le voient.",
  unchanged: "Aucun changement.",
};

function editorOf(c: C) {
  return { id: c.var.staff.id, name: c.var.staff.name };
}

async function contentSteps(c: C) {
  return (await listDraftItems(database(c.env.DB), "step")).map((r) => ({
    id: r.id,
    label: (r.data.title as { fr?: string } | undefined)?.fr ?? r.id,
  }));
}

async function stepPage(
  c: C,
  id: string | null,
  locale: Locale,
  submitted?: { rule: Record<string, unknown>; fields: Record<string, string>; errors: string[] },
) {
  const db = database(c.env.DB);
  const [state, times] = await Promise.all([loadRoadmapRules(db), latestStepTimes(db)]);
  const existing = id ? (state.draft.steps.find((s) => s.id === id) ?? null) : null;
  if (id && !existing) throw new HTTPException(404, { message: "not found" });
  const stepTimes = id ? (times[id] ?? {}) : {};
  // The French this translation was made from: the rules when this locale was last edited.
  const translatedAt = stepTimes[locale];
  const then = id && locale !== "fr" && translatedAt !== undefined ? await rulesAt(db, translatedAt) : null;
  const errors = submitted
    ? [...submitted.errors, ...(Object.keys(submitted.fields).length ? ["Corrige les champs en rouge."] : [])]
    : undefined;
  return c.html(
    <AdminPage
      title={id ? `Étape du parcours · ${existing?.title.fr ?? id}` : "Étape du parcours · nouvelle"}
      staff={c.var.staff}
      csrf={csrfToken(c)}
      notice={NOTICES[c.req.query("done") ?? ""]}
      errors={errors}
    >
      <RoadmapStepForm
        rule={submitted?.rule ?? (existing as Record<string, unknown> | null)}
        french={existing as Record<string, unknown> | null}
        frenchThen={(then?.steps.find((s) => s.id === id) as Record<string, unknown> | undefined) ?? null}
        locale={locale}
        isNew={!id}
        csrf={csrfToken(c)}
        errors={submitted ? ruleErrors(submitted.fields) : {}}
        contentSteps={await contentSteps(c)}
        statuses={existing ? translationStatuses(existing, stepTimes) : undefined}
        aside={
          <SampleRoadmaps
            draft={state.draft}
            published={state.published}
            today={parisDate(new Date())}
            focus={id ?? undefined}
          />
        }
      />
    </AdminPage>,
    submitted ? 400 : 200,
  );
}

/** The draft rules with `steps` instead of its steps, saved; a refusal re-shows the form. */
async function saveSteps(c: C, draft: RoadmapRules, steps: StepRule[]) {
  return saveRoadmapRulesDraft(database(c.env.DB), { ...draft, steps }, editorOf(c), new Date());
}

async function submit(c: C, id: string | null) {
  const db = database(c.env.DB);
  const form = await formOf(c.req);
  const state = await loadRoadmapRules(db);
  const existing = id ? (state.draft.steps.find((s) => s.id === id) ?? null) : null;
  if (id && !existing) throw new HTTPException(404, { message: "not found" });
  // A new step starts in French; its id cannot change later (reminders and progress name it).
  const locale = id ? toLocale(form.locale) : "fr";
  const rule = formToRule(form, existing, locale);
  const checked = checkRule(rule);
  const fields = checked.ok ? {} : checked.fields;
  if (!id && state.draft.steps.some((s) => s.id === rule.id)) fields.id ??= "a step with this id already exists";
  if (!checked.ok || Object.keys(fields).length) return stepPage(c, id, locale, { rule, fields, errors: [] });
  const steps = id
    ? state.draft.steps.map((s) => (s.id === id ? checked.rule : s))
    : [...state.draft.steps, checked.rule];
  const stepId = checked.rule.id;
  const target = `/admin/content/roadmap/steps/${stepId}?locale=${locale}`;
  if (JSON.stringify(steps) === JSON.stringify(state.draft.steps)) return c.redirect(`${target}&done=unchanged`, 303);
  const saved = await saveSteps(c, state.draft, steps);
  if (!saved.ok) return stepPage(c, id, locale, { rule, fields: {}, errors: saved.errors });
  await audit(db, c.var.staff.id, id ? "roadmap_rules.update_step" : "roadmap_rules.create_step", `step:${stepId}`, {
    locale,
  });
  return c.redirect(`${target}&done=saved`, 303);
}

roadmapStepRoutes.get("/new", (c) => stepPage(c, null, "fr"));
roadmapStepRoutes.post("/new", (c) => submit(c, null));

/** Moves a step up or down the list, or removes it, in the draft (the order is the roadmap's tie-break). */
async function change(c: C, id: string, how: "up" | "down" | "remove") {
  const db = database(c.env.DB);
  const { draft } = await loadRoadmapRules(db);
  const steps = [...draft.steps];
  const i = steps.findIndex((s) => s.id === id);
  if (i < 0) throw new HTTPException(404, { message: "not found" });
  if (how === "remove") steps.splice(i, 1);
  else {
    const j = how === "up" ? i - 1 : i + 1;
    if (j < 0 || j >= steps.length) return c.redirect("/admin/content/roadmap?done=unchanged", 303);
    [steps[i], steps[j]] = [steps[j]!, steps[i]!];
  }
  const saved = await saveSteps(c, draft, steps);
  if (!saved.ok) throw new HTTPException(400, { message: saved.errors.join("; ") });
  await audit(
    db,
    c.var.staff.id,
    how === "remove" ? "roadmap_rules.remove_step" : "roadmap_rules.move_step",
    `step:${id}`,
  );
  return c.redirect(`/admin/content/roadmap?done=${how === "remove" ? "removed" : "moved"}#steps`, 303);
}

roadmapStepRoutes.post("/:id/delete", (c) => change(c, c.req.param("id"), "remove"));
roadmapStepRoutes.post("/:id/move", async (c) => {
  const how = (await formOf(c.req)).direction;
  if (how !== "up" && how !== "down") throw new HTTPException(400, { message: "direction: up or down" });
  return change(c, c.req.param("id"), how);
});

roadmapStepRoutes.get("/:id", (c) => stepPage(c, c.req.param("id"), toLocale(c.req.query("locale"))));
roadmapStepRoutes.post("/:id", (c) => submit(c, c.req.param("id")));
