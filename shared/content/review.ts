import * as z from "zod/mini";
import { lazy } from "../lazy.ts";
import type { RoadmapRules } from "../roadmap/rules.ts";
import { CONTENT_KINDS, itemsOf, type ContentBundle, type ContentKind } from "./model.ts";

/**
 * Review-by dates (issue 21 §3): every item, letter template and roadmap rule is due for review
 * `period` days after its `reviewedAt`, the period set by the Département per kind (defaults
 * below: laws and addresses move, so letters, resources and rules are checked twice a year).
 * Pure: the admin lists what is overdue or due within `REVIEW_SOON_DAYS`.
 */
export const REVIEW_KINDS = [...CONTENT_KINDS, "rule"] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];
export const REVIEW_PERIOD_DEFAULTS: Record<ReviewKind, number> = {
  topic: 365,
  step: 365,
  resource: 180,
  faq: 365,
  letter: 180,
  rule: 180,
};
export const REVIEW_SOON_DAYS = 30;

export const reviewPeriodsSchema = lazy(() =>
  z.partialRecord(z.enum(REVIEW_KINDS), z.number().check(z.int(), z.minimum(7), z.maximum(3650))),
);
export type ReviewPeriods = Record<ReviewKind, number>;

export type ReviewItem = {
  kind: ReviewKind;
  id: string;
  label: string;
  reviewedAt: string | null;
  /** The day it must be reviewed by (YYYY-MM-DD); today when it was never reviewed. */
  dueOn: string;
  overdue: boolean;
};

const DAY = 86_400_000;

export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

function labelOf(item: Record<string, unknown>): string {
  const text = (item.title ?? item.name ?? item.question) as { fr?: string } | undefined;
  return text?.fr ?? String(item.id);
}

/** Items due for review by `today + REVIEW_SOON_DAYS`, the most overdue first. */
export function reviewList(
  bundle: ContentBundle,
  rules: RoadmapRules,
  periods: ReviewPeriods,
  today: string,
): ReviewItem[] {
  const horizon = addDays(today, REVIEW_SOON_DAYS);
  const all: { kind: ReviewKind; item: Record<string, unknown> & { id: string; reviewedAt?: string } }[] = [
    ...CONTENT_KINDS.flatMap((kind: ContentKind) =>
      (itemsOf(bundle, kind) as (Record<string, unknown> & { id: string; reviewedAt: string })[]).map((item) => ({
        kind: kind as ReviewKind,
        item,
      })),
    ),
    ...rules.steps.map((rule) => ({ kind: "rule" as const, item: rule as never })),
  ];
  const list: ReviewItem[] = [];
  for (const { kind, item } of all) {
    const reviewedAt = item.reviewedAt ?? null;
    const dueOn = reviewedAt ? addDays(reviewedAt, periods[kind]) : today;
    if (dueOn <= horizon)
      list.push({ kind, id: item.id, label: labelOf(item), reviewedAt, dueOn, overdue: dueOn <= today });
  }
  return list.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.id.localeCompare(b.id));
}
