/** The staff auth API used by every staff page (how sign-in works: README, "Staff, référents and alerts"). */
export { requireStaff, csrfToken, csrfCheck, startSession, endSession, safeNext, SESSION_COOKIE } from "./session.ts";
export { hashPassword, verifyPassword, MIN_PASSWORD_LENGTH } from "./password.ts";
export { audit } from "../store/staff.ts";
export type { StaffEnv, StaffUser, StaffVariables, StaffRole } from "./types.ts";
