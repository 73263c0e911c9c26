import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { FORM_BODY_LIMIT, IMPORT_BODY_LIMIT, LOGIN_BODY_LIMIT } from "../../worker/staff-body-limit.ts";
import { csrfOf, loginAs, makeStaff, sessionCookieOf, staffFetch } from "../support/staff.ts";

/**
 * Issue 22, finding 9: the staff Worker refuses an oversized body before it parses it, with
 * or without a Content-Length, signed in or not; nothing is counted, logged or stored.
 */

const MB = 1024 * 1024;

function form(fields: Record<string, string>, padTo: number): string {
  const body = new URLSearchParams(fields).toString();
  return `${body}&pad=${"a".repeat(Math.max(0, padTo - body.length - 5))}`;
}

/** A body sent in chunks, without Content-Length. */
function streamed(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(at, at + 1024));
      at += 1024;
    },
  });
}

const post = (path: string, body: BodyInit, cookie?: string, type = "application/x-www-form-urlencoded") =>
  staffFetch(path, {
    method: "POST",
    body,
    headers: { "Content-Type": type },
    cookie: cookie ?? null,
    ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
  } as RequestInit);

/** Sign-in attempts counted (login_throttle, all addresses) and audit entries of this account. */
async function failures(staffId: string): Promise<{ failed: number; audit: number }> {
  const row = await env.DB.prepare(
    "select (select coalesce(sum(count), 0) from login_throttle) as failed, (select count(*) from audit_log where staff_id = ?1) as audit",
  )
    .bind(staffId)
    .first<{ failed: number; audit: number }>();
  return row!;
}

describe("the staff Worker's body limit", () => {
  it("should refuse a 20 MB sign-in form unread: 413, no session, no failure counted, nothing logged", async () => {
    const staff = await makeStaff("referent");
    const before = await failures(staff.id);
    const res = await post("/login", form({ email: staff.email, password: "wrong password!" }, 20 * MB));
    expect(res.status).toBe(413);
    expect(sessionCookieOf(res)).toBeNull();
    expect(await failures(staff.id)).toEqual(before);
    expect(before.audit).toBe(0);
  });

  it("should refuse a sign-in form just over its limit, streamed without Content-Length too", async () => {
    const staff = await makeStaff("referent");
    const before = await failures(staff.id);
    expect(
      (await post("/login", form({ email: staff.email, password: "wrong password!" }, LOGIN_BODY_LIMIT + 1))).status,
    ).toBe(413);
    expect(
      (await post("/login", streamed(form({ email: staff.email, password: "wrong password!" }, 4 * LOGIN_BODY_LIMIT))))
        .status,
    ).toBe(413);
    expect(await failures(staff.id)).toEqual(before);
  });

  it("should still sign in with an ordinary form, and read a streamed one under the limit", async () => {
    const staff = await makeStaff("referent");
    const res = await post(
      "/login",
      streamed(
        new URLSearchParams({ email: staff.email, password: "correct horse battery", next: "/referent" }).toString(),
      ),
    );
    expect(res.status).toBe(303);
    expect(sessionCookieOf(res)).not.toBeNull();
  });

  it("should refuse an anonymous 20 MB post to any staff form", async () => {
    for (const path of ["/admin/staff", "/admin/content/import", "/referent/codes", "/logout"]) {
      const res = await post(path, form({ x: "1" }, 20 * MB));
      expect(res.status, path).toBe(413);
    }
  });

  it("should refuse a signed-in form over its limit and store nothing", async () => {
    const admin = await loginAs("admin");
    const csrf = await csrfOf(admin.cookie, "/admin/staff");
    const fields = {
      _csrf: csrf,
      name: "Trop Gros",
      email: "trop.gros@example.org",
      role: "referent",
      password: "a long enough password",
    };
    const res = await post("/admin/staff", form(fields, FORM_BODY_LIMIT + 1), admin.cookie);
    expect(res.status).toBe(413);
    expect(res.headers.get("Content-Type")).toMatch(/^text\/html/);
    const row = await env.DB.prepare("select count(*) as n from staff where email = 'trop.gros@example.org'").first<{
      n: number;
    }>();
    expect(row!.n).toBe(0);
    expect((await post("/admin/staff", form(fields, 1000), admin.cookie)).status).toBe(200);
  });

  it("should give the content import its own, larger limit", async () => {
    const editor = await loginAs("editor");
    const csrf = await csrfOf(editor.cookie, "/admin/content/transfer");
    const over = await post(
      `/admin/content/import?_csrf=${csrf}`,
      "x".repeat(IMPORT_BODY_LIMIT + 1),
      editor.cookie,
      "application/json",
    );
    expect(over.status).toBe(413);
    // Under it, the body reaches the import (here refused as invalid JSON, not as too large).
    const under = await staffFetch("/admin/content/import", {
      method: "POST",
      cookie: editor.cookie,
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
      body: `{"x":"${"a".repeat(FORM_BODY_LIMIT * 2)}"`,
    });
    expect(under.status).toBe(400);
  });
});
