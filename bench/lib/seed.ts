import { join } from "node:path";
import type { ContentBundle } from "../../shared/content/model.ts";
import type { RoadmapRules } from "../../shared/roadmap/rules.ts";

/**
 * Imports content (then roadmap rules) as drafts and publishes it, with the Worker's own
 * storage functions, through wrangler's local platform proxy on the persisted D1 in `persist`.
 * `complete` false: a partial seed (being written) is published without validation.
 */
export async function seedD1(
  root: string,
  persist: string,
  bundleContent: ContentBundle,
  complete: boolean,
  roadmapRules: RoadmapRules | undefined,
  log: (line: string) => void,
): Promise<void> {
  const { getPlatformProxy } = await import("wrangler");
  const { database } = await import("../../worker/store/db.ts");
  const { publishDrafts, replaceDrafts } = await import("../../worker/store/content.ts");
  const { publishRoadmapRules, saveRoadmapRulesDraft } = await import("../../worker/store/content-settings.ts");
  const proxy = await getPlatformProxy<{ DB: D1Database }>({
    configPath: join(root, "wrangler.toml"),
    persist: { path: join(persist, "v3") },
  });
  try {
    const db = database(proxy.env.DB);
    const imported = await replaceDrafts(db, bundleContent, "bench", new Date());
    const published = imported.ok ? await publishDrafts(db, "bench", "bench seed", new Date()) : imported;
    if (!published.ok) {
      if (complete) throw new Error(`seed content invalid: ${published.errors.slice(0, 5).join("; ")}`);
      // A partial seed may have dangling references: publish it as is, the bench only needs content.
      await proxy.env.DB.prepare(
        "insert into publications (snapshot, created_at, created_by, note) values (?, ?, 'bench', 'partial seed')",
      )
        .bind(JSON.stringify(bundleContent), Date.now())
        .run();
      log(
        `seed: partial seed published without validation (${published.errors.length} validation errors while the seed is being written)`,
      );
    }
    if (roadmapRules) {
      const editor = { id: "bench", name: "bench" };
      const saved = await saveRoadmapRulesDraft(db, roadmapRules, editor, new Date());
      if (!saved.ok) throw new Error(`seed roadmap rules invalid: ${saved.errors.slice(0, 5).join("; ")}`);
      await publishRoadmapRules(db, editor, new Date());
    }
  } finally {
    await proxy.dispose();
  }
}

/** Runs generated statements (bench/lib/population.ts) on the persisted D1 of `configPath`; returns the seconds it took. */
export async function populateD1(
  configPath: string,
  persist: string,
  statements: { sql: string; rows: unknown[][] }[],
): Promise<number> {
  const { getPlatformProxy } = await import("wrangler");
  const proxy = await getPlatformProxy<{ DB: D1Database }>({ configPath, persist: { path: join(persist, "v3") } });
  const t0 = performance.now();
  try {
    for (const s of statements) await proxy.env.DB.prepare(s.sql).bind(JSON.stringify(s.rows)).run();
  } finally {
    await proxy.dispose();
  }
  return (performance.now() - t0) / 1000;
}
