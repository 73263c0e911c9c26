import { Hono, type Context } from "hono";
import { HTTPException } from "hono/http-exception";
import * as z from "zod/mini";
import { lazy } from "../../shared/lazy.ts";
import { acknowledge } from "../alerts/ack.ts";
import { kindLabel, pseudonym, subjectLabel } from "../alerts/text.ts";
import { csrfCheck, csrfToken, requireStaff } from "../auth/session.ts";
import type { StaffEnv } from "../auth/types.ts";
import { Flash, StaffLayout } from "../pages/staff-layout.tsx";
import { parisTime } from "../pages/staff-words.ts";
import { shownText } from "../../shared/text/display.ts";
import { alertsFor, youngPeopleFor, type DashboardAlert, type YoungSummary } from "../store/alerts.ts";
import { database } from "../store/db.ts";
import { CODE_TTL_MS, createLinkCode, displayCode, isLinked, unlink, unlinkStaffTelegram } from "../store/links.ts";
import { audit, staffById } from "../store/staff.ts";
import { publishedRoadmapRules } from "../store/content-settings.ts";
import { roadmapInputsFor, type RoadmapInput } from "../store/dashboard.ts";
import {
  createReply,
  lastRepliesBy,
  linkedYoungIds,
  nicknamesOf,
  replyChannelOf,
  setNickname,
} from "../store/replies.ts";
import { enqueueReply } from "../replies/deliver.ts";
import { computeRoadmap, type RoadmapStep } from "../../shared/roadmap/compute.ts";
import type { RoadmapRules } from "../../shared/roadmap/rules.ts";
import { parisDate } from "../../shared/roadmap/time.ts";
import { profileFromColumns } from "../../shared/profile.ts";

/**
 * The référent dashboard: the young people linked to me (an admin: everyone), open alerts
 * first, acknowledge, history, what could not be delivered; one-time link codes.
 * Pseudonymous: profile fields and roadmap counts, never messages (only the words a young
 * person chose to send with a help request).
 */
export const referentRoutes = new Hono<StaffEnv>();

referentRoutes.use("*", requireStaff("referent"), csrfCheck());

/** A reply is a short message (a phone screen); a nickname a few words. */
const REPLY_MAX = 500;
const NICKNAME_MAX = 40;

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

/** What the dashboard knows of one followed young person, beyond the summary row. */
type YoungExtras = {
  nickname: string | undefined;
  deadlines: RoadmapStep[];
  lastReply: { status: string; createdAt: number; deliveredAt: number | null } | undefined;
};

function ReplyState(props: { reply: YoungExtras["lastReply"] }) {
  const r = props.reply;
  if (!r) return null;
  return (
    <p class="muted">
      Dernière réponse : écrite le {when(r.createdAt)}
      {r.status === "replied"
        ? `, reçue le ${when(r.deliveredAt)}`
        : r.status === "held"
          ? ", pas encore reçue : le jeune la verra à sa prochaine visite"
          : ", en cours d'envoi"}
    </p>
  );
}

