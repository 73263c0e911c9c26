import { Hono } from "hono";
import { audit, csrfToken, type StaffEnv } from "../auth/index.ts";
import { REVIEW_KINDS, REVIEW_SOON_DAYS, reviewList, type ReviewKind } from "../../shared/content/review.ts";
import { parisDate } from "../../shared/roadmap/time.ts";
import { AdminPage, Csrf } from "../pages/admin/content.tsx";
import { loadDrafts } from "../store/content.ts";
import { loadLinkChecks, loadReviewPeriods, loadRoadmapRules, saveReviewPeriods } from "../store/content-settings.ts";
import { contentLinks } from "../../shared/content/links.ts";
import { database } from "../store/db.ts";

/**
 * What is due for review (issue 21 §3): every item, letter and roadmap rule whose `reviewedAt`
 * plus the Département's period for its kind is past or near, most overdue first, with the
 * periods to set. Saving an item with a new "dernière vérification" date takes it off the list.
 */
export const reviewRoutes = new Hono<StaffEnv>();

const KIND_NAMES: Record<ReviewKind, string> = {
  topic: "Thèmes",
  step: "Étapes",
  resource: "Ressources",
  faq: "Réponses courtes",
  letter: "Lettres",
  rule: "Règles du parcours",
};

const editPath = (kind: ReviewKind, id: string) =>
  kind === "rule" ? `/admin/content/roadmap/steps/${id}` : `/admin/content/${kind}/${id}`;

reviewRoutes.get("/", async (c) => {
  const db = database(c.env.DB);
  const [drafts, rules, periods, checks] = await Promise.all([
    loadDrafts(db),
    loadRoadmapRules(db),
    loadReviewPeriods(db),
    loadLinkChecks(db),
  ]);
  const today = parisDate(new Date());
  const items = reviewList(drafts, rules.draft, periods, today);
  const overdue = items.filter((i) => i.overdue).length;
  const used = contentLinks(drafts, rules.draft);
  const bad = Object.entries(checks).filter(([url, c]) => c.result !== "ok" && used.has(url));
  return c.html(
    <AdminPage
      title="À revoir / due for review"
      staff={c.var.staff}
      csrf={csrfToken(c)}
      notice={c.req.query("done") === "saved" ? "Délais enregistrés. / Periods saved." : undefined}
    >
      <p>
        {overdue} en retard, {items.length - overdue} à revoir dans les {REVIEW_SOON_DAYS} jours (au {today}).
      </p>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th>À revoir le</th>
              <th>Type</th>
              <th>Élément</th>
              <th>Dernière vérification</th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr>
                <td class={i.overdue ? "error" : undefined}>
                  {i.dueOn}
                  {i.overdue ? " ⚠️" : ""}
                </td>
                <td>{KIND_NAMES[i.kind]}</td>
                <td>
                  <a href={editPath(i.kind, i.id)}>{i.label}</a> <span class="muted">{i.id}</span>
                </td>
                <td>{i.reviewedAt ?? "jamais / never"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Liens à vérifier / links to check</h2>
      {bad.length === 0 ? (
        <p class="muted">Aucun lien cassé trouvé (vérifiés chaque nuit, par lots). / No broken link found.</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th>Lien</th>
                <th>Résultat</th>
                <th>Utilisé par</th>
                <th>Vérifié le</th>
              </tr>
            </thead>
            <tbody>
              {bad.map(([url, c]) => (
                <tr>
                  <td>{url}</td>
                  <td class={c.result === "moved" ? undefined : "error"}>
                    {c.result}
                    {c.status ? ` (${c.status})` : ""}
                    {c.location ? ` → ${c.location}` : ""}
                  </td>
                  <td>{(used.get(url) ?? []).join(", ")}</td>
                  <td>{new Date(c.checkedAt).toISOString().slice(0, 10)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>Délais de relecture (jours) / review periods (days)</h2>
      <form method="post" action="/admin/content/review" class="card">
        <Csrf csrf={csrfToken(c)} />
        {REVIEW_KINDS.map((kind) => (
          <div>
            <label for={`p-${kind}`}>{KIND_NAMES[kind]}</label>
            <input id={`p-${kind}`} name={kind} inputmode="numeric" value={String(periods[kind])} />
          </div>
        ))}
        <button type="submit">Enregistrer / save</button>
      </form>
    </AdminPage>,
  );
});

reviewRoutes.post("/", async (c) => {
  const db = database(c.env.DB);
  const form = await c.req.parseBody();
  const periods = Object.fromEntries(
    REVIEW_KINDS.filter((k) => typeof form[k] === "string" && form[k] !== "").map((k) => [k, Number(form[k])]),
  );
  const saved = await saveReviewPeriods(db, periods, { id: c.var.staff.id, name: c.var.staff.name }, new Date());
  if (!saved.ok)
    return c.html(
      <AdminPage title="À revoir / due for review" staff={c.var.staff} csrf={csrfToken(c)} errors={saved.errors}>
        <p>
          <a href="/admin/content/review">Retour</a>
        </p>
      </AdminPage>,
      400,
    );
  await audit(db, c.var.staff.id, "content.review_periods", "review-periods");
  return c.redirect("/admin/content/review?done=saved", 303);
});
