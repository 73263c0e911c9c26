/**
 * `npm run bench` — Passerelle against the bare grammY floor and the grammY peer, in one run.
 * Builds the three Workers with wrangler (Passerelle's chat Worker, bench/floor, bench/peer),
 * serves each with Miniflare on workerd (bench/lib/serve.ts; D1 migrated and seeded in a temp
 * dir), all talking to one fake Telegram API on loopback; replays journeys from many
 * concurrent chats, the three loads alternating round after round; measures latency,
 * throughput, D1 round trips, workerd CPU, bundle size and start-up; writes
 * bench/results/latest.json. The last line printed is the one-line summary.
 * Options: --quick (CI smoke: few chats, < 2 min), --chats N, --visits N, --rounds N, --no-save,
 * --profile, --compare <git ref>, --d1-apart, --no-keep-names, --people N (the D1s hold N young
 * people of a year's use first: bench/lib/population.ts), --content K (Passerelle's content at
 * K × the seed, every locale full: bench/lib/scaled-content.ts) (see BENCHMARKS.md).
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { runMain } from "./lib/script.ts";
import { cpus } from "node:os";
import { join } from "node:path";
import { startFakeTelegram } from "./fake-telegram.ts";
import { bundle, buildContext, frozenWorker, migratedD1, QUIET_ENV, ROOT, workerdStartup } from "./lib/build.ts";
import { CHAT_BUNDLE_BUDGET_KB } from "./lib/budget.ts";
import { calibrate } from "./lib/calibrate.ts";
import { countItems, loadSeed } from "./lib/content.ts";
import { chatScript } from "./lib/journeys.ts";
import { load, telegramVars } from "./lib/load.ts";
import { describe, merged, p50Of, type LoadRun } from "./lib/runs.ts";
import { closePosts } from "./lib/post.ts";
import { d1Counts, probeD1, type Probe } from "./lib/probe.ts";
import { startProfile, summarize } from "./lib/profile.ts";
import { table, targetLines } from "./lib/report.ts";
import { servers, type Server } from "./lib/servers.ts";
import { startups, type Startup } from "./lib/startup.ts";
import { round, summary } from "./lib/stats.ts";
import { populateD1, seedD1 } from "./lib/seed.ts";
import { population, peerPopulation } from "./lib/population.ts";
import { scaledContent } from "./lib/scaled-content.ts";
import { EMPTY_ROADMAP_RULES } from "../shared/roadmap/rules.ts";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const option = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const CHATS = option("--chats", quick ? 5 : 50);
const VISITS = option("--visits", quick ? 1 : 3);
/** The loads alternate this many times: a shared machine's background load drifts. */
const ROUNDS = option("--rounds", quick ? 1 : 5);
const save = !args.includes("--no-save");
/** --profile: CPU-profile the Worker (inside workerd) during the Passerelle load phase. */
const profileRun = args.includes("--profile");
/**
 * --compare <git ref>: the Worker as it was at that commit is served too (a git worktree, the
 * same seeded D1 copied) and its load takes its turn in every round: an A/B in one run, on
 * the same machine minutes, which a shared machine's drift between two runs cannot give.
 */
const compareRef = args.includes("--compare") ? (args[args.indexOf("--compare") + 1] ?? null) : null;
/**
 * --d1-apart: each D1 database is served by its own workerd process (bench/lib/remote-d1.ts),
 * as on Cloudflare where D1 is another service; by default the local D1 simulator runs in the
 * Worker's process, on the thread that runs the Worker. Its process's CPU is printed apart.
 */
const d1Apart = args.includes("--d1-apart");
/** --people N: the D1s hold N young people (Passerelle's) and N sessions (the peer's) before the loads. */
const PEOPLE = option("--people", 0);
/** --content K: Passerelle publishes its content at K × the seed (the peer's stays its bundled seed). */
const CONTENT = option("--content", 0);
/** --no-keep-names: build the workers with keep_names = false (an experiment; default is wrangler's, true). */
const keepNames = !args.includes("--no-keep-names");

const build = buildContext("bench", { keepNames, sourceMaps: profileRun });
const tmp = build.tmp;
const { startServer, startWithD1, stopAll } = servers(ROOT, QUIET_ENV, d1Apart);
const log = (line: string) => console.log(line);
const PEER_CONFIG = join(ROOT, "bench/peer/wrangler.toml");

process.on("exit", stopAll);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(130));

