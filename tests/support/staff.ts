import { callWorker } from "./call.ts";
import { env } from "cloudflare:workers";
import { hashPassword } from "../../worker/auth/password.ts";
import { database } from "../../worker/store/db.ts";
import { createStaff, type StaffRole } from "../../worker/store/staff.ts";
import { actions, openSession, send } from "./webchat.ts";

/** Staff accounts and a tiny cookie-carrying client for the staff pages. */

export const STAFF_PASSWORD = "correct horse battery";
const BASE = "https://passerelle.test";

let hashCache: string | null = null;

export async function makeStaff(
  role: StaffRole,
  name = `${role} ${crypto.randomUUID().slice(0, 6)}`,
): Promise<{ id: string; email: string; name: string }> {
  hashCache ??= await hashPassword(STAFF_PASSWORD);
  const email = `${name.replace(/\W+/g, ".").toLowerCase()}@example.org`;
  const id = await createStaff(database(env.DB), { email, name, role, passwordHash: hashCache }, new Date());
  return { id, email, name };
}

export function staffFetch(path: string, init: RequestInit & { cookie?: string | null } = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (init.cookie) headers.set("Cookie", init.cookie);
  return callWorker(new Request(`${BASE}${path}`, { ...init, headers, redirect: "manual" }));
}

export function sessionCookieOf(res: Response): string | null {
  const set = res.headers.getSetCookie?.() ?? [res.headers.get("Set-Cookie") ?? ""];
  for (const line of set) {
    const m = /^(passerelle_staff=[^;]+)/.exec(line);
    if (m && !/^passerelle_staff=;/.test(line)) return m[1]!;
  }
  return null;
}

export async function login(
  email: string,
  password = STAFF_PASSWORD,
): Promise<{ res: Response; cookie: string | null }> {
  const res = await staffFetch("/login", {
    method: "POST",
    body: new URLSearchParams({ email, password, next: "/referent" }),
  });
  return { res, cookie: sessionCookieOf(res) };
}

export async function loginAs(role: StaffRole, name?: string): Promise<{ id: string; email: string; cookie: string }> {
  const account = await makeStaff(role, name);
  const { cookie } = await login(account.email);
  if (!cookie) throw new Error("login failed");
  return { ...account, cookie };
}

/** The CSRF token printed in a staff page's forms. */
export async function csrfOf(cookie: string, path = "/referent"): Promise<string> {
  const html = await (await staffFetch(path, { cookie })).text();
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!m) throw new Error(`no CSRF token on ${path}`);
  return m[1]!;
}

export function postForm(path: string, cookie: string | null, fields: Record<string, string>): Promise<Response> {
  return staffFetch(path, { method: "POST", cookie, body: new URLSearchParams(fields) });
}

/** A one-time code created from the dashboard, as the référent reads it ("ABCD-2345"). */
export async function newLinkCode(cookie: string, purpose: "young" | "telegram"): Promise<string> {
  const csrf = await csrfOf(cookie);
  const res = await postForm("/referent/codes", cookie, { _csrf: csrf, purpose });
  const html = await res.text();
  const m = /class="code">(?:\/staff )?([A-Z0-9]{4}-[A-Z0-9]{4})</.exec(html);
  if (res.status !== 200 || !m) throw new Error(`no code in dashboard (HTTP ${res.status})`);
  return m[1]!;
}

/** A new web-chat young person who entered (and confirmed) a link code of each référent. */
export async function linkedWebYoung(...cookies: string[]) {
  const young = await openSession();
  for (const cookie of cookies) {
    const preview = await send(young.token, { text: `code ${await newLinkCode(cookie, "young")}` });
    await send(young.token, { action: actions(preview).find((a) => a.startsWith("link:yes:"))! });
  }
  return young;
}
