import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fakeReceiver } from "../../support/outside.ts";
import { makeStaff, sessionCookieOf, staffFetch } from "../../support/staff.ts";

/** Cloudflare Access: a verified `Cf-Access-Jwt-Assertion` maps to an existing staff account. */

const TEAM = "https://receiver.test";
const AUD = "test-access-aud";
let keys: CryptoKeyPair;
let otherKeys: CryptoKeyPair;
let jwk: JsonWebKey;

function b64url(data: Uint8Array | string): string {
  const bytes = typeof data === "string" ? new TextEncoder().encode(data) : data;
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

async function jwt(claims: Record<string, unknown>, key = keys.privateKey): Promise<string> {
  const head = b64url(JSON.stringify({ alg: "RS256", kid: "k1", typ: "JWT" }));
  const body = b64url(JSON.stringify(claims));
  const sig = await crypto.subtle.sign("RSASSA-PKCS1-v1_5", key, new TextEncoder().encode(`${head}.${body}`));
  return `${head}.${body}.${b64url(new Uint8Array(sig))}`;
}

const valid = (email: string) => ({
  iss: TEAM,
  aud: [AUD],
  email,
  exp: Math.floor(Date.now() / 1000) + 600,
  iat: Math.floor(Date.now() / 1000),
});

beforeAll(async () => {
  const params = {
    name: "RSASSA-PKCS1-v1_5",
    modulusLength: 2048,
    publicExponent: new Uint8Array([1, 0, 1]),
    hash: "SHA-256",
  };
  keys = (await crypto.subtle.generateKey(params, true, ["sign", "verify"])) as CryptoKeyPair;
  otherKeys = (await crypto.subtle.generateKey(params, true, ["sign", "verify"])) as CryptoKeyPair;
  jwk = { ...((await crypto.subtle.exportKey("jwk", keys.publicKey)) as JsonWebKey), kid: "k1" } as JsonWebKey;
});

beforeEach(() => {
  fakeReceiver.reset();
  // The team's certs endpoint answers (cached per isolate once fetched).
  for (let i = 0; i < 3; i++) fakeReceiver.failNext({ status: 200, body: { keys: [jwk] } });
});

describe("Cloudflare Access", () => {
  it("should sign in an existing staff member with a valid Access JWT", async () => {
    const staff = await makeStaff("referent");
    const res = await staffFetch("/referent", {
      headers: { "Cf-Access-Jwt-Assertion": await jwt(valid(staff.email)) },
    });
    expect(res.status).toBe(200);
    expect(sessionCookieOf(res)).not.toBeNull();
  });

  it("should refuse a JWT for another audience, an expired one, a forged one, or an unknown e-mail", async () => {
    const staff = await makeStaff("referent");
    const bad = [
      await jwt({ ...valid(staff.email), aud: ["someone-else"] }),
      await jwt({ ...valid(staff.email), exp: Math.floor(Date.now() / 1000) - 10 }),
      await jwt({ ...valid(staff.email), iss: "https://evil.example" }),
      await jwt(valid(staff.email), otherKeys.privateKey),
      await jwt(valid("nobody@example.org")),
      "not.a.jwt",
    ];
    for (const token of bad) {
      const res = await staffFetch("/referent", { headers: { "Cf-Access-Jwt-Assertion": token } });
      expect(res.status).toBe(302);
    }
  });
});
