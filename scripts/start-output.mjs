// What `npm start` (scripts/start.mjs) shows of wrangler: the server's requests and errors, not
// its start-up tables; the count of migrations applied; whether the generated types are stale.
// Kept apart so tests/browser/start-output.test.ts can feed it wrangler's real output.

/**
 * wrangler dev's start-up noise: the binding tables of the Workers, the offline `Request.cf`
 * warning and its stack, the reminder about scheduled Workers; and its "types might be out of
 * date" hint, which cannot be right in a run of several Workers: wrangler compares each of them
 * with the one worker-configuration.d.ts, written for the first (the chat Worker), so every
 * other Worker gets it whatever the types (cloudflare/workers-sdk#13196). `npm start` checks
 * the types itself instead (`typesLine`), and a test fails on stale ones.
 */
const NOISE = [
  /^\s*$/,
  /^\s*⛅️ wrangler/,
  /^─+$/,
  / has access to the following bindings:$/,
  /^Binding\s+Resource/,
  /^env\.\w+/,
  /^Service bindings, Durable Object bindings/,
  /Your types might be out of date/,
  /Unable to fetch the `Request\.cf` object/,
  /^Error: getaddrinfo ENOTFOUND workers\.cloudflare\.com/,
  /^\s+at /,
  /Scheduled Workers are not automatically triggered/,
  /To manually trigger a scheduled event, run:/,
  /curl "http:\/\/localhost:\d+\/cdn-cgi\/handler\/scheduled"/,
  /For more details, see .*cron-triggers/,
  /^⎔ Starting local server/,
];

/** Whether a line of `wrangler dev`'s output is shown (ANSI colours stripped before matching). */
export function shownLine(line) {
  const plain = line.replace(/\u001b\[[0-9;]*m/g, "");
  return !NOISE.some((re) => re.test(plain));
}

/**
 * What `npm start` says of `wrangler types --check` (its exit code): nothing when the generated
 * types match wrangler.toml, else how to regenerate them.
 */
export function typesLine(exitCode) {
  // null: the check could not run (then nothing is said rather than a guess).
  return exitCode === 0 || exitCode === null
    ? null
    : "Types: worker-configuration.d.ts is out of date with wrangler.toml: run `npm run cf-typegen`.";
}

/**
 * How many migrations `wrangler d1 migrations apply` applied, from its output: it prints its
 * table again after each one, so the names marked ✅ are counted, not the marks.
 */
export function appliedMigrations(output) {
  return new Set(output.match(/\d{4}_[\w-]+\.sql(?=\s*│\s*✅)/g) ?? []).size;
}
