import { Hono, type Context } from "hono";
import { HTTPException } from "hono/http-exception";
import * as z from "zod/mini";
import { lazy } from "../../shared/lazy.ts";
import { acknowledge } from "../alerts/ack.ts";
import { kindLabel, pseudonym, subjectLabel } from "../alerts/text.ts";
import { csrfCheck, csrfToken, requireStaff } from "../auth/session.ts";
import type { StaffEnv } from "../auth/types.ts";
import { StaffLayout } from "../pages/staff-layout.tsx";
import { parisTime } from "../pages/staff-words.ts";
import { shownText } from "../../shared/text/display.ts";
import { alertsFor, youngPeopleFor, type DashboardAlert, type YoungSummary } from "../store/alerts.ts";
import { database } from "../store/db.ts";
import { CODE_TTL_MS, createLinkCode, displayCode, isLinked, unlink, unlinkStaffTelegram } from "../store/links.ts";
import { audit, staffById } from "../store/staff.ts";

/**
 * The référent dashboard: the young people linked to me (an admin: everyone), open alerts
 * first, acknowledge, history, what could not be delivered; one-time link codes.
 * Pseudonymous: profile fields and roadmap counts, never messages (only the words a young
 * person chose to send with a help request).
 */
export const referentRoutes = new Hono<StaffEnv>();

referentRoutes.use("*", requireStaff("referent"), csrfCheck());

const STATUS = { ase: "à l'ASE", left_ase: "sorti(e) de l'ASE", mna: "MNA", other: "autre" } as Record<string, string>;
const CHANNEL = {
  telegram: "Telegram",
  webhook: "webhook",
  email: "e-mail",
  young_telegram: "avis au jeune",
} as Record<string, string>;

const when = parisTime;

function AlertCard(props: { alert: DashboardAlert; csrf: string }) {
  const a = props.alert;
  const open = a.acknowledgedAt === null;
  return (
    <div class={`card${open ? " alert-open" : ""}`} id={`alert-${a.id}`}>
      <strong>{kindLabel(a.kind)}</strong> — {pseudonym(a.youngId)} <span class="muted">{when(a.createdAt)}</span>
      {subjectLabel(a) ? <div class="muted">Sujet : {subjectLabel(a)}</div> : null}
      {a.message ? (
        <p>
          Message du jeune : « <bdi>{shownText(a.message)}</bdi> »
        </p>
      ) : null}
      {a.undelivered.length > 0 ? (
        <p class="error">
          Non remis :{" "}
          {a.undelivered
            .map(
              (d) =>
                `${CHANNEL[d.channel] ?? d.channel} (${d.status === "failed" ? "échec" : "en cours"}, ${d.attempts} essai(s)${d.lastError ? ` : ${d.lastError}` : ""})`,
            )
            .join(" ; ")}
        </p>
      ) : null}
      {open ? (
        <form method="post" action={`/referent/alerts/${a.id}/ack`}>
          <input type="hidden" name="_csrf" value={props.csrf} />
          <button type="submit">✅ J'ai vu</button>
        </form>
      ) : (
        <p class="muted">
          Pris en compte le {when(a.acknowledgedAt)}
          {a.youngNotifiedAt ? " · le jeune a été prévenu" : ""}
        </p>
      )}
    </div>
  );
}

function YoungRow(props: { y: YoungSummary; csrf: string; canUnlink: boolean }) {
  const y = props.y;
  return (
    <tr>
      <td data-label="Jeune">{pseudonym(y.id)}</td>
      <td data-label="Naissance">{y.birth ?? "—"}</td>
      <td data-label="Situation">{y.status ? (STATUS[y.status] ?? y.status) : "—"}</td>
      <td data-label="Dépt">{y.dept ?? "—"}</td>
      <td data-label="Parcours">
        {y.done} fait(s) · {y.skipped} pas pour moi
      </td>
      <td data-label="Vu le">{when(y.lastActiveAt)}</td>
      <td>
        {props.canUnlink ? (
          <form class="inline" method="post" action={`/referent/young/${y.id}/unlink`}>
            <input type="hidden" name="_csrf" value={props.csrf} />
            <button class="secondary" type="submit">
              Délier
            </button>
          </form>
        ) : null}
      </td>
    </tr>
  );
}

