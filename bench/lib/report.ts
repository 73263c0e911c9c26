import type { Described } from "./runs.ts";
import { round } from "./stats.ts";

/** The three-way report (floor, peer, Passerelle) and the targets, as printed lines. */

export type Row = { name: string; d: Described; telegramPerTurn: number; d1PerTurn: number | null };

const pad = (v: string | number, n: number) => String(v).padStart(n);

export function table(rows: Row[], d1Apart: boolean): string[] {
  const head = `${"".padEnd(11)}${pad("turns", 7)}${pad("err", 5)}${pad("turns/s", 9)}${pad("p50", 8)}${pad("p95", 8)}${pad("p99", 8)}${pad("CPU/turn", 10)}${d1Apart ? pad("+D1 proc", 10) : ""}${pad("bench", 7)}${pad("Telegram", 10)}${pad("D1 rt", 7)}`;
  const lines = [
    `${head}   (latency ms; CPU ms per turn: the Worker's workerd process${d1Apart ? ", its D1's process apart" : ", local D1 included"}; bench = the load generator's own)`,
  ];
  for (const { name, d, telegramPerTurn, d1PerTurn } of rows) {
    lines.push(
      `${name.padEnd(11)}${pad(d.turns, 7)}${pad(d.errors, 5)}${pad(d.throughput, 9)}${pad(d.p50, 8)}${pad(d.p95, 8)}${pad(d.p99, 8)}${pad(d.workerdCpuMsPerTurn, 10)}${d1Apart ? pad(d.d1ProcessCpuMsPerTurn ?? "–", 10) : ""}${pad(d.harnessCpuMsPerTurn, 7)}${pad(telegramPerTurn, 10)}${pad(d1PerTurn ?? "–", 7)}`,
    );
  }
  return lines;
}

export type Target = { what: string; value: number; limit: number; unit?: string; applies?: boolean };

/** One line per target: the value, the limit, met or not (and by how much). */
export function targetLines(targets: Target[]): { lines: string[]; missed: string[] } {
  const lines: string[] = [];
  const missed: string[] = [];
  for (const t of targets) {
    const unit = t.unit ?? "";
    if (t.applies === false) {
      lines.push(`  –  ${t.what}: ${t.value}${unit} (judged with --d1-apart only)`);
      continue;
    }
    const met = Number.isFinite(t.value) && t.value <= t.limit;
    if (!met) missed.push(t.what);
    lines.push(
      `  ${met ? "✓" : "✗"}  ${t.what}: ${t.value}${unit} (≤ ${t.limit}${unit}${met ? "" : `, over by ${round(t.value - t.limit, 2)}${unit}`})`,
    );
  }
  return { lines, missed };
}
