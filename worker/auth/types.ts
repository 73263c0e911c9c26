import type { StaffRole } from "../store/staff.ts";

export type { StaffRole };

/** The signed-in staff member, set by requireStaff(). */
export type StaffUser = { id: string; email: string; name: string; role: StaffRole };

/** Hono Variables for staff routes: `new Hono<StaffEnv>()`. */
export type StaffVariables = {
  staff: StaffUser;
  /** Per-session CSRF token (derived from the session token); use csrfToken(c). */
  staffCsrf: string;
};

export type StaffEnv = { Bindings: Env; Variables: StaffVariables };
