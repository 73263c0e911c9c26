import { env } from "cloudflare:workers";
import type { ContentBundle } from "../../shared/content/model.ts";
import { database } from "../../worker/store/db.ts";
import { publishDrafts, replaceDrafts } from "../../worker/store/content.ts";

/**
 * A small, valid content bundle for the content-admin tests (independent of the seed being
 * written), and a helper that imports and publishes it as `npm start` does with the seed.
 */
export function fixtureBundle(): ContentBundle {
  const traced = { sources: [{ label: "Code de l'action sociale et des familles" }], reviewedAt: "2026-01-15" };
  return structuredClone({
    topics: [
      {
        id: "rights",
        order: 1,
        title: { fr: "Mes droits", en: "My rights" },
        intro: { fr: "Ce que tu peux demander.", en: "What you can ask for." },
        keywords: { fr: ["droits"] },
        stepIds: ["cjm-ask", "cjm-meeting"],
        ...traced,
      },
    ],
    steps: [
      {
        id: "cjm-ask",
        topicId: "rights",
        title: { fr: "Demander un contrat jeune majeur", en: "Ask for a young adult contract" },
        body: { fr: "Parle à ton éducateur avant tes 18 ans.", en: "Talk to your social worker before you turn 18." },
        keywords: { fr: ["contrat jeune majeur", "cjm"] },
        resourceIds: ["dept-44-ase"],
        ...traced,
      },
      {
        id: "cjm-meeting",
        topicId: "rights",
        title: { fr: "Préparer l'entretien", en: "Prepare the meeting" },
        body: { fr: "Note tes projets.", en: "Write down your plans." },
        keywords: { fr: ["entretien"] },
        resourceIds: [],
        ...traced,
      },
    ],
    resources: [
      {
        id: "num-115",
        scope: "national",
        name: { fr: "115 – Samu social", en: "115 – Samu social" },
        description: { fr: "Un endroit pour dormir ce soir.", en: "A place to sleep tonight." },
        phone: "115",
        emergency: true,
        ...traced,
      },
      {
        id: "dept-44-ase",
        scope: "44",
        name: { fr: "ASE Loire-Atlantique" },
        description: { fr: "Le service de l'aide sociale à l'enfance." },
        ...traced,
      },
    ],
    faqs: [
      {
        id: "cjm-what",
        topicId: "rights",
        question: { fr: "C'est quoi un contrat jeune majeur ?", en: "What is a young adult contract?" },
        answer: { fr: "Une aide après 18 ans.", en: "Help after 18." },
        keywords: { fr: ["contrat jeune majeur", "cjm", "c est quoi"] },
        resourceIds: [],
        stepId: "cjm-ask",
        ...traced,
      },
    ],
  } satisfies ContentBundle);
}

export async function seedFixture(): Promise<number> {
  const db = database(env.DB);
  const imported = await replaceDrafts(db, fixtureBundle(), "seed", new Date("2026-03-01T09:00:00Z"));
  if (!imported.ok) throw new Error(`fixture content is invalid: ${imported.errors.join("; ")}`);
  const published = await publishDrafts(db, "seed", "fixture content", new Date("2026-03-01T09:00:00Z"));
  if (!published.ok) throw new Error(`fixture cannot be published: ${published.errors.join("; ")}`);
  return published.version;
}

/**
 * The editor's French form for the fixture's first step (cjm-ask) with `body` as its text, as
 * the page posts it: sources one "label | address" per line (the older form the route still reads).
 */
export function stepEditForm(csrf: string, body: string, extra: Record<string, string> = {}): Record<string, string> {
  const step = fixtureBundle().steps[0]!;
  return {
    _csrf: csrf,
    locale: "fr",
    topicId: step.topicId,
    title: step.title.fr,
    body,
    keywords: (step.keywords.fr ?? []).join(", "),
    resourceIds: step.resourceIds.join(", "),
    sources: step.sources.map((s) => (s.url ? `${s.label} | ${s.url}` : s.label)).join("\n"),
    reviewedAt: step.reviewedAt,
    ...extra,
  };
}
