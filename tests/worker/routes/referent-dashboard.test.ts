import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { loginAs, staffFetch } from "../../support/staff.ts";

/** The dashboards past D1's 100 bound parameters (issue 22, finding 3: 95 → 200, 105 → 500). */

let batchNo = 0;

/** n young people linked to the référent, each with an open help request. */
async function followed(staffId: string, n: number): Promise<void> {
  const prefix = `dash${batchNo++}`;
  const now = Date.now();
  const statements: D1PreparedStatement[] = [];
  for (let i = 0; i < n; i++) {
    const id = `${prefix}-${i}-${crypto.randomUUID()}`;
    statements.push(
      env.DB.prepare(
        "insert into young_people (id, locale, cursor, created_at, last_active_at) values (?, 'fr', '{}', ?, ?)",
      ).bind(id, now, now),
      env.DB.prepare("insert into referent_links (staff_id, young_id, created_at) values (?, ?, ?)").bind(
        staffId,
        id,
        now,
      ),
      env.DB.prepare(
        "insert into alerts (id, young_id, kind, severity, message, created_at) values (?, ?, 'help', 'normal', 'aide', ?)",
      ).bind(crypto.randomUUID(), id, now),
    );
  }
  await env.DB.batch(statements);
}

describe("dashboards with many young people", () => {
  for (const n of [95, 105, 1000]) {
    it(`should show a référent following ${n} young people all of them and their open alerts`, async () => {
      const ref = await loginAs("referent");
      await followed(ref.id, n);
      const res = await staffFetch("/referent", { cookie: ref.cookie });
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain(`Mes jeunes (${n})`);
      expect(html).toContain(`Alertes ouvertes (${Math.min(n, 200)})`);
    });
  }

  it("should show an admin every followed young person past 100, and alerts of people no référent follows", async () => {
    const admin = await loginAs("admin");
    const now = Date.now();
    await env.DB.batch([
      env.DB.prepare(
        "insert into young_people (id, locale, cursor, created_at, last_active_at) values ('unlinked-with-alert', 'fr', '{}', ?, ?)",
      ).bind(now, now),
      env.DB.prepare(
        "insert into alerts (id, young_id, kind, severity, created_at) values (?, 'unlinked-with-alert', 'crisis', 'high', ?)",
      ).bind(crypto.randomUUID(), now),
    ]);
    const res = await staffFetch("/referent", { cookie: admin.cookie });
    expect(res.status).toBe(200);
    const html = await res.text();
    const listed = Number(/Tous les jeunes suivis \((\d+)\)/.exec(html)?.[1]);
    expect(listed).toBeGreaterThan(100);
    expect(html).toContain("Jeune UNLINK");
  });
});
