import { env } from "cloudflare:workers";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { checkLinks, linksToCheck, LINKS_PER_HOST, probe } from "../../worker/links.ts";
import { loadLinkChecks } from "../../worker/store/content-settings.ts";
import { database } from "../../worker/store/db.ts";
import { publishDrafts, replaceDrafts } from "../../worker/store/content.ts";
import { seedBundle } from "../../shared/content/seed/index.ts";
import type { ContentBundle } from "../../shared/content/model.ts";
import { fakeReceiver } from "../support/outside.ts";
import { loginAs, staffFetch } from "../support/staff.ts";
import { recordingQueue } from "../support/queue.ts";

/**
 * The link checker against local endpoints (receiver.test, answered in order): 200, 404, a
 * 301 to a new address, a server that refuses HEAD, and one that never answers in time.
 */

// One site per link (a port each): the checker paces itself per site.
const R = "https://receiver.test";
const PATHS = ["/a-ok", "/b-missing", "/c-moved", "/d-no-head", "/e-slow"];
const URLS = PATHS.map((p, i) => `${R}:${8001 + i}${p}`);
const path = (url: string) => new URL(url).pathname;

const bundle: ContentBundle = {
  ...seedBundle,
  topics: [],
  steps: [],
  faqs: [],
  letters: [],
  resources: URLS.map((url, i) => ({
    id: `res-${i}`,
    scope: "national" as const,
    name: { fr: `Ressource ${i}` },
    description: { fr: "x" },
    url,
    sources: [],
    reviewedAt: "2026-12-01",
  })),
};

beforeAll(async () => {
  const db = database(env.DB);
  expect((await replaceDrafts(db, bundle, "seed", new Date())).ok).toBe(true);
  expect((await publishDrafts(db, "seed", "links", new Date())).ok).toBe(true);
});
beforeEach(() => fakeReceiver.reset());

describe("link checker", () => {
  it("should record ok, broken, moved, HEAD refused then GET, and timeout", async () => {
    fakeReceiver.failNext(
      { status: 200 },
      { status: 404 },
      { status: 404 }, // the GET after a refused HEAD is refused too: broken
      { status: 301, headers: { Location: `${R}/c-new` } },
      { status: 405 },
      { status: 200 }, // the GET
      { status: 200, delayMs: 500 },
    );
    const now = Date.parse("2026-12-03T02:00:00Z");
    const run = await checkLinks(env, now, 100);
    expect(run).toEqual({ checked: 5, broken: 2 });
    const checks = await loadLinkChecks(database(env.DB));
    expect(Object.fromEntries(Object.entries(checks).map(([u, c]) => [path(u), [c.result, c.status]]))).toEqual({
      "/a-ok": ["ok", 200],
      "/b-missing": ["broken", 404],
      "/c-moved": ["moved", 301],
      "/d-no-head": ["ok", 200],
      "/e-slow": ["timeout", null],
    });
    expect(checks[URLS[2]!]!.location).toBe(`${R}/c-new`);
    expect(fakeReceiver.requests.map((r) => path(r.url))).toEqual([
      "/a-ok",
      "/b-missing",
      "/b-missing",
      "/c-moved",
      "/d-no-head",
      "/d-no-head",
      "/e-slow",
    ]);
  });

  it("should show the broken links in the admin with the items that use them", async () => {
    const editor = await loginAs("editor");
    const html = await (await staffFetch("/admin/content/review", { cookie: editor.cookie })).text();
    expect(html).toContain(URLS[1]);
    expect(html).toContain("broken (404)");
    expect(html).toContain("resource:res-1");
    expect(html).toContain("timeout");
    expect(html).not.toContain(`<td>${URLS[0]}</td>`);
  });

  it("should not check again before a week, and run bounded from the nightly cron", async () => {
    const queue = recordingQueue();
    await queue.cron("2026-12-05T02:00:00Z");
    expect(fakeReceiver.requests).toEqual([]);
    await queue.cron("2026-12-11T02:00:00Z");
    expect(fakeReceiver.requests.length).toBeGreaterThanOrEqual(5);
  });

  it("should check a few links per site and run, never checked ones first", () => {
    const many = Array.from({ length: 10 }, (_, i) => `https://one.example/${i}`);
    const now = 10 * 86_400_000;
    const picked = linksToCheck(
      [...many, "https://two.example/x"],
      { "https://one.example/0": { status: 200, result: "ok", checkedAt: 1000 } },
      now,
    );
    expect(picked.filter((u) => u.startsWith("https://one.example"))).toHaveLength(LINKS_PER_HOST);
    expect(picked).toContain("https://two.example/x");
    expect(picked[0]).toBe("https://one.example/1");
  });

  it("should call a network failure unreachable", async () => {
    expect((await probe("https://nowhere.invalid/", 0, 100)).result).toBe("unreachable");
  });
});
