/**
 * `npm run bench` — Passerelle against the bare grammY floor, in one run.
 * Starts the real Worker (built by wrangler, served by Miniflare on workerd, D1 migrated and
 * seeded in a temp dir; see bench/lib/serve.ts) and the floor worker (bench/floor), both talking to one fake Telegram API on loopback;
 * replays journeys from many concurrent chats; measures latency, throughput, D1 round
 * trips, workerd CPU, bundle size and start-up; writes bench/results/latest.json.
 * Options: --quick (CI smoke: few chats, < 2 min), --chats N, --visits N, --rounds N, --no-save,
 * --profile, --compare <git ref>, --d1-apart, --no-keep-names (see BENCHMARKS.md).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { startFakeTelegram, type FakeTelegram } from "./fake-telegram.ts";
import { countItems, loadSeed } from "./lib/content.ts";
import { chatScript, type Turn } from "./lib/journeys.ts";
import { startProfile, summarize } from "./lib/profile.ts";
import { calibrate } from "./lib/calibrate.ts";
import { closePosts, postJson } from "./lib/post.ts";
import { groupCpu } from "./lib/cpu.ts";
import { startups, type Startup } from "./lib/startup.ts";
import { median, round, summary } from "./lib/stats.ts";
import { withTopLevel } from "./lib/wrangler-config.ts";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const option = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const CHATS = option("--chats", quick ? 5 : 50);
const VISITS = option("--visits", quick ? 1 : 3);
/** Floor and Passerelle loads alternate this many times: a shared machine's background load drifts. */
const ROUNDS = option("--rounds", quick ? 1 : 5);
const save = !args.includes("--no-save");
/** --profile: CPU-profile the Worker (inside workerd) during the Passerelle load phase. */
const profileRun = args.includes("--profile");
/**
 * --compare <git ref>: the Worker as it was at that commit is served too (a git worktree, the
 * same seeded D1 copied) and its load takes its turn in every round: an A/B in one run, on
 * the same machine minutes, which a shared machine's drift between two runs cannot give.
 */
const compareRef = args.includes("--compare") ? args[args.indexOf("--compare") + 1] ?? null : null;
/**
 * --d1-apart: each D1 database is served by its own workerd process (bench/lib/remote-d1.ts),
 * as on Cloudflare where D1 is another service; by default the local D1 simulator runs in the
 * Worker's process, on the thread that runs the Worker. Its process's CPU is printed apart.
 */
const d1Apart = args.includes("--d1-apart");
/** --no-keep-names: build both workers with keep_names = false (an experiment; default is wrangler's, true). */
const keepNames = !args.includes("--no-keep-names");

const ROOT = new URL("..", import.meta.url).pathname;
const WRANGLER = join(ROOT, "node_modules/.bin/wrangler");
const TOKEN = "4242:bench-token";
const SECRET = "bench-webhook-secret";
const QUIET_ENV = { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_HIDE_BANNER: "true", NO_COLOR: "1", CI: "1" };
const tmp = mkdtempSync(join(tmpdir(), "passerelle-bench-"));
const children: ChildProcess[] = [];
const log = (line: string) => console.log(line);

function stopAll(): void {
  for (const child of children) {
    if (child.pid && child.exitCode === null) {
      try {
        process.kill(-child.pid, "SIGTERM"); // the whole group: wrangler and its workerd
      } catch {
        // already gone
      }
    }
  }
}
process.on("exit", stopAll);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(130));

