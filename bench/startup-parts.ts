/**
 * What the chat Worker's start-up is made of: each part bundled alone (esbuild, minified, as
 * wrangler bundles the Worker), imported in fresh V8 isolates (Node worker_threads, the bench's
 * `startups`), the parts taking turns run after run; medians, and each part's cost over an empty
 * module. "chat Worker without drizzle" is the Worker with drizzle-orm and the schema's tables
 * replaced by an inert stub: it does not run, it only shows what start-up would be if the turn
 * path's SQL did not go through drizzle (an upper bound on what removing drizzle could save).
 * Run: npx tsx bench/startup-parts.ts [--runs N]
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { build, type Plugin } from "esbuild";
import { ROOT } from "./lib/build.ts";
import { round } from "./lib/stats.ts";
import { startups } from "./lib/startup.ts";

const args = process.argv.slice(2);
const runs = args.includes("--runs") ? Number(args[args.indexOf("--runs") + 1]) : 31;
const tmp = mkdtempSync(join(tmpdir(), "passerelle-startup-parts-"));
const at = (path: string) => JSON.stringify(join(ROOT, path));

/** Imports replaced by the inert stub below. */
const DRIZZLE = /^drizzle-orm(\/.*)?$|\/db\/schema\.ts$/;
const DRIZZLE_HONO_ZOD = /^(drizzle-orm|hono|zod)(\/.*)?$|\/db\/schema\.ts$/;
const CHAT = `export { default } from ${at("worker/index.ts")};`;

/** Entry modules, each keeping what it imports alive by exporting it. */
const PARTS: { name: string; code: string; stub?: RegExp }[] = [
  { name: "empty module", code: "export const all = 1;" },
  {
    name: "drizzle-orm core (sql, eq, and, drizzle/d1, sqliteTable)",
    code: `import { sql, eq, and } from "drizzle-orm"; import { drizzle } from "drizzle-orm/d1"; import { sqliteTable } from "drizzle-orm/sqlite-core"; export const all = [sql, eq, and, drizzle, sqliteTable];`,
  },
  {
    name: "drizzle-orm core + every table of shared/db/schema.ts",
    code: `import * as s from ${at("shared/db/schema.ts")}; import { sql, eq, and } from "drizzle-orm"; import { drizzle } from "drizzle-orm/d1"; export const all = [s, sql, eq, and, drizzle];`,
  },
  {
    name: "what the schema imports besides drizzle (alerts, content model, roadmap)",
    code: `import { ALERT_KINDS, SEVERITIES } from ${at("shared/alerts.ts")}; import { CONTENT_KINDS } from ${at("shared/content/model.ts")}; import { PROGRESS_MARKS } from ${at("shared/roadmap/compute.ts")}; export const all = [ALERT_KINDS, SEVERITIES, CONTENT_KINDS, PROGRESS_MARKS];`,
  },
  {
    name: "hono + zod/mini",
    code: `import { Hono } from "hono"; import * as z from "zod/mini"; export const all = [Hono, z.object({ a: z.string() })];`,
  },
  {
    name: "interface catalogs (JSON text)",
    code: `import * as c from ${at("shared/i18n/catalog-data.ts")}; export const all = c;`,
  },
  { name: "crisis tables", code: `import * as c from ${at("bot/safety/crisis-tables.ts")}; export const all = c;` },
  { name: "chat Worker", code: CHAT },
  { name: "chat Worker without drizzle (inert stub)", code: CHAT, stub: DRIZZLE },
  { name: "chat Worker without drizzle, hono and zod (inert stubs): its own code", code: CHAT, stub: DRIZZLE_HONO_ZOD },
];

/** Any property, call or construction gives the stub back; spreading or iterating it gives nothing. */
const STUB_CORE = `
const handler = {
  get: (_t, key) => key === Symbol.iterator ? function* () {} : key === Symbol.toPrimitive ? () => "" : key === "then" ? undefined : stub,
  apply: () => stub, construct: () => stub, ownKeys: () => ["prototype"],
  getOwnPropertyDescriptor: (t, k) => Reflect.getOwnPropertyDescriptor(t, k),
};
const stub = new Proxy(function () {}, handler);
export default stub;`;
const stubbed = (filter: RegExp): Plugin => ({
  name: "stubbed",
  setup(b) {
    b.onResolve({ filter }, (a) => ({ path: a.path, namespace: "stub" }));
    b.onLoad({ filter: /.*/, namespace: "stub" }, async (a) => {
      if (!a.path.endsWith("schema.ts")) {
        // Every name the real module exports, each the stub.
        const names = Object.keys((await import(a.path)) as object).filter(
          (n) => n !== "default" && /^[A-Za-z_$][\w$]*$/.test(n),
        );
        return { contents: `${STUB_CORE}\nexport { ${names.map((n) => `stub as ${n}`).join(", ")} };`, loader: "js" };
      }
      // The schema's own exports (its constants stay real; its tables become the stub).
      const real = (await import(join(ROOT, "shared/db/schema.ts"))) as Record<string, unknown>;
      const names = Object.keys(real);
      const lines = names.map((n) =>
        typeof real[n] === "object" && real[n] !== null && !Array.isArray(real[n])
          ? `export const ${n} = stub;`
          : `export const ${n} = ${JSON.stringify(real[n])};`,
      );
      return { contents: `import stub from "drizzle-orm/d1";\n${lines.join("\n")}`, loader: "js", resolveDir: ROOT };
    });
  },
});

const files: string[] = [];
for (const [i, part] of PARTS.entries()) {
  const entry = join(tmp, `part-${i}.ts`);
  writeFileSync(entry, part.code);
  const outfile = join(tmp, `part-${i}.mjs`);
  await build({
    entryPoints: [entry],
    bundle: true,
    format: "esm",
    minify: true,
    platform: "neutral",
    conditions: ["workerd", "worker", "browser"],
    mainFields: ["module", "main"],
    external: ["cloudflare:*", "node:*"],
    nodePaths: [join(ROOT, "node_modules")],
    plugins: part.stub ? [stubbed(part.stub)] : [],
    outfile,
    logLevel: "error",
  });
  files.push(outfile);
}
const load0 = loadavg()[0]!;
const results = await startups(files, runs);
const empty = results[0]!.medianMs;
console.log(
  `start-up parts: import in a fresh isolate (Node worker_thread), median of ${runs}, parts taking turns; load ${load0.toFixed(2)} → ${loadavg()[0]!.toFixed(2)}`,
);
for (const [i, part] of PARTS.entries()) {
  const ms = results[i]!.medianMs;
  console.log(
    `  ${part.name.padEnd(74)} ${String(round(ms)).padStart(6)} ms${i ? `   (+${round(ms - empty)} over empty)` : ""}`,
  );
}
rmSync(tmp, { recursive: true, force: true });