async function dashboard(
  c: Context<StaffEnv>,
  flash?: { code?: { code: string; purpose: "young" | "telegram" }; ok?: string },
) {
  const db = database(c.env.DB);
  const me = c.var.staff;
  const csrf = csrfToken(c);
  const [young, account, alerts] = await Promise.all([youngPeopleFor(db, me), staffById(db, me.id), alertsFor(db, me)]);
  const openAlerts = alerts.filter((a) => a.acknowledgedAt === null);
  const history = alerts.filter((a) => a.acknowledgedAt !== null);
  const mine = me.role === "admin" ? new Set<string>() : new Set(young.map((y) => y.id));
  const hours = CODE_TTL_MS / 3_600_000;
  return c.html(
    <StaffLayout title="Tableau de bord" staff={me} csrf={csrf}>
      <h1>Bonjour {me.name}</h1>
      {flash?.ok ? (
        <p class="ok" role="status">
          {flash.ok}
        </p>
      ) : null}
      {flash?.code ? (
        <div class="card" role="status">
          <p>
            {flash.code.purpose === "young"
              ? "Donne ce code au jeune. Il l'écrit dans le chat Passerelle (« code … »), voit ce que tu verras, et confirme :"
              : "Envoie ce message au bot Passerelle depuis TON compte Telegram pour y recevoir les alertes :"}
          </p>
          <p class="code">
            {flash.code.purpose === "young" ? displayCode(flash.code.code) : `/staff ${displayCode(flash.code.code)}`}
          </p>
          <p class="muted">Valable {hours} h, une seule fois.</p>
        </div>
      ) : null}
      <h2>Alertes ouvertes ({openAlerts.length})</h2>
      {openAlerts.length === 0 ? (
        <p class="muted">Aucune alerte ouverte.</p>
      ) : (
        openAlerts.map((a) => <AlertCard alert={a} csrf={csrf} />)
      )}
      <h2>
        {me.role === "admin" ? "Tous les jeunes suivis" : "Mes jeunes"} ({young.length})
      </h2>
      {young.length === 0 ? (
        <p class="muted">Personne n'est encore relié. Crée un code ci-dessous.</p>
      ) : (
        <div class="scroll">
          <table class="stack">
            <thead>
              <tr>
                <th>Jeune</th>
                <th>Naissance</th>
                <th>Situation</th>
                <th>Dépt</th>
                <th>Parcours</th>
                <th>Vu le</th>
                <th>Actions</th>
              </tr>
            </thead>
            <tbody>
              {young.map((y) => (
                <YoungRow y={y} csrf={csrf} canUnlink={mine.has(y.id)} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>Relier</h2>
      <form class="inline" method="post" action="/referent/codes">
        <input type="hidden" name="_csrf" value={csrf} />
        <input type="hidden" name="purpose" value="young" />
        <button type="submit">🔗 Code pour un jeune</button>
      </form>{" "}
      <form class="inline" method="post" action="/referent/codes">
        <input type="hidden" name="_csrf" value={csrf} />
        <input type="hidden" name="purpose" value="telegram" />
        <button class="secondary" type="submit">
          Code pour mon Telegram
        </button>
      </form>
      <p class="muted">
        Mon Telegram : {account?.telegramChatId ? "relié (je reçois les alertes)" : "non relié"}
        {account?.telegramChatId ? (
          <form class="inline" method="post" action="/referent/telegram/unlink">
            <input type="hidden" name="_csrf" value={csrf} />{" "}
            <button class="secondary" type="submit">
              Délier mon Telegram
            </button>
          </form>
        ) : null}
      </p>
      <h2>Historique</h2>
      {history.length === 0 ? (
        <p class="muted">Rien pour l'instant.</p>
      ) : (
        history.map((a) => <AlertCard alert={a} csrf={csrf} />)
      )}
    </StaffLayout>,
  );
}

referentRoutes.get("/", (c) => dashboard(c));

/** A link code for a young person, or for the référent's own Telegram chat. */
const codeFormSchema = lazy(() => z.object({ purpose: z.enum(["young", "telegram"]) }));

referentRoutes.post("/codes", async (c) => {
  const parsed = codeFormSchema().safeParse(await c.req.parseBody());
  if (!parsed.success) throw new HTTPException(400, { message: "purpose must be young or telegram" });
  const { purpose } = parsed.data;
  const db = database(c.env.DB);
  const { code } = await createLinkCode(db, c.var.staff.id, purpose, new Date());
  await audit(db, c.var.staff.id, "link_code_create", null, { purpose });
  return dashboard(c, { code: { code, purpose } });
});

referentRoutes.post("/alerts/:id/ack", async (c) => {
  const outcome = await acknowledge(c.env, c.req.param("id"), c.var.staff, "dashboard");
  if (outcome === "missing") throw new HTTPException(404, { message: "no such alert" });
  if (outcome === "forbidden") throw new HTTPException(403, { message: "not one of your young people" });
  return c.redirect("/referent", 303);
});

referentRoutes.post("/young/:id/unlink", async (c) => {
  const db = database(c.env.DB);
  const youngId = c.req.param("id");
  if (!(await isLinked(db, c.var.staff.id, youngId)))
    throw new HTTPException(403, { message: "not one of your young people" });
  await unlink(db, c.var.staff.id, youngId);
  await audit(db, c.var.staff.id, "young_unlink", youngId);
  return dashboard(c, { ok: "Le jeune n'est plus relié à toi." });
});

referentRoutes.post("/telegram/unlink", async (c) => {
  const db = database(c.env.DB);
  await unlinkStaffTelegram(db, c.var.staff.id);
  await audit(db, c.var.staff.id, "staff_telegram_unlink", null);
  return dashboard(c, { ok: "Ton Telegram ne recevra plus d'alertes." });
});
