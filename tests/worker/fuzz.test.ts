import { callWorker } from "../support/call.ts";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { app } from "../../worker/app.ts";
import { siteApp } from "../../worker/site-app.ts";
import { staffApp } from "../../worker/staff-app.ts";
import { seedContent } from "../support/content.ts";
import { countWrites, everyTableCount, schemaTables } from "../support/db.ts";
import {
  anyBody,
  FIELD_NAMES,
  formBody,
  hostileString,
  jsonValue,
  rng,
  type Rng,
  type WireBody,
} from "../support/fuzz.ts";
import { csrfOf, linkedWebYoung, loginAs, makeStaff, STAFF_PASSWORD } from "../support/staff.ts";
import { SECRET, buttonUpdate, textUpdate } from "../support/telegram.ts";
import { openSession, send } from "../support/webchat.ts";

/**
 * Issue 15, "Resilience": thousands of generated malformed or hostile requests (fixed seed) to
 * every route of the three Workers, enumerated from the apps themselves (a new route is fuzzed at
 * once), with and without a web chat token, a staff session of each role and its CSRF token.
 * Whatever arrives: never a 5xx, never a stack trace or an internal name in the answer, no raw
 * markup echoed into a page, and a rejected request (4xx, or any staff request without a valid
 * session) writes no row in any table of shared/db/schema.ts.
 */

const SEED = 20261203;
/**
 * `npm test` runs a smaller fuzz on every landing; the full one (5 000+ requests) runs in CI
 * (`npm run test:resilience`, .ci/run): on 2 shared cores it takes minutes, not seconds.
 */
const FULL = env.RESILIENCE_FULL === "1";
const TOTAL = FULL ? 5000 : 220;
const MIN_PER_ROUTE = FULL ? 86 : 4;
const BASE = "https://passerelle.test";

type Endpoint = { method: string; path: string };

/** Every endpoint of the three apps (middlewares take `next`, handlers do not); ALL is tried as GET and POST. */
function endpoints(): Endpoint[] {
  const seen = new Map<string, Endpoint>();
  for (const route of [...app.routes, ...staffApp.routes, ...siteApp.routes]) {
    if (route.handler.length >= 2) continue;
    for (const method of route.method === "ALL" ? ["GET", "POST"] : [route.method])
      seen.set(`${method} ${route.path}`, { method, path: route.path });
  }
  return [...seen.values()];
}

/** What an answer must never carry: stack frames, source files, SQL engine or driver names, tables. */
const LEAK = new RegExp(
  [
    String.raw`\bat \S+ \(`,
    String.raw`\.(ts|tsx|js|mjs):\d+`,
    "node_modules",
    "workerd",
    "SQLITE",
    "sqlite",
    // D1's error codes (D1_ERROR, D1_TYPE_ERROR…), not a random token's letters ("…xD1_k…").
    String.raw`\bD1_[A-Z]{3,}`,
    "drizzle",
    "TypeError",
    "ReferenceError",
    "RangeError",
    "SyntaxError",
    "too many SQL variables",
    "constraint failed",
    ...schemaTables()
      .filter((t) => t.includes("_"))
      .map((t) => `\\b${t}\\b`),
  ].join("|"),
);
/** Markup of our own payloads that must reach a page escaped, never as markup. */
const RAW_MARKUP = /<script>alert|<b id=fz|<img src=x onerror/;

type Session = { role: "admin" | "editor" | "referent"; email: string; cookie: string; csrf: string };
const HOME = { admin: "/admin/staff", editor: "/admin/content", referent: "/referent" } as const;

const world = {
  tokens: [] as string[],
  staff: [] as Session[],
  emails: [] as string[],
  params: {} as Record<string, string[]>,
  fields: new Set<string>(FIELD_NAMES),
  chatIds: Array.from({ length: 40 }, (_, i) => 880_000 + i),
};

async function session(role: Session["role"]): Promise<Session> {
  const s = await loginAs(role);
  world.emails.push(s.email.toLowerCase());
  return { role, email: s.email, cookie: s.cookie, csrf: await csrfOf(s.cookie, HOME[role]) };
}

async function ids(sql: string): Promise<string[]> {
  return (await env.DB.prepare(sql).raw<[unknown]>()).map((r) => String(r[0]));
}

