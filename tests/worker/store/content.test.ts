import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { seedBundle } from "../../../shared/content/seed/index.ts";
import type { ContentBundle } from "../../../shared/content/model.ts";
import { buildIndex, INDEX_VERSION } from "../../../bot/matching/build.ts";
import { createMatcher, matcherFor } from "../../../bot/matching/matcher.ts";
import { serializeIndex } from "../../../bot/matching/stored.ts";
import { scrubQuestion } from "../../../bot/scrub.ts";
import { database } from "../../../worker/store/db.ts";
import { loadForTurns, loadPublished } from "../../../worker/store/content.ts";
import { seedContent } from "../../support/content.ts";

const db = () => database(env.DB);

type Row = { snapshot: string; keywords: string | null; match_index: string | null };
/** A publication's three parts as stored (in chunks since migration 0015). */
const row = async (version: number): Promise<Row> => {
  const { results } = await env.DB.prepare(
    "select part, body from publication_chunks where version = ? order by part, seq",
  )
    .bind(version)
    .all<{ part: string; body: string }>();
  const part = (name: string) =>
    results
      .filter((r) => r.part === name)
      .map((r) => r.body)
      .join("") || null;
  return { snapshot: part("snapshot")!, keywords: part("keywords"), match_index: part("index") };
};

/** One question per keyword-bearing FAQ and step: its first French keyword. */
const questions = [...seedBundle.faqs, ...seedBundle.steps]
  .map((item) => item.keywords.fr?.[0])
  .filter((q): q is string => Boolean(q));
const answers = (bundle: ContentBundle) => questions.map((q) => matcherFor(bundle).match(q)[0]?.id ?? null);
/** Item id → keywords (publication orders the items by id). */
const keywordsOf = (bundle: ContentBundle) =>
  Object.fromEntries([...bundle.topics, ...bundle.steps, ...bundle.faqs].map((item) => [item.id, item.keywords]));
const lacksKeywords = (bundle: ContentBundle) =>
  Object.values(keywordsOf(bundle)).every((k) => Object.keys(k).length === 0);

