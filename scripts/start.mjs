#!/usr/bin/env node
// `npm start`: migrate the local D1, load the seed content, then serve the Worker on
// http://localhost:$PORT (8787 by default) with wrangler dev, staff pages included (local
// only: no Cloudflare account needed). PUBLIC_URL (the links in alerts) follows PORT unless
// set. Quiet by default: one line per step, then the server's requests and errors;
// PASSERELLE_VERBOSE=1 shows wrangler's full output. PASSERELLE_PERSIST=<dir> keeps the local
// state there instead of .wrangler/ (the tests use a temp dir).
import { spawn, spawnSync } from "node:child_process";
import { createInterface } from "node:readline";
import { appliedMigrations, typesLine } from "./start-output.mjs";

const env = {
  ...process.env,
  WRANGLER_SEND_METRICS: "false",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  WRANGLER_HIDE_BANNER: "true",
};
const port = process.env.PORT ?? "8787";
const publicUrl = process.env.PUBLIC_URL || `http://localhost:${port}`;
const verbose = process.env.PASSERELLE_VERBOSE === "1";
const persist = process.env.PASSERELLE_PERSIST ? ["--persist-to", process.env.PASSERELLE_PERSIST] : [];

/** Runs a step; its output is shown only when it fails (or in verbose mode). */
function run(label, cmd, args) {
  const result = spawnSync(cmd, args, { stdio: verbose ? "inherit" : "pipe", env, encoding: "utf8" });
  if (result.status !== 0) {
    if (!verbose) process.stderr.write(`${result.stdout ?? ""}${result.stderr ?? ""}`);
    console.error(`\n${cmd} ${args.join(" ")} failed (exit ${result.status})`);
    process.exit(result.status ?? 1);
  }
  if (!verbose) console.log(label(result.stdout ?? ""));
}

// The generated types against wrangler.toml, checked meanwhile: wrangler dev's own hint (hidden
// below) cannot tell with several Workers (scripts/start-output.mjs).
const typesChecked = new Promise((resolve) => {
  const check = spawn("npx", ["wrangler", "types", "--check", "--strict-vars=false"], { stdio: "ignore", env });
  check.on("exit", (code) => resolve(code));
  check.on("error", () => resolve(null));
});

run(
  (out) => {
    const applied = appliedMigrations(out);
    return applied > 0 ? `Local D1: ${applied} migration(s) applied.` : "Local D1: up to date.";
  },
  "npx",
  ["wrangler", "d1", "migrations", "apply", "DB", "--local", ...persist],
);
run(() => "Seed content: loaded (or already there).", "npx", ["tsx", "scripts/seed.ts", ...persist]);
const stale = typesLine(await typesChecked);
if (stale) console.log(stale);
console.log(`\nPasserelle web chat: http://localhost:${port}\n`);

/**
 * wrangler dev's start-up noise, hidden unless verbose: the binding tables of the Workers,
 * the "types might be out of date" hint (a false alarm when two configs run together), the
 * offline `Request.cf` warning and its stack, the reminder about scheduled Workers.
 */
const NOISE = [
  /^\s*$/,
  /^\s*⛅️ wrangler/,
  /^─+$/,
  / has access to the following bindings:$/,
  /^Binding\s+Resource/,
  /^env\.\w+/,
  /^Service bindings, Durable Object bindings/,
  /Your types might be out of date/,
  /Unable to fetch the `Request\.cf` object/,
  /^Error: getaddrinfo ENOTFOUND workers\.cloudflare\.com/,
  /^\s+at /,
  /Scheduled Workers are not automatically triggered/,
  /To manually trigger a scheduled event, run:/,
  /curl "http:\/\/localhost:\d+\/cdn-cgi\/handler\/scheduled"/,
  /For more details, see .*cron-triggers/,
  /^⎔ Starting local server/,
];

// The three Workers in one local runtime: the chat Worker on the port, the staff and site Workers behind its STAFF and SITE bindings.
const dev = spawn(
  "npx",
  [
    "wrangler",
    "dev",
    "-c",
    "wrangler.toml",
    "-c",
    "wrangler.staff.toml",
    "-c",
    "wrangler.site.toml",
    "--local",
    "--port",
    port,
    "--test-scheduled",
    "--var",
    `PUBLIC_URL:${publicUrl}`,
    ...persist,
  ],
  { stdio: verbose ? "inherit" : ["inherit", "pipe", "pipe"], env, detached: false },
);
if (!verbose) {
  // ANSI colours are stripped before matching (wrangler colours its warnings).
  const plain = (line) => line.replace(/\u001b\[[0-9;]*m/g, "");
  for (const [from, to] of [
    [dev.stdout, process.stdout],
    [dev.stderr, process.stderr],
  ]) {
    createInterface({ input: from }).on("line", (line) => {
      if (!NOISE.some((re) => re.test(plain(line)))) to.write(`${line}\n`);
    });
  }
}
const stop = () => dev.kill("SIGINT");
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
dev.on("exit", (code) => process.exit(code ?? 0));
