/**
 * Prints the seed content as one JSON file, the format the content admin imports
 * (`/admin/content` → Import): the way to load the seed on production.
 *   npx tsx scripts/export-seed.ts > passerelle-seed.json
 */
import { seedBundle } from "../shared/content/seed/index.ts";
import { validateBundle } from "../shared/content/validate.ts";

const checked = validateBundle(seedBundle);
if (!checked.ok) {
  console.error(checked.errors.join("\n"));
  process.exit(1);
}
process.stdout.write(`${JSON.stringify(checked.bundle, null, 2)}\n`);
