import { describe, expect, it } from "vitest";
import readme from "../README.md?raw";

/**
 * The README's test table says what each test file covers: a test file it does not name
 * (exactly, or by a `folder/*` row) is a test a newcomer will not find.
 */
const testFiles = [
  // A glob never lists the file that holds it.
  "tests/readme.test.ts",
  ...Object.keys(import.meta.glob(["/tests/**/*.test.ts"])).map((path) => path.slice(1)),
];

/** The paths in the first column of the README's test table ("| `a`, `b` (…) | covers |"). */
function tableEntries(text: string): string[] {
  const table = text.slice(text.indexOf("| test file | covers |"));
  const rows = table.slice(0, table.indexOf("\n\n")).split("\n").slice(2);
  return rows.flatMap((row) => [...(row.split("|")[1] ?? "").matchAll(/`(tests\/[^`]+)`/g)].map((m) => m[1]!));
}

/** "tests/bot/safety/*" names every test file directly in that folder. */
const covers = (entry: string, file: string) =>
  entry.endsWith("/*")
    ? file.startsWith(entry.slice(0, -1)) && !file.slice(entry.length - 1).includes("/")
    : entry === file;

describe("the README's test table", () => {
  const entries = tableEntries(readme);

  it("should be found, with rows", () => {
    expect(entries.length).toBeGreaterThan(20);
    expect(testFiles).toContain("tests/references.test.ts");
  });

  it("should name every test file", () => {
    expect(testFiles.filter((file) => !entries.some((entry) => covers(entry, file)))).toEqual([]);
  });

  it("should name only test files that exist", () => {
    expect(entries.filter((entry) => !testFiles.some((file) => covers(entry, file)))).toEqual([]);
  });
});
