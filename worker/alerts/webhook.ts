/**
 * Signed webhook: the receiver recomputes HMAC-SHA256(secret, `${timestamp}.${body}`) and
 * compares it with `X-Passerelle-Signature: sha256=<hex>`; it should also refuse a
 * `X-Passerelle-Timestamp` (unix seconds) older than ~5 minutes (replays).
 */

export const SIGNATURE_HEADER = "X-Passerelle-Signature";
export const TIMESTAMP_HEADER = "X-Passerelle-Timestamp";

async function hmacHex(secret: string, data: string): Promise<string> {
  const key = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const mac = await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(data));
  return [...new Uint8Array(mac)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export async function signWebhook(secret: string, body: string, timestamp: number): Promise<string> {
  return `sha256=${await hmacHex(secret, `${timestamp}.${body}`)}`;
}

/** What a receiver does (also used by the tests). */
export async function verifyWebhook(
  secret: string,
  body: string,
  timestamp: string,
  signature: string,
  nowSeconds: number,
  toleranceSeconds = 300,
): Promise<boolean> {
  const ts = Number(timestamp);
  if (!Number.isInteger(ts) || Math.abs(nowSeconds - ts) > toleranceSeconds) return false;
  const expected = await signWebhook(secret, body, ts);
  if (expected.length !== signature.length) return false;
  let diff = 0;
  for (let i = 0; i < expected.length; i++) diff |= expected.charCodeAt(i) ^ signature.charCodeAt(i);
  return diff === 0;
}
