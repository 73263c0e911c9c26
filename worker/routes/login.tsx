import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import * as z from "zod/mini";
import { lazy } from "../../shared/lazy.ts";
import { csrfCheck, endSession, requireStaff, safeNext, startSession } from "../auth/session.ts";
import { DUMMY_HASH, verifyPassword } from "../auth/password.ts";
import { isCrossSite } from "../auth/origin.ts";
import type { StaffEnv } from "../auth/types.ts";
import { StaffLayout } from "../pages/staff-layout.tsx";
import { database } from "../store/db.ts";
import { countLoginAttempt, forgetLoginAttempts } from "../store/login-throttle.ts";
import { audit, normalizeEmail, staffByEmail } from "../store/staff.ts";
import { clientAddress } from "../rate-limit.ts";

/** Staff login and logout (password; Cloudflare Access users are signed in by requireStaff). */
export const loginRoutes = new Hono<StaffEnv>();

function LoginPage(props: { next: string; error?: string; email?: string }) {
  return (
    <StaffLayout title="Connexion">
      <h1>Connexion de l'équipe</h1>
      <p class="muted">Réservé à l'équipe. Les jeunes utilisent le chat, pas cette page.</p>
      {props.error ? (
        <p class="error" role="alert">
          {props.error}
        </p>
      ) : null}
      <form method="post" action="/login">
        <input type="hidden" name="next" value={props.next} />
        <label for="email">E-mail</label>
        <input id="email" name="email" type="email" autocomplete="username" required value={props.email ?? ""} />
        <label for="password">Mot de passe</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required />
        <p>
          <button type="submit">Se connecter</button>
        </p>
      </form>
    </StaffLayout>
  );
}

loginRoutes.get("/login", (c) => {
  c.header("Cache-Control", "no-store");
  return c.html(<LoginPage next={safeNext(c.req.query("next"), new URL(c.req.url).origin)} />);
});

const WRONG = "E-mail ou mot de passe incorrect.";
const TOO_MANY = "Trop d'essais depuis cette connexion : réessaie dans 15 minutes.";

/** The sign-in form: every field optional, a file or a repeated field read as missing, each cut to its length. */
const loginFormSchema = lazy(() => {
  const field = (max: number) =>
    z.catch(
      z.pipe(
        z.string(),
        z.transform((v) => v.slice(0, max)),
      ),
      "",
    );
  return z.object({ email: field(200), password: field(500), next: z.catch(z.optional(z.string()), undefined) });
});

loginRoutes.post("/login", async (c) => {
  // Login CSRF: a form posted from another site is refused (SameSite cookies do the rest).
  if (isCrossSite(c)) throw new HTTPException(403, { message: "cross-site request refused" });
  // A missing or odd field reads as empty: the answer stays "wrong e-mail or password", never a hint.
  const form = loginFormSchema().parse(await c.req.parseBody());
  const email = normalizeEmail(form.email);
  const password = form.password;
  const next = safeNext(form.next, new URL(c.req.url).origin);
  const refuse = (status: 401 | 429, error: string) => {
    c.status(status);
    return c.html(<LoginPage next={next} email={email} error={error} />);
  };
  // Nothing to check: no password work, nothing counted.
  if (!email || !password) return refuse(401, WRONG);
  const db = database(c.env.DB);
  const now = new Date();
  // Counted before anything tells known from unknown e-mails: the same limits, answers and timing for both.
  const counted = await countLoginAttempt(db, clientAddress(c), email, now.getTime());
  if (!counted.ok) {
    c.header("Retry-After", String(counted.retryAfterSeconds));
    return refuse(429, TOO_MANY);
  }
  const account = await staffByEmail(db, email);
  if (!account || account.disabledAt !== null || !account.passwordHash) {
    await verifyPassword(password, DUMMY_HASH); // same time as a real check
    return refuse(401, WRONG);
  }
  if (!(await verifyPassword(password, account.passwordHash))) {
    await audit(db, account.id, "login_failed", null);
    return refuse(401, WRONG);
  }
  await forgetLoginAttempts(db, counted.accountKey);
  await startSession(c, account.id, now);
  await audit(db, account.id, "login", null);
  return c.redirect(next, 303);
});

loginRoutes.post("/logout", requireStaff(), csrfCheck(), async (c) => {
  await audit(database(c.env.DB), c.var.staff.id, "logout", null);
  await endSession(c);
  return c.redirect("/login", 303);
});
