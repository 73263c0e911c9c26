import { describe, expect, it } from "vitest";
import { handle } from "../../../bot/engine.ts";
import type { ConversationState } from "../../../bot/state.ts";
import type { ContentSnapshot } from "../../../shared/content/model.ts";
import { faq, rightsTopic, step, topic } from "../../support/bundle.ts";
import { conversation } from "../../support/state.ts";
import { en } from "../../../shared/i18n/en.ts";
import { fr } from "../../../shared/i18n/fr.ts";
import type { Locale } from "../../../shared/locales.ts";

const NOW = new Date("2026-11-23T10:00:00Z");
/** Two topics, three items: what a question is about decides between an answer and "not sure". */
const content: ContentSnapshot = {
  version: 1,
  topics: [
    rightsTopic,
    topic({
      id: "papers",
      order: 2,
      icon: "🪪",
      title: { fr: "Mes papiers", en: "My papers" },
      intro: { fr: "Intro papiers" },
      keywords: { fr: ["papiers", "titre de séjour"] },
    }),
  ],
  steps: [
    step({
      id: "ask",
      topicId: "rights",
      title: { fr: "Demander le contrat jeune majeur", en: "Ask for the contract" },
      body: { fr: "Écris au Département avant tes 18 ans." },
      keywords: { fr: ["contrat jeune majeur", "cjm", "demander"] },
    }),
    step({
      id: "appeal",
      topicId: "rights",
      title: { fr: "Contester un refus de contrat" },
      body: { fr: "Demande la décision écrite." },
      keywords: { fr: ["refus", "recours", "contester"] },
    }),
  ],
  resources: [],
  faqs: [
    faq({
      id: "faq-age",
      topicId: "rights",
      question: { fr: "Le contrat jeune majeur dure jusqu'à quel âge ?", en: "Until what age?" },
      answer: { fr: "Jusqu'à 21 ans." },
      keywords: { fr: ["jusqu'a quel age", "combien de temps", "duree"] },
    }),
  ],
};

const state = (locale: Locale = "fr"): ConversationState => conversation({ locale });
const ask = (text: string, locale: Locale = "fr") => handle(state(locale), { kind: "text", text }, content, NOW);
const actionsOf = (r: ReturnType<typeof ask>) =>
  r.replies.flatMap((reply) => (reply.buttons ?? []).map((b) => b.action));

describe("a free-text question", () => {
  it("should be answered with the item when the matcher is sure, and not recorded", () => {
    const r = ask("le contrat jeune majeur dure jusqu'à quel âge ?");
    expect(r.replies[0]!.text).toContain("Jusqu'à 21 ans.");
    expect(r.replies[0]!.text).not.toContain(fr.answerUnsure);
    expect(r.effects).toContainEqual({ type: "track", event: "answer", key: "faq:faq-age" });
    expect(r.effects.some((e) => e.type === "recordUnanswered")).toBe(false);
  });

  it("should say it is not sure, rather than answer, when the question's main word is not in the content", () => {
    // "oqtf" is in no item: the contract-age FAQ shares only "combien de temps" with the question.
    const r = ask("jai recu une oqtf, combien de temps pour un recours ?");
    expect(r.replies).toHaveLength(1);
    expect(r.replies[0]!.text).toBe(fr.answerUnsure);
    expect(r.replies[0]!.text).toContain("Je ne suis pas sûr");
    expect(r.replies.map((reply) => reply.text).join("\n")).not.toContain("Jusqu'à 21 ans.");
    // The closest items and their topic are offered, with the référent and the menu.
    expect(actionsOf(r)).toEqual(
      expect.arrayContaining(["faq:faq-age", "step:appeal", "topic:rights", "menu", "contact"]),
    );
    // Recorded scrubbed (bot/scrub.ts): "jai", "recu" and "oqtf" are not words of this content.
    expect(r.effects).toContainEqual({ type: "recordUnanswered", text: "… une … combien de temps pour un recours" });
    expect(r.effects.some((e) => e.type === "track")).toBe(false);
  });

  it("should say it in the young person's language", () => {
    const r = ask("recours oqtf combien de temps", "en");
    expect(r.replies[0]!.text).toBe(en.answerUnsure);
    expect(actionsOf(r)).toContain("contact");
  });

  it("should offer the closest topics and the référent when it finds nothing", () => {
    const r = ask("où est la piscine ?");
    expect(r.replies[0]!.text).toBe(fr.notUnderstood);
    expect(actionsOf(r)).toEqual(["menu", "contact"]);
    // Only stop words would be left once "piscine" (not a word of the content) is scrubbed: nothing recorded.
    expect(r.effects.filter((e) => e.type === "recordUnanswered")).toEqual([]);
  });
});
