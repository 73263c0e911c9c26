import { Hono, type Context } from "hono";
import * as z from "zod/mini";
import { csrfCheck, csrfToken, requireStaff } from "../auth/session.ts";
import type { StaffEnv } from "../auth/types.ts";
import { lazy } from "../../shared/lazy.ts";
import { Flash, StaffLayout } from "../pages/staff-layout.tsx";
import { database } from "../store/db.ts";
import { audit } from "../store/staff.ts";
import { createTeam, listTeams, teamById, updateTeam, type Team } from "../store/teams.ts";
import { isAllowedWebhookAddress } from "../alerts/webhook-url.ts";
import { checkWebhookName } from "../alerts/webhook-dns.ts";

/**
 * Admin pages: teams of référents and where their alerts go (signed webhook, backup contact
 * for escalations). Mounted at /admin/teams by routes/admin.tsx. Unset settings fall back
 * to the deployment-wide env vars.
 */
export const teamRoutes = new Hono<StaffEnv>();

teamRoutes.use("*", requireStaff("admin"), csrfCheck());

export const MIN_WEBHOOK_SECRET_LENGTH = 16;

const blankToUndefined = (v: unknown) =>
  typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v;

const teamFormSchema = lazy(() =>
  z.object({
    name: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
    webhookUrl: z.optional(z.string().check(z.maxLength(2000), z.refine(isAllowedWebhookAddress))),
    webhookSecret: z.optional(z.string().check(z.minLength(MIN_WEBHOOK_SECRET_LENGTH), z.maxLength(500))),
    backupTelegramChatId: z.optional(z.string().check(z.regex(/^-?\d{1,20}$/))),
    backupEmail: z.optional(z.email()),
  }),
);

type TeamForm = z.infer<ReturnType<typeof teamFormSchema>>;

function parseTeamForm(form: Record<string, unknown>): TeamForm | null {
  const fields = Object.fromEntries(
    ["name", "webhookUrl", "webhookSecret", "backupTelegramChatId", "backupEmail"].map((k) => [
      k,
      blankToUndefined(form[k]),
    ]),
  );
  const parsed = teamFormSchema().safeParse(fields);
  return parsed.success ? parsed.data : null;
}

const FORM_ERROR = `Vérifie les champs : nom, adresse du webhook en https vers un nom public (port 443, pas d'adresse IP ni de nom interne), secret d'au moins ${MIN_WEBHOOK_SECRET_LENGTH} caractères si une adresse est donnée, identifiant Telegram numérique, e-mail valide.`;

function TeamFields(props: { team?: Team; prefix: string }) {
  const { team, prefix } = props;
  return (
    <>
      <label for={`${prefix}-name`}>Nom de l'équipe</label>
      <input id={`${prefix}-name`} name="name" required maxlength={100} value={team?.name ?? ""} />
      <label for={`${prefix}-url`}>Adresse du webhook (https)</label>
      <input id={`${prefix}-url`} name="webhookUrl" type="url" placeholder="https://…" value={team?.webhookUrl ?? ""} />
      <label for={`${prefix}-secret`}>
        Secret du webhook (≥ {MIN_WEBHOOK_SECRET_LENGTH} caractères
        {team?.webhookSecret ? ", vide = garder l'actuel" : ""})
      </label>
      <input
        id={`${prefix}-secret`}
        name="webhookSecret"
        type="password"
        autocomplete="off"
        minlength={MIN_WEBHOOK_SECRET_LENGTH}
      />
      <label for={`${prefix}-tg`}>Contact de secours : identifiant de chat Telegram</label>
      <input
        id={`${prefix}-tg`}
        name="backupTelegramChatId"
        inputmode="numeric"
        pattern="-?[0-9]{1,20}"
        value={team?.backupTelegramChatId ?? ""}
      />
      <label for={`${prefix}-email`}>Contact de secours : e-mail</label>
      <input id={`${prefix}-email`} name="backupEmail" type="email" value={team?.backupEmail ?? ""} />
    </>
  );
}

