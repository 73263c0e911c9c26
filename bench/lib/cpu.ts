import { readdirSync, readFileSync } from "node:fs";

/** CPU seconds used so far by the processes of a group (by comm: workerd, or all). */
export function groupCpu(pgid: number): { workerd: number; all: number } {
  const tick = 100; // CLK_TCK on Linux
  let workerd = 0;
  let all = 0;
  for (const pid of readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    } catch {
      continue;
    }
    const close = stat.lastIndexOf(")");
    const comm = stat.slice(stat.indexOf("(") + 1, close);
    const fields = stat.slice(close + 2).split(" ");
    if (Number(fields[2]) !== pgid) continue; // pgrp
    const seconds = (Number(fields[11]) + Number(fields[12])) / tick; // utime + stime
    all += seconds;
    if (comm.startsWith("workerd")) workerd += seconds;
  }
  return { workerd, all };
}
