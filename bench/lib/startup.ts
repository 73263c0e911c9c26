import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { median, round } from "./stats.ts";

/**
 * Time to import each file in a fresh V8 isolate (a new worker_thread), median of runs. The
 * files take turns run after run, so a shared machine's drift weighs on all of them alike.
 */
export async function startups(files: string[], runs: number): Promise<{ medianMs: number; runs: number[] }[]> {
  const times = files.map(() => [] as number[]);
  for (let i = 0; i < runs; i++) for (const [k, file] of files.entries()) times[k]!.push(await importTime(file));
  return times.map((t) => ({ medianMs: median(t), runs: t.map((x) => round(x)) }));
}

async function importTime(file: string): Promise<number> {
  const mjs = `${file}.bench.mjs`;
  if (!existsSync(mjs)) writeFileSync(mjs, readFileSync(file));
  const code = `
const { parentPort, workerData } = require("node:worker_threads");
const t0 = performance.now();
import(workerData.url).then(() => parentPort.postMessage(performance.now() - t0), (e) => parentPort.postMessage("error: " + e.message));`;
  const ms = await new Promise<number | string>((resolve, reject) => {
    const w = new Worker(code, { eval: true, workerData: { url: pathToFileURL(mjs).href } });
    w.once("message", (m: number | string) => {
      void w.terminate();
      resolve(m);
    });
    w.once("error", reject);
  });
  if (typeof ms === "string") throw new Error(`bundle import ${ms}`);
  return ms;
}

export type Startup = Awaited<ReturnType<typeof startups>>[number];
