import { youngPeople } from "../../shared/db/schema.ts";

/**
 * The columns a person's roadmap is computed from (shared/profile.ts `profileFromColumns`
 * reads them), selected and typed once for every query that computes one.
 */
export const profileColumns = {
  birth: youngPeople.birth,
  status: youngPeople.status,
  dept: youngPeople.dept,
  enteredCare: youngPeople.enteredCare,
  permitExpiry: youngPeople.permitExpiry,
};

export type ProfileColumns = {
  birth: string | null;
  status: string | null;
  dept: string | null;
  enteredCare: string | null;
  permitExpiry: string | null;
};
