import * as z from "zod/mini";
import { deptSchema } from "./content/model.ts";
import { lazy } from "./lazy.ts";

/** Situation chosen by the young person; `other` covers everything else. */
export const STATUSES = ["ase", "left_ase", "mna", "other"] as const;
export const statusSchema = lazy(() => z.enum(STATUSES));
export type Status = (typeof STATUSES)[number];

/** Month precision is enough for every deadline and leaks less than a full birth date. */
export const yearMonthSchema = lazy(() => z.string().check(
  z.regex(/^(19|20)\d{2}-(0[1-9]|1[0-2])$/, "expected YYYY-MM"),
));
export type YearMonth = z.infer<ReturnType<typeof yearMonthSchema>>;

export const profileSchema = lazy(() => z.object({
  birth: z.optional(yearMonthSchema()),
  status: z.optional(statusSchema()),
  dept: z.optional(deptSchema),
  /** When the young person was entrusted to the ASE: decides the residence-permit route for MNA. */
  enteredCare: z.optional(yearMonthSchema()),
}));
export type Profile = z.infer<ReturnType<typeof profileSchema>>;