function addCalls(total: Record<string, number>, calls: Record<string, number>): void {
  for (const [method, n] of Object.entries(calls)) total[method] = (total[method] ?? 0) + n;
}
const callsPerTurn = (calls: Record<string, number>, turns: number) =>
  round(Object.values(calls).reduce((a, b) => a + b, 0) / turns, 2);

function versionOf(pkg: string): string {
  try {
    return (JSON.parse(readFileSync(join(ROOT, "node_modules", pkg, "package.json"), "utf8")) as { version: string })
      .version;
  } catch {
    return "unknown";
  }
}

/** One Worker's loads in the rounds, and the Telegram calls they made. */
type Contender = { name: string; server: Server; chatBase: number; runs: LoadRun[]; calls: Record<string, number> };

function probeLine(name: string, p: Probe): string[] {
  return [
    `D1 ${name} (counted instance, bench/d1-counter.ts): first turn of the isolate ${p.first.roundTrips} round trips, ordinary turns ${p.ordinaryMin}–${p.ordinaryMax} round trips, ${p.ordinaryStatements} SQL statements/turn; a turn raising an alert (contact:send) ${p.alert?.roundTrips ?? "?"} round trips`,
    `  per turn of one chat: ${p.turns.map((x) => `${x.action}=${x.roundTrips}`).join(" ")}`,
  ];
}

