import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "../../../worker/auth/password.ts";
import {
  csrfOf,
  login,
  loginAs,
  makeStaff,
  postForm,
  sessionCookieOf,
  staffFetch,
  STAFF_PASSWORD,
} from "../../support/staff.ts";

describe("password hashing", () => {
  it("should store a self-describing PBKDF2-SHA256 string with ≥100k iterations and a per-user salt", async () => {
    const a = await hashPassword("secret password");
    const b = await hashPassword("secret password");
    expect(a).toMatch(/^pbkdf2-sha256\$100000\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword("secret password", a)).toBe(true);
  });

  it("should reject a wrong password and a malformed stored hash", async () => {
    const h = await hashPassword("secret password");
    expect(await verifyPassword("Secret password", h)).toBe(false);
    expect(await verifyPassword("secret password", "plain")).toBe(false);
    expect(await verifyPassword("secret password", "pbkdf2-sha256$9999999$AA$AA")).toBe(false);
  });
});

describe("staff login", () => {
  it("should refuse a wrong password without setting a session cookie", async () => {
    const staff = await makeStaff("referent");
    const { res, cookie } = await login(staff.email, "wrong password!");
    expect(res.status).toBe(401);
    expect(cookie).toBeNull();
  });

  it("should refuse an unknown e-mail with the same answer", async () => {
    const { res, cookie } = await login("nobody@example.org");
    expect(res.status).toBe(401);
    expect(cookie).toBeNull();
  });

  it("should set an HttpOnly, Secure, SameSite session cookie and redirect to next", async () => {
    const staff = await makeStaff("referent");
    const res = await staffFetch("/login", {
      method: "POST",
      body: new URLSearchParams({ email: staff.email.toUpperCase(), password: STAFF_PASSWORD, next: "/referent?x=1" }),
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/referent?x=1");
    const set = res.headers.get("Set-Cookie") ?? "";
    expect(set).toMatch(/passerelle_staff=[A-Za-z0-9_-]{43}/);
    expect(set).toMatch(/HttpOnly/);
    expect(set).toMatch(/Secure/);
    expect(set).toMatch(/SameSite=Lax/);
  });

  it("should not redirect to another site after login", async () => {
    const staff = await makeStaff("referent");
    const res = await staffFetch("/login", {
      method: "POST",
      body: new URLSearchParams({ email: staff.email, password: STAFF_PASSWORD, next: "//evil.example/x" }),
    });
    expect(res.headers.get("Location")).toBe("/referent");
  });

  it("should refuse a login form posted from another site", async () => {
    const staff = await makeStaff("referent");
    const res = await staffFetch("/login", {
      method: "POST",
      headers: { Origin: "https://evil.example" },
      body: new URLSearchParams({ email: staff.email, password: STAFF_PASSWORD }),
    });
    expect(res.status).toBe(403);
  });

  it("should refuse an address for 15 minutes after 5 failures on an account, even with the right password", async () => {
    const staff = await makeStaff("referent");
    const from = { "CF-Connecting-IP": "203.0.113.250" };
    const tryWith = (password: string) =>
      staffFetch("/login", {
        method: "POST",
        headers: from,
        body: new URLSearchParams({ email: staff.email, password }),
      });
    for (let i = 0; i < 5; i++) expect((await tryWith("wrong password!")).status).toBe(401);
    const locked = await tryWith(STAFF_PASSWORD);
    expect(locked.status).toBe(429);
    expect(sessionCookieOf(locked)).toBeNull();
    expect(Number(locked.headers.get("Retry-After"))).toBeGreaterThan(14 * 60);
    // The account itself is not locked: its owner elsewhere signs in.
    expect((await login(staff.email)).res.status).toBe(303);
  });

  it("should let the address try again once the window has passed", async () => {
    const staff = await makeStaff("referent");
    const from = { "CF-Connecting-IP": "203.0.113.251" };
    const tryWith = (password: string) =>
      staffFetch("/login", {
        method: "POST",
        headers: from,
        body: new URLSearchParams({ email: staff.email, password }),
      });
    for (let i = 0; i < 6; i++) await tryWith("wrong password!");
    await env.DB.prepare("update login_throttle set window_start = window_start - 15 * 60 * 1000").run();
    expect((await tryWith(STAFF_PASSWORD)).status).toBe(303);
  });

  it("should refuse a disabled account", async () => {
    const staff = await makeStaff("referent");
    await env.DB.prepare("update staff set disabled_at = 1 where id = ?").bind(staff.id).run();
    expect((await login(staff.email)).res.status).toBe(401);
  });

  it("should end the session on logout (the old cookie no longer works)", async () => {
    const me = await loginAs("admin");
    const csrf = await csrfOf(me.cookie, "/admin/staff");
    const out = await postForm("/logout", me.cookie, { _csrf: csrf });
    expect(out.status).toBe(303);
    const after = await staffFetch("/admin/staff", { cookie: me.cookie });
    expect(after.status).toBe(302);
  });

  it("should write login, failures and logout to the audit log", async () => {
    const staff = await makeStaff("referent");
    await login(staff.email, "wrong password!");
    await login(staff.email);
    const rows = await env.DB.prepare("select action from audit_log where staff_id = ? order by id")
      .bind(staff.id)
      .all<{ action: string }>();
    expect(rows.results.map((r) => r.action)).toEqual(["login_failed", "login"]);
  });
});

describe("admin staff management", () => {
  it("should let an admin set a new password, which ends the member's sessions", async () => {
    const admin = await loginAs("admin");
    const member = await loginAs("referent");
    const csrf = await csrfOf(admin.cookie, "/admin/staff");
    const res = await postForm(`/admin/staff/${member.id}/password`, admin.cookie, {
      _csrf: csrf,
      password: "a brand new password",
    });
    expect(res.status).toBe(303);
    expect((await staffFetch("/referent", { cookie: member.cookie })).status).toBe(302);
    expect((await login(member.email)).res.status).toBe(401);
    expect((await login(member.email, "a brand new password")).res.status).toBe(303);
  });

  it("should end a disabled member's sessions at once", async () => {
    const admin = await loginAs("admin");
    const member = await loginAs("referent");
    await postForm(`/admin/staff/${member.id}/disable`, admin.cookie, {
      _csrf: await csrfOf(admin.cookie, "/admin/staff"),
    });
    expect((await staffFetch("/referent", { cookie: member.cookie })).status).toBe(302);
    const rows = await env.DB.prepare(
      "select action, target from audit_log where staff_id = ? and action = 'staff_disable'",
    )
      .bind(admin.id)
      .all();
    expect(rows.results).toEqual([{ action: "staff_disable", target: member.id }]);
  });

  it("should refuse a duplicate e-mail and a short password", async () => {
    const admin = await loginAs("admin");
    const existing = await makeStaff("referent");
    const csrf = await csrfOf(admin.cookie, "/admin/staff");
    expect(
      (
        await postForm("/admin/staff", admin.cookie, {
          _csrf: csrf,
          name: "X",
          email: existing.email,
          role: "referent",
          password: "long enough password",
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await postForm("/admin/staff", admin.cookie, {
          _csrf: csrf,
          name: "X",
          email: "short@example.org",
          role: "referent",
          password: "short",
        })
      ).status,
    ).toBe(400);
  });
});

describe("requireStaff", () => {
  it("should redirect an anonymous page request to the login page with next", async () => {
    const res = await staffFetch("/admin/staff?x=1");
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`/login?next=${encodeURIComponent("/admin/staff?x=1")}`);
  });

  it("should answer 401 to an anonymous POST", async () => {
    const res = await postForm("/admin/staff", null, { name: "x" });
    expect(res.status).toBe(401);
  });

  it("should treat a forged session cookie as anonymous", async () => {
    const res = await staffFetch("/admin/staff", { cookie: `passerelle_staff=${"A".repeat(43)}` });
    expect(res.status).toBe(302);
  });

  it("should treat an expired session as anonymous", async () => {
    const me = await loginAs("admin");
    await env.DB.prepare("update staff_sessions set expires_at = ? where staff_id = ?")
      .bind(Date.now() - 1, me.id)
      .run();
    expect((await staffFetch("/admin/staff", { cookie: me.cookie })).status).toBe(302);
  });

  it("should answer 403 to a signed-in member without the role", async () => {
    const me = await loginAs("referent");
    expect((await staffFetch("/admin/staff", { cookie: me.cookie })).status).toBe(403);
  });

  it("should refuse a form without the CSRF token, and accept it with", async () => {
    const me = await loginAs("admin");
    const fields = {
      name: "Nouvelle Référente",
      email: "nouvelle@example.org",
      role: "referent",
      password: "a long enough password",
    };
    expect((await postForm("/admin/staff", me.cookie, fields)).status).toBe(403);
    expect((await postForm("/admin/staff", me.cookie, { ...fields, _csrf: "x".repeat(43) })).status).toBe(403);
    const csrf = await csrfOf(me.cookie, "/admin/staff");
    const ok = await postForm("/admin/staff", me.cookie, { ...fields, _csrf: csrf });
    expect(ok.status).toBe(200);
    expect((await login("nouvelle@example.org", "a long enough password")).res.status).toBe(303);
  });

  it("should not accept one session's CSRF token with another session", async () => {
    const a = await loginAs("admin");
    const b = await loginAs("admin");
    const csrfA = await csrfOf(a.cookie, "/admin/staff");
    const res = await postForm("/admin/staff", b.cookie, {
      _csrf: csrfA,
      name: "X",
      email: "x2@example.org",
      role: "referent",
      password: "a long enough password",
    });
    expect(res.status).toBe(403);
  });
});
