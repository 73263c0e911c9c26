import { describe, expect, it } from "vitest";
import type { LocalizedText } from "../../../shared/content/model.ts";
import { seedBundle, seedRoadmapRules } from "../../../shared/content/seed/index.ts";
import { validateBundle } from "../../../shared/content/validate.ts";

/** Every French text a young person reads, with the item it belongs to. */
function frenchTexts(): [string, string][] {
  const out: [string, string][] = [];
  const add = (id: string, ...texts: (LocalizedText | undefined)[]) => {
    for (const text of texts) if (text) out.push([id, text.fr]);
  };
  for (const t of seedBundle.topics) add(`topic:${t.id}`, t.title, t.intro);
  for (const s of seedBundle.steps) add(s.id, s.title, s.body);
  for (const f of seedBundle.faqs) add(f.id, f.question, f.answer);
  for (const r of seedBundle.resources) add(r.id, r.name, r.description);
  for (const r of seedRoadmapRules.steps) add(`rule:${r.id}`, r.title, r.why, r.documents);
  return out;
}

const items = [...seedBundle.topics, ...seedBundle.steps, ...seedBundle.faqs, ...seedBundle.resources];

describe("seed content (issue 19)", () => {
  it("should be a valid bundle whose roadmap rules point to existing guidance steps", () => {
    expect(validateBundle(seedBundle).ok).toBe(true);
    const stepIds = new Set(seedBundle.steps.map((s) => s.id));
    for (const rule of seedRoadmapRules.steps)
      if (rule.contentStepId) expect(stepIds, rule.id).toContain(rule.contentStepId);
  });

  it("should keep law article numbers out of what young people read (they belong in the sources)", () => {
    for (const [id, text] of frenchTexts())
      expect(text, id).not.toMatch(/\barticle\s+[LRD]?\s?\d|\b[LRD]\.?\s?\d{3}-\d/i);
  });

  it("should word the L423-22 condition as 'at the latest on the day of your 16th birthday', never 'at 16 at the latest'", () => {
    for (const [id, text] of frenchTexts()) expect(text, id).not.toMatch(/au plus tard à 16 ans|avant tes 16 ans/);
    const step = seedBundle.steps.find((s) => s.id === "permit-l423-22")!;
    const rule = seedRoadmapRules.steps.find((r) => r.id === "residence-permit-l423-22")!;
    for (const text of [step.title.fr, step.body.fr, rule.why.fr])
      expect(text).toContain("au plus tard le jour de tes 16 ans");
  });

  it("should not stamp one review date on every item, and link every item checked in this review to a page", () => {
    expect(new Set(items.map((i) => i.reviewedAt)).size).toBeGreaterThan(1);
    for (const item of items.filter((i) => i.reviewedAt >= "2026-12-03")) {
      expect(item.sources.length, item.id).toBeGreaterThan(0);
      expect(
        item.sources.some((s) => s.url),
        item.id,
      ).toBe(true);
    }
  });

  it.each([
    ["permit-renewal", /120 jours et 60 jours/],
    ["faq-oqtf-appeal", /Agis aujourd'hui.*48 heures/s],
    ["faq-minority-refused", /juge des enfants/],
    ["faq-rsa", /25 ans/],
    ["faq-garantie-jeunes", /1er mars 2022.*contrat d'engagement jeune/s],
    ["mna-school", /CIO/],
    ["health-sexual", /centre de santé sexuelle/],
    ["participation", /Maine-et-Loire/],
    ["mentoring", /parrain/],
    ["sos-minor-danger", /119/],
    ["faq-cjm-no-educator", /Président du Conseil départemental/],
  ])("should cover a theme the review found missing: %s", (id, pattern) => {
    const item = [...seedBundle.steps, ...seedBundle.faqs].find((i) => i.id === id);
    expect(item, id).toBeDefined();
    const text = "body" in item! ? item.body : item!.answer;
    expect(text.fr).toMatch(pattern);
    expect(text.en, `${id} in English`).toBeTruthy();
  });

  it("should warn against the consulate for young people who fear their country, wherever the consulate is advised", () => {
    for (const id of ["permit-before-18", "faq-permit-passport", "id-documents"]) {
      const item = [...seedBundle.steps, ...seedBundle.faqs].find((i) => i.id === id)!;
      expect("body" in item ? item.body.fr : item.answer.fr, id).toMatch(/asile/);
    }
  });
});
