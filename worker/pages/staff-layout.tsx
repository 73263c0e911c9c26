import type { Child } from "hono/jsx";
import { raw } from "hono/html";
import type { StaffUser } from "../auth/types.ts";

/** Shared shell of the staff pages: server-rendered, no script, readable on a phone. */

const css = `
*{box-sizing:border-box}body{margin:0;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f4f1ea;color:#1d1d1b}
header{background:#1f4e79;color:#fff;padding:.6rem 1rem;display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center}
header a{color:#fff}header .who{margin-inline-start:auto;font-size:.9rem}
main{max-width:52rem;margin:0 auto;padding:1rem}
h1{font-size:1.3rem}h2{font-size:1.1rem;margin-top:1.6rem}
.card{background:#fff;border:1px solid #ddd;border-radius:.6rem;padding:.8rem;margin:.6rem 0}
.alert-open{border-inline-start:6px solid #b3261e}.muted{color:#555;font-size:.9rem}
label{display:block;margin:.6rem 0 .2rem;font-weight:600}
input,select,textarea{font:inherit;padding:.55rem;border:1px solid #888;border-radius:.4rem;width:100%;max-width:26rem}
button{font:inherit;padding:.55rem 1rem;border:0;border-radius:.5rem;background:#1f4e79;color:#fff;min-height:44px;cursor:pointer}
button.secondary{background:#fff;color:#1f4e79;border:1px solid #1f4e79}
form.inline{display:inline}
.error{color:#b3261e;font-weight:600}.ok{color:#1b5e20;font-weight:600}
.code{font:700 1.6rem/1.2 ui-monospace,monospace;letter-spacing:.15em}
.scroll{overflow-x:auto}table{border-collapse:collapse;width:100%}td,th{text-align:start;padding:.35rem;border-bottom:1px solid #ddd;vertical-align:top}
:focus-visible{outline:3px solid #f0a500;outline-offset:2px}
`;

export function StaffLayout(props: { title: string; staff?: StaffUser; csrf?: string; children?: Child }) {
  const { staff, csrf } = props;
  return (
    <html lang="fr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{props.title} · Passerelle</title>
        <style>{raw(css)}</style>
      </head>
      <body>
        <header>
          <strong>Passerelle · équipe</strong>
          {staff ? (
            <nav>
              <a href="/referent">Tableau de bord</a>
              {staff.role === "admin" ? <> · <a href="/admin/staff">Comptes</a> · <a href="/admin/teams">Équipes</a></> : null}
              {staff.role === "admin" || staff.role === "editor" ? <> · <a href="/admin/content">Contenus</a></> : null}
            </nav>
          ) : null}
          {staff && csrf ? (
            <span class="who">
              {staff.name} ({staff.role}){" "}
              <form class="inline" method="post" action="/logout">
                <input type="hidden" name="_csrf" value={csrf} />
                <button class="secondary" type="submit">Se déconnecter</button>
              </form>
            </span>
          ) : null}
        </header>
        <main>{props.children}</main>
      </body>
    </html>
  );
}
