import type { Button, Reply } from "../../shared/api.ts";
import { DEPTS, type ContentSnapshot } from "../../shared/content/model.ts";
import { LOCALE_NAMES, LOCALES, type Locale } from "../../shared/locales.ts";
import { DEPT_KEYS, STATUSES, STATUS_KEYS } from "../../shared/profile.ts";
import { button, reply, say } from "../render.ts";
import type { ConversationState, Cursor } from "../state.ts";
import type { TurnResult } from "../types.ts";
import { renderMenu } from "./browse.ts";

/**
 * Language → what is stored and why → optional profile (birth month/year, situation; for an
 * MNA the month they were entrusted to the ASE and, once old enough to hold a residence
 * permit, the month it ends; département). Every question can be skipped; the menu is
 * reached either way.
 */

type Stage = Extract<Cursor, { at: "onboarding" }>["stage"];

/** Every language, the young person's current one first (their phone's, before they chose). */
export function languageButtons(current: Locale): Button[] {
  return [current, ...LOCALES.filter((l) => l !== current)].map((locale) => ({
    label: LOCALE_NAMES[locale],
    action: `lang:${locale}`,
  }));
}

function birthYears(now: Date): number[] {
  const current = now.getUTCFullYear();
  const years: number[] = [];
  for (let year = current - 25; year <= current - 14; year++) years.push(year);
  return years;
}

/** The years a residence permit held today can end in (cards last 1 to 10 years). */
function permitYears(now: Date): number[] {
  const current = now.getUTCFullYear();
  return [0, 1, 2, 3, 4].map((i) => current + i);
}

/** Asked only of an MNA who may hold a card: 17 or older, or age unknown. */
function mayHoldPermit(state: ConversationState, now: Date): boolean {
  const { status, birth } = state.profile;
  if (status !== "mna") return false;
  return !birth || Number(birth.slice(0, 4)) <= now.getUTCFullYear() - 17;
}

/** The years shown for the month of entry into care (older years can be typed). */
function careYears(now: Date): number[] {
  const current = now.getUTCFullYear();
  return [5, 4, 3, 2, 1, 0].map((i) => current - i);
}

/** After the situation: an MNA's entry into care, then their card, then the département. */
function afterStatus(state: ConversationState, now: Date): TurnResult {
  return goTo(state, state.profile.status === "mna" ? "care_year" : "dept", now);
}

function afterCare(state: ConversationState, now: Date): TurnResult {
  return goTo(state, mayHoldPermit(state, now) ? "permit_year" : "dept", now);
}

const RENEWAL_STEP = "residence-permit-renewal";

export function monthNames(state: ConversationState): string[] {
  return say(state, "months").split(",");
}

/** The question for an onboarding stage, with its buttons. */
export function renderStage(state: ConversationState, stage: Stage, now: Date): Reply {
  const skip = button(state, "skip", "skip");
  switch (stage) {
    case "language":
      return reply(say(state, "chooseLanguage"), languageButtons(state.locale));
    case "privacy":
      return reply(`${say(state, "privacyNotice")}\n\n⚠️ ${say(state, "privacyWarning")}`, [
        button(state, "privacyAccept", "privacy:accept"),
        button(state, "privacySkipProfile", "privacy:skip"),
      ]);
    case "birth_year":
      return reply(say(state, "askBirthYear"), [
        ...birthYears(now).map((y) => ({ label: String(y), action: `year:${y}` })),
        skip,
      ]);
    case "birth_month":
      return reply(say(state, "askBirthMonth"), [
        ...monthNames(state).map((name, i) => ({ label: name, action: `month:${String(i + 1).padStart(2, "0")}` })),
        skip,
      ]);
    case "status":
      return reply(say(state, "askStatus"), [
        ...STATUSES.map((s) => button(state, STATUS_KEYS[s], `status:${s}`)),
        skip,
      ]);
    case "care_year":
      return reply(say(state, "askCareYear"), [
        ...careYears(now).map((y) => ({ label: String(y), action: `year:${y}` })),
        skip,
      ]);
    case "care_month":
      return reply(say(state, "askCareMonth"), [
        ...monthNames(state).map((name, i) => ({ label: name, action: `month:${String(i + 1).padStart(2, "0")}` })),
        skip,
      ]);
    case "permit_year":
      return reply(say(state, "askPermitYear"), [
        ...permitYears(now).map((y) => ({ label: String(y), action: `year:${y}` })),
        skip,
      ]);
    case "permit_month":
      return reply(say(state, "askPermitMonth"), [
        ...monthNames(state).map((name, i) => ({ label: name, action: `month:${String(i + 1).padStart(2, "0")}` })),
        skip,
      ]);
    case "dept":
      return reply(say(state, "askDept"), [...DEPTS.map((d) => button(state, DEPT_KEYS[d], `dept:${d}`)), skip]);
  }
}

