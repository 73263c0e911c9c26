import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { csrfOf, loginAs, newLinkCode, postForm, staffFetch } from "../../support/staff.ts";
import { actions, openSession, send } from "../../support/webchat.ts";

/**
 * Authorization matrix: every staff route × anonymous, editor, a référent not linked to the
 * young person, the linked référent, an admin. Expected status for each.
 */

type Actor = "anonymous" | "editor" | "otherReferent" | "referent" | "admin";
const ACTORS: Actor[] = ["anonymous", "editor", "otherReferent", "referent", "admin"];

const cookies = {} as Record<Actor, string | null>;
let youngId = "";
let staffTarget = "";
let teamTarget = "";
const alertIds: string[] = [];

beforeAll(async () => {
  cookies.anonymous = null;
  cookies.editor = (await loginAs("editor")).cookie;
  cookies.otherReferent = (await loginAs("referent")).cookie;
  const ref = await loginAs("referent");
  cookies.referent = ref.cookie;
  cookies.admin = (await loginAs("admin")).cookie;
  staffTarget = (await loginAs("referent")).id;
  teamTarget = crypto.randomUUID();
  await env.DB.prepare("insert into teams (id, name, created_at) values (?, 'Équipe matrice', ?)")
    .bind(teamTarget, Date.now())
    .run();
  const young = await openSession();
  youngId = young.sessionId;
  const p = await send(young.token, { text: `code ${await newLinkCode(ref.cookie, "young")}` });
  await send(young.token, { action: actions(p).find((a) => a.startsWith("link:yes:"))! });
  // Alerts to acknowledge: one per actor that may do it.
  for (let i = 0; i < 5; i++) {
    const id = crypto.randomUUID();
    await env.DB.prepare(
      "insert into alerts (id, young_id, kind, severity, created_at) values (?, ?, 'deadline', 'high', ?)",
    )
      .bind(id, youngId, Date.now())
      .run();
    alertIds.push(id);
  }
});

/** "GET /referent": the method, then the path's pattern (the call itself uses `path()`). */
type Route = {
  name: `${"GET" | "POST"} /${string}`;
  path: () => string;
  fields?: () => Record<string, string>;
  expect: Record<Actor, number>;
};

/** Only an admin may (`ok`); anyone else signed in is refused (403), the anonymous sent away. */
const adminOnly = (ok: number, anonymous = 401): Record<Actor, number> => ({
  anonymous,
  editor: 403,
  otherReferent: 403,
  referent: 403,
  admin: ok,
});
/** Every référent and admin may (`ok`): a route about their own account or codes, not a young person. */
const referents = (ok: number, anonymous = 401): Record<Actor, number> => ({
  anonymous,
  editor: 403,
  otherReferent: ok,
  referent: ok,
  admin: ok,
});

const ROUTES: Route[] = [
  {
    name: "GET /referent",
    path: () => "/referent",
    expect: referents(200, 302),
  },
  {
    name: "POST /referent/codes",
    path: () => "/referent/codes",
    fields: () => ({ purpose: "young" }),
    expect: referents(200),
  },
  {
    name: "POST /referent/alerts/:id/ack",
    path: () => `/referent/alerts/${alertIds.shift()}/ack`,
    expect: { anonymous: 401, editor: 403, otherReferent: 403, referent: 303, admin: 303 },
  },
  {
    name: "POST /referent/telegram/unlink",
    path: () => "/referent/telegram/unlink",
    expect: referents(200),
  },
  {
    name: "GET /admin/staff",
    path: () => "/admin/staff",
    expect: adminOnly(200, 302),
  },
  {
    name: "POST /admin/staff",
    path: () => "/admin/staff",
    fields: () => ({
      name: "N",
      email: `n${crypto.randomUUID().slice(0, 8)}@example.org`,
      role: "referent",
      password: "long enough password",
    }),
    expect: adminOnly(200),
  },
  {
    name: "POST /admin/staff/:id/disable",
    path: () => `/admin/staff/${staffTarget}/disable`,
    expect: adminOnly(303),
  },
  {
    name: "POST /admin/staff/:id/enable",
    path: () => `/admin/staff/${staffTarget}/enable`,
    expect: adminOnly(303),
  },
  {
    name: "POST /admin/staff/:id/team",
    path: () => `/admin/staff/${staffTarget}/team`,
    fields: () => ({ teamId: teamTarget }),
    expect: adminOnly(303),
  },
  {
    name: "GET /admin/teams",
    path: () => "/admin/teams",
    expect: adminOnly(200, 302),
  },
  {
    name: "POST /admin/teams",
    path: () => "/admin/teams",
    fields: () => ({
      name: `Équipe ${crypto.randomUUID().slice(0, 6)}`,
      webhookUrl: "https://receiver.test/matrix",
      webhookSecret: "matrix-secret-0123456",
    }),
    expect: adminOnly(200),
  },
  {
    name: "POST /admin/teams/:id",
    path: () => `/admin/teams/${teamTarget}`,
    fields: () => ({ name: "Équipe matrice", backupTelegramChatId: "7777" }),
    expect: adminOnly(303),
  },
  // Last: unlinking changes what the référent may do.
  {
    name: "POST /referent/young/:id/unlink",
    path: () => `/referent/young/${youngId}/unlink`,
    expect: { anonymous: 401, editor: 403, otherReferent: 403, admin: 403, referent: 200 },
  },
];

async function call(route: Route, actor: Actor): Promise<number> {
  const cookie = cookies[actor];
  if (route.name.startsWith("GET ")) return (await staffFetch(route.path(), { cookie })).status;
  const csrf = cookie ? await csrfOf(cookie).catch(() => "no-csrf-page") : "none";
  return (await postForm(route.path(), cookie, { _csrf: csrf, ...(route.fields?.() ?? {}) })).status;
}

describe("staff routes authorization matrix", () => {
  for (const route of ROUTES) {
    it(`${route.name}: ${ACTORS.map((a) => `${a} ${route.expect[a]}`).join(", ")}`, async () => {
      const got: Record<string, number> = {};
      for (const actor of ACTORS) got[actor] = await call(route, actor);
      expect(got).toEqual(route.expect);
    });
  }

  it("should only show a référent their own young people; an admin sees them all", async () => {
    const other = await (await staffFetch("/referent", { cookie: cookies.otherReferent })).text();
    const admin = await (await staffFetch("/referent", { cookie: cookies.admin })).text();
    const tag = `Jeune ${youngId.slice(0, 6).toUpperCase()}`;
    expect(other).not.toContain(tag);
    expect(admin).toContain(tag);
  });
});
