import { pick, type LocalizedText } from "../content/model.ts";
import type { MessageKey } from "../i18n/index.ts";
import type { Locale } from "../locales.ts";
import type { StepState } from "./compute.ts";
import type { DeptSettings } from "./rules.ts";

/** How each step state is named to the young person (shared/i18n). */
export const STEP_STATE_KEYS = { overdue: "roadmapStateOverdue", now: "roadmapStateNow", soon: "roadmapStateSoon", later: "roadmapStateLater", done: "roadmapStateDone" } as const satisfies Record<StepState, MessageKey>;

/** A rule text in `locale` (French fallback) with `{ageLimit}` filled from the département's data. */
export function ruleText(value: LocalizedText, locale: Locale, settings: DeptSettings): { text: string; fallback: boolean } {
  const picked = pick(value, locale);
  return { text: picked.text.replace(/\{ageLimit\}/g, String(settings.cjmAgeLimit)), fallback: picked.fallback };
}
