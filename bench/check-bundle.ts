/**
 * `npm run check:bundle` (part of `npm test`): builds the three Workers as `wrangler deploy`
 * would (--dry-run --minify), prints each one's size and fails when the chat Worker is over its
 * budget (bench/lib/budget.ts). `-- --budget <KB>` judges the chat Worker against another
 * budget (a smaller one shows the check failing).
 */
import { join } from "node:path";
import { bundle, buildContext, ROOT } from "./lib/build.ts";
import { bundleTargets, CHAT_BUNDLE_BUDGET_KB } from "./lib/budget.ts";
import { targetLines } from "./lib/report.ts";

const args = process.argv.slice(2);
const budgetKB = args.includes("--budget") ? Number(args[args.indexOf("--budget") + 1]) : CHAT_BUNDLE_BUDGET_KB;
if (!(budgetKB > 0)) throw new Error("--budget takes a number of KB (1 000 bytes)");

const build = buildContext("bundle");
const workers = [
  { name: "chat", config: "wrangler.toml", budgetKB },
  { name: "site", config: "wrangler.site.toml" },
  { name: "staff", config: "wrangler.staff.toml" },
].map((w) => ({ ...w, ...bundle(build, join(ROOT, w.config), w.name) }));

for (const w of workers)
  console.log(
    `${w.name} Worker (${w.config}): ${(w.gzipBytes / 1000).toFixed(1)} KB = ${(w.gzipBytes / 1024).toFixed(1)} KiB gzip, ${(w.rawBytes / 1024).toFixed(0)} KiB raw`,
  );
const { lines, missed } = targetLines(bundleTargets(workers));
for (const line of lines) console.log(line);
if (missed.length > 0) {
  console.error(
    `check:bundle FAILED: ${missed.join(", ")} over budget. Move what the turn path does not need to the site or staff Worker (BENCHMARKS.md, "Bundle").`,
  );
  process.exit(1);
}
