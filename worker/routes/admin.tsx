import { Hono, type Context } from "hono";
import * as z from "zod/mini";
import { csrfCheck, csrfToken, requireStaff } from "../auth/session.ts";
import { hashPassword, MIN_PASSWORD_LENGTH } from "../auth/password.ts";
import type { StaffEnv } from "../auth/types.ts";
import { lazy } from "../../shared/lazy.ts";
import { Flash, StaffLayout } from "../pages/staff-layout.tsx";
import { ROLE_WORDS } from "../pages/staff-words.ts";
import { database } from "../store/db.ts";
import {
  audit,
  createStaff,
  listStaff,
  setStaffDisabled,
  setStaffPassword,
  staffByEmail,
  STAFF_ROLES,
} from "../store/staff.ts";
import { listTeams, setStaffTeam, teamById } from "../store/teams.ts";
import { teamRoutes } from "./admin-teams.tsx";

/** Admin pages: staff accounts and teams. (/admin/content belongs to the CMS.) */
export const adminRoutes = new Hono<StaffEnv>();

adminRoutes.route("/teams", teamRoutes);

adminRoutes.use("/staff", requireStaff("admin"), csrfCheck());
adminRoutes.use("/staff/*", requireStaff("admin"), csrfCheck());

const newStaffSchema = lazy(() =>
  z.object({
    email: z.email(),
    name: z.string().check(z.minLength(1), z.maxLength(100)),
    role: z.enum(STAFF_ROLES),
    password: z.string().check(z.minLength(MIN_PASSWORD_LENGTH), z.maxLength(500)),
  }),
);

