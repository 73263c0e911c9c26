/**
 * Deterministic generators of hostile input for the fuzz tests: a seeded PRNG (mulberry32),
 * strings an attacker or a broken client sends, JSON of any shape, forms, multipart bodies.
 * Same seed, same requests: a failure is reproduced by running the test again.
 */

export type Rng = {
  /** A float in [0, 1). */
  next(): number;
  int(max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
};

export function rng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (max) => Math.floor(next() * max),
    pick: (items) => items[Math.floor(next() * items.length)]!,
    chance: (p) => next() < p,
  };
}

/** Text that breaks parsers, HTML, SQL, paths, headers, redirects or Unicode handling. */
export const HOSTILE_STRINGS: readonly string[] = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\u0007\u001b[31m",
  "\r\n",
  "\u202e",
  "abc\u202edcba",
  "\u200d\u200c\u2060\ufeff",
  "👨\u200d👩\u200d👧",
  "\ud800",
  "\udfff lone",
  "\u0645\u0631\u062d\u0628\u0627",
  "e\u0301\u0301\u0301",
  "<script>alert(1)</script>",
  "<b id=fz>gras</b>",
  '"><img src=x onerror=alert(1)>',
  "&amp;&lt;&",
  "javascript:alert(1)",
  "' OR 1=1 --",
  '"; drop table staff; --',
  "1; select * from young_people",
  "%",
  "%00",
  "%2e%2e%2f",
  "%0d%0aSet-Cookie:x=1",
  "../../../etc/passwd",
  "..\\..\\boot.ini",
  "//evil.example",
  "/\t/evil.example",
  "/\\evil.example",
  "\\\\evil",
  "/%09/evil.example",
  "https://evil.example/",
  "http://127.0.0.1:8080/",
  "https://169.254.169.254/latest",
  "file:///etc/passwd",
  "{{7*7}}",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, on purpose
  "${7*7}",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "null",
  "undefined",
  "true",
  "NaN",
  "Infinity",
  "-1",
  "0",
  "1e309",
  "-0",
  "9007199254740993",
  "0x10",
  "1.5",
  "2030-01",
  "2000-13",
  "0000-00",
  "1999-02-30",
  "ase",
  "mna",
  "44",
  "fr",
  "ar",
  "xx",
  "ABCD-2345",
  "code ABCD-2345",
  "/staff ABCD-2345",
  "/start",
  "ack:00000000-0000-0000-0000-000000000000",
  "alert:flood",
  "alert:suicide",
  "delete:yes",
  "link:unlink_yes",
  "contact:send",
  "menu",
  "lang:fr",
  "privacy:accept",
  "x".repeat(2001),
  "é".repeat(3000),
  "🙂".repeat(600),
  "a\n".repeat(500),
];

/** Names a form or JSON body of this app may carry (the test adds those it reads from the pages). */
export const FIELD_NAMES: readonly string[] = [
  "_csrf",
  "email",
  "password",
  "name",
  "role",
  "purpose",
  "next",
  "teamId",
  "locale",
  "text",
  "action",
  "webhookUrl",
  "webhookSecret",
  "backupTelegramChatId",
  "backupEmail",
  "steps",
  "file",
  "id",
  "birth",
  "status",
  "dept",
  "entered_care",
  "today",
  "__proto__",
  "constructor",
];

export function hostileString(r: Rng): string {
  const base = r.pick(HOSTILE_STRINGS);
  if (r.chance(0.2)) return base + r.pick(HOSTILE_STRINGS);
  if (r.chance(0.1)) return String.fromCharCode(...Array.from({ length: 1 + r.int(40) }, () => r.int(0x3000)));
  return base;
}

function hostileNumber(r: Rng): number {
  return r.pick([
    0,
    -1,
    1,
    1.5,
    -0,
    2 ** 31,
    2 ** 53 + 1,
    -(2 ** 63),
    1e308,
    Number.MAX_SAFE_INTEGER,
    r.int(1_000_000),
  ]);
}

