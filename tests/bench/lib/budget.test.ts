import { describe, expect, it } from "vitest";
import { bundleTargets, CHAT_BUNDLE_BUDGET_KB, countedModules } from "../../../bench/lib/budget.ts";
import { targetLines } from "../../../bench/lib/report.ts";

describe("the bundle budget (npm run check:bundle)", () => {
  it("should fail a chat Worker one byte over 150 KB gzip and pass one at it", () => {
    const at = targetLines(bundleTargets([{ name: "chat", gzipBytes: 150_000, budgetKB: CHAT_BUNDLE_BUDGET_KB }]));
    expect(at.missed).toEqual([]);
    const over = targetLines(bundleTargets([{ name: "chat", gzipBytes: 150_051, budgetKB: CHAT_BUNDLE_BUDGET_KB }]));
    expect(over.missed).toEqual(["chat Worker bundle, minified gzip"]);
    expect(over.lines[0]).toBe("  ✗  chat Worker bundle, minified gzip: 150.1 KB (≤ 150 KB, over by 0.1 KB)");
  });

  it("should judge a smaller budget when asked, and only the Workers that have one", () => {
    const { missed, lines } = targetLines(
      bundleTargets([
        { name: "chat", gzipBytes: 145_400, budgetKB: 140 },
        { name: "staff", gzipBytes: 900_000 },
      ]),
    );
    expect(missed).toEqual(["chat Worker bundle, minified gzip"]);
    expect(lines).toHaveLength(1);
  });

  it("should weigh every module wrangler would upload, Text and Data modules included, but not the source map", () => {
    expect(countedModules(["index.js", "index.js.map", "README.md", "ar.txt", "tables.bin", "chunk.mjs"])).toEqual([
      "ar.txt",
      "chunk.mjs",
      "index.js",
      "tables.bin",
    ]);
  });
});
