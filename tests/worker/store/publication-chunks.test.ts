import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { scaledContent } from "../../../bench/lib/scaled-content.ts";
import type { ContentBundle } from "../../../shared/content/model.ts";
import { seedBundle } from "../../../shared/content/seed/index.ts";
import { loadForTurns, loadPublished, publishDrafts, replaceDrafts } from "../../../worker/store/content.ts";
import { database } from "../../../worker/store/db.ts";
import { CHUNK_BYTES, chunkUtf8 } from "../../../worker/store/publication-chunks.ts";
import { actions, openSession, send } from "../../support/webchat.ts";

/**
 * Issue 16: a publication is stored in chunks under D1's 2 MB string/row limit, and read back
 * whole. Before migration 0015 it was one row, which D1 refused from about 4 × the seed.
 */

const D1_MAX_VALUE_BYTES = 2_000_000;
const db = () => database(env.DB);
const utf8 = (text: string) => new TextEncoder().encode(text).length;

type ChunkRow = { part: string; seq: number; bytes: number };
const chunksOf = async (version: number) =>
  (
    await env.DB.prepare(
      "select part, seq, length(cast(body as blob)) as bytes from publication_chunks where version = ? order by part, seq",
    )
      .bind(version)
      .all<ChunkRow>()
  ).results;

async function publish(bundle: ContentBundle): Promise<number> {
  const imported = await replaceDrafts(db(), bundle, "test", new Date());
  if (!imported.ok) throw new Error(imported.errors.join("; "));
  const published = await publishDrafts(db(), "test", null, new Date());
  if (!published.ok) throw new Error(published.errors.join("; "));
  return published.version;
}

const withoutKeywords = (bundle: ContentBundle) => {
  const strip = <T extends { keywords?: unknown }>(items: T[]) => items.map((i) => ({ ...i, keywords: {} }));
  return { topics: strip(bundle.topics), steps: strip(bundle.steps), faqs: strip(bundle.faqs) };
};

describe("chunkUtf8", () => {
  it("should keep a text of exactly one chunk whole, and cut one byte more in two", () => {
    expect(chunkUtf8("a".repeat(10), 10)).toEqual(["a".repeat(10)]);
    expect(chunkUtf8("a".repeat(11), 10)).toEqual(["a".repeat(10), "a"]);
  });

  it("should count UTF-8 bytes and never cut inside a character", () => {
    // "é" is 2 bytes, "ش" 2, "€" 3, "😀" 4 (a surrogate pair in JavaScript).
    const text = `aé€😀ش${"😀".repeat(5)}z`;
    for (const max of [4, 5, 6, 7, 9]) {
      const chunks = chunkUtf8(text, max);
      expect(chunks.join("")).toBe(text);
      for (const chunk of chunks) {
        expect(utf8(chunk)).toBeLessThanOrEqual(max);
        expect(chunk).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
      }
    }
  });

  it("should store an empty text as one empty chunk", () => {
    expect(chunkUtf8("", 10)).toEqual([""]);
  });
});

describe("a publication stored in chunks", () => {
  it("should run on a local D1 that refuses one value of the size a whole 5 × publication had", async () => {
    // The local simulator stops at 2 MiB (D1 on Cloudflare at 2 000 000 bytes): what made one row fail.
    const insert = env.DB.prepare("insert into publications (snapshot, created_at) values (?, 0)");
    await expect(insert.bind("a".repeat(2_300_000)).run()).rejects.toThrow(/too big/);
  });

  it("should store a snapshot just over one chunk as two chunks and read it back whole", async () => {
    const bundle = structuredClone(seedBundle);
    const version = await publish(bundle);
    const snapshotBytes = (await chunksOf(version))
      .filter((c) => c.part === "snapshot")
      .reduce((sum, c) => sum + c.bytes, 0);
    // Grow one step's French body (2-byte "é") until the snapshot is one or two bytes over a chunk.
    const step = bundle.steps[0]!;
    const missing = CHUNK_BYTES - snapshotBytes + 1;
    step.body.fr += "é".repeat(Math.ceil(missing / 2));
    const grown = await publish(bundle);

    const chunks = (await chunksOf(grown)).filter((c) => c.part === "snapshot");
    expect(chunks.map((c) => c.seq)).toEqual([0, 1]);
    expect(chunks[0]!.bytes).toBeLessThanOrEqual(CHUNK_BYTES);
    expect(chunks[1]!.bytes).toBeLessThanOrEqual(2);
    const forTurns = (await loadForTurns(db(), grown))!;
    expect(forTurns.steps.find((s) => s.id === step.id)!.body.fr).toBe(step.body.fr);
    const whole = (await loadPublished(db(), grown))!;
    expect(whole.steps.find((s) => s.id === step.id)!.keywords).toEqual(step.keywords);
  });

  it("should publish 20 × the seed content under D1's limits, reload it whole and serve a turn from it", async () => {
    const bundle = scaledContent(seedBundle, 20);
    const version = await publish(bundle);

    const chunks = await chunksOf(version);
    const bytes = chunks.reduce((sum, c) => sum + c.bytes, 0);
    expect(bytes).toBeGreaterThan(4 * D1_MAX_VALUE_BYTES);
    for (const chunk of chunks) expect(chunk.bytes).toBeLessThanOrEqual(CHUNK_BYTES);
    const row = await env.DB.prepare(
      "select length(cast(snapshot as blob)) as bytes, keywords, match_index from publications where version = ?",
    )
      .bind(version)
      .first<{ bytes: number; keywords: string | null; match_index: string | null }>();
    expect(row).toEqual({ bytes: 0, keywords: null, match_index: null });

    const forTurns = (await loadForTurns(db(), version))!;
    expect(forTurns.steps).toHaveLength(20 * seedBundle.steps.length);
    const sortById = <T extends { id: string }>(items: T[]) => [...items].sort((a, b) => a.id.localeCompare(b.id));
    const lean = withoutKeywords(bundle);
    expect(sortById(forTurns.faqs)).toEqual(sortById(lean.faqs));
    const whole = (await loadPublished(db(), version))!;
    expect(sortById(whole.steps)).toEqual(sortById(bundle.steps));

    const topic = bundle.topics.at(-1)!;
    expect(topic.id).toMatch(/-x19$/);
    const session = await openSession();
    await send(session.token, { action: "lang:fr" });
    const menu = await send(session.token, { action: "privacy:skip" });
    expect(actions(menu).length).toBeGreaterThan(0);
    const r = await send(session.token, { action: `topic:${topic.id}` });
    expect(r.replies[0]!.text).toContain(topic.title.fr);
    expect(actions(r)).toContain(`step:${topic.stepIds[0]}`);
  }, 180_000);
});
