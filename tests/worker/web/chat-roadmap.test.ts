import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { seedContent } from "../../support/content.ts";
import { openSession, send } from "../../support/webchat.ts";

type Timeline = {
  title: string;
  empty: string;
  dir: string;
  steps: { id: string; due: string | null; state: string; stateLabel: string; title: string }[];
};

function timeline(token: string | null): Promise<Response> {
  return exports.default.fetch(
    new Request(
      "https://passerelle.test/api/chat/roadmap",
      token ? { headers: { Authorization: `Bearer ${token}` } } : {},
    ),
  );
}

beforeAll(async () => {
  await seedContent();
});

describe("GET /api/chat/roadmap (the web chat's timeline)", () => {
  it("should refuse a request without a session", async () => {
    expect((await timeline(null)).status).toBe(401);
  });

  it("should ask for the profile when birth and situation are unknown", async () => {
    const session = await openSession();
    const res = await timeline(session.token);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Timeline;
    expect(body.empty).toContain("mois et de ton année de naissance");
  });

  it("should show the young person's own steps with dates and progress", async () => {
    const session = await openSession();
    for (const action of ["lang:fr", "privacy:accept", "year:2009", "month:02", "status:mna", "dept:49"])
      await send(session.token, { action });
    let body = (await (await timeline(session.token)).json()) as Timeline;
    const ids = body.steps.map((s) => s.id);
    expect(ids).toContain("cjm-request");
    const cjm = body.steps.find((s) => s.id === "cjm-request")!;
    expect(cjm.due).toBe("2027-01-31");
    expect(cjm.stateLabel).toMatch(/Maintenant|Bientôt|En retard/);

    await send(session.token, { action: "roadmap:done:cjm-request" });
    body = (await (await timeline(session.token)).json()) as Timeline;
    expect(body.steps.find((s) => s.id === "cjm-request")).toMatchObject({ state: "done", stateLabel: "✅ Fait" });
  });
});

describe("the residence permit's end month through the web chat (issue 19)", () => {
  it("should store the month an MNA gives, date the renewal from it, export it and delete it with the rest", async () => {
    const session = await openSession();
    const year = new Date().getUTCFullYear() + 1;
    for (const action of [
      "lang:fr",
      "privacy:accept",
      `year:${year - 20}`,
      "month:02",
      "status:mna",
      `year:${year - 3}`,
      "month:01",
      `year:${year}`,
      "month:06",
      "dept:44",
    ])
      await send(session.token, { action });
    const row = await env.DB.prepare("select permit_expiry from young_people where id = ?")
      .bind(session.sessionId)
      .first<{ permit_expiry: string }>();
    expect(row?.permit_expiry).toBe(`${year}-06`);
    const body = (await (await timeline(session.token)).json()) as Timeline;
    expect(body.steps.find((s) => s.id === "residence-permit-renewal")?.due).toBe(`${year}-04-02`);
    const exported = (await (
      await exports.default.fetch(
        new Request("https://passerelle.test/api/chat/export", {
          headers: { Authorization: `Bearer ${session.token}` },
        }),
      )
    ).json()) as { profile: { permitExpiry: string } };
    expect(exported.profile.permitExpiry).toBe(`${year}-06`);
    await exports.default.fetch(
      new Request("https://passerelle.test/api/chat/session", {
        method: "DELETE",
        headers: { Authorization: `Bearer ${session.token}` },
      }),
    );
    expect(
      await env.DB.prepare("select count(*) as n from young_people where permit_expiry is not null and id = ?")
        .bind(session.sessionId)
        .first("n"),
    ).toBe(0);
  });
});
