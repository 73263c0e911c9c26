/**
 * `npm run bench:plans [-- --people N]` — `EXPLAIN QUERY PLAN` of every SQL statement the chat
 * Worker runs on the turn path and in the cron, on a D1 holding N young people (default 10 000,
 * bench/lib/population.ts). The counted entry (bench/worker-entry.ts, bench/d1-counter.ts) keeps
 * every distinct SQL text it runs with the values of its first run, while: one Telegram chat's
 * two visits (the bench's journeys: onboarding, topics, steps, FAQ, free text, a request to the
 * référent and its dispatch), a web chat session (messages, export, deletion), then the cron at
 * an hour's first slot in daytime (escalations, dispatch, requeue, reminders, deadline alerts,
 * purge) on a population given nothing yet (so reminders are sent), and the queue's deliveries.
 * Each plan is printed; a full table scan ("SCAN <table>" with no index), or a correlated
 * subquery searched by a few-valued column alone (bench/lib/plan-checks.ts), fails the run.
 */
import { writeFileSync, mkdirSync } from "node:fs";
import { runMain } from "../lib/script.ts";
import { join } from "node:path";
import { startFakeTelegram } from "../fake-telegram.ts";
import { buildContext, frozenWorker, migratedD1, QUIET_ENV, ROOT } from "../lib/build.ts";
import { loadSeed } from "../lib/content.ts";
import { chatScript } from "../lib/journeys.ts";
import { population } from "../lib/population.ts";
import { d1Counts } from "../lib/probe.ts";
import { post, telegramVars, toUpdate } from "../lib/load.ts";
import { populateD1, seedD1 } from "../lib/seed.ts";
import { servers, type Server } from "../lib/servers.ts";
import { tableScans, unselectiveCorrelatedSearches, type PlanRow } from "../lib/plan-checks.ts";
import { EMPTY_ROADMAP_RULES } from "../../shared/roadmap/rules.ts";
import { parisOffsetHours } from "../../shared/roadmap/time.ts";

const args = process.argv.slice(2);
const PEOPLE = Number(args.includes("--people") ? args[args.indexOf("--people") + 1] : 10_000);
const build = buildContext("plans");
const tmp = build.tmp;
const ENV = QUIET_ENV;
const { startWithD1, stopAll } = servers(ROOT, ENV, false);
process.on("exit", stopAll);
const log = (line: string) => console.log(line);

type Plan = { sql: string; runs: number; plan?: PlanRow[]; error?: string };

async function web(server: Server): Promise<void> {
  const session = await fetch(`${server.url}/api/chat/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ locale: "fr" }),
  });
  const { token } = (await session.json()) as { token: string };
  const auth = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  for (const body of [
    { action: "lang:fr" },
    { action: "privacy:accept" },
    { action: "year:2008" },
    { action: "month:03" },
    { action: "status:mna" },
    { action: "dept:44" },
    { action: "roadmap" },
    { text: "je cherche un logement" },
    { action: "menu" },
  ]) {
    await fetch(`${server.url}/api/chat/message`, { method: "POST", headers: auth, body: JSON.stringify(body) });
  }
  await fetch(`${server.url}/api/chat/export`, { headers: auth });
  await fetch(`${server.url}/api/chat/session`, { method: "DELETE", headers: auth });
}

async function main(): Promise<void> {
  const seed = await loadSeed();
  const persist = join(tmp, "state");
  migratedD1(build, join(ROOT, "wrangler.toml"), persist);
  await seedD1(ROOT, persist, seed.bundle, seed.complete, seed.roadmapRules, log);
  const now = Date.now();
  const generated = population(PEOPLE, now - 86_400_000, seed.roadmapRules ?? EMPTY_ROADMAP_RULES, { catchUp: true });
  await populateD1(join(ROOT, "wrangler.toml"), persist, generated.statements);
  const telegram = await startFakeTelegram();
  const vars = {
    ...telegramVars(telegram.url),
    BENCH_COUNT_D1: "true",
    BACKUP_TELEGRAM_CHAT_ID: "9999",
    ESCALATION_DELAY_MINUTES: "30",
  };
  const server = await startWithD1(
    "plans",
    frozenWorker(build, join(ROOT, "wrangler.toml"), join(ROOT, "bench/worker-entry.ts"), "plans"),
    persist,
    vars,
    19_950 + Math.floor(Math.random() * 40),
  );
  try {
    await d1Counts(server, true);
    for (const turn of chatScript(seed.bundle, 7, 2)) await post(server, toUpdate(9_100_000, turn));
    await web(server);
    // An hour's first slot at 10:00 in Paris today: every job runs, the deadline scan included.
    const offset = parisOffsetHours(now) * 3_600_000;
    const local = new Date(now + offset);
    const at = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), 10) - offset;
    const cron = (await (await fetch(`${server.url}/__bench/scheduled?time=${at}`, { method: "POST" })).json()) as {
      ok: boolean;
      error?: string;
    };
    if (!cron.ok) throw new Error(`cron failed: ${cron.error}`);
    // The deliveries the turn and the cron queued, consumed meanwhile.
    await new Promise((r) => setTimeout(r, 5000));
    const plans = (await (await fetch(`${server.url}/__bench/explain`, { method: "POST" })).json()) as Plan[];
    const scans: string[] = [];
    for (const p of plans) {
      const found = [...tableScans(p.plan), ...unselectiveCorrelatedSearches(p.plan)];
      log(
        `${found.length ? "✗ TABLE SCAN OR PER-ROW SEARCH BY A FEW-VALUED COLUMN" : p.error ? "? " : "✓"} ×${p.runs}  ${p.sql.replace(/\s+/g, " ").slice(0, 220)}`,
      );
      if (p.error) log(`    (not explained: ${p.error})`);
      for (const line of p.plan ?? []) log(`    ${line.detail}`);
      if (found.length) scans.push(`${found.join(", ")} in: ${p.sql.replace(/\s+/g, " ").slice(0, 120)}`);
    }
    mkdirSync(join(ROOT, "bench/results"), { recursive: true });
    writeFileSync(
      join(ROOT, "bench/results/plans.json"),
      JSON.stringify({ date: new Date().toISOString(), people: PEOPLE, plans }, null, 2),
    );
    log(
      `${plans.length} distinct statements (turn path, web chat, cron, queue); ${scans.length} with a table scan or a per-row search by a few-valued column${scans.length ? `:\n  ${scans.join("\n  ")}` : ""}`,
    );
    if (scans.length > 0) process.exitCode = 1;
  } finally {
    stopAll();
    await telegram.close();
  }
}

runMain(main, stopAll, tmp);
