/**
 * A cold isolate's first turn, A/B: fresh worker_threads import the engine bundle (esbuild,
 * minified, zod without its JIT as in workerd), open the published content from its stored
 * parts as a turn does (bench/lib/cold-entry.ts), then run a first free-text turn and a
 * second. With `--compare <git ref>` (repeatable) the same is done for that commit's tree (its own
 * bench/lib/cold-entry.ts and cold-publish.ts), the trees taking turns thread after thread
 * (the first one rotating each round), so that all see the same load; medians per step.
 * Run: npx tsx bench/cold.ts [--compare <ref>] [--runs N] [--locale fr|en|ar|ps|prs] [--content K] [--readable]
 * `--phases crisis,identifiers,match,turn` (this tree only): instead, each fresh thread runs the first
 * question's steps alone in that order (the crisis check, the identifiers' blanking, the match on
 * the stored index, then the whole turn), so the medians say what each step's first use costs and
 * what the turn still pays after them.
 * Profile: node --import tsx --cpu-prof --cpu-prof-interval 50 --cpu-prof-dir <dir> bench/cold.ts --readable (one profile per thread)
 */
import { execSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { build } from "esbuild";
import type { ContentBundle } from "../shared/content/model.ts";
import { loadSeed } from "./lib/content.ts";
import { chatScript } from "./lib/journeys.ts";
import { scaledContent } from "./lib/scaled-content.ts";
import { median, round } from "./lib/stats.ts";

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
/** Every `--compare <ref>`: each of those trees takes its turn too. */
const compareRefs = args.flatMap((a, i) => (a === "--compare" && args[i + 1] ? [args[i + 1]!] : []));
const runs = Number(option("--runs") ?? 15);
const locale = option("--locale") ?? "fr";
const contentScale = option("--content") ? Number(option("--content")) : null;
const ROOT = fileURLToPath(new URL("..", import.meta.url));

const seed = await loadSeed();
const bundle: ContentBundle = contentScale ? scaledContent(seed.bundle, contentScale) : seed.bundle;
const firstText = (n: number) =>
  chatScript(seed.bundle, n, 3).find((t) => t.kind === "text")!.input as { text: string };
const question = firstText(0).text;
const question2 = firstText(1).text;

type Tree = { name: string; dir: string; engineUrl: string; parts: Record<string, string> };
const tmp = mkdtempSync(join(tmpdir(), "passerelle-cold-"));

async function prepare(name: string, dir: string): Promise<Tree> {
  const engineFile = join(tmp, `${name.replace(/\W/g, "_")}.mjs`);
  await build({
    entryPoints: [join(dir, "bench/lib/cold-entry.ts")],
    bundle: true,
    format: "esm",
    // --readable (for a CPU profile): names kept, the rest minified as shipped.
    minifyWhitespace: true,
    minifySyntax: true,
    minifyIdentifiers: !args.includes("--readable"),
    platform: "neutral",
    outfile: engineFile,
    logLevel: "error",
  });
  const { storedParts } = (await import(pathToFileURL(join(dir, "bench/lib/cold-publish.ts")).href)) as {
    storedParts: (b: ContentBundle) => Record<string, string>;
  };
  return { name, dir, engineUrl: pathToFileURL(engineFile).href, parts: storedParts(bundle) };
}

const trees = [await prepare("this tree", ROOT)];
const phases = option("--phases")?.split(",");
if (phases) {
  await printPhases(trees[0]!, phases);
  process.exit(0);
}
for (const [n, ref] of compareRefs.entries()) {
  const dir = join(tmp, `compare-${n}`);
  execSync(`mkdir -p ${dir} && git -C ${ROOT} archive ${ref} | tar -x -C ${dir}`);
  if (!existsSync(join(dir, "bench/lib/cold-entry.ts"))) throw new Error(`${ref} has no bench/lib/cold-entry.ts`);
  if (!existsSync(join(dir, "node_modules"))) symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"));
  trees.push(await prepare(ref, dir));
}

const coldCode = `
const { parentPort, workerData } = require("node:worker_threads");
(async () => {
  const { handle, openForTurn } = await import(workerData.engineUrl);
  const t0 = performance.now();
  const content = openForTurn(workerData.parts);
  const t1 = performance.now();
  const state = { youngId: "cold", locale: workerData.locale, profile: {}, cursor: { at: "menu" }, openHelpRequests: 0, hasReferent: false };
  const now = new Date("2026-11-23T12:00:00Z");
  const first = handle(state, { kind: "text", text: workerData.question }, content, now, {});
  const t2 = performance.now();
  const second = handle(state, { kind: "text", text: workerData.question2 }, content, now, {});
  const t3 = performance.now();
  parentPort.postMessage({ openMs: t1 - t0, firstMs: t2 - t1, secondMs: t3 - t2, replies: JSON.stringify([first.replies, second.replies]) });
})();
`;
type Cold = { openMs: number; firstMs: number; secondMs: number; replies: string };
/** Runs `code` in a fresh thread and gives back the one message it posts. */
function inThread<T>(code: string, workerData: unknown): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true, workerData });
    // Left to exit by itself (not terminated), so that a CPU profile of the thread is written whole.
    let result: T | undefined;
    worker.once("message", (m: T) => {
      result = m;
    });
    worker.once("exit", () => (result ? resolve(result) : reject(new Error("cold thread exited without a result"))));
    worker.once("error", reject);
  });
}
const coldRun = (tree: Tree) =>
  inThread<Cold>(coldCode, { engineUrl: tree.engineUrl, parts: tree.parts, locale, question, question2 });

