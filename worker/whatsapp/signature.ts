/**
 * Meta signs every webhook call: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body,
 * keyed with the app secret>`. `crypto.subtle.verify` compares in constant time.
 */
const keys = new Map<string, Promise<CryptoKey>>();

function keyFor(appSecret: string): Promise<CryptoKey> {
  let key = keys.get(appSecret);
  if (!key) {
    key = crypto.subtle.importKey(
      "raw",
      new TextEncoder().encode(appSecret),
      { name: "HMAC", hash: "SHA-256" },
      false,
      ["sign", "verify"],
    );
    keys.set(appSecret, key);
  }
  return key;
}

export async function validSignature(
  header: string | undefined,
  body: ArrayBuffer,
  appSecret: string,
): Promise<boolean> {
  const hex = /^sha256=([0-9a-f]{64})$/i.exec(header ?? "")?.[1];
  if (!hex) return false;
  const signature = new Uint8Array(32);
  for (let i = 0; i < 32; i++) signature[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return crypto.subtle.verify("HMAC", await keyFor(appSecret), signature, body);
}

/** The header Meta would send for this body (tests and the local simulator sign with it). */
export async function signatureOf(body: string, appSecret: string): Promise<string> {
  const mac = await crypto.subtle.sign("HMAC", await keyFor(appSecret), new TextEncoder().encode(body));
  return `sha256=${[...new Uint8Array(mac)].map((b) => b.toString(16).padStart(2, "0")).join("")}`;
}
