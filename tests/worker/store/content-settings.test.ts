import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { EMPTY_ROADMAP_RULES, type RoadmapRules } from "../../../shared/roadmap/rules.ts";
import {
  loadRoadmapRules,
  publishRoadmapRules,
  saveRoadmapRulesDraft,
} from "../../../worker/store/content-settings.ts";
import { database } from "../../../worker/store/db.ts";
import { rulesHistory } from "../../../worker/store/roadmap-history.ts";
import { publishSeedRoadmapRules, seedRules } from "../../support/content.ts";

/**
 * What a save of the roadmap rules writes: the rules once (the history's row), not the draft
 * beside its before and after copies; the draft, the publication and the history read the same.
 * Bytes are counted where the Worker hands them to D1: the values bound to its statements.
 */

const editor = { id: "editor-1", name: "Éditrice" };
const encoder = new TextEncoder();

/** The D1 binding, counting the bytes of every text value bound to a statement. */
function countingD1(d1: D1Database) {
  const counted = { bytes: 0 };
  const count = (values: unknown[]) => {
    for (const v of values) if (typeof v === "string") counted.bytes += encoder.encode(v).length;
  };
  const wrap = (statement: D1PreparedStatement): D1PreparedStatement =>
    new Proxy(statement, {
      get(target, key) {
        if (key === "bind")
          return (...values: unknown[]) => {
            count(values);
            return wrap(target.bind(...values));
          };
        const value = Reflect.get(target, key);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  const db = new Proxy(d1, {
    get(target, key) {
      if (key === "prepare") return (query: string) => wrap(target.prepare(query));
      const value = Reflect.get(target, key);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { db: database(db), counted };
}

const rulesBytes = (rules: RoadmapRules) => encoder.encode(JSON.stringify(rules)).length;

/** The seed rules with one step's delay changed: an ordinary edit. */
function edited(days: number): RoadmapRules {
  const rules = seedRules();
  const step = rules.steps.find((s) => s.id === "cjm-request")!;
  return { ...rules, steps: rules.steps.map((s) => (s === step ? { ...s, due: { ...s.due!, days } } : s)) };
}

beforeAll(async () => {
  await publishSeedRoadmapRules(new Date("2026-12-01T09:00:00Z"));
});

describe("the roadmap rules' storage", () => {
  it("should write the rules once per save, and no copy of them when publishing the saved draft", async () => {
    const size = rulesBytes(edited(-2));
    const save = countingD1(env.DB);
    expect((await saveRoadmapRulesDraft(save.db, edited(-2), editor, new Date("2026-12-02T09:00:00Z"))).ok).toBe(true);
    const publish = countingD1(env.DB);
    await publishRoadmapRules(publish.db, editor, new Date("2026-12-02T10:00:00Z"));
    console.log(
      `roadmap rules storage: rules ${size} bytes; a save binds ${save.counted.bytes} bytes, a publication ${publish.counted.bytes}`,
    );
    // Once: the rules, the steps' locale times and the names, not two or three copies.
    expect(save.counted.bytes).toBeGreaterThan(size);
    expect(save.counted.bytes).toBeLessThan(size * 1.25);
    // The publication copies the draft once, into what turns read; the rules it replaces are kept by SQL.
    expect(publish.counted.bytes).toBeGreaterThan(size);
    expect(publish.counted.bytes).toBeLessThan(size * 1.25);
  });

  it("should read back the draft, the publication and each entry's before and after", async () => {
    const db = database(env.DB);
    await saveRoadmapRulesDraft(db, edited(-3), editor, new Date("2026-12-03T09:00:00Z"));
    const state = await loadRoadmapRules(db);
    expect(state.draft).toEqual(edited(-3));
    expect(state.published).toEqual(edited(-2));
    expect(state.hasDraftChanges).toBe(true);
    const [last, published, saved, seedPublished, seedSaved] = await rulesHistory(db, 5);
    expect([last, published, saved, seedPublished, seedSaved].map((r) => r!.action)).toEqual([
      "save",
      "publish",
      "save",
      "publish",
      "save",
    ]);
    expect(last!.before).toEqual(edited(-2));
    expect(last!.after).toEqual(edited(-3));
    expect(published!.before).toEqual(seedRules());
    expect(published!.after).toEqual(edited(-2));
    expect(saved!.before).toEqual(seedRules());
    expect(saved!.after).toEqual(edited(-2));
    expect(seedPublished!.before).toEqual(EMPTY_ROADMAP_RULES);
    expect(seedPublished!.after).toEqual(seedRules());
    expect(seedSaved!.after).toEqual(seedRules());
  });

  it("should read rules stored before migration 0022 (a draft in the settings row, both copies in each entry)", async () => {
    const db = database(env.DB);
    const legacy = edited(-5);
    await env.DB.batch([
      env.DB.prepare("delete from roadmap_rules_revisions"),
      env.DB.prepare("update content_settings set draft = ? where key = 'roadmap-rules'").bind(JSON.stringify(legacy)),
    ]);
    expect((await loadRoadmapRules(db)).draft).toEqual(legacy);
    await env.DB.prepare(
      "insert into roadmap_rules_revisions (action, before, after, step_locale_times, at, by, by_name) values ('save', ?, ?, '{}', 1, 'seed', 'seed')",
    )
      .bind(JSON.stringify(edited(-2)), JSON.stringify(edited(-4)))
      .run();
    expect((await loadRoadmapRules(db)).draft).toEqual(edited(-4));
    await saveRoadmapRulesDraft(db, edited(-6), editor, new Date("2026-12-04T09:00:00Z"));
    await publishRoadmapRules(db, editor, new Date("2026-12-04T10:00:00Z"));
    const [publication, save, old] = await rulesHistory(db, 5);
    expect(old).toMatchObject({ before: edited(-2), after: edited(-4) });
    expect(save).toMatchObject({ action: "save", before: edited(-4), after: edited(-6) });
    // No publication in the history yet: the rules it replaced are stored with it, once.
    expect(publication).toMatchObject({ action: "publish", before: edited(-2), after: edited(-6) });
    expect(await loadRoadmapRules(db)).toMatchObject({
      draft: edited(-6),
      published: edited(-6),
      hasDraftChanges: false,
    });
  });
});
