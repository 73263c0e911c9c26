import { describe, expect, it } from "vitest";
import { buildIndex, INDEX_VERSION } from "../../../bot/matching/build.ts";
import {
  openStored,
  serializeIndex,
  STORED_FIELDS,
  storedIndexSchema,
  viewOfIndex,
} from "../../../bot/matching/stored.ts";
import { seedBundle } from "../../../shared/content/seed/index.ts";

/** The stored index: the schema's fields, one per line; a malformed or older one is not read. */

const index = buildIndex(seedBundle);
const stored = serializeIndex(index);

describe("the stored index", () => {
  it("should hold one field per line, in the schema's order, the version first", () => {
    const lines = stored.split("\n");
    expect(lines).toHaveLength(Object.keys(storedIndexSchema().shape).length);
    expect(lines[0]).toBe(`v${INDEX_VERSION}`);
    expect(
      storedIndexSchema().safeParse(
        Object.fromEntries(Object.keys(storedIndexSchema().shape).map((f, i) => [f, lines[i]])),
      ).success,
    ).toBe(true);
  });

  it("should keep the layout the indexes already stored in D1 have, so that none is rebuilt", () => {
    const lines = stored.split("\n");
    expect([lines[1], lines[3], lines[4], lines[5], lines[7], lines[8], lines[9]]).toEqual([
      index.docs.join(" "),
      index.vocab,
      index.parents.join(" "),
      index.exacts,
      index.acronyms,
      index.arabic,
      index.dari,
    ]);
    expect(lines[2]!.startsWith("|")).toBe(true);
  });

  it("should open to the same postings and documents as the index built in memory", () => {
    const opened = openStored(stored)!;
    const built = viewOfIndex(index);
    expect(opened.docs).toEqual(built.docs);
    expect(opened.parents).toEqual(built.parents);
    for (const term of ["log", "~0", "?when", "recepis", "zzz"])
      expect(opened.lookup(term)).toEqual(built.lookup(term));
  });

  it("should refuse an index of another version, with a field missing, or with a malformed field", () => {
    const lines = stored.split("\n");
    const withLine = (at: number, value: string) => lines.map((line, i) => (i === at ? value : line)).join("\n");
    expect(openStored(withLine(0, "v1"))).toBeNull();
    expect(openStored(lines.slice(0, -1).join("\n"))).toBeNull();
    expect(openStored(withLine(4, "0 un 2"))).toBeNull();
    expect(openStored(withLine(2, "titr:0.1e|"))).toBeNull();
    expect(openStored("not an index")).toBeNull();
  });

  it("should list the schema's fields in the schema's order for the cold isolate's check", () => {
    expect([...STORED_FIELDS]).toEqual(Object.keys(storedIndexSchema().shape));
  });

  it("should accept exactly the texts its zod schema accepts, though a cold isolate opens it without zod", () => {
    const lines = stored.split("\n");
    const fields = Object.keys(storedIndexSchema().shape);
    const bySchema = (text: string) => {
      const parts = text.split("\n");
      return (
        parts.length === fields.length &&
        storedIndexSchema().safeParse(Object.fromEntries(fields.map((f, i) => [f, parts[i]]))).success
      );
    };
    const values = [
      "",
      "x",
      "|",
      "|x:1.2|",
      `v${INDEX_VERSION}`,
      "v1",
      "topic:a faq:b",
      "topic:a  faq:b",
      "a:b:c",
      "Topic:a",
      "0 -1 2",
      "0 un 2",
      "1 ",
      " 1",
      "-",
      "a b",
      "é:è",
      "kind:id\ttab",
    ];
    let tried = 0;
    for (let at = 0; at < lines.length; at++)
      for (const value of values) {
        const text = lines.map((line, i) => (i === at ? value : line)).join("\n");
        expect(openStored(text) !== null, `line ${at} = ${JSON.stringify(value)}`).toBe(bySchema(text));
        tried++;
      }
    for (const text of [stored, `${stored}\n`, lines.slice(1).join("\n"), "", "not an index"])
      expect(openStored(text) !== null).toBe(bySchema(text));
    expect(tried).toBe(lines.length * values.length);
  });
});
