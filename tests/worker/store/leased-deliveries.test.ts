import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { alertDeliveries, digestDeliveries } from "../../../shared/db/schema.ts";
import { database } from "../../../worker/store/db.ts";
import {
  claimLeased,
  giveUpLeased,
  settleLeased,
  stalledLeased,
  type LeasedTable,
} from "../../../worker/store/leased-deliveries.ts";
import { leasedRow, pendingRow, type LeasedTableName } from "../../support/leased.ts";

/**
 * The lease, attempts and backoff columns shared by alert deliveries and the review digest's
 * e-mails, on both tables (their real migrations): a claim leases a row so two consumers never
 * send it at once, a failure waits for its retry, the give-up and delivered rules, the cron's
 * sweep of rows whose queue message was lost.
 */

const db = database(env.DB);
const LEASE = 60_000;
const T0 = Date.parse("2026-12-04T10:00:00Z");

const tables: [LeasedTableName, LeasedTable][] = [
  ["alert_deliveries", alertDeliveries],
  ["digest_deliveries", digestDeliveries],
];

describe.each(tables)("a leased delivery row in %s", (name, table) => {
  it("should lease a claimed row: a second claim meanwhile waits for the lease, one after it claims again", async () => {
    const id = await pendingRow(name, T0);
    expect(await claimLeased(db, table, id, T0, LEASE)).toEqual({ attempts: 1 });
    expect(await leasedRow(name, id)).toMatchObject({
      status: "pending",
      attempts: 1,
      next: T0 + LEASE,
      lastError: null,
    });
    expect(await claimLeased(db, table, id, T0 + 1000, LEASE)).toEqual({ leasedUntil: T0 + LEASE });
    expect(await claimLeased(db, table, id, T0 + LEASE - 1, LEASE)).toEqual({ leasedUntil: T0 + LEASE });
    // The attempt holding it died: the lease ends and another consumer takes it.
    expect(await claimLeased(db, table, id, T0 + LEASE, LEASE)).toEqual({ attempts: 2 });
  });

  it("should give a row claimed by two consumers at the same moment to one of them only", async () => {
    const id = await pendingRow(name, T0);
    const claims = await Promise.all([1, 2, 3].map(() => claimLeased(db, table, id, T0, LEASE)));
    expect(claims.filter((c) => c !== null && "attempts" in c)).toEqual([{ attempts: 1 }]);
    expect(claims.filter((c) => c !== null && "leasedUntil" in c)).toHaveLength(2);
  });

  it("should keep a failed attempt's error and retry time, and let its queue message claim it again", async () => {
    const id = await pendingRow(name, T0);
    await claimLeased(db, table, id, T0, LEASE);
    await settleLeased(db, table, id, { error: `email: ${"x".repeat(400)}`, nextAttemptAt: T0 + 2000 });
    const waiting = await leasedRow(name, id);
    expect(waiting).toMatchObject({ status: "pending", next: T0 + 2000 });
    expect(waiting!.lastError).toHaveLength(300);
    // The queue applied the backoff delay: the message back is claimed whatever the clock says.
    expect(await claimLeased(db, table, id, T0 + 1000, LEASE)).toEqual({ attempts: 2 });
    expect(await leasedRow(name, id)).toMatchObject({ lastError: null, next: T0 + 1000 + LEASE });
  });

  it("should fail a row for good, never claim it again and keep it failed when dead-lettered", async () => {
    const id = await pendingRow(name, T0);
    await claimLeased(db, table, id, T0, LEASE);
    await settleLeased(db, table, id, { error: "email: refused", nextAttemptAt: null });
    expect(await leasedRow(name, id)).toMatchObject({ status: "failed", lastError: "email: refused", next: null });
    expect(await claimLeased(db, table, id, T0 + LEASE, LEASE)).toBeNull();
    await giveUpLeased(db, table, id);
    await settleLeased(db, table, id, { error: "later", nextAttemptAt: T0 + 9000 });
    expect(await leasedRow(name, id)).toMatchObject({ status: "failed", lastError: "email: refused", next: null });
  });

  it("should keep a delivered row delivered: no claim, no failure or dead letter over it", async () => {
    const id = await pendingRow(name, T0);
    await claimLeased(db, table, id, T0, LEASE);
    await settleLeased(db, table, id, { delivered: T0 + 500 });
    expect(await leasedRow(name, id)).toEqual({
      status: "delivered",
      attempts: 1,
      lastError: null,
      next: null,
      deliveredAt: T0 + 500,
    });
    expect(await claimLeased(db, table, id, T0 + LEASE, LEASE)).toBeNull();
    await settleLeased(db, table, id, { error: "late", nextAttemptAt: null });
    await giveUpLeased(db, table, id);
    expect((await leasedRow(name, id))!.status).toBe("delivered");
  });

  it("should record a dead letter as failed, keeping the last error or saying dead-lettered", async () => {
    const failedOnce = await pendingRow(name, T0);
    await claimLeased(db, table, failedOnce, T0, LEASE);
    await settleLeased(db, table, failedOnce, { error: "email: Error", nextAttemptAt: T0 + 2000 });
    await giveUpLeased(db, table, failedOnce);
    expect(await leasedRow(name, failedOnce)).toMatchObject({
      status: "failed",
      lastError: "email: Error",
      next: null,
    });
    const neverTried = await pendingRow(name, T0);
    await giveUpLeased(db, table, neverTried);
    expect(await leasedRow(name, neverTried)).toMatchObject({ status: "failed", lastError: "dead-lettered" });
  });

  it("should list for the cron only the pending rows with nothing happening since the cut-off", async () => {
    const cut = T0 + 10 * 3_600_000;
    const lost = await pendingRow(name, cut - 5000);
    const leasedLong = await pendingRow(name, cut - 9000);
    await claimLeased(db, table, leasedLong, cut - 8000 - LEASE, LEASE);
    const retrySoon = await pendingRow(name, cut - 9000);
    await claimLeased(db, table, retrySoon, cut - 9000, LEASE);
    await settleLeased(db, table, retrySoon, { error: "x", nextAttemptAt: cut + 1000 });
    const recent = await pendingRow(name, cut + 1);
    const delivered = await pendingRow(name, cut - 9000);
    await settleLeased(db, table, delivered, { delivered: cut - 8000 });
    const stalled = await stalledLeased(db, table, cut, 1000);
    expect(stalled).toEqual(expect.arrayContaining([lost, leasedLong]));
    expect(stalled).not.toContain(retrySoon);
    expect(stalled).not.toContain(recent);
    expect(stalled).not.toContain(delivered);
    expect(await stalledLeased(db, table, cut, 1)).toHaveLength(1);
  });
});
