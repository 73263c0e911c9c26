import { describe, expect, it } from "vitest";
import { base64url, encryptPayload, fromBase64url, MAX_PLAINTEXT } from "../../../worker/push/encrypt.ts";
import { vapidAuthorization } from "../../../worker/push/vapid.ts";
import { browserSubscription, decrypt, enc, vapidSecrets } from "../../support/push.ts";

/**
 * Web Push's message encryption (RFC 8291) and VAPID (RFC 8292), checked as a browser would:
 * the body decrypted with the subscription's own private key and auth secret, by a decryption
 * written from the RFCs (tests/support/push.ts, not the Worker's key derivation), and the JWT
 * verified with the public key the browser subscribed with.
 */

describe("Web Push message encryption (RFC 8291)", () => {
  it("should give a body the subscription's private key and auth secret decrypt", async () => {
    const sub = await browserSubscription();
    const message = JSON.stringify({ title: "Passerelle", body: "🗺️ Rappel : ton entretien d'autonomie — مساري" });
    const body = await encryptPayload(enc(message), sub.keys);
    expect(await decrypt(body, sub)).toBe(message);
  });

  it("should use a fresh key and salt for every message (the same text never gives the same body)", async () => {
    const sub = await browserSubscription();
    const a = await encryptPayload(enc("même texte"), sub.keys);
    const b = await encryptPayload(enc("même texte"), sub.keys);
    expect(base64url(a.slice(0, 16))).not.toBe(base64url(b.slice(0, 16)));
    expect(base64url(a.slice(21, 86))).not.toBe(base64url(b.slice(21, 86)));
  });

  it("should not decrypt with another subscription's keys", async () => {
    const sub = await browserSubscription();
    const other = await browserSubscription();
    const body = await encryptPayload(enc("secret"), sub.keys);
    await expect(decrypt(body, { ...other, auth: sub.auth, publicKey: sub.publicKey })).rejects.toThrow();
    await expect(decrypt(body, { ...sub, auth: other.auth })).rejects.toThrow();
  });

  it("should refuse malformed keys and a text too long for one record", async () => {
    const sub = await browserSubscription();
    await expect(
      encryptPayload(enc("x"), { p256dh: base64url(new Uint8Array(33)), auth: sub.keys.auth }),
    ).rejects.toThrow(RangeError);
    await expect(encryptPayload(enc("x"), { p256dh: sub.keys.p256dh, auth: "AAAA" })).rejects.toThrow(RangeError);
    await expect(encryptPayload(new Uint8Array(MAX_PLAINTEXT + 1), sub.keys)).rejects.toThrow(RangeError);
    const full = await encryptPayload(new Uint8Array(MAX_PLAINTEXT), sub.keys);
    expect(full.length).toBeLessThanOrEqual(4096);
  });
});

describe("VAPID (RFC 8292)", () => {
  it("should sign a JWT for the push service's origin that the server's public key verifies", async () => {
    const secrets = await vapidSecrets();
    const keys = {
      publicKey: secrets.VAPID_PUBLIC_KEY,
      privateKey: secrets.VAPID_PRIVATE_KEY,
      subject: secrets.VAPID_SUBJECT,
    };
    const now = Date.UTC(2026, 11, 3, 12);
    const header = await vapidAuthorization(keys, "https://push.test/send/abc?x=1", now);
    const match = /^vapid t=([\w-]+)\.([\w-]+)\.([\w-]+), k=([\w-]+)$/.exec(header);
    expect(match).not.toBeNull();
    const [, head, claims, signature, k] = match!;
    expect(k).toBe(keys.publicKey);
    expect(JSON.parse(new TextDecoder().decode(fromBase64url(head!)))).toEqual({ typ: "JWT", alg: "ES256" });
    expect(JSON.parse(new TextDecoder().decode(fromBase64url(claims!)))).toEqual({
      aud: "https://push.test",
      exp: now / 1000 + 12 * 3600,
      sub: "mailto:dpo@example.org",
    });
    // The server's public key as the push service reads it: the raw point the `k=` parameter carries.
    const publicKey = await crypto.subtle.importKey(
      "raw",
      fromBase64url(k!),
      { name: "ECDSA", namedCurve: "P-256" },
      false,
      ["verify"],
    );
    const verified = await crypto.subtle.verify(
      { name: "ECDSA", hash: "SHA-256" },
      publicKey,
      fromBase64url(signature!),
      enc(`${head}.${claims}`),
    );
    expect(verified).toBe(true);
  });
});
