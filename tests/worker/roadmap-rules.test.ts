import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { database } from "../../worker/store/db.ts";
import { publishRoadmapRules, saveRoadmapRulesDraft } from "../../worker/store/content-settings.ts";
import { seedContent, seedRules } from "../support/content.ts";
import { openSession, send } from "../support/webchat.ts";

const editor = { id: null, name: "Test editor" };
const QUERY = "birth=2006-01&status=left_ase&dept=44&today=2026-11-23";

async function comeBack(): Promise<{ due: string; why: string }> {
  const res = await exports.default.fetch(`https://passerelle.test/api/roadmap?${QUERY}`);
  const body = (await res.json()) as { steps: { id: string; due: string; why: string }[] };
  return body.steps.find((s) => s.id === "come-back")!;
}

async function publishLimit44(limit: number): Promise<void> {
  const db = database(env.DB);
  const rules = seedRules();
  rules.depts["44"].cjmAgeLimit = limit;
  const saved = await saveRoadmapRulesDraft(db, rules, editor, new Date());
  expect(saved.ok).toBe(true);
  await publishRoadmapRules(db, editor, new Date(Date.now() + limit));
}

beforeAll(async () => {
  await seedContent();
});

describe("roadmap rules published by the content team", () => {
  it("should use the seed's published rules (21 in 44) until the Département publishes its own", async () => {
    expect(await comeBack()).toMatchObject({ due: "2026-12-31", why: expect.stringContaining("21 ans") });
  });

  it("should reach the public simulator and the chat without a redeploy once published", async () => {
    const session = await openSession();
    for (const action of ["lang:fr", "privacy:accept", "year:2006", "month:01", "status:left_ase", "dept:44"])
      await send(session.token, { action });
    const before = await send(session.token, { action: "roadmap:open:come-back" });
    expect(before.replies.map((r) => r.text).join("\n")).toContain("21 ans");

    await publishLimit44(23);
    expect(await comeBack()).toMatchObject({ due: "2028-12-31", why: expect.stringContaining("23 ans") });
    const after = await send(session.token, { action: "roadmap:open:come-back" });
    expect(after.replies.map((r) => r.text).join("\n")).toContain("23 ans");
  });

  it("should not let a draft reach young people before it is published", async () => {
    const db = database(env.DB);
    const rules = seedRules();
    rules.depts["44"].cjmAgeLimit = 24;
    await saveRoadmapRulesDraft(db, rules, editor, new Date());
    expect((await comeBack()).why).toContain("23 ans");
  });
});
