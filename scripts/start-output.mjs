// What `npm start` (scripts/start.mjs) says of two of its steps: the count of migrations
// applied, and whether the generated types are stale. Kept apart so
// tests/browser/start-output.test.ts can feed them wrangler's real output.

/*
 * wrangler dev's "types might be out of date" hint cannot be right in a run of several Workers:
 * wrangler compares each of them with the one worker-configuration.d.ts, written for the first
 * (the chat Worker), so every other Worker gets it whatever the types
 * (cloudflare/workers-sdk#13196). scripts/start.mjs hides it with the rest of wrangler's start-up
 * noise and checks the types itself (`typesLine`); a test fails on stale ones.
 */

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
