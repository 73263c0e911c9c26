import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { freePort } from "./support/ports.ts";

/**
 * Issue 24, setup: `npm run chat` follows PORT, `npm start` is quiet and its PUBLIC_URL
 * follows PORT, `admin:create` reads the password without showing it. Real processes, as a
 * developer runs them (Node, not workerd: these are the scripts themselves).
 */

const quiet: NodeJS.ProcessEnv = {
  ...process.env,
  WRANGLER_SEND_METRICS: "false",
  WRANGLER_HIDE_BANNER: "true",
  NO_COLOR: "1",
};

/** Runs a script with `input` typed once it printed `prompt` (any output if none); resolves with all it printed. */
function runWith(
  cmd: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  input: string,
  timeoutMs = 60_000,
  prompt?: string,
) {
  return new Promise<{ out: string; code: number | null }>((resolve) => {
    const child = spawn(cmd, args, { env, stdio: ["pipe", "pipe", "pipe"] });
    let out = "";
    let typed = false;
    const onData = (chunk: Buffer) => {
      out += chunk.toString("utf8");
      if (!typed && (prompt === undefined || out.includes(prompt))) {
        typed = true;
        setTimeout(() => child.stdin.write(input), 300);
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ out, code });
    });
  });
}

/** The command lines of a process and all its descendants (Linux /proc). */
function descendantsArgs(pid: number): string[] {
  const rows = readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .flatMap((name) => {
      try {
        const stat = readFileSync(`/proc/${name}/stat`, "utf8");
        const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
        const args = readFileSync(`/proc/${name}/cmdline`, "utf8").split("\0").join(" ");
        return [{ pid: Number(name), ppid, args }];
      } catch {
        return []; // gone meanwhile
      }
    });
  const found = new Set([pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const row of rows)
      if (found.has(row.ppid) && !found.has(row.pid)) {
        found.add(row.pid);
        grew = true;
      }
  }
  return rows.filter((r) => found.has(r.pid)).map((r) => r.args);
}

describe("npm run chat", () => {
  it("should talk to the server on PORT, and say which address it could not reach", async () => {
    const port = new URL(inject("baseUrl")).port;
    const { PASSERELLE_URL: _ignored, ...rest } = quiet;
    const env: NodeJS.ProcessEnv = { ...rest, PORT: port };
    const up = await runWith("node", ["scripts/chat.mjs"], env, "/quit\n");
    expect(up.out).not.toMatch(/Cannot reach/);
    expect(up.out).toMatch(/\[1\] /); // the greeting's buttons
    const closed = String(await freePort());
    const down = await runWith("node", ["scripts/chat.mjs"], { ...env, PORT: closed }, "/quit\n");
    expect(down.out).toContain(`Cannot reach http://localhost:${closed}`);
  });
});

describe("admin:create", () => {
  it("should read the password typed in a terminal without echoing it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "passerelle-admin-"));
    try {
      spawnSync("npx", ["wrangler", "d1", "migrations", "apply", "DB", "--local", "--persist-to", dir], {
        env: quiet,
        encoding: "utf8",
      });
      const password = "never-on-screen-1234";
      const command = `npx tsx scripts/admin-create.ts --email typed@example.org --name Typed --role editor --persist-to ${dir}`;
      // `script` gives the command a real terminal (a pty): what it echoes is what a person would see.
      const run = await runWith(
        "script",
        ["-qec", command, "/dev/null"],
        quiet,
        `${password}\r`,
        120_000,
        "Password (not shown)",
      );
      expect(run.out).toContain("Password (not shown)");
      expect(run.out).toContain("editor account created for typed@example.org");
      expect(run.out).not.toContain(password);
      expect(run.out).not.toContain("never-on");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});

describe("npm start", () => {
  it("should start quietly on PORT, with PUBLIC_URL on the same port", async () => {
    const dir = mkdtempSync(join(tmpdir(), "passerelle-start-"));
    const port = String(await freePort());
    let child: ChildProcess | undefined;
    let out = "";
    try {
      child = spawn("node", ["scripts/start.mjs"], {
        env: { ...quiet, PORT: port, PASSERELLE_PERSIST: dir, PUBLIC_URL: "" },
        stdio: ["ignore", "pipe", "pipe"],
        detached: true,
      });
      child.stdout!.on("data", (c: Buffer) => (out += c.toString("utf8")));
      child.stderr!.on("data", (c: Buffer) => (out += c.toString("utf8")));
      const deadline = Date.now() + 150_000;
      let healthy = false;
      while (!healthy && Date.now() < deadline) {
        healthy = await fetch(`http://127.0.0.1:${port}/health`).then(
          (r) => r.ok,
          () => false,
        );
        if (!healthy) await new Promise((r) => setTimeout(r, 500));
      }
      expect(healthy, out).toBe(true);
      expect(descendantsArgs(child.pid!).some((a) => a.includes(`PUBLIC_URL:http://localhost:${port}`))).toBe(true);
      expect(out).toMatch(/Local D1: \d+ migration\(s\) applied\./);
      expect(out).toContain(`Passerelle web chat: http://localhost:${port}`);
      // None of wrangler's start-up noise: the migration table, the binding tables, the types hint.
      expect(out).not.toMatch(/[┌│├└]/);
      expect(out).not.toContain("has access to the following bindings");
      expect(out).not.toContain("types might be out of date");
      expect(out.split("\n").filter((l) => l.trim()).length, out).toBeLessThan(12);
    } finally {
      if (child?.pid) {
        try {
          process.kill(-child.pid, "SIGTERM");
          await new Promise((r) => setTimeout(r, 500));
          process.kill(-child.pid, "SIGKILL");
        } catch {
          // already gone
        }
      }
      rmSync(dir, { recursive: true, force: true });
    }
  }, 200_000);
});
