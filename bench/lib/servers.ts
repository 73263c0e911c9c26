import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";

/** `d1Host`: the process serving its D1 (--d1-apart). */
export type Server = { name: string; url: string; child: ChildProcess; logs: string[]; d1Host?: Server };

/** What a Worker is started with: its name, wrangler config, D1 state dir, vars, port, inspector, extra env of its process. */
type ServerArgs = [
  name: string,
  config: string,
  persist: string,
  vars: Record<string, string>,
  port: number,
  inspect?: boolean,
  extraEnv?: Record<string, string>,
];

/**
 * The bench's Workers, each served by Miniflare in its own process group (bench/lib/serve.ts),
 * configured from its wrangler config; every group is stopped when the bench exits.
 */
export function servers(root: string, env: NodeJS.ProcessEnv, d1Apart: boolean) {
  const children: ChildProcess[] = [];

  function stopAll(): void {
    for (const child of children) {
      if (child.pid && child.exitCode === null) {
        try {
          process.kill(-child.pid, "SIGTERM"); // the whole group: Node and its workerd
        } catch {
          // already gone
        }
      }
    }
  }

  /** One Worker; `inspect` opens the inspector (for --profile) on port + 100. */
  async function startServer(
    ...[name, config, persist, vars, port, inspect = false, extraEnv = {}]: ServerArgs
  ): Promise<Server> {
    const argv = [
      join(root, "bench/lib/serve.ts"),
      config,
      String(port),
      persist,
      JSON.stringify(vars),
      ...(inspect ? [String(port + 100)] : []),
    ];
    const child = spawn(process.execPath, ["--import", "tsx", ...argv], {
      cwd: root,
      env: { ...env, ...extraEnv },
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    children.push(child);
    const logs: string[] = [];
    child.stdout!.on("data", (d: Buffer) => logs.push(d.toString()));
    child.stderr!.on("data", (d: Buffer) => logs.push(d.toString()));
    const url = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`${name}: the Miniflare server exited:\n${logs.join("")}`);
      if (logs.join("").includes("ready ")) {
        try {
          await fetch(`${url}/health`);
          return { name, url, child, logs };
        } catch {
          // not listening yet
        }
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`${name}: the Miniflare server did not answer within 90 s:\n${logs.join("")}`);
  }

  /**
   * A Worker with a D1 binding: served as `startServer` does, or with --d1-apart its database
   * served by a process of its own (on port + 50, D1 on port + 60) and the Worker pointed at it.
   */
  async function startWithD1(...[name, config, persist, vars, port, inspect = false]: ServerArgs): Promise<Server> {
    if (!d1Apart) return startServer(name, config, persist, vars, port, inspect);
    const d1Host = await startServer(`${name}-d1`, config, persist, {}, port + 50, false, {
      BENCH_D1_HOST: String(port + 60),
    });
    const worker = await startServer(name, config, `${persist}-worker`, vars, port, inspect, {
      BENCH_D1_ADDRESS: `127.0.0.1:${port + 60}`,
    });
    return { ...worker, d1Host };
  }

  return { startServer, startWithD1, stopAll };
}
