/**
 * Small, pure diff helpers for the content history: which fields of an item changed
 * (flattened paths such as `title.fr` or `sources.0.url`), and a line diff for long texts.
 */

export type FieldChange = { path: string; before: string | undefined; after: string | undefined };
export type LineOp = { op: "same" | "add" | "del"; line: string };

/** Flattens JSON into `path → text` (arrays of strings are joined, so a keyword list is one field). */
export function flatten(value: unknown, prefix = "", out: Map<string, string> = new Map()): Map<string, string> {
  if (value === undefined || value === null) return out;
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) {
    out.set(prefix, value.join(", "));
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => {
      flatten(v, prefix ? `${prefix}.${i}` : String(i), out);
    });
  } else if (typeof value === "object") {
    for (const [key, v] of Object.entries(value as Record<string, unknown>))
      flatten(v, prefix ? `${prefix}.${key}` : key, out);
  } else {
    out.set(prefix, String(value));
  }
  return out;
}

/** The fields that differ between two versions of an item, in a stable order. */
export function diffFields(before: unknown, after: unknown): FieldChange[] {
  const a = flatten(before);
  const b = flatten(after);
  const paths = [...new Set([...a.keys(), ...b.keys()])].sort();
  return paths.filter((p) => a.get(p) !== b.get(p)).map((path) => ({ path, before: a.get(path), after: b.get(path) }));
}

/** Line diff by longest common subsequence; texts here are short (a few hundred lines at most). */
export function diffLines(before: string, after: string): LineOp[] {
  const a = before.split("\n");
  const b = after.split("\n");
  const n = a.length;
  const m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const ops: LineOp[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      ops.push({ op: "same", line: a[i]! });
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) {
      ops.push({ op: "del", line: a[i++]! });
    } else {
      ops.push({ op: "add", line: b[j++]! });
    }
  }
  while (i < n) ops.push({ op: "del", line: a[i++]! });
  while (j < m) ops.push({ op: "add", line: b[j++]! });
  return ops;
}
