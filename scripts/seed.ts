/**
 * Loads the seed content and the default roadmap rules into the LOCAL D1 (the one
 * `wrangler dev` uses) and publishes them, each unless it was already published (editors'
 * work is never overwritten; --force does).
 * Uses the same storage functions as the Worker, through wrangler's local platform proxy.
 */
import { getPlatformProxy } from "wrangler";
import { parseRoadmapRules } from "../shared/roadmap/rules.ts";
import { seedBundle, seedRoadmapRules } from "../shared/content/seed/index.ts";
import { database } from "../worker/store/db.ts";
import { publicationCount, publishDrafts, replaceDrafts } from "../worker/store/content.ts";
import { loadRoadmapRules, publishRoadmapRules, saveRoadmapRulesDraft } from "../worker/store/content-settings.ts";

const force = process.argv.includes("--force");
const persistIndex = process.argv.indexOf("--persist-to");
// Same folder as `wrangler ... --persist-to <dir>`; the proxy wants its v3 sub-folder.
const persist = persistIndex > 0 ? { path: `${process.argv[persistIndex + 1]!}/v3` } : true;

const proxy = await getPlatformProxy<{ DB: D1Database }>({ configPath: "wrangler.toml", persist });
try {
  const db = database(proxy.env.DB);
  if (!force && (await publicationCount(db)) > 0) {
    console.log("seed: content already published, left as is (use --force to reload the seed)");
  } else {
    const imported = await replaceDrafts(db, seedBundle, "seed", new Date());
    if (!imported.ok) throw new Error(`seed content is invalid:\n${imported.errors.join("\n")}`);
    const published = await publishDrafts(db, "seed", "seed content", new Date());
    if (!published.ok) throw new Error(`seed content cannot be published:\n${published.errors.join("\n")}`);
    console.log(`seed: published content version ${published.version}`);
  }
  if (!force && (await loadRoadmapRules(db)).publishedAt !== null) {
    console.log("seed: roadmap rules already published, left as is (use --force to reload the seed)");
  } else {
    const checked = parseRoadmapRules(seedRoadmapRules);
    if (!checked.ok) throw new Error(`seed roadmap rules are invalid:\n${checked.errors.join("\n")}`);
    const editor = { id: "seed", name: "seed" };
    const saved = await saveRoadmapRulesDraft(db, checked.rules, editor, new Date());
    if (!saved.ok) throw new Error(`seed roadmap rules are invalid:\n${saved.errors.join("\n")}`);
    await publishRoadmapRules(db, editor, new Date());
    console.log(`seed: published roadmap rules (${checked.rules.steps.length} steps)`);
  }
} finally {
  await proxy.dispose();
}
