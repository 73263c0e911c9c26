// Which lines of `wrangler dev`'s output `npm start` shows (scripts/start.mjs): the server's
// requests and errors, not its start-up tables. Kept apart so tests/browser/start-output.test.ts
// can feed it wrangler's real lines.

/**
 * wrangler dev's start-up noise: the binding tables of both Workers, the offline `Request.cf`
 * warning and its stack, the reminder about scheduled Workers. Not the "types might be out of
 * date" hint: worker-configuration.d.ts is checked against wrangler.toml by a test, so when it
 * shows, it is true (run `npm run cf-typegen`).
 */
const NOISE = [
  /^\s*$/,
  /^\s*⛅️ wrangler/,
  /^─+$/,
  / has access to the following bindings:$/,
  /^Binding\s+Resource/,
  /^env\.\w+/,
  /^Service bindings, Durable Object bindings/,
  /Unable to fetch the `Request\.cf` object/,
  /^Error: getaddrinfo ENOTFOUND workers\.cloudflare\.com/,
  /^\s+at /,
  /Scheduled Workers are not automatically triggered/,
  /To manually trigger a scheduled event, run:/,
  /curl "http:\/\/localhost:\d+\/cdn-cgi\/handler\/scheduled"/,
  /For more details, see .*cron-triggers/,
  /^⎔ Starting local server/,
];

const TYPES_HINT = /Your types might be out of date/;
const STAFF_TABLE = /^passerelle-staff has access to the following bindings:$/;

/**
 * A filter for one `wrangler dev` run: true for the lines to show. One exception to showing the
 * types hint: wrangler compares EVERY Worker of a multi-Worker run with the one
 * worker-configuration.d.ts, which describes the first (the chat Worker); the staff Worker's
 * bindings (a subset) never match it, so its hint, printed right after its binding table, is
 * always there and says nothing (cloudflare/workers-sdk#13196). The chat Worker's is kept.
 */
export function wranglerOutputFilter() {
  let afterStaffTable = false;
  return (line) => {
    const plain = line.replace(/\u001b\[[0-9;]*m/g, "");
    if (STAFF_TABLE.test(plain)) afterStaffTable = true;
    if (TYPES_HINT.test(plain)) {
      const staffs = afterStaffTable;
      afterStaffTable = false;
      return !staffs;
    }
    return !NOISE.some((re) => re.test(plain));
  };
}

/**
 * How many migrations `wrangler d1 migrations apply` applied, from its output: it prints its
 * table again after each one, so the names marked ✅ are counted, not the marks.
 */
export function appliedMigrations(output) {
  return new Set(output.match(/\d{4}_[\w-]+\.sql(?=\s*│\s*✅)/g) ?? []).size;
}
