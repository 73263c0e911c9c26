import * as z from "zod/mini";
import { deptSchema, type Dept } from "./content/model.ts";
import type { MessageKey } from "./i18n/index.ts";
import { lazy } from "./lazy.ts";

/** Situation chosen by the young person; `other` covers everything else. */
export const STATUSES = ["ase", "left_ase", "mna", "other"] as const;
export const statusSchema = lazy(() => z.enum(STATUSES));
export type Status = (typeof STATUSES)[number];

/** How each situation and département is named to the young person (shared/i18n). */
export const STATUS_KEYS = {
  ase: "statusAse",
  left_ase: "statusLeftAse",
  mna: "statusMna",
  other: "statusOther",
} as const satisfies Record<Status, MessageKey>;
export const DEPT_KEYS = { "44": "dept44", "49": "dept49", other: "deptOther" } as const satisfies Record<
  Dept,
  MessageKey
>;

/** Month precision is enough for every deadline and leaks less than a full birth date. */
export const yearMonthSchema = lazy(() =>
  z.string().check(z.regex(/^(19|20)\d{2}-(0[1-9]|1[0-2])$/, "expected YYYY-MM")),
);

export const profileSchema = lazy(() =>
  z.object({
    birth: z.optional(yearMonthSchema()),
    status: z.optional(statusSchema()),
    dept: z.optional(deptSchema),
    /** When the young person was entrusted to the ASE: decides the residence-permit route for MNA. */
    enteredCare: z.optional(yearMonthSchema()),
    /**
     * The month the residence permit ends, if the young person chooses to give it: only to date
     * the renewal (filed 120 to 60 days before). Stored and deleted like the birth month.
     */
    permitExpiry: z.optional(yearMonthSchema()),
  }),
);
export type Profile = z.infer<ReturnType<typeof profileSchema>>;

/** A profile from its D1 columns (null: not given); a stored value that no longer parses counts as not given. */
export function profileFromColumns(row: {
  birth: string | null;
  status: string | null;
  dept: string | null;
  enteredCare: string | null;
  permitExpiry: string | null;
}): Profile {
  const parsed = profileSchema().safeParse({
    birth: row.birth ?? undefined,
    status: row.status ?? undefined,
    dept: row.dept ?? undefined,
    enteredCare: row.enteredCare ?? undefined,
    permitExpiry: row.permitExpiry ?? undefined,
  });
  return parsed.success ? parsed.data : {};
}
