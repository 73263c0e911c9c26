import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { everyTableCount } from "../../support/db.ts";
import { makeStaff, sessionCookieOf, STAFF_PASSWORD, staffFetch } from "../../support/staff.ts";

/**
 * Issue 22, finding 7 (and issue 15's sign-in limits): password checks are counted
 * atomically in D1 per address and e-mail and per address, never per account alone, so
 * an outsider elsewhere cannot keep a référent out; a known and an unknown e-mail get the
 * same answers; concurrent requests get no more checks than the limit.
 */

let lastAddress = 0;
/** A fresh address of the test range (203.0.113.0/24 is TEST-NET-3). */
const newAddress = () => `203.0.113.${++lastAddress}`;

function attempt(address: string, email: string, password: string): Promise<Response> {
  return staffFetch("/login", {
    method: "POST",
    headers: { "CF-Connecting-IP": address },
    body: new URLSearchParams({ email, password, next: "/referent" }),
  });
}

async function failuresLogged(staffId: string): Promise<number> {
  const row = await env.DB.prepare("select count(*) as n from audit_log where staff_id = ? and action = 'login_failed'")
    .bind(staffId)
    .first<{ n: number }>();
  return row!.n;
}

/** The answer as an outsider reads it, the e-mail they typed taken out. */
async function seen(res: Response, email: string): Promise<string> {
  return `${res.status} ${res.headers.get("Retry-After") ?? "-"} ${(await res.text()).replaceAll(email, "EMAIL")}`;
}

describe("sign-in limits", () => {
  it("should answer an unknown e-mail exactly as a known one: the same statuses, pages and Retry-After", async () => {
    const known = await makeStaff("referent");
    const unknown = `nobody.${crypto.randomUUID().slice(0, 8)}@example.org`;
    const address = newAddress();
    const answers = { known: [] as string[], unknown: [] as string[] };
    for (let i = 0; i < 7; i++) {
      answers.known.push(await seen(await attempt(address, known.email, "wrong password!"), known.email));
      answers.unknown.push(await seen(await attempt(address, unknown, "wrong password!"), unknown));
    }
    expect(answers.known.map((a) => a.slice(0, 3))).toEqual(["401", "401", "401", "401", "401", "429", "429"]);
    expect(answers.unknown.map((a) => a.replace(/^(\d{3}) \d+/, "$1 N"))).toEqual(
      answers.known.map((a) => a.replace(/^(\d{3}) \d+/, "$1 N")),
    );
  });

  it("should keep letting the référent in from their own address while an outsider fails from theirs", async () => {
    const victim = await makeStaff("referent");
    const outsider = newAddress();
    for (let i = 0; i < 20; i++) await attempt(outsider, victim.email, "wrong password!");
    expect((await attempt(outsider, victim.email, "wrong password!")).status).toBe(429);
    const res = await attempt(newAddress(), victim.email, STAFF_PASSWORD);
    expect(res.status).toBe(303);
    expect(sessionCookieOf(res)).not.toBeNull();
  });

  it("should refuse even the right password from an address past its limit, until the window has passed", async () => {
    const staff = await makeStaff("referent");
    const address = newAddress();
    for (let i = 0; i < 5; i++) expect((await attempt(address, staff.email, "wrong password!")).status).toBe(401);
    const refused = await attempt(address, staff.email, STAFF_PASSWORD);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(14 * 60);
    expect(sessionCookieOf(refused)).toBeNull();
    await env.DB.prepare("update login_throttle set window_start = window_start - 15 * 60 * 1000").run();
    expect((await attempt(address, staff.email, STAFF_PASSWORD)).status).toBe(303);
  });

  it("should give 20 concurrent requests at most 5 password checks", async () => {
    const staff = await makeStaff("referent");
    const address = newAddress();
    const statuses = (
      await Promise.all(Array.from({ length: 20 }, () => attempt(address, staff.email, "wrong password!")))
    ).map((r) => r.status);
    expect(statuses.filter((s) => s === 401).length).toBe(5);
    expect(statuses.filter((s) => s === 429).length).toBe(15);
    expect(await failuresLogged(staff.id)).toBe(5);
  });

  it("should limit one address trying many e-mails", async () => {
    const address = newAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 32; i++)
      statuses.push((await attempt(address, `spray${i}.${lastAddress}@example.org`, "wrong password!")).status);
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(30)).toEqual([429, 429]);
    // Another address is not affected.
    expect((await attempt(newAddress(), "spray0@example.org", "wrong password!")).status).toBe(401);
  });

  it("should forget an address's failures on an account once it signs in", async () => {
    const staff = await makeStaff("referent");
    const address = newAddress();
    for (let i = 0; i < 4; i++) await attempt(address, staff.email, "wrong password!");
    expect((await attempt(address, staff.email, STAFF_PASSWORD)).status).toBe(303);
    for (let i = 0; i < 5; i++) expect((await attempt(address, staff.email, "wrong password!")).status).toBe(401);
  });

  it("should check no password and write nothing for a form without e-mail or password", async () => {
    const before = await everyTableCount();
    const address = newAddress();
    for (const fields of [{ email: "", password: "x" }, { email: "a@example.org", password: "" }, {}] as Record<
      string,
      string
    >[]) {
      const res = await staffFetch("/login", {
        method: "POST",
        headers: { "CF-Connecting-IP": address },
        body: new URLSearchParams(fields),
      });
      expect(res.status).toBe(401);
    }
    expect(await everyTableCount()).toEqual(before);
  });
});