beforeAll(async () => {
  await seedContent();
  world.staff = [await session("admin"), await session("editor"), await session("referent")];
  // Path parameters point at real rows too (of accounts the fuzz does not sign in with), so
  // the fuzz reaches the checks behind "this id exists".
  const victim = await makeStaff("referent");
  const young = await linkedWebYoung(world.staff[2]!.cookie);
  await send(young.token, { text: "j'ai envie de me suicider" });
  for (let i = 0; i < 12; i++) world.tokens.push((await openSession()).token);
  world.params = {
    kind: ["topic", "step", "resource", "faq"],
    id: [
      victim.id,
      young.sessionId,
      ...(await ids("select id from alerts")),
      ...(await ids("select id from teams")),
      ...(await ids("select id from content_items limit 6")),
      ...(await ids("select id from content_revisions limit 3")),
    ],
    version: await ids("select version from publications"),
    op: ["disable", "enable"],
    file: [],
  };
  // The form fields and asset names the pages really carry, read from the pages.
  for (const { method, path } of endpoints()) {
    if (method !== "GET" || path.includes("*")) continue;
    const res = await callWorker(
      new Request(BASE + fill(rng(1), path, true), { headers: { Cookie: world.staff[0]!.cookie }, redirect: "manual" }),
    );
    const html = await res.text();
    for (const m of html.matchAll(/name="([^"]+)"/g)) world.fields.add(m[1]!);
    for (const m of html.matchAll(/\/assets\/([\w.-]+)/g)) world.params.file!.push(m[1]!);
  }
  world.emails.push(...(await ids("select email from staff")).map((e) => e.toLowerCase()));
});

/** Percent-encoded; a lone surrogate (which cannot be) as the bytes a client would send anyway. */
function enc(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return "%ED%A0%80";
  }
}

