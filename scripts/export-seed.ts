/**
 * Prints the seed content as one JSON file, the format the content admin imports
 * (`/admin/content` → Import): the way to load the seed on production.
 *   npx tsx scripts/export-seed.ts > passerelle-seed.json
 * With --roadmap-steps: the default roadmap steps (shared/content/seed/roadmap-rules.json), to
 * paste into "Remplacer toutes les étapes par un export JSON" at `/admin/content/roadmap`, then
 * import into the draft and publish.
 *   npx tsx scripts/export-seed.ts --roadmap-steps > passerelle-roadmap-steps.json
 */
import { seedBundle, seedRoadmapRules } from "../shared/content/seed/index.ts";
import { validateBundle } from "../shared/content/validate.ts";
import { parseRoadmapRules } from "../shared/roadmap/rules.ts";

if (process.argv.includes("--roadmap-steps")) {
  const rules = parseRoadmapRules(seedRoadmapRules);
  if (!rules.ok) {
    console.error(rules.errors.join("\n"));
    process.exit(1);
  }
  process.stdout.write(`${JSON.stringify(rules.rules.steps, null, 2)}\n`);
} else {
  const checked = validateBundle(seedBundle);
  if (!checked.ok) {
    console.error(checked.errors.join("\n"));
    process.exit(1);
  }
  process.stdout.write(`${JSON.stringify(checked.bundle, null, 2)}\n`);
}
