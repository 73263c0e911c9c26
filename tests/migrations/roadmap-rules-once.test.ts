import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { loadRoadmapRules, saveRoadmapRulesDraft } from "../../worker/store/content-settings.ts";
import { database } from "../../worker/store/db.ts";
import { rulesHistory } from "../../worker/store/roadmap-history.ts";
import { seedRules } from "../support/content.ts";

/**
 * Migration 0022 (the roadmap rules stored once per save) on a database as it stood before it:
 * both tables rebuilt from their real earlier migrations, rows written the old way (a draft in
 * the settings row, each history entry with both copies), then 0022 applied: every row kept as
 * it was, read the same, and the next save names the kept rows instead of copying them.
 */

const migration = (prefix: string) => {
  const found = env.TEST_MIGRATIONS.find((m) => m.name.startsWith(prefix));
  if (!found) throw new Error(`no migration ${prefix}`);
  return found.queries;
};

describe("migration 0022", () => {
  it("should keep every roadmap rules row written before it, and read them the same", async () => {
    const rules = seedRules();
    const older = { ...rules, steps: rules.steps.slice(1) };
    await env.DB.batch(
      [
        "drop table content_settings",
        "drop table roadmap_rules_revisions",
        ...migration("0002_").filter((q) => q.includes("CREATE TABLE `content_settings`")),
        ...migration("0016_"),
        ...migration("0020_"),
      ].map((q) => env.DB.prepare(q)),
    );
    await env.DB.batch([
      env.DB.prepare(
        "insert into content_settings (key, draft, published, updated_at, updated_by, published_at, published_by) values ('roadmap-rules', ?1, ?1, 5, 'seed', 5, 'seed')",
      ).bind(JSON.stringify(rules)),
      env.DB.prepare(
        "insert into content_settings (key, draft, published, updated_at) values ('review-periods', '{\"faq\":90}', '{\"faq\":90}', 6)",
      ),
      env.DB.prepare(
        "insert into roadmap_rules_revisions (action, before, after, step_locale_times, at, by, by_name) values ('save', ?1, ?2, '{\"a\":{}}', 3, 'seed', 'seed'), ('publish', ?1, ?2, '{\"a\":{}}', 4, 'seed', 'seed')",
      ).bind(JSON.stringify(older), JSON.stringify(rules)),
    ]);
    const before = await env.DB.batch([
      env.DB.prepare("select * from content_settings order by key"),
      env.DB.prepare("select * from roadmap_rules_revisions order by id"),
    ]);

    await env.DB.batch(migration("0022_").map((q) => env.DB.prepare(q)));

    const settings = (await env.DB.prepare("select * from content_settings order by key").all()).results;
    const history = (await env.DB.prepare("select * from roadmap_rules_revisions order by id").all()).results;
    expect(settings).toEqual(before[0]!.results);
    expect(history).toEqual(
      (before[1]!.results as Record<string, unknown>[]).map((row) => ({ ...row, before_id: null, after_id: null })),
    );
    const db = database(env.DB);
    expect(await loadRoadmapRules(db)).toMatchObject({ draft: rules, published: rules, hasDraftChanges: false });
    expect((await rulesHistory(db)).map((r) => [r.action, r.before, r.after])).toEqual([
      ["publish", older, rules],
      ["save", older, rules],
    ]);
    // The next save stores its rules once and names the kept row as its before.
    await saveRoadmapRulesDraft(db, older, { id: "e", name: "É" }, new Date(10));
    const saved = await env.DB.prepare(
      "select before, before_id as beforeId, after is not null as hasAfter from roadmap_rules_revisions order by id desc limit 1",
    ).first();
    expect(saved).toEqual({ before: null, beforeId: 2, hasAfter: 1 });
    expect((await rulesHistory(db, 1))[0]).toMatchObject({ before: rules, after: older });
  });
});
