import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { digestDeliveries } from "../../shared/db/schema.ts";
import { attemptLeased, type Attempt } from "../../worker/leased-attempt.ts";
import { database } from "../../worker/store/db.ts";
import { leasedRow, pendingRow } from "../support/leased.ts";

/**
 * One attempt at a stored delivery row, as alerts' deliveries and the review digest's e-mails
 * run it: the send is the outside world (a function answering as a receiver would), the row is
 * real (digest_deliveries, the real migrations). Delivered, retried with the deliveries'
 * backoff (or the receiver's Retry-After), failed for good when refused or out of attempts.
 */

const db = database(env.DB);
const T0 = Date.parse("2026-12-04T10:00:00Z");
/** A receiver answering each attempt in turn, recording what it was given. */
function receiver(...answers: Attempt[]) {
  const sent: number[] = [];
  return {
    sent,
    steps: (maxAttempts?: number) => ({
      load: async (attempts: number) => attempts,
      send: async (attempts: number) => {
        sent.push(attempts);
        return answers.shift() ?? { ok: true as const };
      },
      ...(maxAttempts ? { maxAttempts } : {}),
    }),
  };
}

describe("one attempt at a leased delivery", () => {
  it("should deliver, then do nothing more for the same row", async () => {
    const id = await pendingRow("digest_deliveries", T0);
    const rx = receiver({ ok: true });
    expect(await attemptLeased(db, digestDeliveries, id, T0, rx.steps())).toEqual({ kind: "done" });
    expect(await attemptLeased(db, digestDeliveries, id, T0 + 1, rx.steps())).toEqual({ kind: "done" });
    expect(rx.sent).toEqual([1]);
    expect((await leasedRow("digest_deliveries", id))!.status).toBe("delivered");
  });

  it("should retry a refusal with the backoff from 2 s, or after the receiver's Retry-After", async () => {
    const id = await pendingRow("digest_deliveries", T0);
    const rx = receiver(
      { ok: false, retryable: true, error: "email: Error" },
      { ok: false, retryable: true, error: "email: Error" },
      { ok: false, retryable: true, error: "email: busy", retryAfter: 30 },
    );
    expect(await attemptLeased(db, digestDeliveries, id, T0, rx.steps())).toEqual({ kind: "retry", delaySeconds: 2 });
    expect(await leasedRow("digest_deliveries", id)).toMatchObject({
      status: "pending",
      lastError: "email: Error",
      next: T0 + 2000,
    });
    expect(await attemptLeased(db, digestDeliveries, id, T0 + 2000, rx.steps())).toEqual({
      kind: "retry",
      delaySeconds: 4,
    });
    expect(await attemptLeased(db, digestDeliveries, id, T0 + 6000, rx.steps())).toEqual({
      kind: "retry",
      delaySeconds: 30,
    });
    expect(await attemptLeased(db, digestDeliveries, id, T0 + 36_000, rx.steps())).toEqual({ kind: "done" });
    expect(rx.sent).toEqual([1, 2, 3, 4]);
    expect((await leasedRow("digest_deliveries", id))!.status).toBe("delivered");
  });

  it("should tell a second consumer to come back when the lease ends, without sending", async () => {
    const id = await pendingRow("digest_deliveries", T0);
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let sends = 0;
    const first = attemptLeased(db, digestDeliveries, id, T0, {
      load: async () => "work",
      send: async () => {
        sends++;
        await held;
        return { ok: true };
      },
    });
    while (sends === 0) await new Promise((r) => setTimeout(r, 5));
    const second = await attemptLeased(db, digestDeliveries, id, T0 + 10_500, {
      load: async () => "work",
      send: async () => {
        sends++;
        return { ok: true };
      },
    });
    expect(second).toEqual({ kind: "retry", delaySeconds: 50 });
    release();
    expect(await first).toEqual({ kind: "done" });
    expect(sends).toBe(1);
  });

  it("should fail for good a refusal that is not retryable, or the last allowed attempt", async () => {
    const refused = await pendingRow("digest_deliveries", T0);
    const rx = receiver({ ok: false, retryable: false, error: "recipient disabled" });
    expect(await attemptLeased(db, digestDeliveries, refused, T0, rx.steps())).toEqual({ kind: "done" });
    expect(await leasedRow("digest_deliveries", refused)).toMatchObject({
      status: "failed",
      lastError: "recipient disabled",
    });
    const tired = await pendingRow("digest_deliveries", T0);
    const busy = receiver(
      { ok: false, retryable: true, error: "email: Error" },
      { ok: false, retryable: true, error: "email: Error" },
    );
    expect((await attemptLeased(db, digestDeliveries, tired, T0, busy.steps(2))).kind).toBe("retry");
    expect(await attemptLeased(db, digestDeliveries, tired, T0 + 2000, busy.steps(2))).toEqual({ kind: "done" });
    expect(await leasedRow("digest_deliveries", tired)).toMatchObject({
      status: "failed",
      attempts: 2,
      lastError: "email: Error",
    });
  });

  it("should send nothing when there is nothing left to send", async () => {
    const id = await pendingRow("digest_deliveries", T0);
    let sends = 0;
    const outcome = await attemptLeased(db, digestDeliveries, id, T0, {
      load: async () => null,
      send: async () => {
        sends++;
        return { ok: true };
      },
    });
    expect(outcome).toEqual({ kind: "done" });
    expect(sends).toBe(0);
  });
});
