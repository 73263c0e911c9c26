import { describe, expect, it } from "vitest";

/**
 * Comments and docs send readers to files: those files must exist in this repository (a
 * moved file leaves no stale pointer) and no path may point into a developer's machine.
 */
const sources = import.meta.glob(
  ["/{worker,bot,shared,scripts,bench,tests}/**/*.{ts,tsx,mjs}", "/*.{md,toml}", "/.ci/run"],
  { query: "?raw", import: "default", eager: true },
) as Record<string, string>;
// A glob never lists the file that holds it.
const files = new Set([
  "tests/references.test.ts",
  ...Object.keys(import.meta.glob(["/**/*", "/.ci/*", "!/node_modules/**", "!/.wrangler/**"])).map((path) =>
    path.slice(1),
  ),
]);

/** "worker/turn/run.ts", "tests/eval/questions.json", "BENCHMARKS.md"… (globs and URLs left out). */
const REFERENCE =
  /(?<![\w./-])((?:worker|bot|shared|scripts|bench|tests|migrations|\.ci)\/[\w./-]*\w\.(?:ts|tsx|mjs|json|md|sql|toml)|[A-Z]+\.md)(?![\w*])/g;

describe("references in comments and docs", () => {
  it("should find the sources to read", () => {
    expect(Object.keys(sources).length).toBeGreaterThan(100);
    expect(files.has("worker/index.ts")).toBe(true);
  });

  it("should name only files that exist", () => {
    const missing: string[] = [];
    for (const [path, text] of Object.entries(sources)) {
      for (const [, reference] of text.matchAll(REFERENCE)) {
        // bench/results/ holds what a bench run writes (not committed).
        if (!files.has(reference!) && !reference!.startsWith("bench/results/"))
          missing.push(`${path.slice(1)} → ${reference}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("should point to no absolute path of a development machine", () => {
    const absolute = Object.entries(sources).flatMap(([path, text]) =>
      /(?<![\w.])\/(?:work|home|root|Users)\//.test(text) ? [path.slice(1)] : [],
    );
    expect(absolute).toEqual([]);
  });
});
