import { pick, type LocalizedText } from "../content/model.ts";
import type { MessageKey } from "../i18n/index.ts";
import type { Locale } from "../locales.ts";
import type { Profile } from "../profile.ts";
import { computeRoadmap, settingsFor, type Progress, type StepState } from "./compute.ts";
import type { DeptSettings, RoadmapRules } from "./rules.ts";

/** How each step state is named to the young person (shared/i18n). */
export const STEP_STATE_KEYS = {
  overdue: "roadmapStateOverdue",
  now: "roadmapStateNow",
  soon: "roadmapStateSoon",
  later: "roadmapStateLater",
  done: "roadmapStateDone",
} as const satisfies Record<StepState, MessageKey>;

/** A rule text in `locale` (French fallback) with `{ageLimit}` filled from the département's data. */
export function ruleText(
  value: LocalizedText,
  locale: Locale,
  settings: DeptSettings,
): { text: string; fallback: boolean } {
  const picked = pick(value, locale);
  return { text: picked.text.replace(/\{ageLimit\}/g, String(settings.cjmAgeLimit)), fallback: picked.fallback };
}

/** A step as the public contract shows it (GET /api/roadmap, the web chat's timeline). */
export type PublicStep = {
  id: string;
  title: string;
  due: string | null;
  state: StepState;
  why: string;
  sources: { label: string; url?: string }[];
};

/** A step as the simulator page shows it: also when it opens and which documents it needs. */
export type PageStep = PublicStep & { opens: string | null; documents: string | null };

/** A roadmap in `locale`, as the public contract (`steps`) and as the simulator page (`page`) show it. */
export function presentRoadmap(
  profile: Profile,
  rules: RoadmapRules,
  today: string,
  locale: Locale,
  progress: Progress = {},
): { steps: PublicStep[]; page: PageStep[] } {
  const settings = settingsFor(rules, profile);
  const computed = computeRoadmap(profile, rules, today, progress);
  const steps = computed.map((s) => ({
    id: s.id,
    title: ruleText(s.rule.title, locale, settings).text,
    due: s.due,
    state: s.state,
    why: ruleText(s.rule.why, locale, settings).text,
    sources: s.rule.sources,
  }));
  const page = computed.map((s, i) => ({
    ...steps[i]!,
    opens: s.opens,
    documents: s.rule.documents ? ruleText(s.rule.documents, locale, settings).text : null,
  }));
  return { steps, page };
}
