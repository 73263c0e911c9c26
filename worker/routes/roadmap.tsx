import { Hono } from "hono";
import * as z from "zod/mini";
import { deptSchema } from "../../shared/content/model.ts";
import { lazy } from "../../shared/lazy.ts";
import { localeSchema, type Locale } from "../../shared/locales.ts";
import { statusSchema, yearMonthSchema, type Profile } from "../../shared/profile.ts";
import { isCalendarDate } from "../../shared/roadmap/compute.ts";
import { presentRoadmap, type PageStep, type PublicStep } from "../../shared/roadmap/present.ts";
import type { RoadmapRules } from "../../shared/roadmap/rules.ts";
import { parisDate } from "../../shared/roadmap/time.ts";
import { check } from "../http.ts";
import { database } from "../store/db.ts";
import { publishedRoadmapRules } from "../store/content-settings.ts";
import { RoadmapPage } from "../pages/roadmap.tsx";

/** The anonymous roadmap simulator (JSON and a small page): nothing is stored or logged. */
export const roadmapRoutes = new Hono<{ Bindings: Env }>();

export const roadmapQuerySchema = lazy(() =>
  z
    .object({
      birth: yearMonthSchema(),
      status: statusSchema(),
      dept: deptSchema,
      entered_care: z.optional(yearMonthSchema()),
      /** The month the residence permit ends (dates the renewal); may be in the future. */
      permit_expiry: z.optional(yearMonthSchema()),
      today: z.optional(z.string().check(z.refine(isCalendarDate, "expected a real date YYYY-MM-DD"))),
      locale: z.optional(localeSchema),
    })
    .check(
      z.refine((q) => !q.entered_care || q.entered_care >= q.birth, {
        message: "entered_care must not be before birth",
        path: ["entered_care"],
      }),
      z.refine((q) => !q.permit_expiry || q.permit_expiry > q.birth, {
        message: "permit_expiry must be after birth",
        path: ["permit_expiry"],
      }),
      // A month after `today` (the Paris date when not given) has not happened yet.
      z.refine((q) => q.birth <= thisMonth(q.today), { message: "birth must not be in the future", path: ["birth"] }),
      z.refine((q) => !q.entered_care || q.entered_care <= thisMonth(q.today), {
        message: "entered_care must not be in the future",
        path: ["entered_care"],
      }),
    ),
);

function thisMonth(today: string | undefined): string {
  return (today ?? parisDate(new Date())).slice(0, 7);
}
type RoadmapQuery = z.infer<ReturnType<typeof roadmapQuerySchema>>;

function publicSteps(
  query: RoadmapQuery,
  rules: RoadmapRules,
  now: Date,
): { steps: PublicStep[]; locale: Locale; page: PageStep[] } {
  const locale = query.locale ?? "fr";
  const profile: Profile = {
    birth: query.birth,
    status: query.status,
    dept: query.dept,
    ...(query.entered_care ? { enteredCare: query.entered_care } : {}),
    ...(query.permit_expiry ? { permitExpiry: query.permit_expiry } : {}),
  };
  return { ...presentRoadmap(profile, rules, query.today ?? parisDate(now), locale), locale };
}

roadmapRoutes.get("/api/roadmap", async (c) => {
  const query = check(roadmapQuerySchema(), c.req.query());
  const rules = await publishedRoadmapRules(database(c.env.DB));
  c.header("Cache-Control", "no-store");
  return c.json({ steps: publicSteps(query, rules, new Date()).steps });
});

roadmapRoutes.get("/parcours", async (c) => {
  // Empty form fields are "not given"; a half-filled form shows the form with the errors.
  const raw = Object.fromEntries(Object.entries(c.req.query()).filter(([, v]) => v !== ""));
  const locale = localeSchema.safeParse(raw.locale).success ? (raw.locale as Locale) : "fr";
  c.header("Cache-Control", "no-store");
  if (!raw.birth && !raw.status && !raw.dept) return c.html(<RoadmapPage locale={locale} values={raw} />);
  const parsed = roadmapQuerySchema().safeParse(raw);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => `${i.path.map(String).join(".")}: ${i.message}`);
    return c.html(<RoadmapPage locale={locale} values={raw} errors={errors} />, 400);
  }
  const rules = await publishedRoadmapRules(database(c.env.DB));
  return c.html(
    <RoadmapPage
      locale={locale}
      values={raw}
      steps={publicSteps(parsed.data, rules, new Date()).page}
      unavailable={rules.steps.length === 0}
    />,
  );
});