async function teamsPage(c: Context<StaffEnv>, message?: { ok?: string; error?: string }) {
  const teams = await listTeams(database(c.env.DB));
  const csrf = csrfToken(c);
  return c.html(
    <StaffLayout title="Équipes" staff={c.var.staff} csrf={csrf}>
      <h1>Équipes</h1>
      <p class="muted">
        Chaque équipe reçoit les alertes de ses référents sur son webhook signé, et les escalades (crise sans réponse)
        sur son contact de secours. Un réglage vide, ou un référent sans équipe : les réglages par défaut du
        déploiement.
      </p>
      <Flash ok={message?.ok} error={message?.error} />
      {teams.length === 0 ? <p>Aucune équipe pour l'instant.</p> : null}
      {teams.map((team) => (
        <div class="card" id={`team-${team.id}`}>
          <h2>{team.name}</h2>
          <p class="muted">
            Webhook : {team.webhookUrl ?? "par défaut"}
            {team.webhookUrl ? (team.webhookSecret ? " (secret défini)" : " (pas de secret)") : ""}
            {" · "}Secours :{" "}
            {[team.backupTelegramChatId ? `Telegram ${team.backupTelegramChatId}` : null, team.backupEmail]
              .filter(Boolean)
              .join(", ") || "par défaut"}
          </p>
          <details>
            <summary>Modifier</summary>
            <form method="post" action={`/admin/teams/${team.id}`}>
              <input type="hidden" name="_csrf" value={csrf} />
              <TeamFields team={team} prefix={team.id} />
              <p>
                <button type="submit">Enregistrer</button>
              </p>
            </form>
          </details>
        </div>
      ))}
      <h2>Nouvelle équipe</h2>
      <form method="post" action="/admin/teams">
        <input type="hidden" name="_csrf" value={csrf} />
        <TeamFields prefix="new" />
        <p>
          <button type="submit">Créer</button>
        </p>
      </form>
    </StaffLayout>,
  );
}

/** What the audit log keeps of a team: never the secret. */
const auditDetails = (t: {
  name: string;
  webhookUrl: string | null;
  backupTelegramChatId: string | null;
  backupEmail: string | null;
}) => ({
  name: t.name,
  webhook: t.webhookUrl !== null,
  backupTelegram: t.backupTelegramChatId !== null,
  backupEmail: t.backupEmail !== null,
});

/** A webhook name that does not resolve to public addresses only: the error to show, else null. */
async function webhookNameError(url: string | undefined): Promise<string | null> {
  if (!url) return null;
  const check = await checkWebhookName(new URL(url).hostname);
  if (check === "public") return null;
  if (check === "unknown") return "Le DNS ne répond pas pour vérifier l'adresse du webhook : réessaie dans un instant.";
  return "L'adresse du webhook doit être un nom public : ce nom ne se résout pas, ou vers une adresse interne.";
}

teamRoutes.get("/", (c) => teamsPage(c));

/**
 * A team as the form gives it, or the error to show: a webhook address needs a secret (the form's,
 * or `keptSecret` when the address did not change) and a public name.
 */
async function teamInput(form: TeamForm | null, keptSecret: string | null = null) {
  const secret = form?.webhookUrl ? (form.webhookSecret ?? keptSecret) : null;
  if (!form || (form.webhookUrl && !secret)) return { error: FORM_ERROR } as const;
  const nameError = await webhookNameError(form.webhookUrl);
  if (nameError) return { error: nameError } as const;
  return {
    input: {
      name: form.name,
      webhookUrl: form.webhookUrl ?? null,
      webhookSecret: secret,
      backupTelegramChatId: form.backupTelegramChatId ?? null,
      backupEmail: form.backupEmail ?? null,
    },
  } as const;
}

teamRoutes.post("/", async (c) => {
  const checked = await teamInput(parseTeamForm(await c.req.parseBody()));
  if ("error" in checked) {
    c.status(400);
    return teamsPage(c, { error: checked.error });
  }
  const { input } = checked;
  const db = database(c.env.DB);
  const id = await createTeam(db, input, Date.now());
  await audit(db, c.var.staff.id, "team_create", id, auditDetails(input));
  return teamsPage(c, { ok: `Équipe « ${input.name} » créée.` });
});

teamRoutes.post("/:id", async (c) => {
  const db = database(c.env.DB);
  const team = await teamById(db, c.req.param("id"));
  if (!team) {
    c.status(404);
    return teamsPage(c, { error: "Équipe introuvable." });
  }
  const form = parseTeamForm(await c.req.parseBody());
  // An empty secret keeps the current one, unless the address changes (a new receiver gets a new secret).
  const keptSecret = form?.webhookUrl && form.webhookUrl === team.webhookUrl ? team.webhookSecret : null;
  const checked = await teamInput(form, keptSecret);
  if ("error" in checked) {
    c.status(400);
    return teamsPage(c, { error: checked.error });
  }
  const { input } = checked;
  await updateTeam(db, team.id, input);
  await audit(db, c.var.staff.id, "team_update", team.id, {
    ...auditDetails(input),
    secretChanged: input.webhookSecret !== team.webhookSecret,
  });
  return c.redirect("/admin/teams", 303);
});