async function staffPage(c: Context<StaffEnv>, message?: { ok?: string; error?: string }) {
  const db = database(c.env.DB);
  const [people, teams] = await Promise.all([listStaff(db), listTeams(db)]);
  const csrf = csrfToken(c);
  return c.html(
    <StaffLayout title="Comptes" staff={c.var.staff} csrf={csrf}>
      <h1>Comptes de l'équipe</h1>
      <Flash ok={message?.ok} error={message?.error} />
      <div class="scroll">
        <table class="stack">
          <thead>
            <tr>
              <th>Nom</th>
              <th>E-mail</th>
              <th>Rôle</th>
              <th>Telegram</th>
              <th>Équipe</th>
              <th>État</th>
              <th>Actions</th>
            </tr>
          </thead>
          <tbody>
            {people.map((p) => (
              <tr>
                <td data-label="Nom">{p.name}</td>
                <td data-label="E-mail" class="break">
                  {p.email}
                </td>
                <td data-label="Rôle">{ROLE_WORDS[p.role]}</td>
                <td data-label="Telegram">{p.telegramChatId ? "relié" : "—"}</td>
                <td>
                  <form method="post" action={`/admin/staff/${p.id}/team`}>
                    <input type="hidden" name="_csrf" value={csrf} />
                    <label for={`team-${p.id}`}>Équipe de {p.name}</label>
                    <select id={`team-${p.id}`} name="teamId">
                      <option value="" selected={p.teamId === null}>
                        Aucune (réglages par défaut)
                      </option>
                      {teams.map((t) => (
                        <option value={t.id} selected={p.teamId === t.id}>
                          {t.name}
                        </option>
                      ))}
                    </select>
                    <button class="secondary" type="submit">
                      Changer
                    </button>
                  </form>
                </td>
                <td data-label="État">{p.disabledAt ? "désactivé" : "actif"}</td>
                <td>
                  {p.id !== c.var.staff.id ? (
                    <form
                      class="inline"
                      method="post"
                      action={`/admin/staff/${p.id}/${p.disabledAt ? "enable" : "disable"}`}
                    >
                      <input type="hidden" name="_csrf" value={csrf} />
                      <button class="secondary" type="submit">
                        {p.disabledAt ? "Réactiver" : "Désactiver"}
                      </button>
                    </form>
                  ) : null}
                  <details>
                    <summary>Nouveau mot de passe</summary>
                    <form method="post" action={`/admin/staff/${p.id}/password`}>
                      <input type="hidden" name="_csrf" value={csrf} />
                      <label for={`pw-${p.id}`}>Mot de passe (≥ {MIN_PASSWORD_LENGTH})</label>
                      <input
                        id={`pw-${p.id}`}
                        name="password"
                        type="password"
                        autocomplete="new-password"
                        required
                        minlength={MIN_PASSWORD_LENGTH}
                      />
                      <button type="submit">Enregistrer</button>
                    </form>
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Nouveau compte</h2>
      <form method="post" action="/admin/staff">
        <input type="hidden" name="_csrf" value={csrf} />
        <label for="name">Nom</label>
        <input id="name" name="name" required maxlength={100} />
        <label for="email">E-mail</label>
        <input id="email" name="email" type="email" required />
        <label for="role">Rôle</label>
        <select id="role" name="role">
          {(["referent", "editor", "admin"] as const).map((r) => (
            <option value={r}>{ROLE_WORDS[r]}</option>
          ))}
        </select>
        <label for="password">Mot de passe initial (≥ {MIN_PASSWORD_LENGTH} caractères)</label>
        <input
          id="password"
          name="password"
          type="password"
          autocomplete="new-password"
          required
          minlength={MIN_PASSWORD_LENGTH}
        />
        <p>
          <button type="submit">Créer</button>
        </p>
      </form>
    </StaffLayout>,
  );
}

adminRoutes.get("/staff", (c) => staffPage(c));

adminRoutes.post("/staff", async (c) => {
  const form = await c.req.parseBody();
  const parsed = newStaffSchema().safeParse(form);
  if (!parsed.success) {
    c.status(400);
    return staffPage(c, { error: "Vérifie les champs : e-mail valide, nom, rôle, mot de passe assez long." });
  }
  const db = database(c.env.DB);
  if (await staffByEmail(db, parsed.data.email)) {
    c.status(409);
    return staffPage(c, { error: "Un compte existe déjà avec cet e-mail." });
  }
  const id = await createStaff(
    db,
    { ...parsed.data, passwordHash: await hashPassword(parsed.data.password) },
    new Date(),
  );
  await audit(db, c.var.staff.id, "staff_create", id, { role: parsed.data.role });
  return staffPage(c, { ok: `Compte créé pour ${parsed.data.name}.` });
});

adminRoutes.post("/staff/:id/:op{disable|enable}", async (c) => {
  const id = c.req.param("id");
  const op = c.req.param("op");
  const db = database(c.env.DB);
  if (id === c.var.staff.id) {
    c.status(400);
    return staffPage(c, { error: "Tu ne peux pas désactiver ton propre compte." });
  }
  await setStaffDisabled(db, id, op === "disable", new Date());
  await audit(db, c.var.staff.id, `staff_${op}`, id);
  return c.redirect("/admin/staff", 303);
});

adminRoutes.post("/staff/:id/password", async (c) => {
  const form = await c.req.parseBody();
  const password = typeof form.password === "string" ? form.password : "";
  if (password.length < MIN_PASSWORD_LENGTH) {
    c.status(400);
    return staffPage(c, { error: "Mot de passe trop court." });
  }
  const db = database(c.env.DB);
  await setStaffPassword(db, c.req.param("id"), await hashPassword(password));
  await audit(db, c.var.staff.id, "staff_password", c.req.param("id"));
  return c.redirect("/admin/staff", 303);
});

adminRoutes.post("/staff/:id/team", async (c) => {
  const form = await c.req.parseBody();
  const teamId = typeof form.teamId === "string" && form.teamId !== "" ? form.teamId : null;
  const db = database(c.env.DB);
  if (teamId !== null && !(await teamById(db, teamId))) {
    c.status(400);
    return staffPage(c, { error: "Équipe introuvable." });
  }
  if (!(await setStaffTeam(db, c.req.param("id"), teamId))) {
    c.status(404);
    return staffPage(c, { error: "Compte introuvable." });
  }
  await audit(db, c.var.staff.id, "staff_team", c.req.param("id"), { teamId });
  return c.redirect("/admin/staff", 303);
});