function wrangler(argv: string[], what: string): string {
  const r = spawnSync(WRANGLER, argv, { cwd: ROOT, env: QUIET_ENV, encoding: "utf8", timeout: 120_000 });
  if (r.status !== 0) throw new Error(`${what} failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

// ---------- static measures: bundle size and module start-up ----------

function bundle(configPath: string, name: string): { file: string; rawBytes: number; gzipBytes: number } {
  const config = join(tmp, `wrangler-${name}-bundle.toml`);
  writeFileSync(config, configText(configPath));
  const out = join(tmp, `bundle-${name}`);
  wrangler(["deploy", "--dry-run", "--minify", "--outdir", out, "--config", config], `wrangler deploy --dry-run (${name})`);
  const files = readdirSync(out).filter((f) => f.endsWith(".js") || f.endsWith(".mjs"));
  let raw = 0;
  let gz = 0;
  for (const f of files) {
    const data = readFileSync(join(out, f));
    raw += data.length;
    gz += gzipSync(data, { level: 9 }).length;
  }
  return { file: join(out, files.find((f) => f.startsWith("index")) ?? files[0]!), rawBytes: raw, gzipBytes: gz };
}

/**
 * The Worker's global scope evaluated by workerd itself: `wrangler check startup` (Cloudflare's
 * start-up profiler) builds the config's Worker and samples its start-up (about one sample a
 * millisecond); the busy samples, median of runs. Compilation before the first sample is not in it.
 */
function workerdStartup(configPath: string, name: string, runs: number): { medianMs: number; runs: number[] } | null {
  const config = join(tmp, `wrangler-${name}-startup.toml`);
  writeFileSync(config, configText(configPath));
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const out = join(tmp, `startup-${name}-${i}.cpuprofile`);
    const r = spawnSync(WRANGLER, ["check", "startup", "--config", config, "--outfile", out], { cwd: ROOT, env: QUIET_ENV, encoding: "utf8", timeout: 120_000 });
    if (r.status !== 0 || !existsSync(out)) return null;
    const profile = JSON.parse(readFileSync(out, "utf8")) as { nodes: { id: number; callFrame: { functionName: string } }[]; samples: number[]; timeDeltas: number[] };
    const idle = new Set(profile.nodes.filter((n) => n.callFrame.functionName === "(idle)").map((n) => n.id));
    // timeDeltas[i] is the time up to sample i; the first one precedes any sampling.
    let busy = 0;
    for (let k = 1; k < profile.samples.length; k++) if (!idle.has(profile.samples[k]!)) busy += profile.timeDeltas[k]!;
    times.push(busy / 1000);
  }
  return { medianMs: median(times), runs: times.map((t) => round(t)) };
}

// ---------- servers ----------

/**
 * The Worker as it is when the bench starts, built once (bench/worker-entry.ts around
 * worker/index.ts, bundled by wrangler as for a deploy) and served from a copy of
 * wrangler.toml in the temp dir pointing at the built file: editing a source file during a
 * run changes nothing (a dev server's rebuilds once reset the counters mid-run).
 */
/**
 * A config's text with absolute paths (usable from the temp dir), keep_names as asked, and no
 * service bindings: the bench serves the chat Worker alone (the staff Worker it forwards
 * /admin and /referent to answers no young person).
 */
function configText(configPath: string): string {
  const dir = join(configPath, "..");
  const absolute = (toml: string, key: string) => toml.replace(new RegExp(`^${key}\\s*=\\s*"(.*)"`, "m"), (_, v: string) => `${key} = ${JSON.stringify(join(dir, v))}`);
  const toml = absolute(absolute(readFileSync(configPath, "utf8"), "main"), "migrations_dir").replace(/^\[\[services\]\]\n(?:\w+\s*=.*\n)+/gm, "");
  return keepNames ? toml : withTopLevel(toml, "keep_names", "false");
}

function frozenWorker(configPath: string, entry: string, name: string): string {
  const toml = configText(configPath);
  const buildConfig = join(tmp, `wrangler-${name}-build.toml`);
  // A profiled run also gets the source map, to read the profile by source file.
  writeFileSync(buildConfig, toml.replace(/^main\s*=.*$/m, `main = ${JSON.stringify(entry)}${profileRun ? "\nupload_source_maps = true" : ""}`));
  const out = join(tmp, `dev-build-${name}`);
  wrangler(["deploy", "--dry-run", "--outdir", out, "--config", buildConfig], `wrangler deploy --dry-run (${name})`);
  const built = readdirSync(out).find((f) => /\.(m?js)$/.test(f))!;
  const config = join(tmp, `wrangler-${name}.toml`);
  writeFileSync(config, toml.replace(/^main\s*=.*$/m, `main = ${JSON.stringify(join(out, built))}\nno_bundle = true`));
  return config;
}

/** `d1Host`: the process serving its D1 (--d1-apart). */
type Server = { name: string; url: string; child: ChildProcess; logs: string[]; d1Host?: Server };

/**
 * One Worker served by Miniflare in its own process group (bench/lib/serve.ts), configured from
 * its wrangler config; `inspect` opens the inspector (for --profile) on port + 100.
 */
async function startServer(name: string, config: string, persist: string, vars: Record<string, string>, port: number, inspect = false, env: Record<string, string> = {}): Promise<Server> {
  const argv = [join(ROOT, "bench/lib/serve.ts"), config, String(port), persist, JSON.stringify(vars), ...(inspect ? [String(port + 100)] : [])];
  const child = spawn(process.execPath, ["--import", "tsx", ...argv], { cwd: ROOT, env: { ...QUIET_ENV, ...env }, detached: true, stdio: ["ignore", "pipe", "pipe"] });
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
async function startWithD1(name: string, config: string, persist: string, vars: Record<string, string>, port: number, inspect = false): Promise<Server> {
  if (!d1Apart) return startServer(name, config, persist, vars, port, inspect);
  const d1Host = await startServer(`${name}-d1`, config, persist, {}, port + 50, false, { BENCH_D1_HOST: String(port + 60) });
  const worker = await startServer(name, config, `${persist}-worker`, vars, port, inspect, { BENCH_D1_ADDRESS: `127.0.0.1:${port + 60}` });
  return { ...worker, d1Host };
}

// ---------- load ----------

let nextUpdateId = 1_000_000;
function toUpdate(chatId: number, turn: Turn): Record<string, unknown> {
  const update_id = nextUpdateId++;
  const chat = { id: chatId, type: "private", first_name: "Bench" };
  const from = { id: chatId, is_bot: false, first_name: "Bench" };
  const date = Math.floor(Date.now() / 1000);
  const input = turn.input;
  if (input.kind === "action") {
    return { update_id, callback_query: { id: String(update_id), from, chat_instance: "bench", data: input.action, message: { message_id: 1, date, chat, text: "…" } } };
  }
  const text = input.kind === "start" ? "/start" : input.kind === "text" ? input.text : "";
  const entities = input.kind === "start" ? [{ type: "bot_command", offset: 0, length: 6 }] : undefined;
  return { update_id, message: { message_id: update_id, date, chat, from, text, ...(entities ? { entities } : {}) } };
}

type Sample = { kind: Turn["kind"]; ms: number; status: number };

/** One update as Telegram sends it. */
function post(server: Server, update: Record<string, unknown>): Promise<number> {
  return postJson(`${server.url}/telegram/webhook`, update, { "X-Telegram-Bot-Api-Secret-Token": SECRET });
}

async function load(server: Server, scripts: Turn[][], chatBase: number): Promise<{ samples: Sample[]; wallMs: number; cpu: { workerd: number; all: number; d1: number; harness: number } }> {
  const samples: Sample[] = [];
  const d1Cpu = () => (server.d1Host ? groupCpu(server.d1Host.child.pid!).workerd : 0);
  const d10 = d1Cpu();
  const harness0 = process.cpuUsage();
  const cpu0 = groupCpu(server.child.pid!);
  const t0 = performance.now();
  await Promise.all(scripts.map(async (script, n) => {
    const chatId = chatBase + n;
    for (const turn of script) {
      const s = performance.now();
      const status = await post(server, toUpdate(chatId, turn)).catch(() => 0);
      samples.push({ kind: turn.kind, ms: performance.now() - s, status });
    }
  }));
  const wallMs = performance.now() - t0;
  const cpu1 = groupCpu(server.child.pid!);
  const harness = process.cpuUsage(harness0);
  return { samples, wallMs, cpu: { workerd: cpu1.workerd - cpu0.workerd, all: cpu1.all - cpu0.all, d1: d1Cpu() - d10, harness: (harness.user + harness.system) / 1e6 } };
}

type LoadRun = Awaited<ReturnType<typeof load>>;

/** Rounds pooled: all samples, summed wall time and CPU. */
function merged(runs: LoadRun[]): LoadRun {
  return {
    samples: runs.flatMap((r) => r.samples),
    wallMs: runs.reduce((a, r) => a + r.wallMs, 0),
    cpu: { workerd: runs.reduce((a, r) => a + r.cpu.workerd, 0), all: runs.reduce((a, r) => a + r.cpu.all, 0), d1: runs.reduce((a, r) => a + r.cpu.d1, 0), harness: runs.reduce((a, r) => a + r.cpu.harness, 0) },
  };
}

function addCalls(total: Record<string, number>, calls: Record<string, number>): void {
  for (const [method, n] of Object.entries(calls)) total[method] = (total[method] ?? 0) + n;
}

type D1Counts = { roundTrips: number; statements: number; batches: number; single: number; rowsRead: number; rowsWritten: number; envObjects: number };
async function d1(server: Server, reset = false): Promise<D1Counts> {
  const res = await fetch(`${server.url}/__bench/d1`, { method: reset ? "DELETE" : "GET" });
  return (await res.json()) as D1Counts;
}

function workerdVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(join(ROOT, "node_modules/@cloudflare/workerd-linux-64/package.json"), "utf8")) as { version: string };
    return pkg.version;
  } catch {
    return "unknown";
  }
}

// ---------- main ----------

async function main(): Promise<void> {
  const started = Date.now();
  const seed = await loadSeed();
  log(`bench: ${quick ? "QUICK " : ""}${CHATS} concurrent chats × ${VISITS} visit(s); content ${countItems(seed.bundle)} — ${seed.note}`);

  // 1. Engine alone (its own process, so its numbers are not disturbed by this one's state).
  const engineJson = join(tmp, "engine.json");
  const engineRun = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "bench/engine.ts"), ...(quick ? ["--quick"] : []), "--json", engineJson], { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  process.stdout.write(engineRun.stdout);
  const engine = existsSync(engineJson) ? (JSON.parse(readFileSync(engineJson, "utf8")) as Record<string, any>) : null;

  // 2. Bundles and start-up.
  const app = bundle(join(ROOT, "wrangler.toml"), "passerelle");
  const floorBundle = bundle(join(ROOT, "bench/floor/wrangler.toml"), "floor");
  // The staff Worker (sign-in, content admin, dashboard) answers no young person: its size only.
  const staffBundle = bundle(join(ROOT, "wrangler.staff.toml"), "staff");
  // What the harness itself costs (a fresh thread importing an empty module): part of both numbers.
  const emptyModule = join(tmp, "empty.js");
  writeFileSync(emptyModule, "export default {};\n");
  const [appStart, floorStart, harness] = (await startups([app.file, floorBundle.file, emptyModule], quick ? 3 : 15)) as [Startup, Startup, Startup];
  const moduleMs = (s: Startup) => round(s.medianMs - harness.medianMs);
  log(`bundle (wrangler deploy --dry-run --minify, gzip -9): passerelle ${(app.gzipBytes / 1024).toFixed(1)} KiB gzip (${(app.rawBytes / 1024).toFixed(0)} KiB raw); floor ${(floorBundle.gzipBytes / 1024).toFixed(1)} KiB gzip; the staff Worker ${(staffBundle.gzipBytes / 1024).toFixed(1)} KiB gzip`);
  log(`start-up (import of the minified bundle in a fresh V8 isolate, Node worker_thread, median, runs interleaved): passerelle ${round(appStart.medianMs)} ms, floor ${round(floorStart.medianMs)} ms, of which ${round(harness.medianMs)} ms is the harness (a fresh thread importing an empty module): the modules themselves ${moduleMs(appStart)} and ${moduleMs(floorStart)} ms`);
  const appWorkerd = workerdStartup(join(ROOT, "wrangler.toml"), "passerelle", quick ? 1 : 5);
  const floorWorkerd = workerdStartup(join(ROOT, "bench/floor/wrangler.toml"), "floor", quick ? 1 : 5);
  log(appWorkerd && floorWorkerd
    ? `start-up in workerd (wrangler check startup, busy samples, median): passerelle ${round(appWorkerd.medianMs)} ms, floor ${round(floorWorkerd.medianMs)} ms`
    : "start-up in workerd: wrangler check startup failed (not counted)");

  // 3. Local D1: migrated and seeded through the same storage functions the Worker uses.
  const persist = join(tmp, "state");
  wrangler(["d1", "migrations", "apply", "DB", "--local", "--persist-to", persist], "d1 migrations apply");
  await seedD1(persist, seed.bundle, seed.complete, seed.roadmapRules);

  // 4. Servers.
  const telegram = await startFakeTelegram();
  const vars = { TELEGRAM_API_ROOT: telegram.url, TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_SECRET: SECRET };
  const basePort = 18700 + Math.floor(Math.random() * 1000);
  // The measured loads run the production entry as built for a deploy; D1 is counted by a
  // second instance (bench/worker-entry.ts) on a copy of the seeded D1, so the counting
  // wrapper is never in the measured path (the floor has no instrumentation either).
  const frozen = frozenWorker(join(ROOT, "wrangler.toml"), join(ROOT, "worker/index.ts"), "passerelle");
  const frozenCounted = frozenWorker(join(ROOT, "wrangler.toml"), join(ROOT, "bench/worker-entry.ts"), "counted");
  cpSync(persist, join(tmp, "counted-state"), { recursive: true });
  const frozenFloor = frozenWorker(join(ROOT, "bench/floor/wrangler.toml"), join(ROOT, "bench/floor/worker.ts"), "floor");
  const frozenCalibration = frozenWorker(join(ROOT, "bench/calibrate/wrangler.toml"), join(ROOT, "bench/calibrate/worker.ts"), "calibrate");
  const compareTree = compareRef ? join(tmp, "compare-tree") : null;
  if (compareRef && compareTree) {
    const added = spawnSync("git", ["-C", ROOT, "worktree", "add", "--detach", compareTree, compareRef], { encoding: "utf8" });
    if (added.status !== 0) throw new Error(`git worktree add ${compareRef} failed:\n${added.stderr}`);
    symlinkSync(join(ROOT, "node_modules"), join(compareTree, "node_modules"));
    cpSync(persist, join(tmp, "compare-state"), { recursive: true });
  }
  const compare = compareTree
    ? await startWithD1("compare", frozenWorker(join(compareTree, "wrangler.toml"), join(compareTree, "worker/index.ts"), "compare"), join(tmp, "compare-state"), vars, basePort + 3)
    : null;
  const [real, counted, floor, calibration] = await Promise.all([
    startWithD1("passerelle", frozen, persist, vars, basePort, profileRun),
    startWithD1("counted", frozenCounted, join(tmp, "counted-state"), { ...vars, BENCH_COUNT_D1: "true" }, basePort + 7),
    startServer("floor", frozenFloor, join(tmp, "floor-state"), vars, basePort + 1),
    startWithD1("calibrate", frozenCalibration, join(tmp, "calibrate-state"), vars, basePort + 2),
  ]);

  try {
    // 5. D1 probe: one chat, sequential, counts per turn (the first one also loads the content snapshot into the isolate cache).
    const probeScript = chatScript(seed.bundle, 999, 2);
    const probe: { kind: string; action: string; raisesAlert: boolean; roundTrips: number; statements: number; rowsWritten: number; ms: number }[] = [];
    await d1(counted, true);
    for (const turn of probeScript) {
      const s = performance.now();
      await post(counted, toUpdate(9_000_000, turn));
      const ms = performance.now() - s;
      const c = await d1(counted, true);
      const raisesAlert = turn.input.kind === "action" && turn.input.action === "contact:send";
      probe.push({ kind: turn.kind, action: turn.input.kind === "action" ? turn.input.action.replace(/:.*/, "") : turn.input.kind, raisesAlert, roundTrips: c.roundTrips, statements: c.statements, rowsWritten: c.rowsWritten, ms: round(ms) });
    }
    const firstTurn = probe[0]!;
    // "Ordinary": every turn but the isolate's first and the one that raises an alert (contact:send).
    const ordinary = probe.slice(1).filter((x) => !x.raisesAlert);
    const alertTurn = probe.find((x, i) => i > 0 && x.raisesAlert);
    log(`D1 (counting proxy around the binding, bench/worker-entry.ts): first turn of the isolate ${firstTurn.roundTrips} round trips (content snapshot load included), ordinary turns ${Math.min(...ordinary.map((p) => p.roundTrips))}–${Math.max(...ordinary.map((p) => p.roundTrips))} round trips, ${round(ordinary.reduce((a, p) => a + p.statements, 0) / ordinary.length, 1)} SQL statements/turn; a turn raising an alert (contact:send) ${alertTurn?.roundTrips ?? "?"} round trips (alert dispatch)`);
    log(`  per turn of one chat: ${probe.map((x) => `${x.action}=${x.roundTrips}`).join(" ")}`);

    // 6. Rounds: the floor, then Passerelle (then the compared commit), same scripts, new chats each round.
    // Warm-up: one whole round of each, discarded. With a short one the floor kept getting
    // faster over the measured rounds (p50 78 → 45 ms from round 1 to 5), flattering Passerelle.
    const scripts = Array.from({ length: CHATS }, (_, n) => chatScript(seed.bundle, n, VISITS));
    await load(floor, scripts, 8_000_000);
    await load(real, scripts, 8_000_000);
    if (compare) await load(compare, scripts, 8_000_000);
    const floorRuns: LoadRun[] = [];
    const realRuns: LoadRun[] = [];
    const compareRuns: LoadRun[] = [];
    const floorCalls: Record<string, number> = {};
    const realCalls: Record<string, number> = {};
    for (let round = 0; round < ROUNDS; round++) {
      telegram.reset();
      floorRuns.push(await load(floor, scripts, 1_000_000 + round * 100_000));
      addCalls(floorCalls, telegram.calls);
      telegram.reset();
      const stopProfile = profileRun && round === 0 ? await startProfile(basePort + 100) : null;
      realRuns.push(await load(real, scripts, 2_000_000 + round * 100_000));
      addCalls(realCalls, telegram.calls);
      if (compare) compareRuns.push(await load(compare, scripts, 3_000_000 + round * 100_000));
      if (stopProfile) {
        const file = join(ROOT, "bench/results", `worker-${Date.now()}.cpuprofile`);
        mkdirSync(join(ROOT, "bench/results"), { recursive: true });
        for (const line of summarize(await stopProfile(), file)) log(line);
        const map = readdirSync(join(tmp, "dev-build-passerelle")).find((f) => f.endsWith(".map"));
        if (map) writeFileSync(`${file}.map`, readFileSync(join(tmp, "dev-build-passerelle", map)));
        log(`profile written to ${file}${map ? " with the bundle's source map (.map)" : ""} (open in Chrome DevTools)`);
      }
    }
    const roundRatios = floorRuns.map((f, i) => round(summary(realRuns[i]!.samples.map((x) => x.ms)).p50 / summary(f.samples.map((x) => x.ms)).p50));
    const roundP50s = floorRuns.map((f, i) => `${round(summary(f.samples.map((x) => x.ms)).p50, 1)}/${round(summary(realRuns[i]!.samples.map((x) => x.ms)).p50, 1)}`);
    const floorRun = merged(floorRuns);
    const realRun = merged(realRuns);
    // The same load again on the counting instance, for "D1 under load".
    await d1(counted, true);
    const countedRun = await load(counted, scripts, 4_000_000);
    const realD1 = await d1(counted);

    const describe = (r: Awaited<ReturnType<typeof load>>) => {
      const s = summary(r.samples.map((x) => x.ms));
      const errors = r.samples.filter((x) => x.status !== 200).length;
      return {
        turns: r.samples.length, errors, wallMs: round(r.wallMs), throughput: round(r.samples.length / (r.wallMs / 1000), 1),
        p50: round(s.p50), p95: round(s.p95), p99: round(s.p99), max: round(s.max), mean: round(s.mean),
        workerdCpuMsPerTurn: round((r.cpu.workerd * 1000) / r.samples.length, 2), groupCpuMsPerTurn: round((r.cpu.all * 1000) / r.samples.length, 2),
        harnessCpuMsPerTurn: round((r.cpu.harness * 1000) / r.samples.length, 2),
        ...(d1Apart ? { d1ProcessCpuMsPerTurn: round((r.cpu.d1 * 1000) / r.samples.length, 2) } : {}),
      };
    };
    const countedTurns = countedRun.samples.length;
    telegram.reset();
    const costs = await calibrate(calibration.url, calibration.child.pid!, quick ? 300 : 2000, CHATS);
    const f = describe(floorRun);
    const p = describe(realRun);
    const byKind = Object.fromEntries([...new Set(realRun.samples.map((x) => x.kind))].map((k) => {
      const s = summary(realRun.samples.filter((x) => x.kind === k).map((x) => x.ms));
      return [k, { n: s.n, p50: round(s.p50), p95: round(s.p95), p99: round(s.p99) }];
    }));
    const ratio = round(p.p50 / f.p50);
    const perTurn = (calls: Record<string, number>, turns: number) => round(Object.values(calls).reduce((a, b) => a + b, 0) / turns, 2);

    log(`harness: both Workers served by Miniflare (bench/lib/serve.ts)${d1Apart ? ", Passerelle's D1 in a workerd process of its own (--d1-apart)" : ""}; ${ROUNDS} round(s) alternating floor and Passerelle loads, pooled; p50 ratio per round: ${roundRatios.join(", ")} (floor/Passerelle p50 ms: ${roundP50s.join(", ")})`);
    log(`floor      ${f.turns} turns, ${f.errors} errors, ${f.throughput} turns/s, latency p50 ${f.p50} p95 ${f.p95} p99 ${f.p99} ms, Telegram calls/turn ${perTurn(floorCalls, f.turns)}, workerd CPU ${f.workerdCpuMsPerTurn} ms/turn; the bench's own process (load generator and fake Telegram API) ${f.harnessCpuMsPerTurn} ms/turn`);
    log(`passerelle ${p.turns} turns, ${p.errors} errors, ${p.throughput} turns/s, latency p50 ${p.p50} p95 ${p.p95} p99 ${p.p99} ms, Telegram calls/turn ${perTurn(realCalls, p.turns)}, workerd CPU ${p.workerdCpuMsPerTurn} ms/turn${d1Apart ? ` (+ ${p.d1ProcessCpuMsPerTurn} ms in the D1 process)` : ""}; the bench's own process ${p.harnessCpuMsPerTurn} ms/turn`);
    const compared = compare && compareRuns.length > 0 ? { ref: compareRef, ...describe(merged(compareRuns)), roundRatios: floorRuns.map((f, i) => round(summary(compareRuns[i]!.samples.map((x) => x.ms)).p50 / summary(f.samples.map((x) => x.ms)).p50)) } : null;
    if (compared) {
      log(`compare ${compared.ref} ${compared.turns} turns, ${compared.errors} errors, ${compared.throughput} turns/s, latency p50 ${compared.p50} p95 ${compared.p95} p99 ${compared.p99} ms, workerd CPU ${compared.workerdCpuMsPerTurn} ms/turn; ratio p50 ${round(compared.p50 / f.p50)} (per round ${compared.roundRatios.join(", ")}) against this tree's ${ratio}`);
    }
    for (const [k, s] of Object.entries(byKind)) log(`  passerelle ${k.padEnd(11)} n=${String(s.n).padStart(5)} p50 ${s.p50} p95 ${s.p95} p99 ${s.p99} ms`);
    log(`D1 under load (the same load again, counted): ${round(realD1.roundTrips / countedTurns, 2)} round trips/turn, ${round(realD1.statements / countedTurns, 2)} statements/turn, D1 rows read ${round(realD1.rowsRead / countedTurns, 1)}/turn, rows written ${round(realD1.rowsWritten / countedTurns, 1)}/turn (D1 meta); env objects seen by the Worker: ${realD1.envObjects}`);
    // What the runtime charges for the parts of a turn, and what is left for Passerelle's own code.
    const d1PerTurn = realD1.roundTrips / countedTurns;
    const floorCallsPerTurn = perTurn(floorCalls, f.turns);
    const realCallsPerTurn = perTurn(realCalls, p.turns);
    const floorModel = costs.request + floorCallsPerTurn * costs.subrequest;
    const realRuntime = costs.request + d1PerTurn * costs.d1 + realCallsPerTurn * costs.subrequest;
    const cpuSplit = {
      ...costs,
      floorModelMs: round(floorModel, 2),
      passerelleRuntimeMs: round(realRuntime, 2),
      passerelleOwnMs: round(p.workerdCpuMsPerTurn - realRuntime, 2),
      passerelleD1Ms: round(d1PerTurn * costs.d1, 2),
    };
    log(`runtime costs (calibration Worker bench/calibrate, workerd CPU per request, ${CHATS} concurrent): a webhook request ${costs.request} ms, + one D1 batch ${costs.d1} ms (${d1Apart ? "the Worker's side of the call; D1 runs in its own process" : "the local D1 simulator runs in the same workerd"}), + one Bot API subrequest ${costs.subrequest} ms`);
    log(`  floor: request + ${floorCallsPerTurn} subrequests = ${cpuSplit.floorModelMs} ms modelled, ${f.workerdCpuMsPerTurn} measured`);
    log(`  passerelle: request + ${round(d1PerTurn, 2)} D1 batches + ${realCallsPerTurn} subrequests = ${cpuSplit.passerelleRuntimeMs} ms of runtime (D1 ${cpuSplit.passerelleD1Ms}), leaving ${cpuSplit.passerelleOwnMs} ms of ${p.workerdCpuMsPerTurn} for Passerelle's own code (routing, validation, engine, SQL building, rendering)`);
    log(`CPU time per turn: local workerd does not report per-request CPU time (no cpuTime outside Cloudflare's tail/logs); the number above is the workerd process CPU (/proc utime+stime) over the load divided by turns — it includes HTTP${d1Apart ? "" : ", SQLite (local D1)"} and the runtime, so it is an upper bound for billed Worker CPU.`);

    const result = {
      date: new Date().toISOString(),
      command: `npm run bench${args.length ? ` -- ${args.join(" ")}` : ""}`,
      quick, chats: CHATS, visits: VISITS, rounds: ROUNDS, roundRatios, harness: "miniflare", d1Apart,
      machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? "?", node: process.version, wrangler: wranglerVersion(), workerd: workerdVersion() },
      content: { items: countItems(seed.bundle), note: seed.note },
      floor: { ...f, telegramCalls: floorCalls },
      passerelle: { ...p, telegramCalls: realCalls, byKind },
      ratioP50: ratio, ratioP95: round(p.p95 / f.p95), ratioThroughput: round(f.throughput / p.throughput),
      d1: { probe, firstTurnRoundTrips: firstTurn.roundTrips, alertTurnRoundTrips: alertTurn?.roundTrips ?? null, ordinaryMaxRoundTrips: Math.max(...ordinary.map((x) => x.roundTrips)), underLoadRoundTripsPerTurn: round(realD1.roundTrips / countedTurns, 2), underLoadStatementsPerTurn: round(realD1.statements / countedTurns, 2), rowsReadPerTurn: round(realD1.rowsRead / countedTurns, 1), rowsWrittenPerTurn: round(realD1.rowsWritten / countedTurns, 1), envObjects: realD1.envObjects },
      bundle: { passerelleGzipBytes: app.gzipBytes, passerelleRawBytes: app.rawBytes, floorGzipBytes: floorBundle.gzipBytes, staffGzipBytes: staffBundle.gzipBytes },
      startup: { passerelleMs: round(appStart.medianMs), floorMs: round(floorStart.medianMs), harnessMs: round(harness.medianMs), passerelleModuleMs: moduleMs(appStart), floorModuleMs: moduleMs(floorStart), passerelleRuns: appStart.runs, workerdPasserelleMs: appWorkerd ? round(appWorkerd.medianMs) : null, workerdFloorMs: floorWorkerd ? round(floorWorkerd.medianMs) : null, workerdPasserelleRuns: appWorkerd?.runs ?? null },
      cpuSplit,
      ...(compared ? { compare: { ...compared, ratioP50: round(compared.p50 / f.p50) } } : {}),
      engine,
      benchSeconds: round((Date.now() - started) / 1000, 1),
    };
    const engineCold = engine?.cold?.parsePlusFirstTurnMs ?? NaN;
    const latest = join(ROOT, "bench/results/latest.json");
    if (existsSync(latest) && !quick) {
      const prev = JSON.parse(readFileSync(latest, "utf8")) as typeof result;
      const d = (a: number, b: number) => `${a} → ${b}`;
      log(`vs previous run (${prev.date}): ratio ${d(prev.ratioP50, ratio)}, passerelle p50 ${d(prev.passerelle.p50, p.p50)} ms, p99 ${d(prev.passerelle.p99, p.p99)} ms, turns/s ${d(prev.passerelle.throughput, p.throughput)}, bundle ${d(prev.bundle.passerelleGzipBytes, app.gzipBytes)} B gz, start-up ${d(prev.startup.passerelleMs, round(appStart.medianMs))} ms`);
    }
    // A row for the history table of BENCHMARKS.md.
    log(`| ${result.date.slice(0, 16).replace("T", " ")} | ${CHATS}×${VISITS} | ${p.turns} | ${f.p50} / ${f.p99} | ${p.p50} / ${p.p95} / ${p.p99} | **${ratio}** | ${f.throughput} / ${p.throughput} | ${result.d1.ordinaryMaxRoundTrips} (${result.d1.firstTurnRoundTrips} first) | ${p.workerdCpuMsPerTurn} | ${engine?.warm?.cpuPerTurnMs ?? "?"} / ${engineCold} | ${(app.gzipBytes / 1024).toFixed(1)} | ${round(appStart.medianMs)} |`);
    // A profiled run is slowed by the inspector: it never becomes "latest" (the comparison base).
    if (save && profileRun) {
      mkdirSync(join(ROOT, "bench/results"), { recursive: true });
      writeFileSync(join(ROOT, "bench/results/profile.json"), JSON.stringify(result, null, 2));
    } else if (save) {
      mkdirSync(join(ROOT, "bench/results"), { recursive: true });
      if (existsSync(latest) && !quick) writeFileSync(join(ROOT, "bench/results/previous.json"), readFileSync(latest));
      if (!quick) writeFileSync(latest, JSON.stringify(result, null, 2));
      else writeFileSync(join(ROOT, "bench/results/quick.json"), JSON.stringify(result, null, 2));
    }
    const fails: string[] = [];
    if (p.errors > 0) fails.push(`${p.errors} passerelle errors`);
    if (f.errors > 0) fails.push(`${f.errors} floor errors`);
    log(
      `SUMMARY ${quick ? "quick " : ""}${d1Apart ? "d1-apart " : ""}chats ${CHATS}: ratio ${ratio} (p50 ${p.p50}/${f.p50} ms), p99 ${p.p99} ms, ${p.throughput} turns/s (floor ${f.throughput}), D1 ${result.d1.ordinaryMaxRoundTrips} rt/turn, engine ${engine?.warm?.cpuPerTurnMs ?? "?"} ms warm / ${engineCold} ms cold, bundle ${(app.gzipBytes / 1024).toFixed(1)} KiB gz, start-up ${round(appStart.medianMs)} ms (module ${moduleMs(appStart)} ms, workerd ${appWorkerd ? round(appWorkerd.medianMs) : "?"} ms)${fails.length ? `, FAILED: ${fails.join("; ")}` : ""}`,
    );
    if (fails.length) process.exitCode = 1;
  } finally {
    closePosts();
    stopAll();
    await telegram.close();
    if (compareTree) spawnSync("git", ["-C", ROOT, "worktree", "remove", "--force", compareTree]);
  }
}

function wranglerVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(ROOT, "node_modules/wrangler/package.json"), "utf8")) as { version: string }).version;
  } catch {
    return "unknown";
  }
}

/** Imports the seed (content, then roadmap rules) as drafts and publishes it, with the Worker's own storage functions, through wrangler's local platform proxy on the same persisted D1. */
async function seedD1(persist: string, bundleContent: import("../shared/content/model.ts").ContentBundle, complete: boolean, roadmapRules?: import("../shared/roadmap/rules.ts").RoadmapRules): Promise<void> {
  const { getPlatformProxy } = await import("wrangler");
  const { database } = await import("../worker/store/db.ts");
  const { publishDrafts, replaceDrafts } = await import("../worker/store/content.ts");
  const { publishRoadmapRules, saveRoadmapRulesDraft } = await import("../worker/store/content-settings.ts");
  const proxy = await getPlatformProxy<{ DB: D1Database }>({ configPath: join(ROOT, "wrangler.toml"), persist: { path: join(persist, "v3") } });
  try {
    const db = database(proxy.env.DB);
    const imported = await replaceDrafts(db, bundleContent, "bench", new Date());
    const published = imported.ok ? await publishDrafts(db, "bench", "bench seed", new Date()) : imported;
    if (!published.ok) {
      if (complete) throw new Error(`seed content invalid: ${published.errors.slice(0, 5).join("; ")}`);
      // A partial seed may have dangling references: publish it as is, the bench only needs content.
      await proxy.env.DB.prepare("insert into publications (snapshot, created_at, created_by, note) values (?, ?, 'bench', 'partial seed')")
        .bind(JSON.stringify(bundleContent), Date.now()).run();
      log(`seed: partial seed published without validation (${published.errors.length} validation errors while the seed is being written)`);
    }
    if (roadmapRules) {
      const editor = { id: "bench", name: "bench" };
      const saved = await saveRoadmapRulesDraft(db, roadmapRules, editor, new Date());
      if (!saved.ok) throw new Error(`seed roadmap rules invalid: ${saved.errors.slice(0, 5).join("; ")}`);
      await publishRoadmapRules(db, editor, new Date());
    }
  } finally {
    await proxy.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack ?? error.message : error);
  stopAll();
  process.exit(1);
}).finally(() => {
  rmSync(tmp, { recursive: true, force: true });
});
