import { env } from "cloudflare:workers";
import { seedBundle } from "../../shared/content/seed/index.ts";
import { database } from "../../worker/store/db.ts";
import { publishDrafts, replaceDrafts } from "../../worker/store/content.ts";

/** Loads the real seed content into this test file's D1 and publishes it, as `npm start` does. */
export async function seedContent(): Promise<number> {
  const db = database(env.DB);
  const imported = await replaceDrafts(db, seedBundle, "seed", new Date());
  if (!imported.ok) throw new Error(`seed content is invalid: ${imported.errors.join("; ")}`);
  const published = await publishDrafts(db, "seed", "seed content", new Date());
  if (!published.ok) throw new Error(`seed content cannot be published: ${published.errors.join("; ")}`);
  return published.version;
}