/** Any JSON value, nested to `depth`; objects use `keys` (known names) or hostile ones. */
export function jsonValue(r: Rng, keys: readonly string[] = FIELD_NAMES, depth = 3): unknown {
  const kind = r.int(depth <= 0 ? 4 : 7);
  switch (kind) {
    case 0:
      return null;
    case 1:
      return r.chance(0.5);
    case 2:
      return hostileNumber(r);
    case 3:
      return hostileString(r);
    case 4:
      return Array.from({ length: r.int(r.chance(0.1) ? 200 : 5) }, () => jsonValue(r, keys, depth - 1));
    default: {
      const object: Record<string, unknown> = {};
      for (let i = r.int(6); i > 0; i--)
        object[r.chance(0.8) ? r.pick(keys) : hostileString(r)] = jsonValue(r, keys, depth - 1);
      return object;
    }
  }
}

/** A deeply nested array (a parser's recursion limit). */
export function deepJson(levels: number): string {
  return "[".repeat(levels) + "]".repeat(levels);
}

/** A body as sent on the wire: its bytes and its Content-Type (which may lie). */
export type WireBody = { body: string | Uint8Array | null; contentType: string | null };

export function formBody(r: Rng, fields: Record<string, string>): WireBody {
  const type = r.pick([
    "application/x-www-form-urlencoded",
    "application/x-www-form-urlencoded; charset=utf-8",
    "multipart/form-data",
    "text/plain",
    null,
  ]);
  if (type === "multipart/form-data") return multipart(r, fields);
  return { body: new URLSearchParams(fields).toString(), contentType: type };
}

/** A multipart body, well-formed or broken (wrong boundary, truncated, no boundary at all). */
export function multipart(r: Rng, fields: Record<string, string>): WireBody {
  const boundary = `fz${r.int(1e9)}`;
  const parts = Object.entries(fields)
    .map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
    .join("");
  const whole = `${parts}--${boundary}--\r\n`;
  switch (r.int(5)) {
    case 0:
      return { body: whole, contentType: "multipart/form-data" };
    case 1:
      return { body: whole, contentType: `multipart/form-data; boundary=other${boundary}` };
    case 2:
      return {
        body: whole.slice(0, Math.max(1, r.int(whole.length))),
        contentType: `multipart/form-data; boundary=${boundary}`,
      };
    case 3:
      return {
        body: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="x.json"\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(jsonValue(r))}\r\n--${boundary}--\r\n`,
        contentType: `multipart/form-data; boundary=${boundary}`,
      };
    default:
      return { body: whole, contentType: `multipart/form-data; boundary=${boundary}` };
  }
}

/** A body of any kind for a route: JSON of any shape, broken JSON, a form, bytes, nothing. */
export function anyBody(r: Rng, fields: readonly string[], form: () => Record<string, string>): WireBody {
  switch (r.int(9)) {
    case 0:
      return { body: null, contentType: null };
    case 1:
      return { body: JSON.stringify(jsonValue(r, fields)), contentType: "application/json" };
    case 2:
      return {
        body: JSON.stringify(jsonValue(r, fields)),
        contentType: r.pick([
          "text/plain",
          "application/json; charset=utf-16",
          "application/x-www-form-urlencoded",
          null,
        ]),
      };
    case 3:
      return {
        body: r.pick([
          "{",
          '{"text":',
          "[1,2",
          '"unterminated',
          "{'a':1}",
          "nul",
          "\u0000\u0000",
          "{}{}",
          "\ufeff{}",
          deepJson(r.chance(0.5) ? 100 : 5000),
        ]),
        contentType: "application/json",
      };
    case 4:
      return {
        body: new Uint8Array(Array.from({ length: r.int(600) }, () => r.int(256))),
        contentType: r.pick(["application/octet-stream", "application/json", "multipart/form-data; boundary=x", null]),
      };
    case 5:
      return {
        body: "x".repeat(r.pick([16 * 1024 + 1, 40_000, 200_000])),
        contentType: r.pick(["application/json", "application/x-www-form-urlencoded"]),
      };
    default:
      return formBody(r, form());
  }
}
