import { writeFileSync } from "node:fs";

/**
 * CPU profile of the Worker's JS inside workerd, through workerd's inspector (Chrome
 * DevTools protocol). `ws` comes with miniflare (wrangler's dependency).
 */
type Frame = { functionName: string; url: string; lineNumber: number };
type Profile = {
  nodes: { id: number; callFrame: Frame; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
};

export async function startProfile(inspectorPort: number): Promise<() => Promise<Profile>> {
  const { default: WebSocket } = (await import("ws" as string)) as {
    default: new (
      url: string,
    ) => {
      on(e: string, f: (d: unknown) => void): void;
      send(s: string): void;
      close(): void;
      once(e: string, f: () => void): void;
    };
  };
  const targets = (await (await fetch(`http://127.0.0.1:${inspectorPort}/json`)).json()) as {
    webSocketDebuggerUrl: string;
    id?: string;
  }[];
  // Miniflare names the user Worker "core:user:<name>"; its own helper Workers are listed too.
  const target = targets.find((t) => t.id?.startsWith("core:user:"));
  if (!target) throw new Error("no inspector target");
  const ws = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise<void>((resolve) => ws.once("open", resolve));
  let id = 0;
  const pending = new Map<number, (r: unknown) => void>();
  ws.on("message", (data) => {
    const msg = JSON.parse(String(data)) as { id?: number; result?: unknown };
    if (msg.id !== undefined) pending.get(msg.id)?.(msg.result);
  });
  const send = (method: string, params: object = {}) =>
    new Promise<unknown>((resolve) => {
      const n = ++id;
      pending.set(n, resolve);
      ws.send(JSON.stringify({ id: n, method, params }));
    });
  await send("Profiler.enable");
  await send("Profiler.setSamplingInterval", { interval: 200 });
  await send("Profiler.start");
  return async () => {
    const result = (await send("Profiler.stop")) as { profile: Profile };
    ws.close();
    return result.profile;
  };
}

/** Self and inclusive time per function (ms), biggest first. */
export function summarize(profile: Profile, file: string, top = 25): string[] {
  writeFileSync(file, JSON.stringify(profile));
  const dt = new Map<number, number>();
  profile.samples.forEach((s, i) => {
    dt.set(s, (dt.get(s) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const key = (f: Frame) => `${f.functionName || "(anonymous)"} ${f.url.split("/").pop()}:${f.lineNumber + 1}`;
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const incl = new Map<string, number>();
  let total = 0;
  for (const n of profile.nodes) {
    const t = dt.get(n.id) ?? 0;
    if (!t) continue;
    if (!["(idle)", "(program)"].includes(n.callFrame.functionName)) total += t;
    self.set(key(n.callFrame), (self.get(key(n.callFrame)) ?? 0) + t);
    const seen = new Set<string>();
    for (let p: number | undefined = n.id; p !== undefined; p = parent.get(p)) {
      const k = key(byId.get(p)!.callFrame);
      if (seen.has(k)) continue;
      seen.add(k);
      incl.set(k, (incl.get(k) ?? 0) + t);
    }
  }
  const fmt = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, v]) => `  ${(v / 1000).toFixed(1).padStart(8)} ms  ${k}`);
  return [
    `busy ${(total / 1000).toFixed(0)} ms (excl. idle/program); self time:`,
    ...fmt(self),
    "inclusive time:",
    ...fmt(incl),
  ];
}