async function main(): Promise<void> {
  const started = Date.now();
  const seed = await loadSeed();
  log(
    `bench: ${quick ? "QUICK " : ""}${CHATS} concurrent chats × ${VISITS} visit(s); content ${countItems(seed.bundle)} — ${seed.note}`,
  );

  // 1. Engine alone (its own process, so its numbers are not disturbed by this one's state).
  const engineJson = join(tmp, "engine.json");
  const engineRun = spawnSync(
    process.execPath,
    [
      "--expose-gc",
      "--import",
      "tsx",
      join(ROOT, "bench/engine.ts"),
      ...(quick ? ["--quick"] : []),
      ...(CONTENT ? ["--content", String(CONTENT)] : []),
      "--json",
      engineJson,
    ],
    { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
  );
  process.stdout.write(engineRun.stdout);
  // biome-ignore lint/suspicious/noExplicitAny: bench/engine.ts's own JSON report, read back field by field for printing.
  const engine = existsSync(engineJson) ? (JSON.parse(readFileSync(engineJson, "utf8")) as Record<string, any>) : null;

  // 2. Bundles and start-up.
  const app = bundle(build, join(ROOT, "wrangler.toml"), "passerelle");
  const floorBundle = bundle(build, join(ROOT, "bench/floor/wrangler.toml"), "floor");
  const peerBundle = bundle(build, PEER_CONFIG, "peer");
  // The staff Worker (sign-in, content admin, dashboard) and the site Worker (pages, cron, queue)
  // answer no turn: their sizes only.
  const staffBundle = bundle(build, join(ROOT, "wrangler.staff.toml"), "staff");
  const siteBundle = bundle(build, join(ROOT, "wrangler.site.toml"), "site");
  // What the harness itself costs (a fresh thread importing an empty module): part of every number.
  const emptyModule = join(tmp, "empty.js");
  writeFileSync(emptyModule, "export default {};\n");
  const [appStart, floorStart, peerStart, harness] = (await startups(
    [app.file, floorBundle.file, peerBundle.file, emptyModule],
    quick ? 3 : 15,
  )) as [Startup, Startup, Startup, Startup];
  const moduleMs = (s: Startup) => round(s.medianMs - harness.medianMs);
  const kib = (bytes: number) => (bytes / 1024).toFixed(1);
  log(
    `bundle (wrangler deploy --dry-run --minify, gzip -9): passerelle ${kib(app.gzipBytes)} KiB gzip (${(app.rawBytes / 1024).toFixed(0)} KiB raw); floor ${kib(floorBundle.gzipBytes)} KiB; peer ${kib(peerBundle.gzipBytes)} KiB (seed content bundled); the site Worker ${kib(siteBundle.gzipBytes)} KiB, the staff Worker ${kib(staffBundle.gzipBytes)} KiB`,
  );
  log(
    `start-up (import of the minified bundle in a fresh V8 isolate, Node worker_thread, median, runs interleaved): passerelle ${round(appStart.medianMs)} ms, floor ${round(floorStart.medianMs)} ms, peer ${round(peerStart.medianMs)} ms, of which ${round(harness.medianMs)} ms is the harness (a fresh thread importing an empty module): the modules themselves ${moduleMs(appStart)}, ${moduleMs(floorStart)} and ${moduleMs(peerStart)} ms`,
  );
  const appWorkerd = workerdStartup(build, join(ROOT, "wrangler.toml"), "passerelle", quick ? 1 : 5);
  const floorWorkerd = workerdStartup(build, join(ROOT, "bench/floor/wrangler.toml"), "floor", quick ? 1 : 5);
  const peerWorkerd = workerdStartup(build, PEER_CONFIG, "peer", quick ? 1 : 5);
  log(
    appWorkerd && floorWorkerd && peerWorkerd
      ? `start-up in workerd (wrangler check startup, busy samples, median): passerelle ${round(appWorkerd.medianMs)} ms, floor ${round(floorWorkerd.medianMs)} ms, peer ${round(peerWorkerd.medianMs)} ms`
      : "start-up in workerd: wrangler check startup failed (not counted)",
  );

  // 3. Local D1s: Passerelle's migrated and seeded through the same storage functions the
  // Worker uses; the peer's migrated (its content is in its bundle).
  const persist = join(tmp, "state");
  migratedD1(build, join(ROOT, "wrangler.toml"), persist);
  const content = CONTENT ? scaledContent(seed.bundle, CONTENT) : seed.bundle;
  if (CONTENT) log(`content: ${CONTENT} × the seed, every locale full: ${countItems(content)}`);
  await seedD1(ROOT, persist, content, seed.complete, seed.roadmapRules, log);
  const peerPersist = join(tmp, "peer-state");
  migratedD1(build, PEER_CONFIG, peerPersist);
  if (PEOPLE > 0) {
    const t0 = performance.now();
    const generated = population(PEOPLE, Date.now(), seed.roadmapRules ?? EMPTY_ROADMAP_RULES);
    const seconds = await populateD1(join(ROOT, "wrangler.toml"), persist, generated.statements);
    const peerSeconds = await populateD1(PEER_CONFIG, peerPersist, peerPopulation(PEOPLE, Date.now()));
    log(
      `population: ${Object.entries(generated.counts)
        .map(([t, n]) => `${t} ${n}`)
        .join(
          ", ",
        )}; peer: ${PEOPLE} sessions (generated and inserted in ${round((performance.now() - t0) / 1000, 1)} s, of which D1 ${round(seconds + peerSeconds, 1)} s)`,
    );
  }

  // 4. Servers.
  const telegram = await startFakeTelegram();
  const vars = telegramVars(telegram.url);
  const basePort = 18700 + Math.floor(Math.random() * 1000);
  // The measured loads run the production entries as built for a deploy; D1 is counted by
  // second instances (bench/worker-entry.ts, bench/peer/counted.ts) on copies of the D1s, so
  // the counting wrapper is never in the measured path (the floor has no instrumentation either).
  const frozen = frozenWorker(build, join(ROOT, "wrangler.toml"), join(ROOT, "worker/index.ts"), "passerelle");
  const frozenCounted = frozenWorker(
    build,
    join(ROOT, "wrangler.toml"),
    join(ROOT, "bench/worker-entry.ts"),
    "counted",
  );
  cpSync(persist, join(tmp, "counted-state"), { recursive: true });
  const frozenPeer = frozenWorker(build, PEER_CONFIG, join(ROOT, "bench/peer/worker.ts"), "peer");
  const frozenPeerCounted = frozenWorker(build, PEER_CONFIG, join(ROOT, "bench/peer/counted.ts"), "peer-counted");
  cpSync(peerPersist, join(tmp, "peer-counted-state"), { recursive: true });
  const frozenFloor = frozenWorker(
    build,
    join(ROOT, "bench/floor/wrangler.toml"),
    join(ROOT, "bench/floor/worker.ts"),
    "floor",
  );
  const frozenFloorD1 = frozenWorker(
    build,
    join(ROOT, "bench/floor/wrangler-d1.toml"),
    join(ROOT, "bench/floor/worker.ts"),
    "floor-d1",
  );
  const frozenCalibration = frozenWorker(
    build,
    join(ROOT, "bench/calibrate/wrangler.toml"),
    join(ROOT, "bench/calibrate/worker.ts"),
    "calibrate",
  );
  const compareTree = compareRef ? join(tmp, "compare-tree") : null;
  if (compareRef && compareTree) {
    const added = spawnSync("git", ["-C", ROOT, "worktree", "add", "--detach", compareTree, compareRef], {
      encoding: "utf8",
    });
    if (added.status !== 0) throw new Error(`git worktree add ${compareRef} failed:\n${added.stderr}`);
    symlinkSync(join(ROOT, "node_modules"), join(compareTree, "node_modules"));
    cpSync(persist, join(tmp, "compare-state"), { recursive: true });
  }
  const compare = compareTree
    ? await startWithD1(
        "compare",
        frozenWorker(build, join(compareTree, "wrangler.toml"), join(compareTree, "worker/index.ts"), "compare"),
        join(tmp, "compare-state"),
        vars,
        basePort + 3,
      )
    : null;
  const counting = { ...vars, BENCH_COUNT_D1: "true" };
  const [real, counted, floor, peer, peerCounted, calibration, floorD1Server] = await Promise.all([
    startWithD1("passerelle", frozen, persist, vars, basePort, profileRun),
    startWithD1("counted", frozenCounted, join(tmp, "counted-state"), counting, basePort + 7),
    startServer("floor", frozenFloor, join(tmp, "floor-state"), vars, basePort + 1),
    startWithD1("peer", frozenPeer, peerPersist, vars, basePort + 4),
    startWithD1("peer-counted", frozenPeerCounted, join(tmp, "peer-counted-state"), counting, basePort + 5),
    startWithD1("calibrate", frozenCalibration, join(tmp, "calibrate-state"), vars, basePort + 2),
    startWithD1("floor-d1", frozenFloorD1, join(tmp, "floor-d1-state"), vars, basePort + 6),
  ]);

  try {
    // 5. D1 probes: one chat, sequential, counts per turn (Passerelle's first turn also loads the content into the isolate cache).
    const probeScript = chatScript(seed.bundle, 999, 2);
    const probe = await probeD1(counted, probeScript, 9_000_000);
    const peerProbe = await probeD1(peerCounted, probeScript, 9_000_000);
    for (const line of [...probeLine("passerelle", probe), ...probeLine("peer", peerProbe)]) log(line);

    // 6. Rounds: the floor, the peer, then Passerelle (then the compared commit), same scripts, new chats each round.
    // Warm-up: one whole round of each, discarded. With a short one the floor kept getting
    // faster over the measured rounds (p50 78 → 45 ms from round 1 to 5), flattering Passerelle.
    const scripts = Array.from({ length: CHATS }, (_, n) => chatScript(seed.bundle, n, VISITS));
    const contenders: Contender[] = [
      { name: "floor", server: floor, chatBase: 1_000_000, runs: [], calls: {} },
      { name: "peer", server: peer, chatBase: 5_000_000, runs: [], calls: {} },
      { name: "passerelle", server: real, chatBase: 2_000_000, runs: [], calls: {} },
      ...(compare ? [{ name: "compare", server: compare, chatBase: 3_000_000, runs: [], calls: {} }] : []),
      // The floor with one D1 write per update: the least a bot that records each update can do.
      { name: "floor-d1", server: floorD1Server, chatBase: 6_000_000, runs: [], calls: {} },
    ];
    for (const c of contenders) await load(c.server, scripts, 8_000_000);
    for (let round = 0; round < ROUNDS; round++) {
      for (const c of contenders) {
        telegram.reset();
        const stopProfile = profileRun && round === 0 && c.server === real ? await startProfile(basePort + 100) : null;
        c.runs.push(await load(c.server, scripts, c.chatBase + round * 100_000));
        addCalls(c.calls, telegram.calls);
        if (stopProfile) {
          const file = join(ROOT, "bench/results", `worker-${Date.now()}.cpuprofile`);
          mkdirSync(join(ROOT, "bench/results"), { recursive: true });
          for (const line of summarize(await stopProfile(), file)) log(line);
          const map = readdirSync(join(tmp, "dev-build-passerelle")).find((f) => f.endsWith(".map"));
          if (map) writeFileSync(`${file}.map`, readFileSync(join(tmp, "dev-build-passerelle", map)));
          log(
            `profile written to ${file}${map ? " with the bundle's source map (.map)" : ""} (open in Chrome DevTools)`,
          );
        }
      }
    }
    const [floorC, peerC, realC] = contenders as [Contender, Contender, Contender];
    const compareC = contenders.find((c) => c.name === "compare");
    const floorD1C = contenders.find((c) => c.name === "floor-d1")!;
    const perRound = (a: Contender, b: Contender) => b.runs.map((r, i) => round(p50Of(a.runs[i]!) / p50Of(r)));
    const roundRatios = perRound(realC, floorC);
    const roundPeerRatios = perRound(realC, peerC);
    const roundP50s = floorC.runs.map(
      (r, i) => `${round(p50Of(r), 1)}/${round(p50Of(peerC.runs[i]!), 1)}/${round(p50Of(realC.runs[i]!), 1)}`,
    );
    const realRun = merged(realC.runs);
    // The same load again on the counting instances, for "D1 under load".
    await d1Counts(counted, true);
    const countedRun = await load(counted, scripts, 4_000_000);
    const realD1 = await d1Counts(counted);
    await d1Counts(peerCounted, true);
    const peerCountedRun = await load(peerCounted, scripts, 4_000_000);
    const peerD1 = await d1Counts(peerCounted);
    const countedTurns = countedRun.samples.length;
    telegram.reset();
    const costs = await calibrate(calibration.url, calibration.child.pid!, quick ? 300 : 2000, CHATS);

    const f = describe(merged(floorC.runs), d1Apart);
    const pe = describe(merged(peerC.runs), d1Apart);
    const p = describe(realRun, d1Apart);
    const byKind = Object.fromEntries(
      [...new Set(realRun.samples.map((x) => x.kind))].map((k) => {
        const s = summary(realRun.samples.filter((x) => x.kind === k).map((x) => x.ms));
        return [k, { n: s.n, p50: round(s.p50), p95: round(s.p95), p99: round(s.p99) }];
      }),
    );
    const ratio = round(p.p50 / f.p50);
    const peerRatio = round(p.p50 / pe.p50);
    const d1PerTurn = realD1.roundTrips / countedTurns;
    const peerD1PerTurn = peerD1.roundTrips / peerCountedRun.samples.length;
    const floorCalls = callsPerTurn(floorC.calls, f.turns);
    const peerCalls = callsPerTurn(peerC.calls, pe.turns);
    const realCalls = callsPerTurn(realC.calls, p.turns);

    log(
      `harness: the Workers served by Miniflare (bench/lib/serve.ts)${d1Apart ? ", each D1 in a workerd process of its own (--d1-apart)" : ", each D1 simulated in its Worker's process"}; ${ROUNDS} round(s) alternating floor, peer and Passerelle loads, pooled; p50 ratio Passerelle/floor per round: ${roundRatios.join(", ")}; Passerelle/peer: ${roundPeerRatios.join(", ")} (floor/peer/Passerelle p50 ms: ${roundP50s.join(", ")})`,
    );
    for (const line of table(
      [
        { name: "floor", d: f, telegramPerTurn: floorCalls, d1PerTurn: null },
        { name: "peer", d: pe, telegramPerTurn: peerCalls, d1PerTurn: round(peerD1PerTurn, 2) },
        { name: "passerelle", d: p, telegramPerTurn: realCalls, d1PerTurn: round(d1PerTurn, 2) },
      ],
      d1Apart,
    ))
      log(line);
    const compared =
      compareC && compareC.runs.length > 0
        ? { ref: compareRef, ...describe(merged(compareC.runs), d1Apart), roundRatios: perRound(compareC, floorC) }
        : null;
    if (compared) {
      log(
        `compare ${compared.ref} ${compared.turns} turns, ${compared.errors} errors, ${compared.throughput} turns/s, latency p50 ${compared.p50} p95 ${compared.p95} p99 ${compared.p99} ms, workerd CPU ${compared.workerdCpuMsPerTurn} ms/turn; ratio p50 ${round(compared.p50 / f.p50)} (per round ${compared.roundRatios.join(", ")}) against this tree's ${ratio}`,
      );
    }
    const fd = describe(merged(floorD1C.runs), d1Apart);
    const floorD1 = {
      ...fd,
      ratioToFloor: round(fd.p50 / f.p50),
      passerelleRatio: round(p.p50 / fd.p50),
      roundRatiosToFloor: perRound(floorD1C, floorC),
    };
    log(
      `floor + D1 (bench/floor/worker.ts with one D1 batch per update before answering, shaped like Passerelle's ordinary turn write): p50 ${fd.p50} ms, ${fd.throughput} turns/s, CPU ${fd.workerdCpuMsPerTurn}${fd.d1ProcessCpuMsPerTurn !== undefined ? ` + ${fd.d1ProcessCpuMsPerTurn} in its D1 process` : ""} ms/turn; **${floorD1.ratioToFloor} × the floor** (per round ${floorD1.roundRatiosToFloor.join(", ")}): the least a Worker that records each update reaches in this harness; Passerelle ${floorD1.passerelleRatio} × it`,
    );
    for (const [k, s] of Object.entries(byKind))
      log(`  passerelle ${k.padEnd(11)} n=${String(s.n).padStart(5)} p50 ${s.p50} p95 ${s.p95} p99 ${s.p99} ms`);
    const underLoad = (name: string, c: typeof realD1, turns: number) =>
      `D1 under load, ${name} (the same load again, counted): ${round(c.roundTrips / turns, 2)} round trips/turn, ${round(c.statements / turns, 2)} statements/turn, rows read ${round(c.rowsRead / turns, 1)}/turn, rows written ${round(c.rowsWritten / turns, 1)}/turn (D1 meta); env objects seen: ${c.envObjects}`;
    log(underLoad("passerelle", realD1, countedTurns));
    log(underLoad("peer", peerD1, peerCountedRun.samples.length));

    // What the runtime charges for the parts of a turn, and what is left for each Worker's own code.
    const runtime = (d1: number, calls: number) => costs.request + d1 * costs.d1 + calls * costs.subrequest;
    const cpuSplit = {
      ...costs,
      floorModelMs: round(runtime(0, floorCalls), 2),
      peerRuntimeMs: round(runtime(peerD1PerTurn, peerCalls), 2),
      peerOwnMs: round(pe.workerdCpuMsPerTurn - runtime(peerD1PerTurn, peerCalls), 2),
      passerelleRuntimeMs: round(runtime(d1PerTurn, realCalls), 2),
      passerelleOwnMs: round(p.workerdCpuMsPerTurn - runtime(d1PerTurn, realCalls), 2),
      passerelleD1Ms: round(d1PerTurn * costs.d1, 2),
    };
    log(
      `runtime costs (calibration Worker bench/calibrate, workerd CPU per request, ${CHATS} concurrent): a webhook request ${costs.request} ms, + one D1 call ${costs.d1} ms (${d1Apart ? "the Worker's side of the call; D1 runs in its own process" : "the local D1 simulator runs in the same workerd"}), + one Bot API subrequest ${costs.subrequest} ms`,
    );
    log(
      `  floor: request + ${floorCalls} subrequests = ${cpuSplit.floorModelMs} ms modelled, ${f.workerdCpuMsPerTurn} measured`,
    );
    log(
      `  peer: request + ${round(peerD1PerTurn, 2)} D1 calls + ${peerCalls} subrequests = ${cpuSplit.peerRuntimeMs} ms of runtime, leaving ${cpuSplit.peerOwnMs} ms of ${pe.workerdCpuMsPerTurn} for its own code (grammY, session JSON, keyword lookup)`,
    );
    log(
      `  passerelle: request + ${round(d1PerTurn, 2)} D1 calls + ${realCalls} subrequests = ${cpuSplit.passerelleRuntimeMs} ms of runtime (D1 ${cpuSplit.passerelleD1Ms}), leaving ${cpuSplit.passerelleOwnMs} ms of ${p.workerdCpuMsPerTurn} for Passerelle's own code (routing, validation, engine, SQL building, rendering)`,
    );
    log(
      `CPU time per turn: local workerd does not report per-request CPU time (no cpuTime outside Cloudflare's tail/logs); the numbers above are the workerd process CPU (/proc utime+stime) over the load divided by turns — they include HTTP${d1Apart ? "" : ", SQLite (local D1)"} and the runtime: an upper bound for billed Worker CPU.`,
    );

    const result = {
      date: new Date().toISOString(),
      command: `npm run bench${args.length ? ` -- ${args.join(" ")}` : ""}`,
      quick,
      chats: CHATS,
      visits: VISITS,
      rounds: ROUNDS,
      roundRatios,
      roundPeerRatios,
      harness: "miniflare",
      d1Apart,
      people: PEOPLE,
      contentScale: CONTENT || 1,
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model ?? "?",
        node: process.version,
        wrangler: versionOf("wrangler"),
        workerd: versionOf("@cloudflare/workerd-linux-64"),
        loadAverageAtEnd: readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).map(Number),
      },
      content: { items: countItems(seed.bundle), note: seed.note },
      floor: { ...f, telegramCalls: floorC.calls },
      peer: {
        ...pe,
        telegramCalls: peerC.calls,
        d1: {
          probe: peerProbe.turns,
          ordinaryMaxRoundTrips: peerProbe.ordinaryMax,
          underLoadRoundTripsPerTurn: round(peerD1PerTurn, 2),
          rowsReadPerTurn: round(peerD1.rowsRead / peerCountedRun.samples.length, 1),
          rowsWrittenPerTurn: round(peerD1.rowsWritten / peerCountedRun.samples.length, 1),
        },
      },
      passerelle: { ...p, telegramCalls: realC.calls, byKind },
      ratioP50: ratio,
      peerRatioP50: peerRatio,
      ratioP95: round(p.p95 / f.p95),
      ratioThroughput: round(f.throughput / p.throughput),
      cpuRatio: round(p.workerdCpuMsPerTurn / f.workerdCpuMsPerTurn),
      peerCpuRatio: round(p.workerdCpuMsPerTurn / pe.workerdCpuMsPerTurn),
      d1: {
        probe: probe.turns,
        firstTurnRoundTrips: probe.first.roundTrips,
        alertTurnRoundTrips: probe.alert?.roundTrips ?? null,
        ordinaryMaxRoundTrips: probe.ordinaryMax,
        underLoadRoundTripsPerTurn: round(d1PerTurn, 2),
        underLoadStatementsPerTurn: round(realD1.statements / countedTurns, 2),
        rowsReadPerTurn: round(realD1.rowsRead / countedTurns, 1),
        rowsWrittenPerTurn: round(realD1.rowsWritten / countedTurns, 1),
        envObjects: realD1.envObjects,
      },
      bundle: {
        passerelleGzipBytes: app.gzipBytes,
        passerelleRawBytes: app.rawBytes,
        floorGzipBytes: floorBundle.gzipBytes,
        peerGzipBytes: peerBundle.gzipBytes,
        staffGzipBytes: staffBundle.gzipBytes,
        siteGzipBytes: siteBundle.gzipBytes,
      },
      startup: {
        passerelleMs: round(appStart.medianMs),
        floorMs: round(floorStart.medianMs),
        peerMs: round(peerStart.medianMs),
        harnessMs: round(harness.medianMs),
        passerelleModuleMs: moduleMs(appStart),
        floorModuleMs: moduleMs(floorStart),
        peerModuleMs: moduleMs(peerStart),
        passerelleRuns: appStart.runs,
        workerdPasserelleMs: appWorkerd ? round(appWorkerd.medianMs) : null,
        workerdFloorMs: floorWorkerd ? round(floorWorkerd.medianMs) : null,
        workerdPeerMs: peerWorkerd ? round(peerWorkerd.medianMs) : null,
        workerdPasserelleRuns: appWorkerd?.runs ?? null,
      },
      cpuSplit,
      floorD1,
      ...(compared ? { compare: { ...compared, ratioP50: round(compared.p50 / f.p50) } } : {}),
      engine,
      benchSeconds: round((Date.now() - started) / 1000, 1),
    };
    const engineCold = engine?.cold?.parsePlusFirstTurnMs ?? NaN;
    const engineWarm = engine?.warm?.cpuPerTurnMs ?? NaN;

    const { lines: targets, missed } = targetLines([
      { what: "p50 latency, Passerelle / peer", value: peerRatio, limit: 1, unit: "×" },
      {
        what: "CPU per turn (the Worker's process), Passerelle / peer",
        value: result.peerCpuRatio,
        limit: 1,
        unit: "×",
      },
      { what: "p50 latency, Passerelle / floor, D1 apart", value: ratio, limit: 1.5, unit: "×", applies: d1Apart },
      { what: "D1 round trips, ordinary turn", value: probe.ordinaryMax, limit: 1 },
      { what: "engine, warm turn (CPU)", value: engineWarm, limit: 1, unit: " ms" },
      { what: "engine, cold isolate's first turn", value: engineCold, limit: 5, unit: " ms" },
      {
        what: "bundle, minified gzip",
        value: round(app.gzipBytes / 1000, 1),
        limit: CHAT_BUNDLE_BUDGET_KB,
        unit: " KB",
      },
      { what: "start-up, the module in a fresh isolate", value: moduleMs(appStart), limit: 20, unit: " ms" },
    ]);
    log(`targets (this run${d1Apart ? ", D1 apart" : ", local D1 in the Worker's process"}):`);
    for (const line of targets) log(line);

    // Each layout has its own comparison base.
    const latestName = d1Apart ? "latest-d1-apart.json" : "latest.json";
    const latest = join(ROOT, "bench/results", latestName);
    if (existsSync(latest) && !quick && !PEOPLE && !CONTENT) {
      const prev = JSON.parse(readFileSync(latest, "utf8")) as typeof result;
      const d = (a: unknown, b: unknown) => `${a ?? "?"} → ${b}`;
      log(
        `vs previous run (${prev.date}): ratio ${d(prev.ratioP50, ratio)}, peer-ratio ${d(prev.peerRatioP50, peerRatio)}, passerelle p50 ${d(prev.passerelle.p50, p.p50)} ms, p99 ${d(prev.passerelle.p99, p.p99)} ms, turns/s ${d(prev.passerelle.throughput, p.throughput)}, bundle ${d(prev.bundle.passerelleGzipBytes, app.gzipBytes)} B gz, start-up ${d(prev.startup.passerelleMs, round(appStart.medianMs))} ms`,
      );
    }
    // A row for the history table of BENCHMARKS.md.
    log(
      `| ${result.date.slice(0, 16).replace("T", " ")} | ${d1Apart ? "apart" : "stock"}${PEOPLE ? `, ${PEOPLE} people` : ""}${CONTENT ? `, content ${CONTENT}×` : ""} | ${CHATS}×${VISITS}×${ROUNDS} | ${f.p50} / ${pe.p50} / ${p.p50} | ${p.p95} / ${p.p99} | **${ratio}** | **${peerRatio}** | ${f.throughput} / ${pe.throughput} / ${p.throughput} | ${f.workerdCpuMsPerTurn} / ${pe.workerdCpuMsPerTurn} / ${p.workerdCpuMsPerTurn} | ${probe.ordinaryMax} (${probe.first.roundTrips} first) / peer ${peerProbe.ordinaryMax} | ${engineWarm} / ${engineCold} | ${kib(app.gzipBytes)} | ${moduleMs(appStart)} | load ${result.machine.loadAverageAtEnd[0]} |`,
    );
    // A profiled run is slowed by the inspector: it never becomes "latest" (the comparison base).
    if (save) {
      mkdirSync(join(ROOT, "bench/results"), { recursive: true });
      // Scale runs are not the comparison base of ordinary ones.
      const name = profileRun
        ? "profile.json"
        : quick
          ? "quick.json"
          : PEOPLE || CONTENT
            ? `scale-people${PEOPLE}-content${CONTENT || 1}${d1Apart ? "-d1-apart" : ""}.json`
            : latestName;
      if (name === latestName && existsSync(latest))
        writeFileSync(join(ROOT, "bench/results", latestName.replace("latest", "previous")), readFileSync(latest));
      writeFileSync(join(ROOT, "bench/results", name), JSON.stringify(result, null, 2));
    }
    const fails: string[] = [];
    if (p.errors > 0) fails.push(`${p.errors} passerelle errors`);
    if (pe.errors > 0) fails.push(`${pe.errors} peer errors`);
    if (f.errors > 0) fails.push(`${f.errors} floor errors`);
    log(
      `SUMMARY ${quick ? "quick " : ""}${d1Apart ? "d1-apart " : ""}chats ${CHATS}: ratio ${ratio} (p50 ${p.p50}/${f.p50} ms), peer-ratio ${peerRatio} (peer p50 ${pe.p50} ms), CPU ${p.workerdCpuMsPerTurn} ms/turn (floor ${f.workerdCpuMsPerTurn}, peer ${pe.workerdCpuMsPerTurn}), p99 ${p.p99} ms, ${p.throughput} turns/s (floor ${f.throughput}, peer ${pe.throughput}), D1 ${probe.ordinaryMax} rt/turn (peer ${peerProbe.ordinaryMax}), engine ${engineWarm} ms warm / ${engineCold} ms cold, bundle ${kib(app.gzipBytes)} KiB gz, start-up ${round(appStart.medianMs)} ms (module ${moduleMs(appStart)} ms, workerd ${appWorkerd ? round(appWorkerd.medianMs) : "?"} ms); targets missed: ${missed.length ? missed.join("; ") : "none"}${fails.length ? `, FAILED: ${fails.join("; ")}` : ""}`,
    );
    log(`summary: ratio ${ratio} floor · peer-ratio ${peerRatio} · d1-apart ${d1Apart ? "yes" : "no"}`);
    if (fails.length) process.exitCode = 1;
  } finally {
    closePosts();
    stopAll();
    await telegram.close();
    if (compareTree) spawnSync("git", ["-C", ROOT, "worktree", "remove", "--force", compareTree]);
  }
}

runMain(main, stopAll, tmp);
