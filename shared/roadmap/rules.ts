import * as z from "zod/mini";
import { isoDateSchema, localizedTextSchema, slugSchema, sourceSchema } from "../content/model.ts";
import { lazy } from "../lazy.ts";
import { STATUSES } from "../profile.ts";

/**
 * Roadmap rules are DATA, not code: a plain JSON-able object validated by `roadmapRulesSchema`,
 * so the Département's content managers can change ages, delays and texts (a later CMS edits
 * it). Every legal fact in them comes from ../shared/domain/facts.md (beside the repository),
 * with its source.
 *
 * Dates are written relative to an anchor:
 * - "birth": the birthday convention (see compute.ts: the 1st of the birth month);
 * - "careLimit": the birthday at the département's `cjmAgeLimit` (21 by law);
 * - "leftCare": end of care, assumed to be the 18th birthday (we do not store the real date);
 * - "enteredCare": the 1st of the month the young person was entrusted to the ASE (when given);
 * - "permitExpiry": the 1st of the month the residence permit ends (when given).
 * A date anchored on a month the young person did not give is unknown (null).
 */

const int = lazy(() => z.number().check(z.int()));

export const DATE_ANCHORS = ["birth", "careLimit", "leftCare", "enteredCare", "permitExpiry"] as const;
export type DateAnchor = (typeof DATE_ANCHORS)[number];

export const dateSpecSchema = lazy(() =>
  z.object({
    from: z.enum(DATE_ANCHORS),
    years: z.optional(int()),
    months: z.optional(int()),
    days: z.optional(int()),
  }),
);
export type DateSpec = z.infer<ReturnType<typeof dateSpecSchema>>;

export const stepRuleSchema = lazy(() =>
  z.object({
    id: slugSchema(),
    /** Who the step is for. */
    statuses: z.array(z.enum(STATUSES)).check(z.minLength(1)),
    /**
     * Age at entry into care, in whole months (entered_care − birth month), inclusive bounds.
     * A step with this condition is kept when the date is unknown and `ifUnknown` is true:
     * showing a possibly useless step is safer than hiding a deadline.
     */
    enteredCareMonths: z.optional(z.object({ min: z.optional(int()), max: z.optional(int()), ifUnknown: z.boolean() })),
    /** The last day to act (null when there is no fixed date). */
    due: z.optional(dateSpecSchema()),
    /** When it starts making sense to act; without it, `leadMonths` before `due`, or always. */
    opens: z.optional(dateSpecSchema()),
    leadMonths: z.optional(int()),
    /** After this date the step is not shown any more (too old for it). */
    hideAfter: z.optional(dateSpecSchema()),
    /** Before this date the step is not shown yet (too young for it). */
    showFrom: z.optional(dateSpecSchema()),
    /**
     * Who still sees the step, undated, when a month its dates are anchored on (entered care,
     * permit expiry) is unknown; without it, everyone in `statuses` does.
     */
    ifAnchorUnknown: z.optional(z.array(z.enum(STATUSES))),
    /** Overdue by the département's `deadlineAlertDays`: a "deadline" alert to the référent. */
    alert: z.boolean(),
    title: localizedTextSchema(),
    why: localizedTextSchema(),
    documents: z.optional(localizedTextSchema()),
    /** A guidance step (content) that explains it further, when one fits. */
    contentStepId: z.optional(slugSchema()),
    sources: z.array(sourceSchema()),
    /** When a person last checked the rule against its sources (optional for rules saved before). */
    reviewedAt: z.optional(isoDateSchema()),
  }),
);
export type StepRule = z.infer<ReturnType<typeof stepRuleSchema>>;

export const deptSettingsSchema = lazy(() =>
  z.object({
    /** Age until which a contrat jeune majeur can be asked (21 by law; the Département may extend). */
    cjmAgeLimit: int().check(z.minimum(18), z.maximum(25)),
    /** Reminders are sent this many days before a due date (one per threshold). */
    reminderDaysBefore: z.array(int().check(z.minimum(0), z.maximum(365))),
    /** An undone step overdue by this many days raises a "deadline" alert. */
    deadlineAlertDays: int().check(z.minimum(0), z.maximum(365)),
    /** "soon": the step opens within this many days. */
    soonDays: int().check(z.minimum(1), z.maximum(730)),
  }),
);
export type DeptSettings = z.infer<ReturnType<typeof deptSettingsSchema>>;

export const roadmapRulesSchema = lazy(() =>
  z.object({
    depts: z.object({ "44": deptSettingsSchema(), "49": deptSettingsSchema(), other: deptSettingsSchema() }),
    steps: z.array(stepRuleSchema()),
  }),
);
export type RoadmapRules = z.infer<ReturnType<typeof roadmapRulesSchema>>;

/**
 * The default rules are seed data, not code: shared/content/seed/roadmap-rules.json, published
 * in D1 by the seed (`npm run db:seed`) like the guidance content, then edited in the content
 * admin (/admin/content/roadmap). Loire-Atlantique went back to 21 in April 2024: never promise 25.
 *
 * Until rules are published, the Worker uses these: no steps (an empty roadmap, as content falls
 * back to an empty snapshot), and the département settings the law gives (contrat jeune majeur
 * until 21, art. L222-5 CASF) with the seed's reminder and alert delays.
 */
const DEPT: DeptSettings = { cjmAgeLimit: 21, reminderDaysBefore: [30, 7], deadlineAlertDays: 7, soonDays: 90 };
export const EMPTY_ROADMAP_RULES: RoadmapRules = { depts: { "44": DEPT, "49": DEPT, other: DEPT }, steps: [] };

/** Validates rules coming from storage or an editor; the seed must pass too (tested). */
export function parseRoadmapRules(input: unknown): { ok: true; rules: RoadmapRules } | { ok: false; errors: string[] } {
  const parsed = roadmapRulesSchema().safeParse(input);
  if (!parsed.success)
    return { ok: false, errors: parsed.error.issues.map((i) => `${i.path.map(String).join(".")}: ${i.message}`) };
  const ids = parsed.data.steps.map((s) => s.id);
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate) return { ok: false, errors: [`steps: duplicate id ${duplicate}`] };
  return { ok: true, rules: parsed.data };
}
