/**
 * `npm run bench:cron -- [--people N] [--date YYYY-MM-DD] [--catch-up] [--d1-local] [--slots HH:MM,…]` — the daily
 * cron at scale. A D1 holding N young people of a year's use (bench/lib/population.ts; default
 * 100 000), the seed's content and roadmap rules; the chat Worker as built for a deploy, with
 * D1 calls, `fetch`es and queue sends counted (bench/worker-entry.ts), its queue consumers
 * removed and its sends captured, so each scheduled invocation is measured alone; what it hands
 * to the queue (roadmap scans, reminders) is then run through the Worker's own `queue` handler
 * here, one measured consumer invocation at a time, in due order. Its `scheduled` handler runs
 * for every five-minute slot of one Paris day (wrangler.site.toml: "*\/5 * * * *"), in order; per
 * invocation: wall time, CPU of the Worker's process (D1 in its own process, as on Cloudflare,
 * unless --d1-local), D1 queries, rows read and written, subrequests, Telegram messages.
 * Then the day's totals against what was due (computed from the generated rows), and the
 * heaviest invocation against Cloudflare's limits per invocation. --catch-up: no reminder or
 * deadline alert was given before (the first day after the rules are published).
 */
import { writeFileSync, mkdirSync } from "node:fs";
import { runMain } from "../lib/script.ts";
import { join } from "node:path";
import { startFakeTelegram } from "../fake-telegram.ts";
import { telegramVars } from "../lib/load.ts";
import { buildContext, frozenWorker, migratedD1, QUIET_ENV, ROOT } from "../lib/build.ts";
import { loadSeed } from "../lib/content.ts";
import { groupCpu } from "../lib/cpu.ts";
import { population } from "../lib/population.ts";
import { populateD1, seedD1 } from "../lib/seed.ts";
import { servers, type Server } from "../lib/servers.ts";
import { round } from "../lib/stats.ts";
import { parisOffsetHours } from "../../shared/roadmap/time.ts";
import { EMPTY_ROADMAP_RULES } from "../../shared/roadmap/rules.ts";
import { d1Counts } from "../lib/probe.ts";
import { LIMITS } from "./limits.ts";

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const PEOPLE = Number(option("--people") ?? 100_000);
const catchUp = args.includes("--catch-up");
const d1Apart = !args.includes("--d1-local");
const build = buildContext("cron");
const tmp = build.tmp;
const ENV = QUIET_ENV;
const { startWithD1, stopAll } = servers(ROOT, ENV, d1Apart);
process.on("exit", stopAll);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(130));
const log = (line: string) => console.log(line);

/** Midnight in Paris of today (UTC ms): the simulated day starts there. */
function parisMidnight(now: number): number {
  const offset = parisOffsetHours(now) * 3_600_000;
  const local = new Date(now + offset);
  return Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - offset;
}

type Slot = {
  at: string;
  ok: boolean;
  wallMs: number;
  cpuMs: number;
  d1CpuMs: number;
  queries: number;
  statements: number;
  rowsRead: number;
  rowsWritten: number;
  fetches: number;
  queueSends: number;
  queueMessages: number;
  telegram: number;
  error?: string;
};

type Outcome = { ok: boolean; ms: number; error?: string };

/** One invocation (scheduled or queue), measured alone: CPU of the Worker's and the D1's processes, D1 and subrequests counted. */
async function measure(
  server: Server,
  label: string,
  telegram: { reset(): void; total(): number },
  run: () => Promise<Outcome>,
): Promise<Slot> {
  await d1Counts(server, true);
  telegram.reset();
  const cpu0 = groupCpu(server.child.pid!).workerd;
  const d10 = server.d1Host ? groupCpu(server.d1Host.child.pid!).workerd : 0;
  const outcome = await run();
  const cpuMs = (groupCpu(server.child.pid!).workerd - cpu0) * 1000;
  const d1CpuMs = server.d1Host ? (groupCpu(server.d1Host.child.pid!).workerd - d10) * 1000 : 0;
  const c = await d1Counts(server);
  return {
    at: label,
    ok: outcome.ok,
    wallMs: outcome.ms,
    cpuMs: round(cpuMs, 0),
    d1CpuMs: round(d1CpuMs, 0),
    queries: c.roundTrips,
    statements: c.statements,
    rowsRead: c.rowsRead,
    rowsWritten: c.rowsWritten,
    fetches: c.fetches,
    queueSends: c.queueSends,
    queueMessages: c.queueMessages,
    telegram: telegram.total(),
    ...(outcome.error ? { error: outcome.error } : {}),
  };
}

