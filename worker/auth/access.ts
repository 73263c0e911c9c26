import type { Context } from "hono";
import { configOf } from "../config.ts";

/**
 * Optional Cloudflare Access: when CF_ACCESS_TEAM_DOMAIN (https://<team>.cloudflareaccess.com)
 * and CF_ACCESS_AUD are set, a `Cf-Access-Jwt-Assertion` header verified against the team's
 * certs (RS256, issuer, audience, expiry) gives an e-mail, mapped to an existing staff account.
 */

type Jwk = JsonWebKey & { kid?: string };
/** The team's certs as last fetched (`fetchedAt`), and when Access was last asked (`checkedAt`). */
let certs: { url: string; keys: Jwk[]; fetchedAt: number; checkedAt: number } | null = null;
const CERTS_TTL_MS = 10 * 60 * 1000;
/**
 * A kid the certs lack, or a certs endpoint that failed, is asked again at most this often
 * (issue 22, finding 14: an unknown kid refetched the certs on every request). Access
 * publishes a rotated key before signing with it, so a minute's delay is the worst case.
 */
export const CERTS_MISS_TTL_MS = 60 * 1000;

/** Read by the one settings schema (worker/config.ts): both set, or Access is off. */
export function accessConfig(env: Env): { team: string; aud: string } | null {
  return configOf(env).access;
}

function b64urlBytes(text: string): Uint8Array {
  const s = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(s, (c) => c.charCodeAt(0));
}

async function keyFor(team: string, kid: string | undefined, now: number): Promise<Jwk | null> {
  const url = `${team}/cdn-cgi/access/certs`;
  const cached = certs?.url === url ? certs : null;
  const fresh = cached !== null && now - cached.fetchedAt < CERTS_TTL_MS;
  const found = fresh ? cached.keys.find((k) => k.kid === kid) : undefined;
  if (found) return found;
  if (cached && now - cached.checkedAt < CERTS_MISS_TTL_MS) return null;
  let keys: Jwk[] | null = null;
  try {
    const res = await fetch(url);
    if (res.ok) keys = ((await res.json()) as { keys?: Jwk[] }).keys ?? [];
  } catch {
    keys = null;
  }
  // A failure keeps what was known (still refused once stale) and is not retried at once either.
  certs = keys
    ? { url, keys, fetchedAt: now, checkedAt: now }
    : { url, keys: cached?.keys ?? [], fetchedAt: cached?.fetchedAt ?? 0, checkedAt: now };
  if (!keys) console.warn("access certs: fetch failed");
  return keys?.find((k) => k.kid === kid) ?? null;
}

/** The verified e-mail of an Access JWT, or null (invalid, expired, wrong audience, not configured). */
export async function verifyAccessJwt(
  jwt: string,
  config: { team: string; aud: string },
  now = Date.now(),
): Promise<string | null> {
  const [h, p, s] = jwt.split(".");
  if (!h || !p || !s) return null;
  try {
    const header = JSON.parse(new TextDecoder().decode(b64urlBytes(h))) as { alg?: string; kid?: string };
    const payload = JSON.parse(new TextDecoder().decode(b64urlBytes(p))) as {
      iss?: string;
      aud?: string | string[];
      exp?: number;
      nbf?: number;
      email?: string;
    };
    if (header.alg !== "RS256") return null;
    const key = await keyFor(config.team, header.kid, now);
    if (!key) return null;
    const cryptoKey = await crypto.subtle.importKey("jwk", key, { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" }, false, [
      "verify",
    ]);
    const ok = await crypto.subtle.verify(
      "RSASSA-PKCS1-v1_5",
      cryptoKey,
      b64urlBytes(s) as BufferSource,
      new TextEncoder().encode(`${h}.${p}`),
    );
    if (!ok) return null;
    const auds = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
    const seconds = now / 1000;
    if (payload.iss !== config.team || !auds.includes(config.aud)) return null;
    if (typeof payload.exp !== "number" || payload.exp < seconds) return null;
    if (typeof payload.nbf === "number" && payload.nbf > seconds + 60) return null;
    return typeof payload.email === "string" ? payload.email : null;
  } catch {
    return null;
  }
}

export async function accessEmail(c: Context): Promise<string | null> {
  const config = accessConfig(c.env as Env);
  const jwt = c.req.header("Cf-Access-Jwt-Assertion");
  if (!config || !jwt) return null;
  return verifyAccessJwt(jwt, config);
}