const load0 = loadavg()[0]!;
const results = new Map<string, Cold[]>(trees.map((t) => [t.name, []]));
for (let round = 0; round < runs; round++) {
  // Each tree first in turn, so that none always follows the same one.
  const order = trees.map((_, i) => trees[(i + round) % trees.length]!);
  for (const tree of order) results.get(tree.name)!.push(await coldRun(tree));
}
const load1 = loadavg()[0]!;
rmSync(tmp, { recursive: true, force: true });

const partsKiB = (t: Tree) =>
  Object.entries(t.parts)
    .map(([k, v]) => `${k} ${(Buffer.byteLength(v) / 1024).toFixed(0)}`)
    .join(", ");
console.log(
  `cold isolate, locale ${locale}, ${contentScale ?? 1} × the seed, ${runs} fresh threads per tree taking turns, medians; load ${load0.toFixed(2)} → ${load1.toFixed(2)}`,
);
for (const tree of trees) {
  const r = results.get(tree.name)!;
  console.log(
    `  ${tree.name.padEnd(12)} open ${round(median(r.map((c) => c.openMs)), 2)} ms · first free-text turn ${round(median(r.map((c) => c.firstMs)), 2)} · open + first ${round(median(r.map((c) => c.openMs + c.firstMs)), 2)} · second ${round(median(r.map((c) => c.secondMs)), 2)}   (parts KiB: ${partsKiB(tree)})`,
  );
}
if (trees.length > 1) {
  const replies = new Set(trees.map((t) => results.get(t.name)![0]!.replies));
  console.log(replies.size === 1 ? "  same replies in every tree" : "  ✗ the replies differ between the trees");
}
mkdirSync(join(ROOT, "bench/results"), { recursive: true });
writeFileSync(join(ROOT, "bench/results/cold.json"), JSON.stringify(Object.fromEntries(results), null, 1));

/** `--phases`: each step of the first question alone, in the order given, in fresh threads. */
async function printPhases(tree: Tree, steps: string[]): Promise<void> {
  const known = ["crisis", "identifiers", "match", "turn"];
  const unknown = steps.filter((s) => !known.includes(s));
  if (unknown.length) throw new Error(`--phases takes ${known.join(",")}; not ${unknown.join(",")}`);
  const code = `
const { parentPort, workerData } = require("node:worker_threads");
(async () => {
  const m = await import(workerData.engineUrl);
  const times = {};
  let t = performance.now();
  const content = m.openForTurn(workerData.parts);
  times.open = performance.now() - t;
  const state = { youngId: "cold", locale: workerData.locale, profile: {}, cursor: { at: "menu" }, openHelpRequests: 0, hasReferent: false };
  for (const step of workerData.steps) {
    t = performance.now();
    if (step === "crisis") m.detectCrisis(workerData.question);
    else if (step === "identifiers") m.removeIdentifiers(workerData.question);
    else if (step === "match") m.matcherFor(content).match(workerData.question);
    else m.handle(state, { kind: "text", text: workerData.question }, content, new Date("2026-11-23T12:00:00Z"), {});
    times[step] = performance.now() - t;
  }
  parentPort.postMessage(times);
})();`;
  const load0 = loadavg()[0]!;
  const all: Record<string, number>[] = [];
  for (let i = 0; i < runs; i++)
    all.push(
      await inThread<Record<string, number>>(code, {
        engineUrl: tree.engineUrl,
        parts: tree.parts,
        locale,
        question,
        steps,
      }),
    );
  const cells = ["open", ...steps].map((k) => `${k} ${round(median(all.map((r) => r[k]!)), 2)}`);
  console.log(
    `cold isolate, locale ${locale}, first question's steps in fresh threads (${runs}, medians, ms; load ${load0.toFixed(2)} → ${loadavg()[0]!.toFixed(2)}): ${cells.join(" · ")}`,
  );
  rmSync(tmp, { recursive: true, force: true });
}
