import type { Reply } from "../../shared/api.ts";
import type { Locale } from "../../shared/locales.ts";
import { reply } from "../render.ts";
import type { ConversationState } from "../state.ts";
import type { Effect } from "../types.ts";

/**
 * "🔗 Relier mon référent": the young person types the one-time code their référent gave
 * them, sees exactly what the référent will see, and confirms. Either side can unlink.
 * The code is checked by the worker before the turn (the engine stays pure): it arrives
 * as a `linkCode` input with the référent's name, or null when the code is not usable.
 */

type Result = { state: ConversationState; replies: Reply[]; effects: Effect[] };

const TEXTS = {
  fr: {
    ask: "🔗 Ton référent (ton éducateur) peut te donner un code de 8 lettres et chiffres, par exemple ABCD-2345.\nÉcris ce code ici.",
    alreadyLinked: "Tu as déjà un référent relié. Tu peux en relier un autre avec son code, ou te délier.",
    bad: "❌ Ce code ne marche pas : il est faux, déjà utilisé, ou trop vieux (il dure 48 heures).\nDemande un nouveau code à ton référent, puis écris-le ici.",
    preview: "{name} veut te suivre sur Passerelle.\n\nSi tu dis oui, {name} pourra voir :\n• ton profil : mois et année de naissance, ta situation, ton département ;\n• où tu en es dans « Mon parcours » (étapes faites ou pas pour toi) ;\n• tes alertes : quand tu demandes de l'aide (avec le message que TU choisis d'écrire), une situation de crise, une échéance dépassée.\n\n{name} ne verra jamais tes messages ni tes questions.\nTu pourras te délier quand tu veux.\n\nTu es d'accord ?",
    yes: "✅ Oui, relier",
    no: "Non",
    done: "✅ C'est fait : {name} est relié(e) à toi sur Passerelle. Quand tu demandes de l'aide, {name} reçoit une alerte.",
    unlinkAsk: "Tu veux te délier de ton référent ? Il ne verra plus ton parcours ni tes alertes.",
    unlinkYes: "Oui, me délier",
    unlinked: "C'est fait : plus aucun référent n'est relié à toi.",
    notLinked: "Aucun référent n'est relié à toi pour le moment.",
    link: "🔗 Relier mon référent",
    unlink: "Me délier",
    menu: "🏠 Menu",
    seen: "👀 Ton référent a bien reçu ton message.",
  },
  en: {
    ask: "🔗 Your référent (your youth worker) can give you an 8-character code, for example ABCD-2345.\nType the code here.",
    alreadyLinked: "You already have a linked référent. You can link another one with their code, or unlink.",
    bad: "❌ This code does not work: it is wrong, already used, or too old (it lasts 48 hours).\nAsk your référent for a new code, then type it here.",
    preview: "{name} wants to follow you on Passerelle.\n\nIf you say yes, {name} will see:\n• your profile: month and year of birth, your situation, your département;\n• your progress in \"My roadmap\" (steps done or not for you);\n• your alerts: when you ask for help (with the message YOU choose to write), a crisis, an overdue deadline.\n\n{name} will never see your messages or your questions.\nYou can unlink whenever you want.\n\nDo you agree?",
    yes: "✅ Yes, link",
    no: "No",
    done: "✅ Done: {name} is linked to you on Passerelle. When you ask for help, {name} gets an alert.",
    unlinkAsk: "Do you want to unlink your référent? They will no longer see your roadmap or your alerts.",
    unlinkYes: "Yes, unlink me",
    unlinked: "Done: no référent is linked to you any more.",
    notLinked: "No référent is linked to you for now.",
    link: "🔗 Link my référent",
    unlink: "Unlink",
    menu: "🏠 Menu",
    seen: "👀 Your référent has received your message.",
  },
} as const;

type Key = keyof (typeof TEXTS)["fr"];

/** French first; English when asked; other languages fall back to French. */
export function linkText(locale: Locale, key: Key, name = ""): string {
  const table = locale === "en" ? TEXTS.en : TEXTS.fr;
  return table[key].replaceAll("{name}", name);
}

const say = (state: ConversationState, key: Key, name?: string) => linkText(state.locale, key, name);
const menuButton = (state: ConversationState) => ({ label: say(state, "menu"), action: "menu" });

/** "code ABCD-2345", "/code ABCD2345", or anything typed while the code is asked for. */
export function typedLinkCode(state: ConversationState, text: string): string | null {
  const m = /^\/?code\s*[:\-]?\s*([A-Za-z0-9][A-Za-z0-9 -]{6,14})$/i.exec(text.trim());
  if (m) return m[1]!;
  if (state.cursor.at === "link") return text.trim();
  return null;
}

/** "link:yes:<CODE>" → the code being confirmed. */
export function confirmedLinkCode(action: string): string | null {
  const m = /^link:yes:([A-Z0-9]{8})$/.exec(action);
  return m ? m[1]! : null;
}

export function askLinkCode(state: ConversationState): Result {
  const text = state.hasReferent ? `${say(state, "alreadyLinked")}\n\n${say(state, "ask")}` : say(state, "ask");
  const buttons = state.hasReferent ? [{ label: say(state, "unlink"), action: "link:unlink" }, menuButton(state)] : [menuButton(state)];
  return { state: { ...state, cursor: { at: "link" } }, replies: [reply(text, buttons)], effects: [] };
}

/** The code was checked: show what the référent will see, or why it did not work. */
export function linkCodeEntered(state: ConversationState, code: string, referentName: string | null, confirm: boolean): Result {
  if (referentName === null) {
    return { state: { ...state, cursor: { at: "link" } }, replies: [reply(say(state, "bad"), [menuButton(state)])], effects: [] };
  }
  if (!confirm) {
    return {
      state: { ...state, cursor: { at: "link" } },
      replies: [reply(say(state, "preview", referentName), [{ label: say(state, "yes"), action: `link:yes:${code}` }, { label: say(state, "no"), action: "menu" }])],
      effects: [],
    };
  }
  return {
    state: { ...state, cursor: { at: "menu" }, hasReferent: true },
    replies: [reply(say(state, "done", referentName), [menuButton(state)])],
    effects: [{ type: "linkReferent", code }, { type: "track", event: "referent", key: "linked" }],
  };
}

/** Text that cannot be a code while a code is asked for. */
export function notACode(state: ConversationState): Result {
  return linkCodeEntered(state, "", null, false);
}

export function linkAction(state: ConversationState, arg: string | undefined): Result {
  if (arg === "unlink") {
    if (!state.hasReferent) return { state: { ...state, cursor: { at: "menu" } }, replies: [reply(say(state, "notLinked"), [{ label: say(state, "link"), action: "link" }, menuButton(state)])], effects: [] };
    return { state, replies: [reply(say(state, "unlinkAsk"), [{ label: say(state, "unlinkYes"), action: "link:unlink_yes" }, menuButton(state)])], effects: [] };
  }
  if (arg === "unlink_yes") {
    return {
      state: { ...state, cursor: { at: "menu" }, hasReferent: false },
      replies: [reply(say(state, "unlinked"), [menuButton(state)])],
      effects: [{ type: "unlinkReferents" }, { type: "track", event: "referent", key: "unlinked" }],
    };
  }
  // "link:yes:<code>" only reaches here when the worker did not resolve it (should not happen).
  if (arg === "yes") return notACode(state);
  return askLinkCode(state);
}

/** Acknowledged alerts the young person has not been told about: one notice, first. */
export function seenNotice(state: ConversationState): Reply {
  return reply(say(state, "seen"));
}
