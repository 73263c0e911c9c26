/**
 * The pure engine alone, in Node: handle() per warm turn over a realistic mix (journeys of
 * lib/journeys.ts over the seed content, free-text matching included), and a cold
 * isolate's first turn in fresh worker_threads, on the snapshot exactly as the Worker stores
 * it (content + the match index built at publication): JSON.parse + adopt the stored index +
 * handle() with its crisis check and first match; the isolate's V8 heap after each stage.
 * zod runs without its JIT, as in workerd (bench/lib/jitless.ts).
 * Run: npx tsx bench/engine.ts [--quick] [--json <file>] [--content K] (K × the seed, every locale full: bench/lib/scaled-content.ts)
 */
import "./lib/jitless.ts";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { Worker } from "node:worker_threads";
import { handle } from "../bot/engine.ts";
import { adoptIndex } from "../bot/matching/matcher.ts";
import { adoptVocabulary } from "../bot/scrub.ts";
import { newState } from "../worker/store/turns.ts";
import { storedPublication } from "../worker/store/content.ts";
import type { ConversationState } from "../bot/state.ts";
import type { ContentSnapshot } from "../shared/content/model.ts";
import { storedParts } from "./lib/cold-publish.ts";
import { countItems, loadSeed } from "./lib/content.ts";
import { chatScript, type Turn } from "./lib/journeys.ts";
import { scaledContent } from "./lib/scaled-content.ts";
import { median, round, summary } from "./lib/stats.ts";

const quick = process.argv.includes("--quick");
const jsonIndex = process.argv.indexOf("--json");
const jsonOut = jsonIndex > 0 ? process.argv[jsonIndex + 1] : undefined;
const contentIndex = process.argv.indexOf("--content");
const contentScale = contentIndex > 0 ? Number(process.argv[contentIndex + 1]) : null;

const seed = await loadSeed();
// The journeys come from the seed; the content they run on may be the seed at K times its size.
const bundle = contentScale ? scaledContent(seed.bundle, contentScale) : seed.bundle;
// As published (worker/store/content.ts storedPublication): the content without its keywords,
// and the match index built from them, in its own column.
const { snapshot: snapshotJson, matchIndex, vocab } = storedPublication(bundle);
const content: ContentSnapshot = { ...(JSON.parse(snapshotJson) as ContentSnapshot), version: 1 };
adoptIndex(content, matchIndex);
adoptVocabulary(content, vocab);
const now = new Date("2026-11-23T12:00:00Z");

// The mix: 50 chats' scripts (first visit + 2 returning visits), replayed in order with
// each chat's state carried from turn to turn, as the Worker does through D1.
const chats = quick ? 5 : 50;
const scripts: Turn[][] = [];
for (let n = 0; n < chats; n++) scripts.push(chatScript(seed.bundle, n, 3));

type Sample = { kind: Turn["kind"]; ms: number };
function pass(record: Sample[] | null): number {
  let turns = 0;
  for (let n = 0; n < scripts.length; n++) {
    let state: ConversationState = newState(`young-${n}`);
    for (const turn of scripts[n]!) {
      const t0 = performance.now();
      const r = handle(state, turn.input, content, now, {
        crisisAutoAlert: true,
        ...(seed.roadmapRules ? { roadmapRules: seed.roadmapRules } : {}),
      });
      const ms = performance.now() - t0;
      record?.push({ kind: turn.kind, ms });
      state = r.state;
      turns++;
    }
  }
  return turns;
}

// Warm-up (JIT, matcher built once for this snapshot).
for (let i = 0; i < (quick ? 2 : 10); i++) pass(null);
const samples: Sample[] = [];
const passes = quick ? 3 : 30;
const cpu0 = process.cpuUsage();
const wall0 = performance.now();
let turns = 0;
for (let i = 0; i < passes; i++) turns += pass(samples);
const wallMs = performance.now() - wall0;
const cpu = process.cpuUsage(cpu0);
const cpuPerTurnMs = (cpu.user + cpu.system) / 1000 / turns;

const byKind: Record<string, ReturnType<typeof summary>> = {};
for (const kind of new Set(samples.map((s) => s.kind)))
  byKind[kind] = summary(samples.filter((s) => s.kind === kind).map((s) => s.ms));

