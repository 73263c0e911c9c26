import { Hono } from "hono";
import { csrfToken, type StaffEnv } from "../auth/index.ts";
import { AdminPage, when } from "../pages/admin/content.tsx";
import { database } from "../store/db.ts";
import { loadInsight, type Counted } from "../store/insight.ts";

/** What young people looked for: anonymous, aggregated counters only (no user id anywhere). */
export const insightRoutes = new Hono<StaffEnv>();

function Bars(props: { rows: Counted[]; caption: string; link?: (key: string) => string }) {
  const max = Math.max(1, ...props.rows.map((r) => r.count));
  if (props.rows.length === 0) return <p class="muted">Pas encore de données.</p>;
  return (
    <div class="table-wrap">
      <table>
        <caption class="muted start">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">Élément</th>
            <th scope="col">Nombre</th>
            <th scope="col" class="half">
              <span class="muted">(barre)</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr>
              <td>{props.link ? <a href={props.link(r.key)}>{r.key || "—"}</a> : r.key || "—"}</td>
              <td>{r.count}</td>
              <td>
                <meter class="bar" min={0} max={max} value={r.count} aria-hidden="true"></meter>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** "faq:<id>" → the item's page in the content admin. */
const itemLink = (ref: string) => `/admin/content/${ref.replace(":", "/")}`;

insightRoutes.get("/", async (c) => {
  const days = Math.min(365, Math.max(1, Number(c.req.query("days")) || 30));
  const insight = await loadInsight(database(c.env.DB), new Date(), days);
  const ev = insight.events;
  return c.html(
    <AdminPage title="Ce que les jeunes cherchent" staff={c.var.staff} csrf={csrfToken(c)}>
      <p class="muted">
        Chiffres anonymes et agrégés depuis le {insight.since} ({days} jours). <a href="?days=7">7 j</a> ·{" "}
        <a href="?days=30">30 j</a> · <a href="?days=365">1 an</a>
      </p>
      <h2>Questions sans réponse</h2>
      <p class="muted">
        Texte normalisé (sans accents ni ponctuation), sans lien avec qui l'a écrit. Ajoute des mots-clés ou une réponse
        courte pour les couvrir. Avec une réponse donnée : des jeunes ont dit que ce n'était pas leur question.
      </p>
      {insight.unanswered.length === 0 ? (
        <p class="muted">Aucune.</p>
      ) : (
        <div class="table-wrap">
          <table class="stack">
            <thead>
              <tr>
                <th>Question</th>
                <th>Réponse donnée (« ce n'est pas ma question »)</th>
                <th>Langue</th>
                <th>Fois</th>
                <th>Dernière fois</th>
              </tr>
            </thead>
            <tbody>
              {insight.unanswered.map((q) => (
                <tr>
                  <td data-label="Question">{q.text}</td>
                  <td data-label="Réponse donnée">
                    {q.answered ? <a href={itemLink(q.answered)}>{q.answered}</a> : "—"}
                  </td>
                  <td data-label="Langue">{q.locale}</td>
                  <td data-label="Fois">{q.count}</td>
                  <td data-label="Dernière fois">{when(q.lastSeenAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>Réponses signalées « ce n'est pas ma question »</h2>
      <Bars rows={ev.miss ?? []} caption="Réponses signalées" link={itemLink} />
      <h2>Thèmes les plus ouverts</h2>
      <Bars rows={ev.topic ?? []} caption="Ouvertures de thèmes" link={(k) => `/admin/content/topic/${k}`} />
      <h2>Étapes les plus lues</h2>
      <Bars
        rows={(ev.step ?? []).slice(0, 20)}
        caption="Ouvertures d'étapes"
        link={(k) => `/admin/content/step/${k}`}
      />
      <h2>Réponses courtes les plus lues</h2>
      <Bars
        rows={(ev.faq ?? []).slice(0, 20)}
        caption="Réponses courtes ouvertes"
        link={(k) => `/admin/content/faq/${k}`}
      />
      <h2>Où les jeunes s'arrêtent pendant l'accueil</h2>
      <p class="muted">
        Chaque étape de l'accueil atteinte ; une forte baisse d'une ligne à la suivante montre où on perd des jeunes.
      </p>
      <Bars rows={ev.onboarding ?? []} caption="Étapes de l'accueil atteintes" />
      {Object.entries(ev)
        .filter(([e]) => !["topic", "step", "faq", "onboarding", "miss"].includes(e))
        .map(([event, rows]) => (
          <>
            <h2>{event}</h2>
            <Bars rows={rows} caption={event} />
          </>
        ))}
    </AdminPage>,
  );
});
