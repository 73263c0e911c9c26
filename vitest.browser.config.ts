import { defineConfig } from "vitest/config";

// Browser tests run in Node (not in workerd): a real `wrangler dev --local` on a free port
// with a fresh migrated + seeded D1 (tests/browser/server.ts), driven by Debian's Chromium.
export default defineConfig({
  test: {
    include: ["tests/browser/**/*.test.ts"],
    globalSetup: ["tests/browser/server.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
