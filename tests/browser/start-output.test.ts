import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { appliedMigrations, wranglerOutputFilter } from "../../scripts/start-output.mjs";

/**
 * Issue 24, setup: `npm start` no longer hides wrangler's "types might be out of date" hint;
 * its cause, a worker-configuration.d.ts older than wrangler.toml, fails here instead (the
 * file must be what `npm run cf-typegen` writes). Node, not workerd: wrangler itself runs.
 */

const quiet: NodeJS.ProcessEnv = {
  ...process.env,
  WRANGLER_SEND_METRICS: "false",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  WRANGLER_HIDE_BANNER: "true",
  NO_COLOR: "1",
};

const HINT = "❓ Your types might be out of date. Re-run `wrangler types` to ensure your types are correct.";
const CHAT_TABLE = [
  "passerelle has access to the following bindings:",
  "env.DB (passerelle)   D1 Database   local",
  "",
];
const STAFF_TABLE = [
  "passerelle-staff has access to the following bindings:",
  "env.DB (passerelle)   D1 Database   local",
];

function typesCheck(path: string) {
  return spawnSync("npx", ["wrangler", "types", path, "--check", "--strict-vars=false"], {
    env: quiet,
    encoding: "utf8",
  });
}

describe("the Worker's generated types", () => {
  it("should be what `npm run cf-typegen` writes from wrangler.toml (else run it)", () => {
    const check = typesCheck("worker-configuration.d.ts");
    expect(check.status, `${check.stdout}${check.stderr}`).toBe(0);
  }, 60_000);

  it("should have a check that fails on types generated from another wrangler.toml", () => {
    const dir = mkdtempSync(join(tmpdir(), "passerelle-types-"));
    try {
      const stale = join(dir, "worker-configuration.d.ts");
      // As if wrangler.toml had gained a binding since: the header's hash no longer matches.
      const current = readFileSync("worker-configuration.d.ts", "utf8");
      writeFileSync(stale, current.replace(/\(hash: [0-9a-f]+\)/, "(hash: 00000000000000000000000000000000)"));
      expect(typesCheck(stale).status).not.toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe("npm start's output", () => {
  it("should show wrangler's types hint about the chat Worker", () => {
    const shown = wranglerOutputFilter();
    const lines = [...CHAT_TABLE, HINT, ...STAFF_TABLE, HINT, "[wrangler:info] Ready on http://localhost:8787"];
    expect(lines.filter(shown)).toEqual([HINT, "[wrangler:info] Ready on http://localhost:8787"]);
  });

  it("should show it once when wrangler prints both tables before both hints", () => {
    const shown = wranglerOutputFilter();
    expect([...CHAT_TABLE, ...STAFF_TABLE, HINT, HINT].filter(shown)).toEqual([HINT]);
  });

  it("should drop only the staff Worker's hint, which fresh types never silence (workers-sdk#13196)", () => {
    const shown = wranglerOutputFilter();
    expect([...CHAT_TABLE, ...STAFF_TABLE, `\u001b[2m${HINT}\u001b[0m`, "GET /health 200 OK"].filter(shown)).toEqual([
      "GET /health 200 OK",
    ]);
  });
});

describe("npm start's migration line", () => {
  it("should count each migration applied once, though wrangler reprints its table after each", () => {
    const dir = mkdtempSync(join(tmpdir(), "passerelle-migrate-"));
    try {
      const run = (args: string[]) =>
        spawnSync("npx", ["wrangler", "d1", "migrations", "apply", "DB", "--local", "--persist-to", dir, ...args], {
          env: quiet,
          encoding: "utf8",
        });
      const first = run([]);
      expect(first.status, first.stderr).toBe(0);
      const files = readdirSync("migrations").filter((f) => f.endsWith(".sql"));
      expect((first.stdout.match(/✅/g) ?? []).length).toBeGreaterThan(files.length);
      expect(appliedMigrations(first.stdout)).toBe(files.length);
      expect(appliedMigrations(run([]).stdout)).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
