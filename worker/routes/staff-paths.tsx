import { Hono, type Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { csrfToken, requireStaff } from "../auth/session.ts";
import type { StaffEnv, StaffRole } from "../auth/types.ts";
import { StaffLayout } from "../pages/staff-layout.tsx";

/**
 * What is left of the staff paths once every page is routed: each one is a page or a
 * redirect to the sign-in, never a bare 404 that tells an outsider which paths exist.
 * Mounted last in the staff app.
 */
export const staffPathRoutes = new Hono<StaffEnv>();

const HOME: Record<StaffRole, string> = { admin: "/admin/staff", editor: "/admin/content", referent: "/referent" };

/** /admin itself: each role's home (anonymous: the sign-in, by requireStaff). */
staffPathRoutes.get("/admin", requireStaff(), (c) => c.redirect(HOME[c.var.staff.role], 302));

/** A link to /logout opens a page with the sign-out button (signing out is a POST with CSRF). */
staffPathRoutes.get("/logout", requireStaff(), (c) =>
  c.html(
    <StaffLayout title="Se déconnecter" staff={c.var.staff} csrf={csrfToken(c)}>
      <h1>Se déconnecter</h1>
      <form method="post" action="/logout">
        <input type="hidden" name="_csrf" value={csrfToken(c)} />
        <p>
          <button type="submit">Se déconnecter</button>
        </p>
      </form>
    </StaffLayout>,
  ),
);

/** Any other staff path: anonymous → the sign-in (401 for a non-page request); signed in → a 404 page. */
for (const path of ["/admin/*", "/referent/*"]) {
  staffPathRoutes.all(path, requireStaff(), (c) => staffErrorPage(c, 404));
}

const TITLES: Partial<Record<ContentfulStatusCode, string>> = {
  400: "Requête invalide",
  403: "Accès refusé",
  404: "Page introuvable",
  413: "Envoi trop gros",
  429: "Trop d'essais",
};

/** A staff error as a page in the staff layout (the app's ErrorPage for GET requests). */
export function staffErrorPage(c: Context, status: ContentfulStatusCode): Response | Promise<Response> {
  const staff = (c as Context<StaffEnv>).var.staff;
  const title = TITLES[status] ?? "Erreur";
  return c.html(
    <StaffLayout title={title} staff={staff} csrf={staff ? csrfToken(c as Context<StaffEnv>) : undefined}>
      <h1>{title}</h1>
      <p>
        <a href={staff ? HOME[staff.role] : "/login"}>Retour à l'accueil</a>
      </p>
    </StaffLayout>,
    status,
  );
}