function YoungCard(props: { y: YoungSummary; extras: YoungExtras; csrf: string; linked: boolean }) {
  const { y, extras, csrf } = props;
  const id = `young-${y.id}`;
  return (
    <section class="card" id={id} aria-labelledby={`${id}-name`}>
      <h3 class="flush-top" id={`${id}-name`}>
        {extras.nickname ? (
          <>
            {extras.nickname} <span class="muted">({pseudonym(y.id)})</span>
          </>
        ) : (
          pseudonym(y.id)
        )}
      </h3>
      <p class="tight">
        Né·e en {y.birth ?? "—"} · {y.status ? (STATUS[y.status] ?? y.status) : "situation non dite"} · département{" "}
        {y.dept ?? "—"}
      </p>
      <p class="tight">
        Dernière activité : {when(y.lastActiveAt)} · Parcours : {y.done} étape(s) faite(s), {y.skipped} pas pour moi
      </p>
      {extras.deadlines.length > 0 ? (
        <>
          <p class="tight">
            <strong>Échéances ouvertes :</strong>
          </p>
          <ul class="tight">
            {extras.deadlines.map((s) => (
              <li>
                {s.rule.title.fr} — {s.state === "overdue" ? "dépassée depuis le" : "avant le"} {frenchDate(s.due)}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p class="muted">Aucune échéance ouverte.</p>
      )}
      <ReplyState reply={extras.lastReply} />
      {props.linked ? (
        <>
          <form method="post" action={`/referent/young/${y.id}/reply`}>
            <input type="hidden" name="_csrf" value={csrf} />
            <label for={`${id}-reply`}>Répondre (message court, {REPLY_MAX} caractères au plus)</label>
            <textarea id={`${id}-reply`} name="text" maxlength={REPLY_MAX} required rows={3} />
            <p class="muted tight">
              Envoyé sur le canal du jeune (Telegram, WhatsApp ou le chat web à sa prochaine visite). Le texte est
              effacé dès qu'il l'a reçu ; il reste seulement « répondu ».
            </p>
            <button type="submit">Envoyer la réponse</button>
          </form>
          <details>
            <summary>Surnom (visible par toi seulement)</summary>
            <form method="post" action={`/referent/young/${y.id}/nickname`}>
              <input type="hidden" name="_csrf" value={csrf} />
              <label for={`${id}-nick`}>Surnom pour {pseudonym(y.id)}</label>
              <input id={`${id}-nick`} name="nickname" maxlength={NICKNAME_MAX} value={extras.nickname ?? ""} />
              <p class="muted tight">
                Aucun autre membre de l'équipe ne le voit. Il est effacé si le lien prend fin ; le jeune le voit s'il
                demande ses données.
              </p>
              <button class="secondary" type="submit">
                Enregistrer le surnom
              </button>
            </form>
          </details>
          <form class="inline" method="post" action={`/referent/young/${y.id}/unlink`}>
            <input type="hidden" name="_csrf" value={csrf} />
            <button class="secondary" type="submit">
              Délier
            </button>
          </form>
        </>
      ) : null}
    </section>
  );
}

/** "2027-03-01" → "01/03/2027". */
function frenchDate(iso: string | null): string {
  return iso ? iso.split("-").reverse().join("/") : "—";
}

/** The steps with a date still to meet: overdue, to do now, soon; at most 3, most urgent first. */
function openDeadlines(input: RoadmapInput | undefined, rules: RoadmapRules, today: string): RoadmapStep[] {
  if (!input) return [];
  const profile = profileFromColumns(input);
  if (!profile.birth) return [];
  return computeRoadmap(profile, rules, today, input.progress)
    .filter((s) => s.due !== null && (s.state === "overdue" || s.state === "now" || s.state === "soon"))
    .slice(0, 3);
}

async function dashboard(
  c: Context<StaffEnv>,
  flash?: { code?: { code: string; purpose: "young" | "telegram" }; ok?: string; error?: string },
) {
  const db = database(c.env.DB);
  const me = c.var.staff;
  const csrf = csrfToken(c);
  const [young, account, alerts, inputs, rules, nicknames, replies, mine] = await Promise.all([
    youngPeopleFor(db, me),
    staffById(db, me.id),
    alertsFor(db, me),
    roadmapInputsFor(db, me),
    publishedRoadmapRules(db),
    nicknamesOf(db, me.id),
    lastRepliesBy(db, me.id),
    linkedYoungIds(db, me.id),
  ]);
  const openAlerts = alerts.filter((a) => a.acknowledgedAt === null);
  const history = alerts.filter((a) => a.acknowledgedAt !== null);
  const today = parisDate(new Date());
  const extras = (id: string): YoungExtras => ({
    nickname: nicknames.get(id),
    deadlines: openDeadlines(inputs.get(id), rules, today),
    lastReply: replies.get(id),
  });
  const hours = CODE_TTL_MS / 3_600_000;
  return c.html(
    <StaffLayout title="Tableau de bord" staff={me} csrf={csrf}>
      <h1>Bonjour {me.name}</h1>
      <Flash ok={flash?.ok} error={flash?.error} />
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
        young.map((y) => <YoungCard y={y} extras={extras(y.id)} csrf={csrf} linked={mine.has(y.id)} />)
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

/** Printable text: no control characters but line breaks (a reply), none at all (a nickname). */
const replyFormSchema = lazy(() =>
  z.object({
    text: z
      .pipe(
        z.string(),
        z.transform((v) => v.replace(/\r\n?/g, "\n").trim()),
      )
      .check(z.minLength(1), z.maxLength(REPLY_MAX), z.regex(/^[^\u0000-\u0009\u000b-\u001f\u007f]*$/)),
  }),
);
const nicknameFormSchema = lazy(() =>
  z.object({
    nickname: z
      .pipe(
        z.string(),
        z.transform((v) => v.trim()),
      )
      .check(z.maxLength(NICKNAME_MAX), z.regex(/^[^\u0000-\u001f\u007f]*$/)),
  }),
);

/** Only a référent linked to this young person (an admin too: linked, not merely shown). */
async function linkedOr403(c: Context<StaffEnv>, youngId: string): Promise<void> {
  if (!(await isLinked(database(c.env.DB), c.var.staff.id, youngId)))
    throw new HTTPException(403, { message: "not one of your young people" });
}

referentRoutes.post("/young/:id/reply", async (c) => {
  const youngId = c.req.param("id");
  await linkedOr403(c, youngId);
  const parsed = replyFormSchema().safeParse(await c.req.parseBody());
  if (!parsed.success) {
    c.status(400);
    return dashboard(c, {
      error: `La réponse doit faire entre 1 et ${REPLY_MAX} caractères, sans caractères spéciaux.`,
    });
  }
  const db = database(c.env.DB);
  const me = c.var.staff;
  const channel = await replyChannelOf(db, youngId);
  const id = await createReply(
    db,
    { youngId, staffId: me.id, staffName: me.name, text: parsed.data.text, channel },
    Date.now(),
  );
  // Stored first: a failed enqueue leaves it pending, for the cron's sweep to queue again.
  if (channel !== "web")
    await enqueueReply(c.env, id).catch((error: unknown) =>
      console.error("reply enqueue failed", error instanceof Error ? error.name : "error"),
    );
  await audit(db, me.id, "young_reply", youngId, { channel });
  return dashboard(c, {
    ok:
      channel === "web"
        ? "Réponse enregistrée : le jeune la verra à sa prochaine visite du chat."
        : `Réponse enregistrée : elle part sur ${channel === "telegram" ? "Telegram" : "WhatsApp"}.`,
  });
});

referentRoutes.post("/young/:id/nickname", async (c) => {
  const youngId = c.req.param("id");
  await linkedOr403(c, youngId);
  const parsed = nicknameFormSchema().safeParse(await c.req.parseBody());
  if (!parsed.success) {
    c.status(400);
    return dashboard(c, { error: `Le surnom fait au plus ${NICKNAME_MAX} caractères, sur une ligne.` });
  }
  const db = database(c.env.DB);
  await setNickname(db, c.var.staff.id, youngId, parsed.data.nickname || null);
  // The audit says that it changed, never the nickname itself.
  await audit(db, c.var.staff.id, "young_nickname", youngId);
  return dashboard(c, { ok: parsed.data.nickname ? "Surnom enregistré." : "Surnom effacé." });
});
