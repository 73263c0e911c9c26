import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CERTS_MISS_TTL_MS, verifyAccessJwt } from "../../../worker/auth/access.ts";
import { fakeReceiver } from "../../support/outside.ts";
import { staffFetch } from "../../support/staff.ts";

/**
 * Issue 22, finding 14: a JWT whose `kid` the team's certs do not have must not refetch the
 * certs on every request (an outsider's loop would hammer Access through us). A miss is
 * remembered briefly; a key rotated in is still found once that time has passed.
 */

const TEAM = "https://receiver.test";
const CONFIG = { team: TEAM, aud: "test-access-aud" };
const params = {
  name: "RSASSA-PKCS1-v1_5",
  modulusLength: 2048,
  publicExponent: new Uint8Array([1, 0, 1]),
  hash: "SHA-256",
};
let k1: CryptoKeyPair;
let k2: CryptoKeyPair;

function b64url(data: Uint8Array | string): string {
  const bytes = typeof data === "string" ? new TextEncoder().encode(data) : data;
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

async function jwt(kid: string, key: CryptoKey, email = "someone@example.org"): Promise<string> {
  const head = b64url(JSON.stringify({ alg: "RS256", kid, typ: "JWT" }));
  const body = b64url(
    JSON.stringify({ iss: TEAM, aud: [CONFIG.aud], email, exp: Math.floor(Date.now() / 1000) + 86_400 }),
  );
  const sig = await crypto.subtle.sign("RSASSA-PKCS1-v1_5", key, new TextEncoder().encode(`${head}.${body}`));
  return `${head}.${body}.${b64url(new Uint8Array(sig))}`;
}

const jwkOf = async (pair: CryptoKeyPair, kid: string) => ({
  ...((await crypto.subtle.exportKey("jwk", pair.publicKey)) as JsonWebKey),
  kid,
});
const certFetches = () => fakeReceiver.requests.filter((r) => r.url === `${TEAM}/cdn-cgi/access/certs`).length;

beforeAll(async () => {
  k1 = (await crypto.subtle.generateKey(params, true, ["sign", "verify"])) as CryptoKeyPair;
  k2 = (await crypto.subtle.generateKey(params, true, ["sign", "verify"])) as CryptoKeyPair;
});

beforeEach(() => fakeReceiver.reset());

describe("Access certs cache", () => {
  it("should fetch the certs once for a flood of tokens with an unknown kid", async () => {
    const now = Date.now();
    for (let i = 0; i < 20; i++) fakeReceiver.failNext({ status: 200, body: { keys: [await jwkOf(k1, "k1")] } });
    expect(await verifyAccessJwt(await jwt("k1", k1.privateKey), CONFIG, now)).toBe("someone@example.org");
    const forged = await jwt("no-such-kid", k2.privateKey);
    for (let i = 0; i < 20; i++) expect(await verifyAccessJwt(forged, CONFIG, now + i * 1000)).toBeNull();
    expect(certFetches()).toBe(1);
  });

  it("should not refetch through the Worker either: 30 requests with an unknown kid, at most one fetch", async () => {
    for (let i = 0; i < 30; i++) fakeReceiver.failNext({ status: 200, body: { keys: [await jwkOf(k1, "k1")] } });
    const forged = await jwt(`kid-${crypto.randomUUID()}`, k2.privateKey);
    for (let i = 0; i < 30; i++)
      expect((await staffFetch("/referent", { headers: { "Cf-Access-Jwt-Assertion": forged } })).status).toBe(302);
    expect(certFetches()).toBeLessThanOrEqual(1);
  });

  it("should remember a failing certs endpoint briefly too", async () => {
    const later = Date.now() + 10 * CERTS_MISS_TTL_MS;
    for (let i = 0; i < 20; i++) fakeReceiver.failNext({ status: 503, body: {} });
    const token = await jwt("k1", k1.privateKey);
    for (let i = 0; i < 20; i++) expect(await verifyAccessJwt(token, CONFIG, later + i)).toBeNull();
    expect(certFetches()).toBe(1);
  });

  it("should find a key rotated in once the miss has expired", async () => {
    const start = Date.now() + 100 * CERTS_MISS_TTL_MS;
    fakeReceiver.failNext(
      { status: 200, body: { keys: [await jwkOf(k1, "k1")] } },
      { status: 200, body: { keys: [await jwkOf(k1, "k1"), await jwkOf(k2, "k2")] } },
    );
    const rotated = await jwt("k2", k2.privateKey, "rotated@example.org");
    expect(await verifyAccessJwt(rotated, CONFIG, start)).toBeNull();
    expect(await verifyAccessJwt(rotated, CONFIG, start + CERTS_MISS_TTL_MS / 2)).toBeNull();
    expect(certFetches()).toBe(1);
    expect(await verifyAccessJwt(rotated, CONFIG, start + CERTS_MISS_TTL_MS + 1)).toBe("rotated@example.org");
    expect(certFetches()).toBe(2);
  });
});
