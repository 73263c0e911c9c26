import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { countedModules } from "./budget.ts";
import { median, round } from "./stats.ts";
import { withTopLevel } from "./wrangler-config.ts";

/** The repository's root (this file is bench/lib/build.ts). */
export const ROOT = new URL("../..", import.meta.url).pathname;

/** wrangler and workerd offline and quiet, no colours: the env of every process the bench starts. */
export const QUIET_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  WRANGLER_SEND_METRICS: "false",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  WRANGLER_HIDE_BANNER: "true",
  NO_COLOR: "1",
  CI: "1",
};

/** Building the bench's Workers with wrangler, as for a deploy, into the run's temp dir. */
export type BuildContext = {
  root: string;
  tmp: string;
  env: NodeJS.ProcessEnv;
  keepNames: boolean;
  sourceMaps: boolean;
};

/** A build context in a temp dir of its own (`passerelle-<name>-…`), with QUIET_ENV. */
export function buildContext(name: string, options: { keepNames?: boolean; sourceMaps?: boolean } = {}): BuildContext {
  return {
    root: ROOT,
    tmp: mkdtempSync(join(tmpdir(), `passerelle-${name}-`)),
    env: QUIET_ENV,
    keepNames: options.keepNames ?? true,
    sourceMaps: options.sourceMaps ?? false,
  };
}

export function wrangler(b: BuildContext, argv: string[], what: string): string {
  const r = spawnSync(join(b.root, "node_modules/.bin/wrangler"), argv, {
    cwd: b.root,
    env: b.env,
    encoding: "utf8",
    timeout: 120_000,
  });
  if (r.status !== 0) throw new Error(`${what} failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/**
 * A config's text with absolute paths (usable from the temp dir), keep_names as asked, and no
 * service bindings: the bench serves the chat Worker alone (the staff Worker it forwards
 * /admin and /referent to answers no young person).
 */
export function configText(b: BuildContext, configPath: string): string {
  const dir = join(configPath, "..");
  const absolute = (toml: string, key: string) =>
    toml.replace(
      new RegExp(`^${key}\\s*=\\s*"(.*)"`, "m"),
      (_, v: string) => `${key} = ${JSON.stringify(join(dir, v))}`,
    );
  const toml = absolute(absolute(readFileSync(configPath, "utf8"), "main"), "migrations_dir").replace(
    /^\[\[services\]\]\n(?:\w+\s*=.*\n)+/gm,
    "",
  );
  return b.keepNames ? toml : withTopLevel(toml, "keep_names", "false");
}

/**
 * `wrangler deploy --dry-run --minify`, gzip -9 of the output: every module it would upload
 * (countedModules: a Text or Data module weighs as much as JavaScript), each gzipped alone.
 */
export function bundle(
  b: BuildContext,
  configPath: string,
  name: string,
): { file: string; rawBytes: number; gzipBytes: number } {
  const config = join(b.tmp, `wrangler-${name}-bundle.toml`);
  writeFileSync(config, configText(b, configPath));
  const out = join(b.tmp, `bundle-${name}`);
  wrangler(
    b,
    ["deploy", "--dry-run", "--minify", "--outdir", out, "--config", config],
    `wrangler deploy --dry-run (${name})`,
  );
  const files = countedModules(readdirSync(out));
  let raw = 0;
  let gz = 0;
  for (const f of files) {
    const data = readFileSync(join(out, f));
    raw += data.length;
    gz += gzipSync(data, { level: 9 }).length;
  }
  // wrangler names the entry's output after its source (index.js, site.js…); modules are beside it.
  const main = files.find((f) => /\.m?js$/.test(f))!;
  return { file: join(out, main), rawBytes: raw, gzipBytes: gz };
}

/**
 * The Worker's global scope evaluated by workerd itself: `wrangler check startup` (Cloudflare's
 * start-up profiler) builds the config's Worker and samples its start-up (about one sample a
 * millisecond); the busy samples, median of runs. Compilation before the first sample is not in it.
 */
export function workerdStartup(
  b: BuildContext,
  configPath: string,
  name: string,
  runs: number,
): { medianMs: number; runs: number[] } | null {
  const config = join(b.tmp, `wrangler-${name}-startup.toml`);
  writeFileSync(config, configText(b, configPath));
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const out = join(b.tmp, `startup-${name}-${i}.cpuprofile`);
    const r = spawnSync(
      join(b.root, "node_modules/.bin/wrangler"),
      ["check", "startup", "--config", config, "--outfile", out],
      { cwd: b.root, env: b.env, encoding: "utf8", timeout: 120_000 },
    );
    if (r.status !== 0 || !existsSync(out)) return null;
    const profile = JSON.parse(readFileSync(out, "utf8")) as {
      nodes: { id: number; callFrame: { functionName: string } }[];
      samples: number[];
      timeDeltas: number[];
    };
    const idle = new Set(profile.nodes.filter((n) => n.callFrame.functionName === "(idle)").map((n) => n.id));
    // timeDeltas[i] is the time up to sample i; the first one precedes any sampling.
    let busy = 0;
    for (let k = 1; k < profile.samples.length; k++) if (!idle.has(profile.samples[k]!)) busy += profile.timeDeltas[k]!;
    times.push(busy / 1000);
  }
  return { medianMs: median(times), runs: times.map((t) => round(t)) };
}

/**
 * The Worker as it is when the bench starts, built once (`entry` bundled by wrangler as for a
 * deploy) and served from a copy of its config in the temp dir pointing at the built file:
 * editing a source file during a run changes nothing (a dev server's rebuilds once reset the
 * counters mid-run). A profiled run also gets the source map, to read the profile by source file.
 */
export function frozenWorker(
  b: BuildContext,
  configPath: string,
  entry: string,
  name: string,
  edit: (toml: string) => string = (t) => t,
): string {
  const toml = edit(configText(b, configPath));
  const buildConfig = join(b.tmp, `wrangler-${name}-build.toml`);
  writeFileSync(
    buildConfig,
    toml.replace(
      /^main\s*=.*$/m,
      `main = ${JSON.stringify(entry)}${b.sourceMaps ? "\nupload_source_maps = true" : ""}`,
    ),
  );
  const out = join(b.tmp, `dev-build-${name}`);
  wrangler(b, ["deploy", "--dry-run", "--outdir", out, "--config", buildConfig], `wrangler deploy --dry-run (${name})`);
  const built = readdirSync(out).find((f) => /\.(m?js)$/.test(f))!;
  const config = join(b.tmp, `wrangler-${name}.toml`);
  writeFileSync(config, toml.replace(/^main\s*=.*$/m, `main = ${JSON.stringify(join(out, built))}\nno_bundle = true`));
  return config;
}

/** A local D1 for `configPath`, migrated with its migrations, in `persist`. */
export function migratedD1(b: BuildContext, configPath: string, persist: string): void {
  wrangler(
    b,
    ["d1", "migrations", "apply", "DB", "--local", "--persist-to", persist, "--config", configPath],
    `d1 migrations apply (${configPath})`,
  );
}