// Cold isolate: a fresh worker_thread imports the engine, parses the snapshot as the
// Worker does (JSON.parse of the stored text), then runs its first free-text turn.
// The heap (V8's used heap of the thread's isolate, after a full GC when node runs with
// --expose-gc, as bench/run.ts starts this file) is read before the import, after it, and
// after the content is loaded and two turns ran: what the content costs an isolate's 128 MB.
const coldCode = `
const { parentPort, workerData } = require("node:worker_threads");
const { getHeapStatistics } = require("node:v8");
const heap = () => { globalThis.gc?.(); return getHeapStatistics().used_heap_size; };
(async () => {
  const h0 = heap();
  const t0 = performance.now();
  const { handle, openForTurn } = await import(workerData.engineUrl);
  const t1 = performance.now();
  const h1 = heap();
  const t1b = performance.now();
  // What worker/store/content.ts loadForTurns does with the stored parts it reads (bench/lib/cold-entry.ts).
  const content = openForTurn(workerData.parts, "fr");
  const t2 = performance.now();
  const state = { youngId: "cold", locale: "fr", profile: {}, cursor: { at: "menu" }, openHelpRequests: 0, hasReferent: false };
  const now = new Date("2026-11-23T12:00:00Z");
  handle(state, { kind: "text", text: workerData.question }, content, now, {});
  const t3 = performance.now();
  handle(state, { kind: "text", text: workerData.question2 }, content, now, {});
  const t4 = performance.now();
  const h2 = heap();
  globalThis.keep = content;
  parentPort.postMessage({ importMs: t1 - t0, parseMs: t2 - t1b, firstTurnMs: t3 - t2, secondTurnMs: t4 - t3, heapBaseMb: h0 / 1048576, heapEngineMb: (h1 - h0) / 1048576, heapContentMb: (h2 - h1) / 1048576 });
})();
`;
type Cold = {
  importMs: number;
  parseMs: number;
  firstTurnMs: number;
  secondTurnMs: number;
  heapBaseMb: number;
  heapEngineMb: number;
  heapContentMb: number;
};
const firstQuestion = scripts[0]!.find((t) => t.kind === "text")!.input as { text: string };
const secondQuestion = scripts[1]!.find((t) => t.kind === "text")!.input as { text: string };
// The engine bundled and minified, as it ships inside the Worker bundle.
const engineDir = mkdtempSync(join(tmpdir(), "passerelle-engine-"));
const engineFile = join(engineDir, "engine.mjs");
await build({
  entryPoints: [new URL("./lib/cold-entry.ts", import.meta.url).pathname],
  bundle: true,
  format: "esm",
  minify: true,
  platform: "neutral",
  outfile: engineFile,
  logLevel: "error",
});
function coldRun(): Promise<Cold> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(coldCode, {
      eval: true,
      workerData: {
        engineUrl: pathToFileURL(engineFile).href,
        parts: storedParts(bundle),
        question: firstQuestion.text,
        question2: secondQuestion.text,
      },
    });
    worker.once("message", (m: Cold) => {
      void worker.terminate();
      resolve(m);
    });
    worker.once("error", reject);
  });
}
const colds: Cold[] = [];
for (let i = 0; i < (quick ? 2 : 7); i++) colds.push(await coldRun());
rmSync(engineDir, { recursive: true, force: true });
const cold = {
  runs: colds.length,
  importMs: round(median(colds.map((c) => c.importMs))),
  parseMs: round(median(colds.map((c) => c.parseMs)), 3),
  firstTurnMs: round(median(colds.map((c) => c.firstTurnMs)), 3),
  secondTurnMs: round(median(colds.map((c) => c.secondTurnMs)), 3),
  parsePlusFirstTurnMs: round(median(colds.map((c) => c.parseMs + c.firstTurnMs)), 3),
  heapEngineMb: round(median(colds.map((c) => c.heapEngineMb)), 2),
  heapContentMb: round(median(colds.map((c) => c.heapContentMb)), 2),
  heapMeasuredAfterGc: typeof (globalThis as { gc?: unknown }).gc === "function",
};

const all = summary(samples.map((s) => s.ms));
const result = {
  content: contentScale ? `${contentScale} × the seed, every locale full (bench/lib/scaled-content.ts)` : seed.note,
  contentScale,
  items: countItems(bundle),
  snapshotBytes: Buffer.byteLength(snapshotJson),
  indexBytes: Buffer.byteLength(matchIndex),
  warm: {
    turns,
    wallMs: round(wallMs),
    cpuPerTurnMs: round(cpuPerTurnMs, 4),
    p50: round(all.p50, 4),
    p95: round(all.p95, 4),
    p99: round(all.p99, 4),
    max: round(all.max, 3),
    byKind: Object.fromEntries(
      Object.entries(byKind).map(([k, s]) => [
        k,
        { n: s.n, mean: round(s.mean, 4), p50: round(s.p50, 4), p99: round(s.p99, 4) },
      ]),
    ),
  },
  cold,
};

console.log(
  `engine: content ${result.items} (${result.content}), snapshot ${(result.snapshotBytes / 1024).toFixed(1)} KiB JSON (keywords apart) + match index ${(result.indexBytes / 1024).toFixed(1)} KiB`,
);
console.log(
  `engine warm: ${turns} turns, CPU ${result.warm.cpuPerTurnMs} ms/turn (mean), wall p50 ${result.warm.p50} p95 ${result.warm.p95} p99 ${result.warm.p99} max ${result.warm.max} ms`,
);
for (const [k, s] of Object.entries(result.warm.byKind))
  console.log(`  ${k.padEnd(11)} n=${String(s.n).padStart(5)} mean ${s.mean} ms  p50 ${s.p50}  p99 ${s.p99}`);
console.log(
  `engine cold isolate (median of ${cold.runs} fresh threads): import ${cold.importMs} ms (engine bundle, minified), snapshot JSON.parse + index open ${cold.parseMs} ms, first free-text turn ${cold.firstTurnMs} ms (crisis check + match on the stored index), second ${cold.secondTurnMs} ms; V8 heap: engine ${cold.heapEngineMb} MB, content loaded + two turns ${cold.heapContentMb} MB${cold.heapMeasuredAfterGc ? " (after full GCs)" : " (no --expose-gc: without GC, an upper bound)"}`,
);
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(result, null, 2));
