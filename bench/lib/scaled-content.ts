import type { ContentBundle, LocalizedKeywords, LocalizedText } from "../../shared/content/model.ts";

/**
 * The seed content at `k` times its size, for the scale curves (BENCHMARKS.md, "Scale"): the
 * seed itself plus k − 1 copies of every topic, step, FAQ and resource under new ids (as if
 * each copy were another département's guidance: copies' resources alternate between the
 * départements the content model knows), and **every locale full**: a text or keyword list
 * missing in a locale gets one of the same length (the French one, tagged), as a finished
 * translation would add. k = 1 is the seed with its missing translations filled.
 */
const LOCALES = ["fr", "en", "ar", "ps", "prs"] as const;

function fullText(text: LocalizedText): LocalizedText {
  const out: LocalizedText = { ...text };
  for (const l of LOCALES) if (!out[l]) out[l] = `[${l}] ${text.fr}`;
  return out;
}

function fullKeywords(keywords: LocalizedKeywords): LocalizedKeywords {
  const out: LocalizedKeywords = { ...keywords };
  for (const l of LOCALES) if (!out[l] || out[l]!.length === 0) out[l] = [...(keywords.fr ?? [])];
  return out;
}

export function scaledContent(seed: ContentBundle, k: number): ContentBundle {
  const out: ContentBundle = { topics: [], steps: [], resources: [], faqs: [] };
  for (let c = 0; c < k; c++) {
    const id = (value: string) => (c === 0 ? value : `${value}-x${c}`);
    const copy = c === 0 ? "" : ` (${c + 1})`;
    for (const t of seed.topics)
      out.topics.push({
        ...t,
        id: id(t.id),
        order: t.order + c * 100,
        title: fullText({ ...t.title, fr: t.title.fr + copy }),
        intro: fullText(t.intro),
        keywords: fullKeywords(t.keywords),
        stepIds: t.stepIds.map(id),
      });
    for (const s of seed.steps)
      out.steps.push({
        ...s,
        id: id(s.id),
        topicId: id(s.topicId),
        title: fullText(s.title),
        body: fullText(s.body),
        keywords: fullKeywords(s.keywords),
        resourceIds: s.resourceIds.map(id),
      });
    for (const f of seed.faqs)
      out.faqs.push({
        ...f,
        id: id(f.id),
        topicId: id(f.topicId),
        question: fullText(f.question),
        answer: fullText(f.answer),
        keywords: fullKeywords(f.keywords),
        resourceIds: f.resourceIds.map(id),
        ...(f.stepId ? { stepId: id(f.stepId) } : {}),
      });
    for (const r of seed.resources) {
      const scope = c === 0 || r.scope === "national" ? r.scope : c % 2 === 1 ? "44" : "49";
      out.resources.push({
        ...r,
        id: id(r.id),
        scope,
        name: fullText(r.name),
        description: fullText(r.description),
        ...(r.hours ? { hours: fullText(r.hours) } : {}),
        ...(r.keywords ? { keywords: fullKeywords(r.keywords) } : {}),
      });
    }
  }
  return out;
}