const post = async (url: string, body?: unknown): Promise<Outcome> =>
  (await (await fetch(url, { method: "POST", ...(body ? { body: JSON.stringify(body) } : {}) })).json()) as Outcome;

type Queued = { body: { type?: string }; delaySeconds: number; dueAt: number };
/** What the queue consumer gets from the cron's fan-out (worker/roadmap-scan.ts); alert deliveries are counted, not run. */
const FANNED_OUT = new Set(["roadmap_scan", "telegram_replies"]);

/**
 * Plays the Queues runtime after one scheduled invocation: takes what it queued, runs the
 * consumer on it in due order (a scan hand-on alone, Telegram replies by 10: wrangler.site.toml's
 * max_batch_size), then on what those queued, until nothing is left. Returns each consumer
 * invocation and when each reminder fell due (seconds after the cron).
 */
async function drainQueue(
  server: Server,
  label: string,
  telegram: { reset(): void; total(): number },
): Promise<{ invocations: (Slot & { kind: "scan" | "send" })[]; sendsDueAt: number[]; others: number }> {
  const pending: Queued[] = [];
  const invocations: (Slot & { kind: "scan" | "send" })[] = [];
  const sendsDueAt: number[] = [];
  let clock = 0;
  let others = 0;
  for (;;) {
    const got = (await (await fetch(`${server.url}/__bench/queued`)).json()) as {
      body: Queued["body"];
      delaySeconds: number;
    }[];
    for (const m of got) {
      if (FANNED_OUT.has(String(m.body?.type))) pending.push({ ...m, dueAt: clock + m.delaySeconds });
      else others++;
    }
    if (pending.length === 0) break;
    pending.sort((a, b) => a.dueAt - b.dueAt);
    const scan = pending.findIndex((m) => m.body.type === "roadmap_scan");
    const next = pending.splice(0, scan === 0 ? 1 : Math.min(10, scan < 0 ? 10 : scan));
    clock = next[next.length - 1]!.dueAt;
    if (scan !== 0) sendsDueAt.push(...next.map((m) => m.dueAt));
    const run = await measure(server, `${label} queue ${invocations.length + 1}`, telegram, () =>
      post(`${server.url}/__bench/queue`, { messages: next.map((m) => m.body) }),
    );
    invocations.push({ ...run, kind: scan === 0 ? "scan" : "send" });
  }
  return { invocations, sendsDueAt, others };
}

async function query<T>(server: Server, sql: string): Promise<T[]> {
  const res = await fetch(`${server.url}/__bench/query`, { method: "POST", body: JSON.stringify({ sql }) });
  return (await res.json()) as T[];
}

/** --date YYYY-MM-DD, or the next 1st of a month: due dates fall on the 1st (birth months), so the 1st, the 2nd, the 24th and the 25th carry nearly all of a month's reminders. */
function simulatedDay(): number {
  const date = option("--date");
  if (date) return parisMidnight(Date.parse(`${date}T12:00:00Z`));
  const now = new Date();
  return parisMidnight(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1, 12));
}