function goTo(state: ConversationState, stage: Stage, now: Date, year?: number): TurnResult {
  const cursor: Cursor = {
    at: "onboarding",
    stage,
    ...(year ? { year } : {}),
    ...(isEditing(state) ? { editing: true } : {}),
  };
  const next = { ...state, cursor };
  return { state: next, replies: [renderStage(next, stage, now)], effects: [] };
}

function isEditing(state: ConversationState): boolean {
  return state.cursor.at === "onboarding" && state.cursor.editing === true;
}

function finish(
  state: ConversationState,
  content: ContentSnapshot,
  key: "profileSaved" | "profileSkipped",
): TurnResult {
  const next: ConversationState = { ...state, cursor: { at: "menu" } };
  return { state: next, replies: [reply(say(next, key)), renderMenu(next, content)], effects: [] };
}

export function startEditingProfile(state: ConversationState, now: Date): TurnResult {
  return goTo({ ...state, cursor: { at: "onboarding", stage: "birth_year", editing: true } }, "birth_year", now);
}

/** Handles a button pressed (or a value typed) during onboarding; null if it is not an answer. */
export function answerStage(
  state: ConversationState,
  name: string,
  arg: string | undefined,
  content: ContentSnapshot,
  now: Date,
): TurnResult | null {
  const cursor = state.cursor;
  if (cursor.at !== "onboarding") return null;
  const stage = cursor.stage;

  if (stage === "language" && name === "lang") {
    const locale = LOCALES.find((l) => l === arg);
    if (!locale) return null;
    return goTo({ ...state, locale }, "privacy", now);
  }
  if (stage === "privacy" && name === "privacy") {
    if (arg === "accept") return goTo({ ...state, consentAt: now.getTime() }, "birth_year", now);
    if (arg === "skip") return finish(state, content, "profileSkipped");
    return null;
  }
  if (stage === "birth_year") {
    if (name === "skip") return goTo(state, "status", now);
    const year = Number(arg);
    if (name === "year" && Number.isInteger(year) && year >= 1990 && year <= now.getUTCFullYear())
      return goTo(state, "birth_month", now, year);
    return null;
  }
  if (stage === "birth_month") {
    if (name === "skip") return goTo(state, "status", now);
    const month = Number(arg);
    if (name === "month" && cursor.year && month >= 1 && month <= 12) {
      const birth = `${cursor.year}-${String(month).padStart(2, "0")}`;
      return goTo({ ...state, profile: { ...state.profile, birth } }, "status", now);
    }
    return null;
  }
  if (stage === "status") {
    if (name === "skip") return afterStatus(state, now);
    const status = STATUSES.find((s) => s === arg);
    if (name === "status" && status) return afterStatus({ ...state, profile: { ...state.profile, status } }, now);
    return null;
  }
  // These questions are optional: a département pressed instead answers the last question.
  if (
    (stage === "care_year" || stage === "care_month" || stage === "permit_year" || stage === "permit_month") &&
    name === "dept"
  ) {
    return answerStage({ ...state, cursor: { ...cursor, stage: "dept" } }, name, arg, content, now);
  }
  if (stage === "care_year") {
    if (name === "skip") return afterCare(state, now);
    const year = Number(arg);
    const earliest = state.profile.birth ? Number(state.profile.birth.slice(0, 4)) : 1990;
    if (name === "year" && Number.isInteger(year) && year >= earliest && year <= now.getUTCFullYear())
      return goTo(state, "care_month", now, year);
    return null;
  }
  if (stage === "care_month") {
    if (name === "skip") return afterCare(state, now);
    const month = Number(arg);
    if (name === "month" && cursor.year && month >= 1 && month <= 12) {
      const enteredCare = `${cursor.year}-${String(month).padStart(2, "0")}`;
      const thisMonth = now.toISOString().slice(0, 7);
      // Not before birth, not in the future: ask again.
      if ((state.profile.birth && enteredCare < state.profile.birth) || enteredCare > thisMonth)
        return goTo(state, "care_year", now);
      return afterCare({ ...state, profile: { ...state.profile, enteredCare } }, now);
    }
    return null;
  }
  if (stage === "permit_year") {
    if (name === "skip") return goTo(state, "dept", now);
    const year = Number(arg);
    const current = now.getUTCFullYear();
    if (name === "year" && Number.isInteger(year) && year >= current - 1 && year <= current + 10)
      return goTo(state, "permit_month", now, year);
    return null;
  }
  if (stage === "permit_month") {
    if (name === "skip") return goTo(state, "dept", now);
    const month = Number(arg);
    if (name === "month" && cursor.year && month >= 1 && month <= 12) {
      const permitExpiry = `${cursor.year}-${String(month).padStart(2, "0")}`;
      const moved = permitExpiry !== state.profile.permitExpiry;
      const next = { ...state, profile: { ...state.profile, permitExpiry } };
      // A new card's end month: last card's renewal marked done no longer applies.
      if (!moved || state.roadmapProgress?.[RENEWAL_STEP] !== "done") return goTo(next, "dept", now);
      const { [RENEWAL_STEP]: _done, ...progress } = state.roadmapProgress;
      const result = goTo({ ...next, roadmapProgress: progress }, "dept", now);
      return { ...result, effects: [{ type: "roadmapProgress", stepId: RENEWAL_STEP, mark: null }] };
    }
    return null;
  }
  if (stage === "dept") {
    if (name === "skip") return finish(state, content, "profileSaved");
    const dept = DEPTS.find((d) => d === arg);
    if (name === "dept" && dept)
      return finish({ ...state, profile: { ...state.profile, dept } }, content, "profileSaved");
    return null;
  }
  return null;
}

