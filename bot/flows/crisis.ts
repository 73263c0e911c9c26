import type { Button, Reply } from "../../shared/api.ts";
import type { MessageKey } from "../../shared/i18n/index.ts";
import { button, reply, say } from "../render.ts";
import { CRISIS_CATEGORIES, type CrisisCategory, type CrisisHit } from "../safety/crisis.ts";
import type { ConversationState } from "../state.ts";
import type { Effect } from "../types.ts";
import type { AlertRefusal } from "./contact.ts";

/**
 * The crisis answer: the number for the most urgent need first (overdose and immediate
 * danger 15/112, suicidal thoughts 3114, a child hit 119, no shelter 115), one line per other
 * need found, then the référent: an offer to alert them (or the notice that they were), and,
 * when none is linked yet, what that means, so that the young person calls first. When no
 * alert may be raised now (`refusal`, bot/flows/contact.ts: before the first screens, or the
 * hourly cap), the numbers stay and the reply says why there is no alert.
 */
const TEXT: Record<Exclude<CrisisCategory, "shelter">, MessageKey> = {
  overdose: "crisisOverdose",
  suicide: "crisisSuicide",
  self_harm: "crisisSelfHarm",
  danger: "crisisDanger",
  sexual_violence: "crisisSexualViolence",
  violence: "crisisViolence",
};

const ALSO: Record<CrisisCategory, MessageKey> = {
  overdose: "crisisAlsoOverdose",
  suicide: "crisisAlsoSuicide",
  self_harm: "crisisAlsoSelfHarm",
  danger: "crisisAlsoDanger",
  sexual_violence: "crisisAlsoSexualViolence",
  violence: "crisisAlsoViolence",
  shelter: "crisisAlsoShelter",
};

/** The number each answer gives first (../shared/domain/facts.md), repeated once an alert is sent. */
export const FIRST_NUMBER: Record<CrisisCategory, string> = {
  overdose: "15",
  suicide: "3114",
  self_harm: "3114",
  danger: "112",
  sexual_violence: "119",
  violence: "119",
  shelter: "115",
};

export const isCrisisCategory = (value: string): value is CrisisCategory =>
  (CRISIS_CATEGORIES as readonly string[]).includes(value);

function ageOf(state: ConversationState, now: Date): number | null {
  const birth = state.profile.birth;
  if (!birth) return null;
  const [year, month] = birth.split("-").map(Number) as [number, number];
  const months = (now.getUTCFullYear() - year) * 12 + (now.getUTCMonth() + 1 - month);
  return Math.floor(months / 12);
}

function firstText(state: ConversationState, category: CrisisCategory, now: Date): string {
  if (category !== "shelter") return say(state, TEXT[category]);
  const age = ageOf(state, now);
  return age === null ? say(state, "crisisShelterNoAge") : say(state, "crisisShelter", { age });
}

export function answerCrisis(
  state: ConversationState,
  hit: CrisisHit,
  now: Date,
  autoAlert: boolean,
  refusal: AlertRefusal | null = null,
): { replies: Reply[]; effects: Effect[] } {
  const lines = [`🚨 ${firstText(state, hit.category, now)}`, ...(hit.also ?? []).map((c) => say(state, ALSO[c]))];
  const effects: Effect[] = [{ type: "track", event: "crisis", key: hit.category }];
  if (refusal) {
    lines.push(say(state, refusal === "limit" ? "alertLimit" : "contactNeedsStart"));
    return { replies: [reply(lines.join("\n\n"), [button(state, "menu", "menu")])], effects };
  }
  const linkButton: Button[] = state.hasReferent ? [] : [{ label: say(state, "linkButton"), action: "link" }];
  if (hit.severe && autoAlert) {
    effects.push({ type: "raiseAlert", kind: "crisis", severity: "severe", subject: hit.category });
    lines.push(say(state, state.hasReferent ? "crisisAutoAlerted" : "crisisAutoAlertedNoReferent"));
    // The alert is raised; the young person can still add their own words to it.
    const buttons = [button(state, "contactReferent", "contact"), ...linkButton, button(state, "menu", "menu")];
    return { replies: [reply(lines.join("\n\n"), buttons)], effects };
  }
  lines.push(say(state, state.hasReferent ? "crisisOfferAlert" : "crisisNoReferent"));
  const alert: Button = {
    label: say(state, state.hasReferent ? "crisisAlertYes" : "crisisAlertSaveYes"),
    action: `alert:${hit.category}`,
  };
  return { replies: [reply(lines.join("\n\n"), [alert, ...linkButton, button(state, "menu", "menu")])], effects };
}

/** After the alert button: sent (or only saved, with no référent linked), and the number again. */
export function crisisAlertText(state: ConversationState, category: string): string {
  const number = FIRST_NUMBER[isCrisisCategory(category) ? category : "danger"];
  return say(state, state.hasReferent ? "crisisAlertSent" : "crisisAlertSavedNoReferent", { number });
}
