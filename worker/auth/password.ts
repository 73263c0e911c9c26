/**
 * Password hashing with PBKDF2 (WebCrypto, SHA-256), stored as a self-describing string:
 *   pbkdf2-sha256$<iterations>$<salt base64url>$<hash base64url>
 * Runs the same in the Worker and in Node (scripts/admin-create.ts). Workers cap PBKDF2 at
 * 100 000 iterations, which is the value used.
 */

export const PBKDF2_ITERATIONS = 100_000;
const SCHEME = "pbkdf2-sha256";
const HASH_BYTES = 32;

function toB64url(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromB64url(text: string): Uint8Array {
  const s = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(s, (c) => c.charCodeAt(0));
}

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(password.normalize("NFC")),
    "PBKDF2",
    false,
    ["deriveBits"],
  );
  const bits = await crypto.subtle.deriveBits(
    { name: "PBKDF2", hash: "SHA-256", salt: salt as BufferSource, iterations },
    key,
    HASH_BYTES * 8,
  );
  return new Uint8Array(bits);
}

export async function hashPassword(password: string, iterations = PBKDF2_ITERATIONS): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return `${SCHEME}$${iterations}$${toB64url(salt)}$${toB64url(await derive(password, salt, iterations))}`;
}

function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

/** False for a wrong password and for any malformed or unknown stored format. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, iter, salt, hash] = stored.split("$");
  const iterations = Number(iter);
  if (
    scheme !== SCHEME ||
    !salt ||
    !hash ||
    !Number.isInteger(iterations) ||
    iterations < 1 ||
    iterations > PBKDF2_ITERATIONS
  )
    return false;
  try {
    return constantTimeEqual(await derive(password, fromB64url(salt), iterations), fromB64url(hash));
  } catch {
    return false;
  }
}

/** A hash to compare against when the account does not exist, so timing does not tell. */
export const DUMMY_HASH = "pbkdf2-sha256$100000$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

export const MIN_PASSWORD_LENGTH = 10;
