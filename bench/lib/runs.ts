import type { Turn } from "./journeys.ts";
import { round, summary } from "./stats.ts";

/** A load's samples and CPU, pooled over rounds and summed up (pure: tests/bench/lib checks the report built on it). */

export type Sample = { kind: Turn["kind"]; ms: number; status: number };
export type LoadRun = {
  samples: Sample[];
  wallMs: number;
  cpu: { workerd: number; all: number; d1: number; harness: number };
};

/** Rounds pooled: all samples, summed wall time and CPU. */
export function merged(runs: LoadRun[]): LoadRun {
  return {
    samples: runs.flatMap((r) => r.samples),
    wallMs: runs.reduce((a, r) => a + r.wallMs, 0),
    cpu: {
      workerd: runs.reduce((a, r) => a + r.cpu.workerd, 0),
      all: runs.reduce((a, r) => a + r.cpu.all, 0),
      d1: runs.reduce((a, r) => a + r.cpu.d1, 0),
      harness: runs.reduce((a, r) => a + r.cpu.harness, 0),
    },
  };
}

export const p50Of = (r: LoadRun) => summary(r.samples.map((x) => x.ms)).p50;

/** A pooled load's numbers: latency, throughput, CPU per turn (the Worker's process, its D1 process, the bench's). */
export function describe(r: LoadRun, d1Apart: boolean) {
  const s = summary(r.samples.map((x) => x.ms));
  const errors = r.samples.filter((x) => x.status !== 200).length;
  const perTurn = (seconds: number) => round((seconds * 1000) / r.samples.length, 2);
  return {
    turns: r.samples.length,
    errors,
    wallMs: round(r.wallMs),
    throughput: round(r.samples.length / (r.wallMs / 1000), 1),
    p50: round(s.p50),
    p95: round(s.p95),
    p99: round(s.p99),
    max: round(s.max),
    mean: round(s.mean),
    workerdCpuMsPerTurn: perTurn(r.cpu.workerd),
    groupCpuMsPerTurn: perTurn(r.cpu.all),
    harnessCpuMsPerTurn: perTurn(r.cpu.harness),
    ...(d1Apart ? { d1ProcessCpuMsPerTurn: perTurn(r.cpu.d1) } : {}),
  };
}
export type Described = ReturnType<typeof describe>;