/** A path with its parameters filled: real values, hostile ones, or (`real`) real only. */
function fill(r: Rng, path: string, real = false): string {
  return path
    .replace(/:(\w+)(\{[^}]*\})?/g, (_, name: string) => {
      const known = world.params[name] ?? [];
      if (known.length > 0 && (real || r.chance(0.5))) return enc(r.pick(known));
      return r.chance(0.8) ? enc(hostileString(r)) || "x" : hostileString(r).replace(/[?#]/g, "");
    })
    .replace(/\*/, () => (real ? "x" : r.pick(["x", "a/b/c", enc(hostileString(r)), "..%2f..%2fadmin", "%00"])));
}

function query(r: Rng): string {
  if (r.chance(0.3)) return "";
  const params = new URLSearchParams();
  for (let i = 1 + r.int(4); i > 0; i--)
    params.append(r.chance(0.8) ? r.pick([...world.fields]) : hostileString(r), hostileString(r));
  return `?${params}`;
}

type Built = { request: Request; staffSession: Session | null; note: string };

/** What a header may carry without the runtime refusing or warning: printable ASCII of a hostile string. */
const headerSafe = (value: string) => value.replace(/[^\x20-\x7e]/g, "");

/** One hostile request for an endpoint. */
function build(r: Rng, endpoint: Endpoint): Built {
  const headers = new Headers();
  const notes: string[] = [];
  // Staff credentials: none, forged, or a real session (with its CSRF token, or not).
  let staffSession: Session | null = null;
  const cookie = r.int(6);
  if (cookie === 1)
    headers.set("Cookie", `passerelle_staff=${r.pick(["x", "a".repeat(43), "../../", "%00", "a".repeat(5000)])}`);
  if (cookie >= 3) {
    staffSession = r.pick(world.staff);
    headers.set(
      "Cookie",
      r.chance(0.8) ? staffSession.cookie : `junk=1; ${staffSession.cookie}; passerelle_staff=other`,
    );
    notes.push(staffSession.role);
  }
  const csrf = () =>
    staffSession && r.chance(0.7) ? staffSession.csrf : r.chance(0.5) ? r.pick(world.staff).csrf : hostileString(r);
  if (r.chance(0.1)) headers.set("X-CSRF-Token", headerSafe(csrf()));
  if (r.chance(0.2)) headers.set("Sec-Fetch-Site", r.pick(["same-origin", "cross-site", "same-site", "none", ""]));
  if (r.chance(0.2)) headers.set("Origin", r.pick(["https://passerelle.test", "https://evil.example", "null", "x"]));
  if (r.chance(0.05))
    headers.set("Cf-Access-Jwt-Assertion", r.pick(["x", "a.b.c", "eyJhbGciOiJSUzI1NiIsImtpZCI6Im5vbmUifQ.e30.c2ln"]));
  if (r.chance(0.1))
    headers.set("CF-Connecting-IP", r.pick(["::", "1.2.3.4, 5.6.7.8", "garbage", "2001:db8::1", "fe80::1%eth0", ""]));
  // Web chat credentials.
  const bearer = r.int(5);
  if (bearer === 1)
    headers.set(
      "Authorization",
      headerSafe(
        r.pick([
          "Bearer",
          "Bearer ",
          "Basic YTpi",
          `Bearer ${"a".repeat(43)}`,
          `Bearer ${hostileString(r)}`.slice(0, 200),
        ]),
      ),
    );
  if (bearer >= 3) headers.set("Authorization", `Bearer ${r.pick(world.tokens)}`);
  // Telegram's secret, on the webhook.
  if (endpoint.path.startsWith("/telegram")) {
    const secret = r.int(6);
    if (secret >= 2)
      headers.set(
        "X-Telegram-Bot-Api-Secret-Token",
        secret === 2 ? r.pick(["wrong", SECRET.slice(0, -1), `${SECRET} `, ""]) : SECRET,
      );
  }
  const wire: WireBody =
    endpoint.method === "GET" || endpoint.method === "HEAD"
      ? { body: null, contentType: null }
      : bodyFor(r, endpoint, csrf);
  if (wire.contentType) headers.set("Content-Type", wire.contentType);
  const url = BASE + fill(r, endpoint.path) + query(r);
  const request = new Request(url, { method: endpoint.method, headers, body: wire.body, redirect: "manual" });
  return { request, staffSession, note: notes.join(",") };
}

function bodyFor(r: Rng, endpoint: Endpoint, csrf: () => string): WireBody {
  const fields = [...world.fields];
  const form = () => {
    const values: Record<string, string> = {};
    if (r.chance(0.8)) values._csrf = csrf();
    if (endpoint.path === "/login" && r.chance(0.5)) values.email = r.pick([...world.emails, "nobody@example.org"]);
    if (endpoint.path === "/login" && r.chance(0.3)) values.password = STAFF_PASSWORD;
    for (let i = r.int(6); i > 0; i--)
      values[r.chance(0.9) ? r.pick(fields) : hostileString(r)] = r.chance(0.1)
        ? JSON.stringify(jsonValue(r))
        : hostileString(r);
    return values;
  };
  if (endpoint.path.startsWith("/telegram") && r.chance(0.7))
    return { body: JSON.stringify(update(r)), contentType: "application/json" };
  if (endpoint.path.startsWith("/api/chat") && r.chance(0.5)) {
    const body = r.pick([
      { text: hostileString(r) },
      { action: hostileString(r) },
      { text: jsonValue(r) },
      { locale: hostileString(r) },
      { text: "a", action: "menu" },
      jsonValue(r),
    ]);
    return { body: JSON.stringify(body), contentType: "application/json" };
  }
  if (r.chance(0.4)) return formBody(r, form());
  return anyBody(r, fields, form);
}

/** A Telegram update, real in shape, then broken in one place (or not at all). */
function update(r: Rng): unknown {
  const chatId = r.chance(0.8) ? r.pick(world.chatIds) : r.pick([-100, 0, 2 ** 53, 1.5]);
  const base = (
    r.chance(0.6) ? textUpdate(chatId, hostileString(r)) : buttonUpdate(chatId, hostileString(r))
  ) as Record<string, unknown>;
  const mutations = [
    () => {
      base.update_id = jsonValue(r);
    },
    () => {
      delete base.message;
      delete base.callback_query;
    },
    () => {
      (Object.values(base)[1] as Record<string, unknown>).chat = jsonValue(r);
    },
    () => {
      (Object.values(base)[1] as Record<string, unknown>)[r.pick(["text", "data", "from", "message_id", "id"])] =
        jsonValue(r);
    },
    () => {
      base[r.pick(["edited_message", "my_chat_member", "poll", "channel_post", "__proto__"])] = jsonValue(r);
    },
    () => {
      base.update_id = r.pick([0, -1, 1.5, 2 ** 53 + 2, 1e308, r.int(10_000_000)]);
    },
    () => {},
  ];
  r.pick(mutations)();
  return base;
}

describe("the fuzz of every route", () => {
  it(
    `should answer ${TOTAL}+ hostile requests with no 5xx, no leak, and no row written by a rejected one`,
    async () => {
      const r = rng(SEED);
      const routes = endpoints();
      const perRoute = Math.max(MIN_PER_ROUTE, Math.ceil(TOTAL / routes.length));
      // A refused sign-in writes its throttle counters (and, for a real account, an audit line) on
      // purpose: counted apart, allowed for /login only.
      const { writes, apartWrites } = await countWrites({ apart: ["login_throttle", "audit_log"] });
      const rowsBefore = await everyTableCount();
      let rejectedWrites = 0;
      const failures: string[] = [];
      const figures = {
        tried: 0,
        serverErrors: 0,
        leaks: 0,
        rejected: 0,
        rowsWrittenByRejected: 0,
        statuses: {} as Record<number, number>,
      };
      let before = await writes();
      let apartBefore = await apartWrites();
      for (const endpoint of routes) {
        for (let i = 0; i < perRoute; i++) {
          const { request, staffSession, note } = build(r, endpoint);
          const label = `${request.method} ${request.url.slice(BASE.length, BASE.length + 120)} [${note}]`;
          const res = await callWorker(request);
          const text = await res.text();
          const after = await writes();
          const apartAfter = await apartWrites();
          figures.tried++;
          figures.statuses[res.status] = (figures.statuses[res.status] ?? 0) + 1;
          if (res.status >= 500) {
            figures.serverErrors++;
            failures.push(`${res.status} ${label}: ${text.slice(0, 200)}`);
          }
          if (LEAK.test(text) || (RAW_MARKUP.test(text) && (res.headers.get("Content-Type") ?? "").includes("html"))) {
            figures.leaks++;
            failures.push(`leak in ${res.status} ${label}: ${(LEAK.exec(text) ?? RAW_MARKUP.exec(text))![0]}`);
          }
          const anonymousStaff =
            !staffSession &&
            !endpoint.path.startsWith("/api") &&
            !endpoint.path.startsWith("/telegram") &&
            endpoint.path !== "/login";
          const rejected = res.status >= 400 || (anonymousStaff && res.status !== 200);
          const written = after - before + (endpoint.path === "/login" ? 0 : apartAfter - apartBefore);
          if (rejected) figures.rejected++;
          if (rejected && written !== 0) {
            figures.rowsWrittenByRejected += written;
            failures.push(`rows written by rejected ${res.status} ${label}`);
          }
          if (rejected && endpoint.path === "/login") rejectedWrites += apartAfter - apartBefore;
          if (await refreshCredentials(request, res, text, staffSession)) {
            before = await writes();
            apartBefore = await apartWrites();
          } else {
            before = after;
            apartBefore = apartAfter;
          }
        }
      }
      console.log(
        `fuzz: routes ${routes.length}, payloads tried ${figures.tried}, 5xx ${figures.serverErrors}, leaks ${figures.leaks}, rejected ${figures.rejected}, rows written by rejected ${figures.rowsWrittenByRejected}, statuses ${JSON.stringify(figures.statuses)}`,
      );
      // Row counts of every table, before and after: what changed is only what accepted requests wrote.
      const rowsAfter = await everyTableCount();
      const changed = Object.keys(rowsAfter)
        .filter((t) => rowsAfter[t] !== rowsBefore[t])
        .map((t) => `${t} ${rowsBefore[t]}→${rowsAfter[t]}`);
      console.log(
        `fuzz: tables changed by accepted requests (and refused sign-ins' throttle counters and audit lines, ${rejectedWrites} writes): ${changed.join(", ") || "none"}`,
      );
      expect(failures.slice(0, 30)).toEqual([]);
      expect(figures.tried).toBeGreaterThanOrEqual(TOTAL);
      // Every kind of answer was reached, so the fuzz got past the first checks.
      for (const status of [200, 400, 401, 403, 404]) expect(figures.statuses[status] ?? 0).toBeGreaterThan(0);
    },
    FULL ? 1_800_000 : 600_000,
  );

  it("should leave the Workers working after the fuzz", async () => {
    const s = await openSession();
    expect((await send(s.token, { action: "lang:fr" })).replies.length).toBeGreaterThan(0);
    const res = await callWorker(
      new Request(`${BASE}/referent`, { headers: { Cookie: (await session("referent")).cookie } }),
    );
    expect(res.status).toBe(200);
  });
});

/**
 * A fuzzed sign-out or deletion may end a credential of the pool: it gets a new one.
 * True when it did (and so wrote rows of its own).
 */
async function refreshCredentials(
  request: Request,
  res: Response,
  text: string,
  staffSession: Session | null,
): Promise<boolean> {
  let refreshed = false;
  const token = /^Bearer (.+)$/.exec(request.headers.get("Authorization") ?? "")?.[1];
  const index = token ? world.tokens.indexOf(token) : -1;
  if (index >= 0 && (res.status === 204 || text.includes('"ended":true'))) {
    const alive = await env.DB.prepare("select 1 from identities where channel = 'web' and key = ?")
      .bind(await hashOf(token!))
      .first();
    if (!alive) {
      world.tokens[index] = (await openSession()).token;
      refreshed = true;
    }
  }
  if (staffSession && new URL(request.url).pathname === "/logout" && res.status === 303) {
    world.staff[world.staff.indexOf(staffSession)] = await session(staffSession.role);
    refreshed = true;
  }
  return refreshed;
}

async function hashOf(token: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(token));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
