import { contentLinks, type LinkCheck } from "../shared/content/links.ts";
import { contentAt } from "./content.ts";
import { latestVersion } from "./store/content.ts";
import { loadLinkChecks, publishedRoadmapRules, saveLinkChecks } from "./store/content-settings.ts";
import { database } from "./store/db.ts";

/**
 * The link checker (issue 21 §3): a bounded cron job that checks the links the published content
 * shows or cites, never checked ones first, then the stalest; HEAD first, GET when a server
 * refuses HEAD; at most LINKS_PER_HOST per site and run (per-domain pacing), one at a time, each
 * given TIMEOUT_MS. Results are kept in the content settings and shown in the admin's "à revoir".
 */
export const LINKS_PER_RUN = 40;
export const LINKS_PER_HOST = 2;
export const RECHECK_DAYS = 7;
const TIMEOUT_MS = 8000;
const DAY = 86_400_000;

class Timeout extends Error {}

async function request(url: string, method: "HEAD" | "GET", timeoutMs: number): Promise<Response> {
  const abort = new AbortController();
  let timer = 0 as unknown as ReturnType<typeof setTimeout>;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      abort.abort();
      reject(new Timeout());
    }, timeoutMs);
  });
  try {
    const response = await Promise.race([
      fetch(url, {
        method,
        redirect: "manual",
        signal: abort.signal,
        headers: { "User-Agent": "Passerelle link checker" },
      }),
      timeout,
    ]);
    await response.body?.cancel();
    return response;
  } finally {
    clearTimeout(timer);
  }
}

export async function probe(url: string, now: number, timeoutMs = TIMEOUT_MS): Promise<LinkCheck> {
  try {
    let response = await request(url, "HEAD", timeoutMs);
    // Some servers refuse HEAD (405, 501) or answer it badly: ask with GET before calling it broken.
    if (response.status >= 400) response = await request(url, "GET", timeoutMs);
    const status = response.status;
    if (status >= 200 && status < 300) return { status, result: "ok", checkedAt: now };
    if (status >= 300 && status < 400) {
      const location = response.headers.get("Location");
      return { status, result: "moved", ...(location ? { location } : {}), checkedAt: now };
    }
    return { status, result: "broken", checkedAt: now };
  } catch (error) {
    return { status: null, result: error instanceof Timeout ? "timeout" : "unreachable", checkedAt: now };
  }
}

/** The links to check in this run: never checked first, then the stalest, a few per host. */
export function linksToCheck(urls: string[], checks: Record<string, LinkCheck>, now: number): string[] {
  const due = urls
    .filter((u) => !checks[u] || now - checks[u].checkedAt >= RECHECK_DAYS * DAY)
    .sort((a, b) => (checks[a]?.checkedAt ?? 0) - (checks[b]?.checkedAt ?? 0) || a.localeCompare(b));
  const perHost = new Map<string, number>();
  const picked: string[] = [];
  for (const url of due) {
    const host = new URL(url).host;
    if ((perHost.get(host) ?? 0) >= LINKS_PER_HOST) continue;
    perHost.set(host, (perHost.get(host) ?? 0) + 1);
    picked.push(url);
    if (picked.length >= LINKS_PER_RUN) break;
  }
  return picked;
}

export async function checkLinks(
  env: Env,
  now: number,
  timeoutMs = TIMEOUT_MS,
): Promise<{ checked: number; broken: number }> {
  const db = database(env.DB);
  const [content, rules, checks] = await Promise.all([
    latestVersion(db).then((v) => contentAt(db, v)),
    publishedRoadmapRules(db),
    loadLinkChecks(db),
  ]);
  const links = contentLinks(content, rules);
  const next: Record<string, LinkCheck> = {};
  // Links no longer in the content are forgotten.
  for (const url of links.keys()) if (checks[url]) next[url] = checks[url];
  let checked = 0;
  let broken = 0;
  for (const url of linksToCheck([...links.keys()], checks, now)) {
    const check = await probe(url, now, timeoutMs);
    next[url] = check;
    checked++;
    if (check.result !== "ok" && check.result !== "moved") broken++;
  }
  await saveLinkChecks(db, next, now);
  return { checked, broken };
}
