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

type Route = {
  name: string;
  method: "GET" | "POST";
  path: () => string;
  fields?: () => Record<string, string>;
  expect: Record<Actor, number>;
};

const ROUTES: Route[] = [
  {
    name: "GET /referent",
    method: "GET",
    path: () => "/referent",
    expect: { anonymous: 302, editor: 403, otherReferent: 200, referent: 200, admin: 200 },
  },
  {
    name: "POST /referent/codes",
    method: "POST",
    path: () => "/referent/codes",
    fields: () => ({ purpose: "young" }),
    expect: { anonymous: 401, editor: 403, otherReferent: 200, referent: 200, admin: 200 },
  },
  {
    name: "POST /referent/alerts/:id/ack",
    method: "POST",
    path: () => `/referent/alerts/${alertIds.shift()}/ack`,
    expect: { anonymous: 401, editor: 403, otherReferent: 403, referent: 303, admin: 303 },
  },
  {
    name: "POST /referent/telegram/unlink",
    method: "POST",
    path: () => "/referent/telegram/unlink",
    expect: { anonymous: 401, editor: 403, otherReferent: 200, referent: 200, admin: 200 },
  },
  {
    name: "GET /admin/staff",
    method: "GET",
    path: () => "/admin/staff",
    expect: { anonymous: 302, editor: 403, otherReferent: 403, referent: 403, admin: 200 },
  },
  {
    name: "POST /admin/staff",
    method: "POST",
    path: () => "/admin/staff",
    fields: () => ({
      name: "N",
      email: `n${crypto.randomUUID().slice(0, 8)}@example.org`,
      role: "referent",
      password: "long enough password",
    }),
    expect: { anonymous: 401, editor: 403, otherReferent: 403, referent: 403, admin: 200 },
  },
  {
    name: "POST /admin/staff/:id/disable",
    method: "POST",
    path: () => `/admin/staff/${staffTarget}/disable`,
    expect: { anonymous: 401, editor: 403, otherReferent: 403, referent: 403, admin: 303 },
  },
  {
    name: "POST /admin/staff/:id/enable",
    method: "POST",
    path: () => `/admin/staff/${staffTarget}/enable`,
    expect: { anonymous: 401, editor: 403, otherReferent: 403, referent: 403, admin: 303 },
  },
  {
    name: "POST /admin/staff/:id/team",
    method: "POST",
    path: () => `/admin/staff/${staffTarget}/team`,
    fields: () => ({ teamId: teamTarget }),
    expect: { anonymous: 401, editor: 403, otherReferent: 403, referent: 403, admin: 303 },
  },
  {
    name: "GET /admin/teams",
    method: "GET",
    path: () => "/admin/teams",
    expect: { anonymous: 302, editor: 403, otherReferent: 403, referent: 403, admin: 200 },
  },
  {
    name: "POST /admin/teams",
    method: "POST",
    path: () => "/admin/teams",
    fields: () => ({
      name: `Équipe ${crypto.randomUUID().slice(0, 6)}`,
      webhookUrl: "https://receiver.test/matrix",
      webhookSecret: "matrix-secret-0123456",
    }),
    expect: { anonymous: 401, editor: 403, otherReferent: 403, referent: 403, admin: 200 },
  },
  {
    name: "POST /admin/teams/:id",
    method: "POST",
    path: () => `/admin/teams/${teamTarget}`,
    fields: () => ({ name: "Équipe matrice", backupTelegramChatId: "7777" }),
    expect: { anonymous: 401, editor: 403, otherReferent: 403, referent: 403, admin: 303 },
  },
  // Last: unlinking changes what the référent may do.
  {
    name: "POST /referent/young/:id/unlink",
    method: "POST",
    path: () => `/referent/young/${youngId}/unlink`,
    expect: { anonymous: 401, editor: 403, otherReferent: 403, admin: 403, referent: 200 },
  },
];

async function call(route: Route, actor: Actor): Promise<number> {
  const cookie = cookies[actor];
  if (route.method === "GET") return (await staffFetch(route.path(), { cookie })).status;
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
