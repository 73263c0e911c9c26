import { and, asc, eq, gt, isNull, lt } from "drizzle-orm";
import { auditLog, staff, staffSessions, STAFF_ROLES } from "../../shared/db/schema.ts";
import type { Db } from "./db.ts";

/** SQL for staff accounts, their sessions and the audit log (sign-in limits: login-throttle.ts). */

export type StaffRole = (typeof STAFF_ROLES)[number];
export { STAFF_ROLES };

export type StaffAccount = {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  passwordHash: string | null;
  disabledAt: number | null;
  telegramChatId: string | null;
};

const accountColumns = {
  id: staff.id,
  email: staff.email,
  name: staff.name,
  role: staff.role,
  passwordHash: staff.passwordHash,
  disabledAt: staff.disabledAt,
  telegramChatId: staff.telegramChatId,
};

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function createStaff(
  db: Db,
  input: { email: string; name: string; role: StaffRole; passwordHash: string | null },
  now: Date,
): Promise<string> {
  const id = crypto.randomUUID();
  await db.insert(staff).values({
    id,
    email: normalizeEmail(input.email),
    name: input.name.trim(),
    role: input.role,
    passwordHash: input.passwordHash,
    createdAt: now.getTime(),
  });
  return id;
}

export async function staffByEmail(db: Db, email: string): Promise<StaffAccount | null> {
  const rows = await db
    .select(accountColumns)
    .from(staff)
    .where(eq(staff.email, normalizeEmail(email)))
    .limit(1);
  return rows[0] ?? null;
}

export async function staffById(db: Db, id: string): Promise<StaffAccount | null> {
  const rows = await db.select(accountColumns).from(staff).where(eq(staff.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function listStaff(db: Db): Promise<(StaffAccount & { createdAt: number; teamId: string | null })[]> {
  return db
    .select({ ...accountColumns, createdAt: staff.createdAt, teamId: staff.teamId })
    .from(staff)
    .orderBy(asc(staff.role), asc(staff.name));
}

export async function setStaffDisabled(db: Db, id: string, disabled: boolean, now: Date): Promise<void> {
  await db.batch([
    db
      .update(staff)
      .set({ disabledAt: disabled ? now.getTime() : null })
      .where(eq(staff.id, id)),
    ...(disabled ? [db.delete(staffSessions).where(eq(staffSessions.staffId, id))] : []),
  ]);
}

export async function setStaffPassword(db: Db, id: string, passwordHash: string): Promise<void> {
  await db.batch([
    db.update(staff).set({ passwordHash, failedLogins: 0, lockedUntil: null }).where(eq(staff.id, id)),
    db.delete(staffSessions).where(eq(staffSessions.staffId, id)),
  ]);
}

/** A successful login: session stored (token hash only). */
export async function openSession(db: Db, staffId: string, tokenHash: string, now: Date, ttlMs: number): Promise<void> {
  const at = now.getTime();
  await db.batch([
    db.insert(staffSessions).values({ tokenHash, staffId, createdAt: at, expiresAt: at + ttlMs }),
    // Housekeeping: this member's expired sessions.
    db.delete(staffSessions).where(and(eq(staffSessions.staffId, staffId), lt(staffSessions.expiresAt, at))),
  ]);
}

/** The staff member behind a live session of an enabled account, or null. */
export async function sessionStaff(
  db: Db,
  tokenHash: string,
  now: Date,
): Promise<{ id: string; email: string; name: string; role: StaffRole } | null> {
  const rows = await db
    .select({ id: staff.id, email: staff.email, name: staff.name, role: staff.role })
    .from(staffSessions)
    .innerJoin(staff, eq(staff.id, staffSessions.staffId))
    .where(
      and(eq(staffSessions.tokenHash, tokenHash), gt(staffSessions.expiresAt, now.getTime()), isNull(staff.disabledAt)),
    )
    .limit(1);
  return rows[0] ?? null;
}

export async function closeSession(db: Db, tokenHash: string): Promise<void> {
  await db.delete(staffSessions).where(eq(staffSessions.tokenHash, tokenHash));
}

/** Appends to the audit log (never message contents, never secrets). */
export async function audit(
  db: Db,
  staffId: string | null,
  action: string,
  target: string | null,
  details?: Record<string, unknown> | string,
): Promise<void> {
  await db.insert(auditLog).values({
    staffId,
    action,
    target,
    details: details === undefined ? null : typeof details === "string" ? details : JSON.stringify(details),
    at: Date.now(),
  });
}
