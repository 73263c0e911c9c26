import type { Context } from "hono";
import { configOf } from "../config.ts";

/**
 * Optional Cloudflare Access: when CF_ACCESS_TEAM_DOMAIN (https://<team>.cloudflareaccess.com)
 * and CF_ACCESS_AUD are set, a `Cf-Access-Jwt-Assertion` header verified against the team's
 * certs (RS256, issuer, audience, expiry) gives an e-mail, mapped to an existing staff account.
 */

type Jwk = JsonWebKey & { kid?: string };
let certs: { url: string; keys: Jwk[]; fetchedAt: number } | null = null;
const CERTS_TTL_MS = 10 * 60 * 1000;

/** Read by the one settings schema (worker/config.ts): both set, or Access is off. */
export function accessConfig(env: Env): { team: string; aud: string } | null {
  return configOf(env).access;
}

function b64urlBytes(text: string): Uint8Array {
  const s = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(s, (c) => c.charCodeAt(0));
}

async function keysFor(team: string, refresh: boolean): Promise<Jwk[]> {
  const url = `${team}/cdn-cgi/access/certs`;
  if (!refresh && certs && certs.url === url && Date.now() - certs.fetchedAt < CERTS_TTL_MS) return certs.keys;
  const res = await fetch(url);
  if (!res.ok) throw new Error(`access certs: ${res.status}`);
  const body = (await res.json()) as { keys?: Jwk[] };
  certs = { url, keys: body.keys ?? [], fetchedAt: Date.now() };
  return certs.keys;
}

/** The verified e-mail of an Access JWT, or null (invalid, expired, wrong audience, not configured). */
export async function verifyAccessJwt(jwt: string, config: { team: string; aud: string }, now = Date.now()): Promise<string | null> {
  const [h, p, s] = jwt.split(".");
  if (!h || !p || !s) return null;
  try {
    const header = JSON.parse(new TextDecoder().decode(b64urlBytes(h))) as { alg?: string; kid?: string };
    const payload = JSON.parse(new TextDecoder().decode(b64urlBytes(p))) as { iss?: string; aud?: string | string[]; exp?: number; nbf?: number; email?: string };
    if (header.alg !== "RS256") return null;
    let key = (await keysFor(config.team, false)).find((k) => k.kid === header.kid);
    if (!key) key = (await keysFor(config.team, true)).find((k) => k.kid === header.kid);
    if (!key) return null;
    const cryptoKey = await crypto.subtle.importKey("jwk", key, { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" }, false, ["verify"]);
    const ok = await crypto.subtle.verify("RSASSA-PKCS1-v1_5", cryptoKey, b64urlBytes(s) as BufferSource, new TextEncoder().encode(`${h}.${p}`));
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
