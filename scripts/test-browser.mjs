#!/usr/bin/env node
// Browser tests need Debian's Chromium (/usr/bin/chromium; `apt-get install chromium`):
// no browser download works here. Without it a newcomer's `npm test` says so loudly and
// goes on; CI installs Chromium and sets CI=true, so there a missing browser fails.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

if (!existsSync("/usr/bin/chromium")) {
  const message =
    "browser tests NOT RUN: /usr/bin/chromium is missing (install it with: sudo apt-get install chromium)";
  if (process.env.CI) {
    console.error(message);
    process.exit(1);
  }
  console.warn(`\n!!! ${message}\n`);
  process.exit(0);
}
const run = spawnSync("npx", ["vitest", "run", "--config", "vitest.browser.config.ts"], { stdio: "inherit" });
process.exit(run.status ?? 1);
