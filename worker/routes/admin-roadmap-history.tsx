import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { audit, csrfToken, type StaffEnv } from "../auth/index.ts";
import type { RoadmapRules } from "../../shared/roadmap/rules.ts";
import { AdminPage, HistoryEntry } from "../pages/admin/content.tsx";
import { saveRoadmapRulesDraft } from "../store/content-settings.ts";
import { database } from "../store/db.ts";
import { getRulesRevision, rulesHistory, type RulesAction } from "../store/roadmap-history.ts";

/**
 * The roadmap rules' history: each save, publication and rollback, who and when (Paris), what
 * changed step by step; any past state can be put back in the draft (then published as usual).
 */
export const roadmapHistoryRoutes = new Hono<StaffEnv>();

/** Changed fields shown per entry (the first load changes every field of every step: about 2 000). */
export const DIFF_LIMIT = 40;

const ACTION_WORDS: Record<RulesAction, string> = {
  save: "brouillon enregistré",
  publish: "publication",
  rollback: "retour en arrière (brouillon)",
};

/** Rules keyed by step id, so a change reads "steps.cjm-request.due.years", not an index. */
export function byStep(rules: RoadmapRules | null): unknown {
  if (!rules) return null;
  return {
    depts: rules.depts,
    order: rules.steps.map((s) => s.id),
    steps: Object.fromEntries(rules.steps.map((s) => [s.id, s])),
  };
}

function who(by: string | null, byName: string | null): string {
  if (by === "seed") return "chargement initial";
  return byName ?? "compte supprimé";
}

roadmapHistoryRoutes.get("/", async (c) => {
  const history = await rulesHistory(database(c.env.DB), 20);
  const csrf = csrfToken(c);
  return c.html(
    <AdminPage
      title="Historique des règles du parcours"
      staff={c.var.staff}
      csrf={csrf}
      notice={c.req.query("done") === "rolled-back" ? "Retour en arrière enregistré dans le brouillon." : undefined}
    >
      <p>
        <a href="/admin/content/roadmap">← Règles du parcours</a>
      </p>
      {history.length === 0 ? <p class="muted">Aucun changement enregistré pour l'instant.</p> : null}
      {history.map((rev, i) => (
        <HistoryEntry
          at={rev.at}
          who={who(rev.by, rev.byName)}
          action={ACTION_WORDS[rev.action]}
          before={byStep(rev.before)}
          after={byStep(rev.after)}
          rollback={i > 0 && rev.after ? `/admin/content/roadmap/history/${rev.id}/rollback` : null}
          csrf={csrf}
          limit={DIFF_LIMIT}
        />
      ))}
    </AdminPage>,
  );
});

roadmapHistoryRoutes.post("/:id/rollback", async (c) => {
  const db = database(c.env.DB);
  const id = Number(c.req.param("id"));
  const revision = Number.isInteger(id) ? await getRulesRevision(db, id) : null;
  if (!revision?.after) throw new HTTPException(404, { message: "not found" });
  const saved = await saveRoadmapRulesDraft(
    db,
    revision.after,
    { id: c.var.staff.id, name: c.var.staff.name },
    new Date(),
    { action: "rollback", restoredTimes: revision.stepLocaleTimes },
  );
  if (!saved.ok) throw new HTTPException(400, { message: saved.errors.join("; ") });
  await audit(db, c.var.staff.id, "roadmap_rules.rollback", `roadmap-revision:${id}`);
  return c.redirect("/admin/content/roadmap/history?done=rolled-back", 303);
});
