/**
 * `npm run bench:scale -- [--people 0,10000,100000] [--content 1,5,20] [--d1-local] [--rounds R] [--chats N]`
 * — the scale curves of BENCHMARKS.md: `npm run bench` once per D1 size (N young people of a
 * year's use: bench/lib/population.ts) and once per content size (K × the seed, every locale
 * full: bench/lib/scaled-content.ts), D1 apart by default (as on Cloudflare), then one table:
 * latency, CPU and D1 rows per turn, cold first turn, snapshot, index and heap. Each run's
 * JSON stays in bench/results/scale-*.json.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const args = process.argv.slice(2);
const list = (name: string, fallback: number[]) =>
  args.includes(name) ? args[args.indexOf(name) + 1]!.split(",").map(Number) : fallback;
const PEOPLE = list("--people", [0, 10_000, 100_000]);
const CONTENT = list("--content", [1, 5, 20]);
const d1Apart = !args.includes("--d1-local");
const ROUNDS = args.includes("--rounds") ? args[args.indexOf("--rounds") + 1]! : "3";
const CHATS = args.includes("--chats") ? args[args.indexOf("--chats") + 1]! : "50";
const ROOT = new URL("../..", import.meta.url).pathname;

type Result = {
  people: number;
  contentScale: number;
  ratioP50: number;
  peerRatioP50: number;
  passerelle: {
    p50: number;
    p99: number;
    throughput: number;
    workerdCpuMsPerTurn: number;
    d1ProcessCpuMsPerTurn?: number;
  };
  peer: { p50: number; workerdCpuMsPerTurn: number };
  floor: { p50: number };
  d1: { rowsReadPerTurn: number; underLoadRoundTripsPerTurn: number };
  engine: {
    snapshotBytes: number;
    indexBytes: number;
    warm: { cpuPerTurnMs: number };
    cold: { parsePlusFirstTurnMs: number; heapContentMb: number };
  } | null;
  machine: { loadAverageAtEnd: number[] };
};

function run(people: number, content: number): Result {
  const argv = [
    "--import",
    "tsx",
    join(ROOT, "bench/run.ts"),
    "--rounds",
    ROUNDS,
    "--chats",
    CHATS,
    ...(d1Apart ? ["--d1-apart"] : []),
    ...(people ? ["--people", String(people)] : []),
    "--content",
    String(content),
  ];
  console.log(`\n$ npm run bench -- ${argv.slice(3).join(" ")}`);
  const r = spawnSync(process.execPath, argv, { cwd: ROOT, stdio: ["ignore", "inherit", "inherit"] });
  if (r.status !== 0) throw new Error(`bench run failed (people ${people}, content ${content})`);
  return JSON.parse(
    readFileSync(
      join(ROOT, "bench/results", `scale-people${people}-content${content}${d1Apart ? "-d1-apart" : ""}.json`),
      "utf8",
    ),
  ) as Result;
}

const rows: string[] = [];
const line = (what: string, r: Result) => {
  const p = r.passerelle;
  rows.push(
    `| ${what} | ${p.p50} / ${p.p99} | ${p.throughput} | ${p.workerdCpuMsPerTurn}${p.d1ProcessCpuMsPerTurn !== undefined ? ` + ${p.d1ProcessCpuMsPerTurn}` : ""} | ${r.d1.rowsReadPerTurn} | ${r.d1.underLoadRoundTripsPerTurn} | ${r.ratioP50} / ${r.peerRatioP50} | ${r.engine?.warm.cpuPerTurnMs ?? "?"} | ${r.engine?.cold.parsePlusFirstTurnMs ?? "?"} | ${r.engine ? `${(r.engine.snapshotBytes / 1024).toFixed(0)} + ${(r.engine.indexBytes / 1024).toFixed(0)}` : "?"} | ${r.engine?.cold.heapContentMb ?? "?"} | ${r.machine.loadAverageAtEnd[0]} |`,
  );
};
for (const n of PEOPLE) line(`${n} young people, content 1×`, run(n, 1));
for (const k of CONTENT.filter((k) => k !== 1 || !PEOPLE.includes(0))) line(`0 young people, content ${k}×`, run(0, k));
console.log(
  `\n| D1 and content (${d1Apart ? "D1 apart" : "local D1"}) | Passerelle p50 / p99 ms | turns/s | CPU ms/turn (Worker${d1Apart ? " + D1 process" : ""}) | D1 rows read/turn | D1 round trips/turn | ratio floor / peer | engine warm CPU ms | cold first turn ms | snapshot + index KiB | heap for content MB | load |`,
);
console.log("|---|---|---|---|---|---|---|---|---|---|---|---|");
for (const r of rows) console.log(r);
