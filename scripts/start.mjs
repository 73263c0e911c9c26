#!/usr/bin/env node
// `npm start`: migrate the local D1, load the seed content, then serve the Worker on
// http://localhost:8787 with wrangler dev, staff pages included (local only: no Cloudflare
// account needed).
import { spawn, spawnSync } from "node:child_process";

const env = {
  ...process.env,
  WRANGLER_SEND_METRICS: "false",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  WRANGLER_HIDE_BANNER: "true",
};
const port = process.env.PORT ?? "8787";

function run(cmd, args) {
  const result = spawnSync(cmd, args, { stdio: "inherit", env });
  if (result.status !== 0) {
    console.error(`\n${cmd} ${args.join(" ")} failed (exit ${result.status})`);
    process.exit(result.status ?? 1);
  }
}

run("npx", ["wrangler", "d1", "migrations", "apply", "DB", "--local"]);
run("npx", ["tsx", "scripts/seed.ts"]);
console.log(`\nPasserelle web chat: http://localhost:${port}\n`);
// Both Workers in one local runtime: the chat Worker on the port, the staff Worker behind its STAFF binding.
const dev = spawn(
  "npx",
  [
    "wrangler",
    "dev",
    "-c",
    "wrangler.toml",
    "-c",
    "wrangler.staff.toml",
    "--local",
    "--port",
    port,
    "--test-scheduled",
  ],
  { stdio: "inherit", env },
);
const stop = () => dev.kill("SIGINT");
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
dev.on("exit", (code) => process.exit(code ?? 0));