describe("published content storage", () => {
  let version: number;
  /** Answers of an index built from the published items, keywords included. */
  let expected: (string | null)[];
  beforeAll(async () => {
    version = await seedContent();
    const { version: _, ...published } = (await loadPublished(db(), version))!;
    const matcher = createMatcher(structuredClone(published));
    expected = questions.map((q) => matcher.match(q)[0]?.id ?? null);
  });

  it("should keep the keywords out of the snapshot a turn parses, and store the index beside it", async () => {
    const stored = (await row(version))!;
    const lean = JSON.parse(stored.snapshot) as ContentBundle & { matchIndex?: unknown };
    expect(lean.matchIndex).toBeUndefined();
    expect(lacksKeywords(lean)).toBe(true);
    expect(Object.keys(JSON.parse(stored.keywords!).faqs)).toHaveLength(seedBundle.faqs.length);
    expect(stored.match_index!.startsWith(`v${INDEX_VERSION}\n`)).toBe(true);
    expect(stored.match_index).toBe(serializeIndex(buildIndex((await loadPublished(db(), version))!)));
  });

  it("should answer turns from the stored index as an index built from the keywords would", async () => {
    const snapshot = (await loadForTurns(db(), version))!;
    expect(lacksKeywords(snapshot)).toBe(true);
    expect(answers(snapshot)).toEqual(expected);
    // Without its stored index the lean snapshot would answer worse: the keywords do matter.
    const { version: _, ...bundle } = snapshot;
    expect(answers(structuredClone(bundle))).not.toEqual(answers(snapshot));
  });

  it("should give the admin and rollback the whole bundle, keywords included", async () => {
    const snapshot = (await loadPublished(db(), version))!;
    expect(keywordsOf(snapshot)).toEqual(keywordsOf(seedBundle));
  });

  it("should rebuild an index of another matcher version once and store it back for the other isolates", async () => {
    await env.DB.batch([
      env.DB.prepare("delete from publication_chunks where version = ? and part = 'index' and seq > 0").bind(version),
      env.DB.prepare("update publication_chunks set body = ? where version = ? and part = 'index'").bind(
        "v1\nfaq:x\n|titr:0.1e|\n",
        version,
      ),
      env.DB.prepare("update publication_chunks set body = 'v1\nzorglub' where version = ? and part = 'vocab'").bind(
        version,
      ),
    ]);
    const snapshot = (await loadForTurns(db(), version))!;
    expect(answers(snapshot)).toEqual(expected);
    expect((await row(version))!.match_index!.startsWith(`v${INDEX_VERSION}\n`)).toBe(true);
    const vocab = await env.DB.prepare("select body from publication_chunks where version = ? and part = 'vocab'")
      .bind(version)
      .first<{ body: string }>();
    expect(vocab!.body.startsWith(`v${INDEX_VERSION}\n`)).toBe(true);
    expect(scrubQuestion("zorglub pour un logement", snapshot)).not.toContain("zorglub");
  });

  it("should read a publication stored before keywords and index had their own columns", async () => {
    const { version: _, ...published } = (await loadPublished(db(), version))!;
    const legacy = JSON.stringify({ ...published, matchIndex: serializeIndex(buildIndex(published)) });
    const inserted = await env.DB.prepare(
      "insert into publications (snapshot, created_at) values (?, ?) returning version",
    )
      .bind(legacy, Date.now())
      .first<{ version: number }>();
    const forTurns = (await loadForTurns(db(), inserted!.version))!;
    expect(keywordsOf(forTurns)).toEqual(keywordsOf(seedBundle));
    expect(answers(forTurns)).toEqual(expected);
    expect(keywordsOf((await loadPublished(db(), inserted!.version))!)).toEqual(keywordsOf(seedBundle));
  });

  it("should read a publication stored in its own columns, before chunks (migrations 0006 to 0014)", async () => {
    const stored = await row(version);
    const inserted = await env.DB.prepare(
      "insert into publications (snapshot, keywords, match_index, created_at) values (?, ?, ?, ?) returning version",
    )
      .bind(stored.snapshot, stored.keywords, stored.match_index, Date.now())
      .first<{ version: number }>();
    const forTurns = (await loadForTurns(db(), inserted!.version))!;
    expect(lacksKeywords(forTurns)).toBe(true);
    expect(answers(forTurns)).toEqual(expected);
    expect(keywordsOf((await loadPublished(db(), inserted!.version))!)).toEqual(keywordsOf(seedBundle));
  });

  it("should give a turn the vocabulary stored with the publication, for scrubbing unanswered questions", async () => {
    const stored = (await env.DB.prepare(
      "select body from publication_chunks where version = ? and part = 'vocab' order by seq",
    )
      .bind(version)
      .all<{ body: string }>())!.results;
    expect(stored).toHaveLength(1);
    const [head] = stored[0]!.body.split("\n");
    const republished = await env.DB.prepare(
      "insert into publications (snapshot, created_at) values ('', ?) returning version",
    )
      .bind(Date.now())
      .first<{ version: number }>();
    const copy = `insert into publication_chunks (version, part, seq, body) select ?, part, seq, body from publication_chunks where version = ? and part in ('snapshot', 'index')`;
    await env.DB.batch([
      env.DB.prepare(copy).bind(republished!.version, version),
      env.DB.prepare("insert into publication_chunks values (?, 'vocab', 0, ?)").bind(
        republished!.version,
        `${head}\nlogement zorglub`,
      ),
    ]);
    const forTurns = (await loadForTurns(db(), republished!.version))!;
    expect(scrubQuestion("zorglub pour un logement", forTurns)!.split(" ")).toContain("zorglub");
  });

  it("should find no snapshot for a version that does not exist", async () => {
    expect(await loadForTurns(db(), 9999)).toBeNull();
    expect(await loadPublished(db(), 9999)).toBeNull();
  });
});
