import { expect } from "vitest";
import { base64url } from "../../worker/push/encrypt.ts";

/**
 * A browser's side of Web Push, for tests: its subscription keys, and the decryption of a push
 * body written from RFC 8188 and RFC 8291 (HKDF spelled out with HMAC, not the Worker's code).
 */

export const enc = (s: string) => new Uint8Array(new TextEncoder().encode(s));

function join(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** HMAC-SHA-256, for an HKDF written out step by step (RFC 5869). */
async function hmac(key: Uint8Array<ArrayBuffer>, data: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const k = await crypto.subtle.importKey("raw", key, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return new Uint8Array(await crypto.subtle.sign("HMAC", k, data));
}
async function hkdf(salt: Uint8Array<ArrayBuffer>, ikm: Uint8Array<ArrayBuffer>, info: Uint8Array, length: number) {
  const prk = await hmac(salt, ikm);
  // One block of expansion is enough for 32 bytes or fewer: T(1) = HMAC(PRK, info || 0x01).
  return (await hmac(prk, join(info, new Uint8Array([1])))).slice(0, length);
}

/** A browser's subscription: its ECDH key pair and auth secret. */
export async function browserSubscription() {
  const pair = (await crypto.subtle.generateKey({ name: "ECDH", namedCurve: "P-256" }, true, [
    "deriveBits",
  ])) as CryptoKeyPair;
  const publicKey = new Uint8Array((await crypto.subtle.exportKey("raw", pair.publicKey)) as ArrayBuffer);
  const auth = crypto.getRandomValues(new Uint8Array(16));
  return { pair, publicKey, auth, keys: { p256dh: base64url(publicKey), auth: base64url(auth) } };
}

/** What the browser does with a push body (RFC 8188 + RFC 8291 §3.4). */
export async function decrypt(body: Uint8Array, sub: Awaited<ReturnType<typeof browserSubscription>>): Promise<string> {
  const salt = body.slice(0, 16);
  const rs = new DataView(body.buffer, body.byteOffset).getUint32(16);
  const idlen = body[20]!;
  const asPublic = body.slice(21, 21 + idlen);
  const record = body.slice(21 + idlen);
  expect(rs).toBeGreaterThanOrEqual(record.length);
  const as = await crypto.subtle.importKey("raw", asPublic, { name: "ECDH", namedCurve: "P-256" }, false, []);
  const secret = new Uint8Array(
    await crypto.subtle.deriveBits(
      { name: "ECDH", public: as } as unknown as SubtleCryptoDeriveKeyAlgorithm,
      sub.pair.privateKey,
      256,
    ),
  );
  const ikm = await hkdf(sub.auth, secret, join(enc("WebPush: info\0"), sub.publicKey, asPublic), 32);
  const cek = await hkdf(salt, ikm, enc("Content-Encoding: aes128gcm\0"), 16);
  const nonce = await hkdf(salt, ikm, enc("Content-Encoding: nonce\0"), 12);
  const key = await crypto.subtle.importKey("raw", cek, "AES-GCM", false, ["decrypt"]);
  const plain = new Uint8Array(await crypto.subtle.decrypt({ name: "AES-GCM", iv: nonce }, key, record));
  // The last record's padding delimiter is 0x02, then only zeros may follow.
  let end = plain.length - 1;
  while (end >= 0 && plain[end] === 0) end--;
  expect(plain[end]).toBe(2);
  return new TextDecoder().decode(plain.slice(0, end));
}

/** A VAPID key pair as `wrangler secret put` would hold it (base64url public point and private scalar). */
export async function vapidSecrets(): Promise<{
  VAPID_PUBLIC_KEY: string;
  VAPID_PRIVATE_KEY: string;
  VAPID_SUBJECT: string;
}> {
  const pair = (await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, [
    "sign",
    "verify",
  ])) as CryptoKeyPair;
  const jwk = (await crypto.subtle.exportKey("jwk", pair.privateKey)) as JsonWebKey;
  const publicRaw = new Uint8Array((await crypto.subtle.exportKey("raw", pair.publicKey)) as ArrayBuffer);
  return { VAPID_PUBLIC_KEY: base64url(publicRaw), VAPID_PRIVATE_KEY: jwk.d!, VAPID_SUBJECT: "mailto:dpo@example.org" };
}
