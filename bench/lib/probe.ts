import type { Counts } from "../d1-counter.ts";
import type { Turn } from "./journeys.ts";
import { post, toUpdate } from "./load.ts";
import type { Server } from "./servers.ts";
import { round } from "./stats.ts";

/** Counts from a counted instance (bench/d1-counter.ts): GET reads, DELETE reads and resets. */
export type D1Counts = Counts & { envObjects: number };
export async function d1Counts(server: Server, reset = false): Promise<D1Counts> {
  const res = await fetch(`${server.url}/__bench/d1`, { method: reset ? "DELETE" : "GET" });
  return (await res.json()) as D1Counts;
}

export type ProbeTurn = {
  kind: string;
  action: string;
  raisesAlert: boolean;
  roundTrips: number;
  statements: number;
  rowsWritten: number;
  ms: number;
};

/**
 * One chat replayed sequentially on a counted instance: D1 round trips per turn. "Ordinary":
 * every turn but the isolate's first and the one that raises an alert (contact:send).
 */
export async function probeD1(counted: Server, script: Turn[], chatId: number) {
  const turns: ProbeTurn[] = [];
  await d1Counts(counted, true);
  for (const turn of script) {
    const s = performance.now();
    await post(counted, toUpdate(chatId, turn));
    const ms = performance.now() - s;
    const c = await d1Counts(counted, true);
    const raisesAlert = turn.input.kind === "action" && turn.input.action === "contact:send";
    turns.push({
      kind: turn.kind,
      action: turn.input.kind === "action" ? turn.input.action.replace(/:.*/, "") : turn.input.kind,
      raisesAlert,
      roundTrips: c.roundTrips,
      statements: c.statements,
      rowsWritten: c.rowsWritten,
      ms: round(ms),
    });
  }
  const ordinary = turns.slice(1).filter((x) => !x.raisesAlert);
  return {
    turns,
    first: turns[0]!,
    alert: turns.find((x, i) => i > 0 && x.raisesAlert) ?? null,
    ordinaryMin: Math.min(...ordinary.map((p) => p.roundTrips)),
    ordinaryMax: Math.max(...ordinary.map((p) => p.roundTrips)),
    ordinaryStatements: round(ordinary.reduce((a, p) => a + p.statements, 0) / ordinary.length, 1),
  };
}
export type Probe = Awaited<ReturnType<typeof probeD1>>;
