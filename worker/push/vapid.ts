import { base64url, fromBase64url } from "./encrypt.ts";

/**
 * VAPID (RFC 8292): the application server identifies itself to a push service with a JWT
 * signed ES256 by its own key pair (set with `wrangler secret put`), so a push service accepts
 * messages for a subscription only from the server the browser subscribed with.
 */

export type VapidKeys = { publicKey: string; privateKey: string; subject: string };

const signingKeys = new Map<string, Promise<CryptoKey>>();

/** The private key (base64url `d`) as a WebCrypto signing key, its public half (65 bytes) giving x and y. */
function signingKey(keys: VapidKeys): Promise<CryptoKey> {
  let key = signingKeys.get(keys.publicKey);
  if (!key) {
    const pub = fromBase64url(keys.publicKey);
    const jwk: JsonWebKey = {
      kty: "EC",
      crv: "P-256",
      d: keys.privateKey,
      x: base64url(pub.subarray(1, 33)),
      y: base64url(pub.subarray(33, 65)),
      ext: false,
    };
    key = crypto.subtle.importKey("jwk", jwk, { name: "ECDSA", namedCurve: "P-256" }, false, ["sign"]);
    signingKeys.set(keys.publicKey, key);
  }
  return key;
}

/** The `Authorization` header for a push to `endpoint`, valid 12 hours from `now`. */
export async function vapidAuthorization(keys: VapidKeys, endpoint: string, now: number): Promise<string> {
  const json = (value: unknown) => base64url(new TextEncoder().encode(JSON.stringify(value)));
  const claims = { aud: new URL(endpoint).origin, exp: Math.floor(now / 1000) + 12 * 3600, sub: keys.subject };
  const unsigned = `${json({ typ: "JWT", alg: "ES256" })}.${json(claims)}`;
  const signature = await crypto.subtle.sign(
    { name: "ECDSA", hash: "SHA-256" },
    await signingKey(keys),
    new TextEncoder().encode(unsigned),
  );
  return `vapid t=${unsigned}.${base64url(new Uint8Array(signature))}, k=${keys.publicKey}`;
}
