import * as z from "zod/mini";
import { lazy } from "../lazy.ts";
import { LOCALES, localeSchema, type Locale } from "../locales.ts";
import { letterSchema } from "../letters/model.ts";

/**
 * The content model: topics → steps → resources, plus short answers (FAQ "fiches").
 * Content is data edited by the Département's content team; this schema is the only
 * description of its shape (types are inferred from it). The schemas are only needed when
 * content is edited, imported or published, so they are built on first use (`lazy`).
 */

const nonEmpty = lazy(() => z.string().check(z.minLength(1), z.trim()));
export const slugSchema = lazy(() =>
  z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "id: lowercase letters, digits and dashes")),
);
export const isoDateSchema = lazy(() => z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, "date: YYYY-MM-DD")));

type Translation = z.ZodMiniOptional<ReturnType<typeof nonEmpty>>;
/** A text per locale; French is required, other locales fall back to French. */
export const localizedTextSchema = lazy(() =>
  z.object({
    fr: nonEmpty(),
    ...(Object.fromEntries(LOCALES.filter((l) => l !== "fr").map((l) => [l, z.optional(nonEmpty())])) as Record<
      Exclude<Locale, "fr">,
      Translation
    >),
  }),
);
export type LocalizedText = z.infer<ReturnType<typeof localizedTextSchema>>;

/** Keywords and synonyms per locale, used by free-text matching. */
export const localizedKeywordsSchema = lazy(() => z.partialRecord(localeSchema, z.array(nonEmpty())));
export type LocalizedKeywords = z.infer<ReturnType<typeof localizedKeywordsSchema>>;

/** Where a fact comes from: a URL, a law article, or both. */
export const sourceSchema = lazy(() =>
  z.object({
    label: nonEmpty(),
    url: z.optional(z.url({ protocol: /^https?$/ })),
  }),
);

/** The départements Passerelle has local content for. */
export const DEPARTEMENTS = ["44", "49"] as const;
/** A young person's département: one of those, or another one. */
export const DEPTS = [...DEPARTEMENTS, "other"] as const;
export const deptSchema = z.enum(DEPTS);
export type Dept = (typeof DEPTS)[number];
/** Where a resource applies: everywhere in France, or one département. */
export const scopeSchema = lazy(() => z.enum(["national", ...DEPARTEMENTS]));

const traceable = () => ({
  sources: z.array(sourceSchema()),
  reviewedAt: isoDateSchema(),
});

export const topicSchema = lazy(() =>
  z.object({
    id: slugSchema(),
    order: z.number().check(z.int()),
    icon: z.optional(z.string().check(z.maxLength(8))),
    title: localizedTextSchema(),
    intro: localizedTextSchema(),
    keywords: localizedKeywordsSchema(),
    /** Step ids in the order they are shown. */
    stepIds: z.array(slugSchema()),
    ...traceable(),
  }),
);
export type Topic = z.infer<ReturnType<typeof topicSchema>>;

export const stepSchema = lazy(() =>
  z.object({
    id: slugSchema(),
    topicId: slugSchema(),
    title: localizedTextSchema(),
    body: localizedTextSchema(),
    keywords: localizedKeywordsSchema(),
    resourceIds: z.array(slugSchema()),
    ...traceable(),
  }),
);
export type Step = z.infer<ReturnType<typeof stepSchema>>;

export const resourceSchema = lazy(() =>
  z.object({
    id: slugSchema(),
    scope: scopeSchema(),
    name: localizedTextSchema(),
    description: localizedTextSchema(),
    phone: z.optional(z.string().check(z.regex(/^[0-9 +]{2,20}$/))),
    sms: z.optional(z.string().check(z.regex(/^[0-9 +]{2,20}$/))),
    url: z.optional(z.url({ protocol: /^https?$/ })),
    address: z.optional(nonEmpty()),
    hours: z.optional(localizedTextSchema()),
    /** Emergency numbers are shown first by crisis answers. */
    emergency: z.optional(z.boolean()),
    keywords: z.optional(localizedKeywordsSchema()),
    ...traceable(),
  }),
);
export type Resource = z.infer<ReturnType<typeof resourceSchema>>;

export const faqSchema = lazy(() =>
  z.object({
    id: slugSchema(),
    topicId: slugSchema(),
    question: localizedTextSchema(),
    answer: localizedTextSchema(),
    keywords: localizedKeywordsSchema(),
    resourceIds: z.array(slugSchema()),
    stepId: z.optional(slugSchema()),
    ...traceable(),
  }),
);
export type Faq = z.infer<ReturnType<typeof faqSchema>>;

/** Everything the engine needs, as published (or as a draft being previewed). */
export const contentBundleSchema = lazy(() =>
  z.object({
    topics: z.array(topicSchema()),
    steps: z.array(stepSchema()),
    resources: z.array(resourceSchema()),
    faqs: z.array(faqSchema()),
    /** Letter templates (shared/letters/model.ts); older publications have none. */
    letters: z.optional(z.array(letterSchema())),
  }),
);
export type ContentBundle = z.infer<ReturnType<typeof contentBundleSchema>>;

export type ContentSnapshot = ContentBundle & { version: number };

export const CONTENT_KINDS = ["topic", "step", "resource", "faq", "letter"] as const;
export type ContentKind = (typeof CONTENT_KINDS)[number];

/** Which list of a bundle holds each kind of item. */
export const KIND_LISTS = {
  topic: "topics",
  step: "steps",
  resource: "resources",
  faq: "faqs",
  letter: "letters",
} as const satisfies Record<ContentKind, keyof ContentBundle>;

/** A bundle's items of one kind (letters may be absent from older publications). */
export function itemsOf<K extends ContentKind>(
  bundle: ContentBundle,
  kind: K,
): NonNullable<ContentBundle[(typeof KIND_LISTS)[K]]> {
  return (bundle[KIND_LISTS[kind]] ?? []) as NonNullable<ContentBundle[(typeof KIND_LISTS)[K]]>;
}

/** The text in `locale`, or French; `fallback` tells the caller to mark it as French. */
export function pick(text: LocalizedText, locale: Locale): { text: string; fallback: boolean } {
  const value = text[locale];
  return value ? { text: value, fallback: false } : { text: text.fr, fallback: locale !== "fr" };
}
