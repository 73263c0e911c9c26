import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { PUBLICATION_PARTS, publicationChunks, publications } from "../../shared/db/schema.ts";
import type { Db } from "./db.ts";

/**
 * A publication's parts in rows of bounded size. D1 refuses a string, BLOB or row over
 * 2 000 000 bytes (developers.cloudflare.com/d1/platform/limits/, 2026); a chunk holds at most
 * CHUNK_BYTES of UTF-8, under half of it (and under the 1 MB the limit was until 2025), so a row
 * stays far from it whatever the columns beside the body. Each chunk is its own statement with
 * 4 bound parameters (limit 100) and a short SQL text (limit 100 KB): the body is bound, not
 * inlined.
 */
export const CHUNK_BYTES = 900_000;

export type PublicationPart = (typeof PUBLICATION_PARTS)[number];
export type PublicationParts = Record<PublicationPart, string>;

/** Cuts `text` into pieces of at most `maxBytes` of UTF-8 each, never inside a character. */
export function chunkUtf8(text: string, maxBytes = CHUNK_BYTES): string[] {
  const chunks: string[] = [];
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < text.length; ) {
    const code = text.charCodeAt(i);
    const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length;
    const width = pair ? 4 : code < 0x80 ? 1 : code < 0x800 ? 2 : 3;
    if (bytes + width > maxBytes && i > start) {
      chunks.push(text.slice(start, i));
      start = i;
      bytes = 0;
    }
    bytes += width;
    i += pair ? 2 : 1;
  }
  if (start < text.length || chunks.length === 0) chunks.push(text.slice(start));
  return chunks;
}

/**
 * The inserts of a publication's chunks, for the batch that inserts its `publications` row
 * first: the version is that row's (the highest, inside the same atomic batch), or `version`.
 */
export function chunkInserts(db: Db, parts: Partial<PublicationParts>, version?: number) {
  const at = version ?? sql`(select max(${publications.version}) from ${publications})`;
  return PUBLICATION_PARTS.flatMap((part) =>
    parts[part] === undefined
      ? []
      : chunkUtf8(parts[part]).map((body, seq) =>
          db.insert(publicationChunks).values({ version: at, part, seq, body }),
        ),
  );
}

/** Replaces parts of a stored publication in one batch (an index rebuilt for another matcher version). */
export async function replaceParts(db: Db, version: number, parts: Partial<PublicationParts>): Promise<void> {
  const names = PUBLICATION_PARTS.filter((part) => parts[part] !== undefined);
  const remove = db
    .delete(publicationChunks)
    .where(and(eq(publicationChunks.version, version), inArray(publicationChunks.part, names)));
  await db.batch([remove, ...chunkInserts(db, parts, version)]);
}

/** The query for some parts of a version, chunks in order (run it inside the caller's batch). */
export function partsQuery(db: Db, version: number, parts: readonly PublicationPart[]) {
  return db
    .select({ part: publicationChunks.part, body: publicationChunks.body })
    .from(publicationChunks)
    .where(and(eq(publicationChunks.version, version), inArray(publicationChunks.part, [...parts])))
    .orderBy(asc(publicationChunks.part), asc(publicationChunks.seq));
}

/** The chunks read back as whole parts (none: a publication stored before chunks). */
export function joinParts(rows: { part: PublicationPart; body: string }[]): Partial<PublicationParts> {
  const pieces: Partial<Record<PublicationPart, string[]>> = {};
  for (const row of rows) (pieces[row.part] ??= []).push(row.body);
  const parts: Partial<PublicationParts> = {};
  for (const part of PUBLICATION_PARTS) if (pieces[part]) parts[part] = pieces[part].join("");
  return parts;
}
