/**
 * Edits of a wrangler config's text for the bench's temporary copies. Pure (no file access) so
 * that tests/bench/lib/wrangler-config.test.ts can check it.
 */

/**
 * The config with the top-level `key = value`: the existing line replaced (wrangler refuses a
 * key given twice), or one added after `main`.
 */
export function withTopLevel(toml: string, key: string, value: string): string {
  const firstTable = toml.search(/^\[/m);
  const head = firstTable < 0 ? toml : toml.slice(0, firstTable);
  const rest = firstTable < 0 ? "" : toml.slice(firstTable);
  const line = new RegExp(`^${key}\\s*=.*$`, "m");
  if (line.test(head)) return head.replace(line, `${key} = ${value}`) + rest;
  return head.replace(/^main\s*=.*$/m, (main) => `${main}\n${key} = ${value}`) + rest;
}
