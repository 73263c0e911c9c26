/**
 * Checks the seed content: schema + cross-references, then prints counts per kind and
 * per-locale completeness. Exits 1 on any error. Run: npx tsx scripts/check-content.ts
 */
import { LOCALES, type Locale } from "../shared/locales.ts";
import {
  CONTENT_KINDS,
  itemsOf,
  type ContentBundle,
  type LocalizedKeywords,
  type LocalizedText,
} from "../shared/content/model.ts";
import { seedBundle } from "../shared/content/seed/index.ts";
import { validateBundle } from "../shared/content/validate.ts";

const result = validateBundle(seedBundle);
if (!result.ok) {
  console.error(`Content is invalid (${result.errors.length} error(s)):`);
  for (const error of result.errors) console.error(`  - ${error}`);
  process.exit(1);
}
const bundle: ContentBundle = result.bundle;

// Seed rule, stricter than validateBundle: ids are unique across kinds too (a bare id is never ambiguous).
const kindsById = new Map<string, string[]>();
for (const kind of CONTENT_KINDS) {
  for (const item of itemsOf(bundle, kind)) kindsById.set(item.id, [...(kindsById.get(item.id) ?? []), kind]);
}
const shared = [...kindsById].filter(([, kinds]) => kinds.length > 1);
if (shared.length) {
  console.error("Ids used by more than one kind:");
  for (const [id, kinds] of shared) console.error(`  - "${id}": ${kinds.join(", ")}`);
  process.exit(1);
}

console.log("Items per kind:");
console.log(`  topics     ${bundle.topics.length}`);
console.log(`  steps      ${bundle.steps.length}`);
console.log(`  resources  ${bundle.resources.length}`);
console.log(`  faqs       ${bundle.faqs.length}`);
console.log(`  letters    ${itemsOf(bundle, "letter").length}`);

type Counter = {
  texts: number;
  keywordItems: number;
  items: number;
  perLocale: Record<Locale, { texts: number; complete: number; keywords: number }>;
};

function emptyCounter(): Counter {
  const perLocale = {} as Counter["perLocale"];
  for (const locale of LOCALES) perLocale[locale] = { texts: 0, complete: 0, keywords: 0 };
  return { texts: 0, keywordItems: 0, items: 0, perLocale };
}

/** Counts one item: each text field per locale, whether the item is complete in a locale, keywords per locale. */
function count(counter: Counter, texts: (LocalizedText | undefined)[], keywords: LocalizedKeywords | undefined): void {
  const present = texts.filter((text): text is LocalizedText => text !== undefined);
  counter.items += 1;
  counter.texts += present.length;
  for (const locale of LOCALES) {
    const withLocale = present.filter((text) => Boolean(text[locale])).length;
    counter.perLocale[locale].texts += withLocale;
    if (withLocale === present.length) counter.perLocale[locale].complete += 1;
    if ((keywords?.[locale]?.length ?? 0) > 0) counter.perLocale[locale].keywords += 1;
  }
}

const counters: Record<string, Counter> = {
  topics: emptyCounter(),
  steps: emptyCounter(),
  resources: emptyCounter(),
  faqs: emptyCounter(),
};
for (const topic of bundle.topics) count(counters.topics!, [topic.title, topic.intro], topic.keywords);
for (const step of bundle.steps) count(counters.steps!, [step.title, step.body], step.keywords);
for (const resource of bundle.resources) {
  count(counters.resources!, [resource.name, resource.description, resource.hours], resource.keywords);
}
for (const faq of bundle.faqs) count(counters.faqs!, [faq.question, faq.answer], faq.keywords);

console.log("\nPer-locale completeness (items fully translated / items; text fields; items with keywords):");
for (const [kind, counter] of Object.entries(counters)) {
  const cells = LOCALES.map((locale) => {
    const c = counter.perLocale[locale];
    return `${locale} ${c.complete}/${counter.items} (${c.texts}/${counter.texts} texts, kw ${c.keywords})`;
  });
  console.log(`  ${kind.padEnd(10)} ${cells.join(" | ")}`);
}

const total = emptyCounter();
for (const counter of Object.values(counters)) {
  total.texts += counter.texts;
  for (const locale of LOCALES) total.perLocale[locale].texts += counter.perLocale[locale].texts;
}
console.log("\nAll text fields:");
for (const locale of LOCALES) {
  const n = total.perLocale[locale].texts;
  console.log(`  ${locale.padEnd(4)} ${n}/${total.texts} (${Math.round((100 * n) / total.texts)} %)`);
}
console.log("\nOK");