const MONTH_WORDS: Record<string, number> = {
  janvier: 1,
  janv: 1,
  jan: 1,
  january: 1,
  fevrier: 2,
  fev: 2,
  february: 2,
  feb: 2,
  mars: 3,
  march: 3,
  mar: 3,
  avril: 4,
  april: 4,
  avr: 4,
  apr: 4,
  mai: 5,
  may: 5,
  juin: 6,
  june: 6,
  jun: 6,
  juillet: 7,
  july: 7,
  jul: 7,
  aout: 8,
  august: 8,
  aug: 8,
  septembre: 9,
  september: 9,
  sept: 9,
  sep: 9,
  octobre: 10,
  october: 10,
  oct: 10,
  novembre: 11,
  november: 11,
  nov: 11,
  decembre: 12,
  december: 12,
  dec: 12,
};

/** Lets a young person type "2008", "03", "mars" or "03/2008" instead of pressing a button. */
export function typedStageAnswer(state: ConversationState, normalized: string): { name: string; arg: string } | null {
  const cursor = state.cursor;
  if (cursor.at !== "onboarding") return null;
  const yearStage = cursor.stage === "birth_year" || cursor.stage === "care_year" || cursor.stage === "permit_year";
  if (yearStage && /^(19|20)\d{2}$/.test(normalized)) return { name: "year", arg: normalized };
  if (cursor.stage === "birth_month" || cursor.stage === "care_month" || cursor.stage === "permit_month") {
    const month = /^\d{1,2}$/.test(normalized) ? Number(normalized) : MONTH_WORDS[normalized];
    if (month && month >= 1 && month <= 12) return { name: "month", arg: String(month).padStart(2, "0") };
  }
  return null;
}
