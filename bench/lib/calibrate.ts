import { groupCpu } from "./cpu.ts";
import { postJson } from "./post.ts";
import { round } from "./stats.ts";

/**
 * workerd CPU per request of the calibration Worker's three routes (bench/calibrate/worker.ts),
 * served at `url` by the process group `pgid`, at the load's concurrency, interleaved over two
 * rounds after a warm-up; the D1 batch and the subrequest are what their routes cost above the
 * bare request.
 */
export async function calibrate(
  url: string,
  pgid: number,
  requests: number,
  concurrency: number,
): Promise<{ request: number; d1: number; subrequest: number }> {
  const paths = ["/request", "/d1", "/subrequest"] as const;
  let n = 0;
  const run = async (path: string, count: number) => {
    let left = count;
    const cpu0 = groupCpu(pgid).workerd;
    await Promise.all(
      Array.from({ length: Math.min(concurrency, count) }, async () => {
        while (left-- > 0) {
          const status = await postJson(`${url}${path}`, { n: n++ });
          if (status !== 200) throw new Error(`calibration ${path}: HTTP ${status}`);
        }
      }),
    );
    return groupCpu(pgid).workerd - cpu0;
  };
  for (const path of paths) await run(path, Math.min(200, requests));
  const cpu: Record<string, number> = { "/request": 0, "/d1": 0, "/subrequest": 0 };
  for (let r = 0; r < 2; r++) for (const path of paths) cpu[path]! += await run(path, requests);
  const per = (path: string) => (cpu[path]! * 1000) / (2 * requests);
  return {
    request: round(per("/request"), 2),
    d1: round(per("/d1") - per("/request"), 2),
    subrequest: round(per("/subrequest") - per("/request"), 2),
  };
}
