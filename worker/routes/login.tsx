import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { csrfCheck, endSession, requireStaff, safeNext, startSession } from "../auth/session.ts";
import { DUMMY_HASH, verifyPassword } from "../auth/password.ts";
import { isCrossSite } from "../auth/origin.ts";
import type { StaffEnv } from "../auth/types.ts";
import { StaffLayout } from "../pages/staff-layout.tsx";
import { database } from "../store/db.ts";
import { audit, recordLoginFailure, staffByEmail } from "../store/staff.ts";

/** Staff login and logout (password; Cloudflare Access users are signed in by requireStaff). */
export const loginRoutes = new Hono<StaffEnv>();

function LoginPage(props: { next: string; error?: string; email?: string }) {
  return (
    <StaffLayout title="Connexion">
      <h1>Connexion de l'équipe</h1>
      <p class="muted">Staff sign-in. Les jeunes utilisent le chat, pas cette page.</p>
      {props.error ? <p class="error" role="alert">{props.error}</p> : null}
      <form method="post" action="/login">
        <input type="hidden" name="next" value={props.next} />
        <label for="email">E-mail</label>
        <input id="email" name="email" type="email" autocomplete="username" required value={props.email ?? ""} />
        <label for="password">Mot de passe / Password</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required />
        <p><button type="submit">Se connecter</button></p>
      </form>
    </StaffLayout>
  );
}

loginRoutes.get("/login", (c) => {
  c.header("Cache-Control", "no-store");
  return c.html(<LoginPage next={safeNext(c.req.query("next"), new URL(c.req.url).origin)} />);
});

loginRoutes.post("/login", async (c) => {
  // Login CSRF: a form posted from another site is refused (SameSite cookies do the rest).
  if (isCrossSite(c)) throw new HTTPException(403, { message: "cross-site request refused" });
  const form = await c.req.parseBody();
  const email = typeof form.email === "string" ? form.email.slice(0, 200) : "";
  const password = typeof form.password === "string" ? form.password.slice(0, 500) : "";
  const next = safeNext(typeof form.next === "string" ? form.next : undefined, new URL(c.req.url).origin);
  const db = database(c.env.DB);
  const now = new Date();
  const account = email ? await staffByEmail(db, email) : null;
  const wrong = "E-mail ou mot de passe incorrect. / Wrong e-mail or password.";

  if (!account || account.disabledAt !== null || !account.passwordHash) {
    await verifyPassword(password, DUMMY_HASH); // same time as a real check
    c.status(401);
    return c.html(<LoginPage next={next} email={email} error={wrong} />);
  }
  if (account.lockedUntil !== null && account.lockedUntil > now.getTime()) {
    await audit(db, account.id, "login_locked", null);
    c.status(429);
    return c.html(<LoginPage next={next} email={email} error="Trop d'essais : compte bloqué 15 minutes. / Too many attempts: locked for 15 minutes." />);
  }
  if (!(await verifyPassword(password, account.passwordHash))) {
    await recordLoginFailure(db, account.id, now);
    await audit(db, account.id, "login_failed", null);
    c.status(401);
    return c.html(<LoginPage next={next} email={email} error={wrong} />);
  }
  await startSession(c, account.id, now);
  await audit(db, account.id, "login", null);
  return c.redirect(next, 303);
});

loginRoutes.post("/logout", requireStaff(), csrfCheck(), async (c) => {
  await audit(database(c.env.DB), c.var.staff.id, "logout", null);
  await endSession(c);
  return c.redirect("/login", 303);
});
