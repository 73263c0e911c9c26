import type { Target } from "./report.ts";

/**
 * The chat Worker's bundle budget (issue 16): ≤ 150 KB gzip (150 000 bytes, minified) for the
 * Worker that answers every turn; its size is what its isolates compile on a cold start. The
 * staff and site Workers answer no webhook: their sizes are printed, not judged.
 */
export const CHAT_BUNDLE_BUDGET_KB = 150;

/**
 * What of `wrangler deploy --dry-run --outdir`'s files would be uploaded: every module
 * (JavaScript, and Text, Data or Wasm modules alike), not its source map nor its README.
 */
export function countedModules(files: string[]): string[] {
  return files.filter((f) => !f.endsWith(".map") && f !== "README.md").sort();
}

export type Sized = { name: string; gzipBytes: number; budgetKB?: number };

/** One target per Worker with a budget (KB = 1 000 bytes, to one decimal), for targetLines. */
export function bundleTargets(bundles: Sized[]): Target[] {
  return bundles
    .filter((b) => b.budgetKB !== undefined)
    .map((b) => ({
      what: `${b.name} Worker bundle, minified gzip`,
      value: Math.round(b.gzipBytes / 100) / 10,
      limit: b.budgetKB!,
      unit: " KB",
    }));
}
