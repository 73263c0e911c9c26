import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { appliedMigrations, typesLine } from "../../scripts/start-output.mjs";

/**
 * Issue 24, setup: the cause of wrangler's "types might be out of date" hint, a
 * worker-configuration.d.ts older than wrangler.toml, fails here (the file must be what `npm run
 * cf-typegen` writes) and `npm start` says so itself, from the same check (wrangler's own hint,
 * printed for every Worker but the first of a multi-Worker run whatever the types, stays out);
 * its count of migrations applied. Node, not workerd: wrangler itself runs.
 */

const quiet: NodeJS.ProcessEnv = {
  ...process.env,
  WRANGLER_SEND_METRICS: "false",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  WRANGLER_HIDE_BANNER: "true",
  NO_COLOR: "1",
};

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
    expect(typesLine(check.status)).toBeNull();
  }, 60_000);

  it("should have a check that fails on types generated from another wrangler.toml", () => {
    const dir = mkdtempSync(join(tmpdir(), "passerelle-types-"));
    try {
      const stale = join(dir, "worker-configuration.d.ts");
      // As if wrangler.toml had gained a binding since: the header's hash no longer matches.
      const current = readFileSync("worker-configuration.d.ts", "utf8");
      writeFileSync(stale, current.replace(/\(hash: [0-9a-f]+\)/, "(hash: 00000000000000000000000000000000)"));
      const check = typesCheck(stale);
      expect(check.status).not.toBe(0);
      // What npm start prints then, instead of wrangler's hint.
      expect(typesLine(check.status)).toBe(
        "Types: worker-configuration.d.ts is out of date with wrangler.toml: run `npm run cf-typegen`.",
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
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
