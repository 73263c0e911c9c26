import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { publishSeedRoadmapRules } from "../../support/content.ts";

const get = (query: string) => exports.default.fetch(new Request(`https://passerelle.test/api/roadmap?${query}`));

async function rowCounts(): Promise<number> {
  const tables = ["young_people", "identities", "roadmap_progress", "reminders_sent", "alerts", "event_counts"];
  let total = 0;
  for (const table of tables)
    total += Number((await env.DB.prepare(`select count(*) as n from ${table}`).first<{ n: number }>())?.n ?? 0);
  return total;
}

beforeAll(async () => {
  await publishSeedRoadmapRules();
});

describe("GET /api/roadmap", () => {
  it("should answer the roadmap of an MNA entrusted after 16 with the two-month residence permit deadline", async () => {
    const res = await get("birth=2008-09&status=mna&dept=44&entered_care=2025-01&today=2026-01-15");
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      steps: { id: string; title: string; due: string | null; state: string; why: string; sources: unknown[] }[];
    };
    const permit = body.steps.find((s) => s.id === "residence-permit-l435-3");
    expect(permit).toMatchObject({ due: "2026-10-31", state: "now" });
    expect(permit?.title).toMatch(/titre de séjour/);
    expect(permit?.why).toMatch(/OQTF/);
    expect(permit?.sources.length).toBeGreaterThan(0);
    expect(body.steps.map((s) => s.id)).not.toContain("residence-permit-l423-22");
  });

  it("should answer in English when asked, with the age limit filled from the département's data", async () => {
    const res = await get("birth=2006-03&status=left_ase&dept=49&today=2026-01-01&locale=en");
    const body = (await res.json()) as { steps: { id: string; title: string; why: string; due: string | null }[] };
    const back = body.steps.find((s) => s.id === "come-back");
    expect(back?.title).toBe("Come back to the ASE if you need to");
    expect(back?.why).toContain("(21)");
    expect(back?.due).toBe("2027-02-28");
  });

  it("should accept a birth in the current month (today's baby is not in the future)", async () => {
    expect((await get("birth=2026-01&status=ase&dept=44&today=2026-01-01")).status).toBe(200);
  });

  it("should default today to the Paris date and locale to French", async () => {
    const res = await get("birth=2008-05&status=ase&dept=other");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { steps: { title: string }[] };
    expect(body.steps.length).toBeGreaterThan(0);
  });

  it.each([
    ["missing birth", "status=ase&dept=44", /birth/],
    ["birth not YYYY-MM", "birth=2008-13&status=ase&dept=44", /birth: expected YYYY-MM/],
    ["birth with a day", "birth=2008-05-01&status=ase&dept=44", /birth/],
    ["unknown status", "birth=2008-05&status=student&dept=44", /status/],
    ["missing status", "birth=2008-05&dept=44", /status/],
    ["unknown dept", "birth=2008-05&status=ase&dept=75", /dept/],
    ["missing dept", "birth=2008-05&status=ase", /dept/],
    ["bad entered_care", "birth=2008-05&status=mna&dept=44&entered_care=2024", /entered_care/],
    [
      "entered_care before birth",
      "birth=2008-05&status=mna&dept=44&entered_care=2007-01",
      /entered_care must not be before birth/,
    ],
    ["impossible today", "birth=2008-05&status=ase&dept=44&today=2026-02-30", /today/],
    ["today in another format", "birth=2008-05&status=ase&dept=44&today=15/01/2026", /today/],
    ["unknown locale", "birth=2008-05&status=ase&dept=44&locale=de", /locale/],
    ["birth in the future", "birth=2030-01&status=ase&dept=44", /birth must not be in the future/],
    [
      "birth after the given today",
      "birth=2026-02&status=ase&dept=44&today=2026-01-31",
      /birth must not be in the future/,
    ],
    [
      "entered_care in the future",
      "birth=2008-05&status=mna&dept=44&entered_care=2031-01",
      /entered_care must not be in the future/,
    ],
  ])("should answer 400 with a clear message for %s", async (_name, query, message) => {
    const res = await get(query);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string };
    expect(body.error).toMatch(message);
  });

  it("should store nothing", async () => {
    const before = await rowCounts();
    await get("birth=2008-09&status=mna&dept=44&entered_care=2025-01&today=2026-01-15");
    await get("birth=nope");
    expect(await rowCounts()).toBe(before);
  });
});

describe("GET /parcours", () => {
  it("should show a labelled form when nothing is asked yet", async () => {
    const res = await exports.default.fetch("https://passerelle.test/parcours");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<label for="birth">');
    expect(html).toContain('name="viewport"');
  });

  it("should show the timeline with dates in dd/mm/yyyy", async () => {
    const res = await exports.default.fetch(
      "https://passerelle.test/parcours?birth=2008-09&status=mna&dept=44&entered_care=&today=2026-01-15",
    );
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('class="timeline"');
    expect(html).toContain("31/08/2027");
  });

  it("should show the errors and the form again with 400 for a bad value", async () => {
    const res = await exports.default.fetch("https://passerelle.test/parcours?birth=2008&status=ase&dept=44");
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('role="alert"');
    expect(html).toContain("<form");
  });

  it("should refuse a birth month in the future with 400 and say so on the page", async () => {
    const res = await exports.default.fetch("https://passerelle.test/parcours?birth=2030-01&status=ase&dept=44");
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("birth must not be in the future");
  });
});
