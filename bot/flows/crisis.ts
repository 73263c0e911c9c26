import type { Button, Call, Reply } from "../../shared/api.ts";
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

/** What each short number a crisis text gives is for: offered as a contact card on Telegram and WhatsApp. */
const CALL_LABEL: Record<string, MessageKey> = {
  "15": "call15",
  "17": "offline17",
  "112": "offline112",
  "114": "call114",
  "115": "offline115",
  "119": "offline119",
  "3114": "offline3114",
  "3919": "call3919",
};
/** A card is one message on Telegram: the first numbers of the text only. */
const MAX_CALLS = 3;
/** A number on its own: not a piece of a longer one ("0 800 235 236") nor a time ("24h/24"). */
const STANDALONE = /(?<!\d[ .\u00a0]?)\b\d+\b(?![ .\u00a0]?\d)/g;

/**
 * The short numbers of crisis texts, in their order, with what each is for. Read from the
 * templates, before `{age}` is filled in ("j'ai 17 ans" is no police number).
 */
export function callsOf(state: ConversationState, keys: MessageKey[]): Call[] {
  const numbers = new Set<string>();
  for (const key of keys) for (const [n] of say(state, key).matchAll(STANDALONE)) if (n in CALL_LABEL) numbers.add(n);
  return [...numbers].slice(0, MAX_CALLS).map((number) => ({ number, label: say(state, CALL_LABEL[number]!) }));
}

export const isCrisisCategory = (value: string): value is CrisisCategory =>
  (CRISIS_CATEGORIES as readonly string[]).includes(value);

function ageOf(state: ConversationState, now: Date): number | null {
  const birth = state.profile.birth;
  if (!birth) return null;
  const [year, month] = birth.split("-").map(Number) as [number, number];
  const months = (now.getUTCFullYear() - year) * 12 + (now.getUTCMonth() + 1 - month);
  return Math.floor(months / 12);
}

function firstKey(state: ConversationState, category: CrisisCategory, now: Date): MessageKey {
  if (category !== "shelter") return TEXT[category];
  return ageOf(state, now) === null ? "crisisShelterNoAge" : "crisisShelter";
}

function firstText(state: ConversationState, category: CrisisCategory, now: Date): string {
  const age = ageOf(state, now);
  return say(state, firstKey(state, category, now), age === null ? undefined : { age });
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
  const call = callsOf(state, [firstKey(state, hit.category, now), ...(hit.also ?? []).map((c) => ALSO[c])]);
  const answer = (buttons: Button[]): Reply => ({ ...reply(lines.join("\n\n"), buttons), call });
  if (refusal) {
    lines.push(say(state, refusal === "limit" ? "alertLimit" : "contactNeedsStart"));
    return { replies: [answer([button(state, "menu", "menu")])], effects };
  }
  const linkButton: Button[] = state.hasReferent ? [] : [{ label: say(state, "linkButton"), action: "link" }];
  if (hit.severe && autoAlert) {
    effects.push({ type: "raiseAlert", kind: "crisis", severity: "severe", subject: hit.category });
    lines.push(say(state, state.hasReferent ? "crisisAutoAlerted" : "crisisAutoAlertedNoReferent"));
    // The alert is raised; the young person can still add their own words to it.
    const buttons = [button(state, "contactReferent", "contact"), ...linkButton, button(state, "menu", "menu")];
    return { replies: [answer(buttons)], effects };
  }
  lines.push(say(state, state.hasReferent ? "crisisOfferAlert" : "crisisNoReferent"));
  const alert: Button = {
    label: say(state, state.hasReferent ? "crisisAlertYes" : "crisisAlertSaveYes"),
    action: `alert:${hit.category}`,
  };
  return { replies: [answer([alert, ...linkButton, button(state, "menu", "menu")])], effects };
}

/** After the alert button: sent (or only saved, with no référent linked), and the number again. */
export function crisisAlertText(state: ConversationState, category: string): string {
  const number = FIRST_NUMBER[isCrisisCategory(category) ? category : "danger"];
  return say(state, state.hasReferent ? "crisisAlertSent" : "crisisAlertSavedNoReferent", { number });
}
