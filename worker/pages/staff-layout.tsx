import type { Child } from "hono/jsx";
import { assetPath } from "../assets.ts";
import type { StaffUser } from "../auth/types.ts";
import { STAFF_ASSETS, staffStyle } from "./staff-style.ts";
import { ROLE_WORDS } from "./staff-words.ts";

/** Shared shell of the staff pages: server-rendered, no script, in French, usable on a 360 px phone. */

export function StaffLayout(props: { title: string; staff?: StaffUser; csrf?: string; children?: Child }) {
  const { staff, csrf } = props;
  return (
    <html lang="fr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{props.title} · Passerelle</title>
        <link rel="stylesheet" href={assetPath(STAFF_ASSETS, staffStyle)} />
      </head>
      <body>
        <header>
          <strong>Passerelle · équipe</strong>
          {staff ? (
            <nav>
              <a href="/referent">Tableau de bord</a>
              {staff.role === "admin" ? (
                <>
                  {" "}
                  · <a href="/admin/staff">Comptes</a> · <a href="/admin/teams">Équipes</a>
                </>
              ) : null}
              {staff.role === "admin" || staff.role === "editor" ? (
                <>
                  {" "}
                  · <a href="/admin/content">Contenus</a>
                </>
              ) : null}
            </nav>
          ) : null}
          {staff && csrf ? (
            <span class="who">
              {staff.name} · {ROLE_WORDS[staff.role]}{" "}
              <form class="inline" method="post" action="/logout">
                <input type="hidden" name="_csrf" value={csrf} />
                <button class="secondary" type="submit">
                  Se déconnecter
                </button>
              </form>
            </span>
          ) : null}
        </header>
        <main>{props.children}</main>
      </body>
    </html>
  );
}

/** The outcome of the last action, as a status line (done) or an alert (refused). */
export function Flash(props: { ok?: string | undefined; error?: string | undefined }) {
  return (
    <>
      {props.ok ? (
        <p class="ok" role="status">
          {props.ok}
        </p>
      ) : null}
      {props.error ? (
        <p class="error" role="alert">
          {props.error}
        </p>
      ) : null}
    </>
  );
}