async function main(): Promise<void> {
  const day = simulatedDay();
  const seed = await loadSeed();
  const rules = seed.roadmapRules ?? EMPTY_ROADMAP_RULES;
  const persist = join(tmp, "state");
  migratedD1(build, join(ROOT, "wrangler.toml"), persist);
  await seedD1(ROOT, persist, seed.bundle, seed.complete, seed.roadmapRules, log);
  const t0 = performance.now();
  const generated = population(PEOPLE, day, rules, { catchUp });
  const dbSeconds = await populateD1(join(ROOT, "wrangler.toml"), persist, generated.statements);
  log(
    `population at ${new Date(day).toISOString()} (Paris midnight)${catchUp ? ", catch-up (nothing given before)" : ", steady state (everything due up to yesterday given)"}: ${Object.entries(
      generated.counts,
    )
      .map(([t, n]) => `${t} ${n}`)
      .join(", ")} (${round((performance.now() - t0) / 1000, 1)} s, D1 ${round(dbSeconds, 1)} s)`,
  );
  log(
    `due today (from the generated rows): ${generated.dueToday.reminders} people with a reminder due on Telegram, ${generated.dueToday.deadlineAlerts} deadline alerts`,
  );

  // The counted entry, its queue consumers removed and its sends captured: this script plays the
  // Queues runtime (drainQueue), so each consumer invocation is measured alone too.
  const noConsumers = (toml: string) => toml.replace(/^\[\[queues\.consumers\]\]\n(?:\w+\s*=.*\n)+/gm, "");
  const config = frozenWorker(
    build,
    join(ROOT, "wrangler.site.toml"),
    join(ROOT, "bench/worker-entry.ts"),
    "cron",
    noConsumers,
  );
  const telegram = await startFakeTelegram();
  const vars = {
    ...telegramVars(telegram.url),
    BENCH_COUNT_D1: "true",
    BENCH_CAPTURE_QUEUE: "true",
  };
  const server = await startWithD1("cron", config, persist, vars, 19_700 + Math.floor(Math.random() * 200));
  try {
    const wanted = option("--slots")?.split(",");
    const slots: { at: number; label: string }[] = [];
    for (let k = 0; k < 288; k++) {
      const at = day + k * 300_000;
      const label = new Date(at + parisOffsetHours(at) * 3_600_000).toISOString().slice(11, 16);
      if (!wanted || wanted.includes(label)) slots.push({ at, label });
    }
    const runs: Slot[] = [];
    const consumers: (Slot & { kind: "scan" | "send" })[] = [];
    let maxSendsPerSecond = 0;
    let longestChain = { at: "", scans: 0, seconds: 0 };
    let deliveriesLeft = 0;
    const describe = (run: Slot) =>
      `${run.ok ? "ok" : `FAILED (${run.error})`} wall ${run.wallMs} ms, CPU ${run.cpuMs} ms${d1Apart ? ` (+ D1 process ${run.d1CpuMs})` : ""}, D1 queries ${run.queries} (${run.statements} statements), rows read ${run.rowsRead}, written ${run.rowsWritten}, fetch ${run.fetches}, queue sends ${run.queueSends} (${run.queueMessages} messages), Telegram messages ${run.telegram}`;
    const wall0 = performance.now();
    for (const slot of slots) {
      const run = await measure(server, slot.label, telegram, () =>
        post(`${server.url}/__bench/scheduled?time=${slot.at}`),
      );
      runs.push(run);
      if (!run.ok || run.cpuMs > 200 || run.telegram > 0 || run.queries > 20 || run.queueMessages > 0)
        log(`  ${run.at} ${describe(run)}`);
      const drained = await drainQueue(server, slot.label, telegram);
      consumers.push(...drained.invocations);
      deliveriesLeft += drained.others;
      if (drained.invocations.length === 0) continue;
      const perSecond = new Map<number, number>();
      for (const t of drained.sendsDueAt) perSecond.set(Math.floor(t), (perSecond.get(Math.floor(t)) ?? 0) + 1);
      const busiest = Math.max(0, ...perSecond.values());
      maxSendsPerSecond = Math.max(maxSendsPerSecond, busiest);
      const scans = drained.invocations.filter((i) => i.kind === "scan");
      const seconds = Math.max(0, ...drained.sendsDueAt);
      if (scans.length > longestChain.scans) longestChain = { at: slot.label, scans: scans.length, seconds };
      const top = [...drained.invocations].sort((a, b) => b.cpuMs - a.cpuMs)[0]!;
      log(
        `    → queue: ${scans.length} scan hand-ons, ${drained.invocations.length - scans.length} invocations sending ${drained.sendsDueAt.length} reminders over ${seconds} s (at most ${busiest} falling due in one second); heaviest consumer invocation: ${describe(top)}`,
      );
    }
    const all = [...runs, ...consumers];
    const sum = (k: keyof Slot) => all.reduce((a, r) => a + (r[k] as number), 0);
    const max = (k: keyof Slot) => all.reduce((a, r) => Math.max(a, r[k] as number), 0);
    const subrequests = (r: Slot) => r.queries + r.fetches + r.queueSends;
    const heaviest = [...all].sort((a, b) => b.cpuMs - a.cpuMs)[0]!;
    const [remindersToday] = await query<{ n: number; people: number }>(
      server,
      `select count(*) as n, count(distinct young_id) as people from reminders_sent where channel = 'telegram' and sent_at >= ${day}`,
    );
    const [deadlinesToday] = await query<{ n: number }>(
      server,
      `select count(*) as n from alerts where kind = 'deadline' and created_at >= ${day}`,
    );
    const [left] = await query<{ n: number }>(server, "select count(*) as n from young_people");
    const summary = {
      people: PEOPLE,
      catchUp,
      d1Apart,
      invocations: runs.length,
      queueInvocations: consumers.length,
      failed: all.filter((r) => !r.ok).length,
      fanOut: {
        scanInvocations: consumers.filter((c) => c.kind === "scan").length,
        sendInvocations: consumers.filter((c) => c.kind === "send").length,
        maxRemindersDueInOneSecond: maxSendsPerSecond,
        longestChain,
        alertDeliveriesLeftForTheirConsumer: deliveriesLeft,
      },
      benchWallSeconds: round((performance.now() - wall0) / 1000, 1),
      day: {
        cpuMs: sum("cpuMs"),
        d1CpuMs: sum("d1CpuMs"),
        wallMs: sum("wallMs"),
        queries: sum("queries"),
        rowsRead: sum("rowsRead"),
        rowsWritten: sum("rowsWritten"),
        telegram: sum("telegram"),
        queueMessages: sum("queueMessages"),
      },
      maxPerInvocation: {
        cpuMs: max("cpuMs"),
        wallMs: max("wallMs"),
        queries: max("queries"),
        subrequests: Math.max(...runs.map(subrequests)),
        rowsRead: max("rowsRead"),
        telegram: max("telegram"),
      },
      heaviest,
      work: {
        remindersDue: generated.dueToday.reminders,
        peopleReminded: remindersToday?.people ?? 0,
        remindersRecorded: remindersToday?.n ?? 0,
        deadlineAlertsDue: generated.dueToday.deadlineAlerts,
        deadlineAlertsRaised: deadlinesToday?.n ?? 0,
        peopleLeft: left?.n ?? 0,
      },
      population: generated.counts,
    };
    log(
      `fan-out: ${summary.fanOut.scanInvocations} scan hand-ons and ${summary.fanOut.sendInvocations} sending invocations of the queue consumer; longest chain ${longestChain.scans} hand-ons (${longestChain.at}), its reminders over ${longestChain.seconds} s; at most ${maxSendsPerSecond} reminders falling due in one second (Telegram: ~${LIMITS.telegramMessagesPerSecond} per bot)`,
    );
    log(
      `day: ${runs.length} scheduled + ${consumers.length} queue invocations (${summary.failed} failed), CPU ${summary.day.cpuMs} ms in all${d1Apart ? ` (+ D1 process ${summary.day.d1CpuMs} ms)` : ""}, wall ${summary.day.wallMs} ms, D1 queries ${summary.day.queries}, rows read ${summary.day.rowsRead}, written ${summary.day.rowsWritten}, Telegram messages ${summary.day.telegram}, queue messages ${summary.day.queueMessages}`,
    );
    log(
      `work done: ${summary.work.peopleReminded} of ${summary.work.remindersDue} people with a reminder due were reminded (${summary.work.remindersRecorded} reminders recorded); ${summary.work.deadlineAlertsRaised} of ${summary.work.deadlineAlertsDue} deadline alerts raised; ${PEOPLE - summary.work.peopleLeft} inactive people purged`,
    );
    log(
      `heaviest invocation ${heaviest.at}: CPU ${heaviest.cpuMs} ms, wall ${heaviest.wallMs} ms, D1 queries ${heaviest.queries}, subrequests ${subrequests(heaviest)}, rows read ${heaviest.rowsRead}`,
    );
    log(
      `limits per invocation (Cloudflare docs, BENCHMARKS.md): CPU ${summary.maxPerInvocation.cpuMs} ms of ${LIMITS.cpuMsPaidDefault} (Paid, default; ${LIMITS.cpuMsPaidMax} configurable) / ${LIMITS.cpuMsFree} (Free); subrequests ${summary.maxPerInvocation.subrequests} of ${LIMITS.subrequestsPaid} (Paid) / ${LIMITS.subrequestsFree} (Free); D1 queries ${summary.maxPerInvocation.queries} of ${LIMITS.d1QueriesPaid} (Paid) / ${LIMITS.d1QueriesFree} (Free)`,
    );
    mkdirSync(join(ROOT, "bench/results"), { recursive: true });
    const file = join(ROOT, "bench/results", `cron-people${PEOPLE}${catchUp ? "-catch-up" : ""}.json`);
    writeFileSync(
      file,
      JSON.stringify(
        {
          date: new Date().toISOString(),
          command: `npm run bench:cron -- ${args.join(" ")}`,
          loadAverage: (await import("node:os")).loadavg(),
          ...summary,
          runs,
          consumers,
        },
        null,
        2,
      ),
    );
    log(`written to ${file}`);
    if (summary.failed > 0) process.exitCode = 1;
  } finally {
    stopAll();
    await telegram.close();
  }
}

runMain(main, stopAll, tmp);
