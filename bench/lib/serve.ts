import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Log, LogLevel, Miniflare } from "miniflare";
import { unstable_getMiniflareWorkerOptions } from "wrangler";

/**
 * One Worker served by Miniflare, configured from its wrangler config by wrangler itself
 * (the same translation `wrangler dev` and the vitest pool use), in its own process so the
 * bench can count this process group's CPU.
 *
 * Not `wrangler dev`: it puts a proxy Worker in front and turns on the inspector's Network
 * domain, so every subrequest of the Worker (each D1 call, each Bot API call) emits DevTools
 * events relayed through a second workerd and Node. That tooling costs more per turn than
 * the floor's whole Worker, grows with D1 calls, and does not exist on Cloudflare.
 *
 * argv: <wrangler config> <port> <persist dir> <vars as JSON> [inspector port]
 * Prints "ready <url>" once it serves.
 */
const [config, port, persist, varsJson, inspectorPort] = process.argv.slice(2);
if (!config || !port || !persist || !varsJson)
  throw new Error("usage: serve.ts <config> <port> <persist> <vars-json> [inspector-port]");

const { workerOptions, main } = unstable_getMiniflareWorkerOptions(config);
if (!main) throw new Error(`${config} has no main`);
const vars = JSON.parse(varsJson) as Record<string, string>;

// --d1-apart (bench/lib/remote-d1.ts): BENCH_D1_HOST=<port> serves only the config's D1
// database, on that port; BENCH_D1_ADDRESS=<host:port> serves the Worker with its D1 there.
const plugin = { name: "benchRemoteD1", package: fileURLToPath(new URL("./remote-d1.ts", import.meta.url)) };
const d1Databases = (workerOptions as { d1Databases?: Record<string, string | { id: string }> }).d1Databases ?? {};
const d1Bindings = Object.entries(d1Databases).map(([binding, db]) => ({
  binding,
  id: typeof db === "string" ? db : db.id,
}));
const hostPort = process.env.BENCH_D1_HOST;
const d1Address = process.env.BENCH_D1_ADDRESS;
if ((hostPort || d1Address) && d1Bindings.length !== 1)
  throw new Error(`${config}: --d1-apart needs exactly one D1 binding`);
const worker = hostPort
  ? {
      name: "d1-host",
      modules: true,
      compatibilityDate: workerOptions.compatibilityDate,
      d1Databases,
      // The database object is named by the database id, as Miniflare's own D1 entry names it.
      script:
        "export default { fetch(request, env) { const name = env.DATABASE_ID; return env.D1.get(env.D1.idFromName(name)).fetch(request, { cf: { miniflare: { name } } }); } }",
      bindings: { DATABASE_ID: d1Bindings[0]!.id },
      unsafeBindings: [{ name: "D1", type: "d1", plugin, options: { mode: "host" } }],
      // Its own socket: no Miniflare entry Worker in front of D1.
      unsafeDirectSockets: [{ host: "127.0.0.1", port: Number(hostPort) }],
    }
  : {
      ...workerOptions,
      name: "bench",
      modules: true,
      scriptPath: main,
      modulesRoot: dirname(main),
      bindings: { ...workerOptions.bindings, ...vars },
      ...(d1Address
        ? {
            d1Databases: {},
            unsafeBindings: [
              { name: d1Bindings[0]!.binding, type: "d1", plugin, options: { mode: "client", address: d1Address } },
            ],
          }
        : {}),
    };
const mf = new Miniflare({
  host: "127.0.0.1",
  port: Number(port),
  ...(inspectorPort ? { inspectorPort: Number(inspectorPort) } : {}),
  // Where `wrangler dev --persist-to` and `wrangler d1 … --persist-to` keep their state.
  defaultPersistRoot: join(persist, "v3"),
  log: new Log(LogLevel.WARN),
  workers: [worker],
} as ConstructorParameters<typeof Miniflare>[0]);
const url = await mf.ready;
console.log(`ready ${url.href.replace(/\/$/, "")}`);

const stop = () => void mf.dispose().finally(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
