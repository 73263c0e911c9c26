import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { freePort } from "./support/ports.ts";

/**
 * Global setup of the browser tests: a temp persist dir, migrations, published seed content,
 * a référent, an editor and an admin account (through `npm run admin:create`), one linked young
 * person with an open help alert; then `wrangler dev --local` on a free port, in its own
 * process group, killed (the whole group, workerd included) at teardown.
 */

export const REFERENT = { email: "referente@example.org", name: "Référente Test", password: "browser test password" };
export const EDITOR = {
  email: "editrice@example.org",
  name: "Éditrice Test",
  password: "browser test editor password",
};
export const ADMIN = { email: "admin@example.org", name: "Admin Test", password: "browser test admin password" };
export const ALERT_MESSAGE = "Je n'ai plus de logement demain";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    vapidPublicKey: string;
  }
}

const quiet = {
  ...process.env,
  WRANGLER_SEND_METRICS: "false",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  WRANGLER_HIDE_BANNER: "true",
  NO_COLOR: "1",
};

function run(cmd: string, args: string[], allowFailure = false): void {
  const r = spawnSync(cmd, args, { env: quiet, encoding: "utf8" });
  if (r.status !== 0 && !allowFailure) throw new Error(`${cmd} ${args.join(" ")} failed:\n${r.stdout}\n${r.stderr}`);
}

async function waitFor(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`wrangler dev did not answer ${url} in time`);
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = mkdtempSync(join(tmpdir(), "passerelle-browser-"));
  const d1 = (sql: string) =>
    run("npx", ["wrangler", "d1", "execute", "DB", "--local", "--persist-to", dir, "--command", sql]);
  run("npx", ["wrangler", "d1", "migrations", "apply", "DB", "--local", "--persist-to", dir]);
  run("npx", ["tsx", "scripts/seed.ts", "--persist-to", dir]); // published seed content (the admin-content test edits it)
  const accounts = [
    [REFERENT, "referent"],
    [EDITOR, "editor"],
    [ADMIN, "admin"],
  ] as const;
  for (const [account, role] of accounts) {
    run("npx", [
      "tsx",
      "scripts/admin-create.ts",
      "--email",
      account.email,
      "--name",
      account.name,
      "--role",
      role,
      "--password",
      account.password,
      "--persist-to",
      dir,
    ]);
  }
  const now = Date.now();
  d1(`INSERT INTO young_people (id, locale, birth, status, dept, cursor, created_at, last_active_at) VALUES ('b0000000-0000-4000-8000-000000000001', 'fr', '2007-03', 'ase', '44', '{"at":"menu"}', ${now}, ${now});
INSERT INTO referent_links (staff_id, young_id, created_at) SELECT id, 'b0000000-0000-4000-8000-000000000001', ${now} FROM staff WHERE email = '${REFERENT.email}';
INSERT INTO alerts (id, young_id, kind, severity, message, created_at) VALUES ('a0000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000001', 'help', 'normal', '${ALERT_MESSAGE.replace(/'/g, "''")}', ${now});`);

  // VAPID keys, as `wrangler secret put` would hold them: the web chat offers push reminders.
  const vapid = (await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, [
    "sign",
    "verify",
  ])) as CryptoKeyPair;
  const vapidPublic = Buffer.from(await crypto.subtle.exportKey("raw", vapid.publicKey)).toString("base64url");
  const vapidPrivate = (await crypto.subtle.exportKey("jwk", vapid.privateKey)).d!;
  const port = await freePort();
  const child = spawn(
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
      "--ip",
      "127.0.0.1",
      "--port",
      String(port),
      "--persist-to",
      dir,
      "--var",
      "PUBLIC_URL:http://localhost:" + port,
      "--var",
      `VAPID_PUBLIC_KEY:${vapidPublic}`,
      "--var",
      `VAPID_PRIVATE_KEY:${vapidPrivate}`,
      "--var",
      "VAPID_SUBJECT:mailto:dpo@example.org",
    ],
    {
      env: quiet,
      detached: true,
      stdio: "ignore",
    },
  );
  const stop = async () => {
    if (child.pid !== undefined && child.exitCode === null) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
      await new Promise((r) => setTimeout(r, 500));
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitFor(`http://127.0.0.1:${port}/health`, child, 90_000);
  } catch (error) {
    await stop();
    throw error;
  }
  project.provide("baseUrl", `http://localhost:${port}`);
  project.provide("vapidPublicKey", vapidPublic);
  return stop;
}
