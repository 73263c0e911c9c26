import * as z from "zod/mini";
import { localeSchema } from "../shared/locales.ts";
import { lazy } from "../shared/lazy.ts";
import { profileSchema } from "../shared/profile.ts";
import { PROGRESS_MARKS } from "../shared/roadmap/compute.ts";

/** The onboarding's questions, in the order a young person meets them. */
export const ONBOARDING_STAGES = [
  "language",
  "privacy",
  "birth_year",
  "birth_month",
  "status",
  "care_year",
  "care_month",
  "permit_year",
  "permit_month",
  "dept",
] as const;

/** Where the young person is in the conversation. Stored as JSON, validated on read. */
/** Built on first use (like every schema here): module load builds nothing a request may not need. */
export const cursorSchema = lazy(() =>
  z.discriminatedUnion("at", [
    z.object({
      at: z.literal("onboarding"),
      stage: z.enum(ONBOARDING_STAGES),
      year: z.optional(z.number()),
      /** Editing the profile later returns to the menu instead of continuing onboarding. */
      editing: z.optional(z.boolean()),
    }),
    z.object({ at: z.literal("menu") }),
    z.object({ at: z.literal("topic"), topicId: z.string() }),
    z.object({ at: z.literal("step"), stepId: z.string() }),
    z.object({ at: z.literal("faq"), faqId: z.string() }),
    z.object({ at: z.literal("contact") }),
    z.object({ at: z.literal("data") }),
    /** Waiting for the one-time code of a référent (bot/flows/link.ts). */
    z.object({ at: z.literal("link") }),
    /** "Mon parcours": the list (from `page`, 3 steps a page) or one step opened. */
    z.object({ at: z.literal("roadmap"), page: z.optional(z.number()), stepId: z.optional(z.string()) }),
    /** A letter chosen, waiting for the name and address (which are never stored: bot/letters/flow.ts). */
    z.object({ at: z.literal("letter"), purpose: z.string() }),
  ]),
);
export type Cursor = z.infer<ReturnType<typeof cursorSchema>>;

/** The stored memo of sensitive buttons offered (bot/offers.ts). */
export const offersSchema = lazy(() =>
  z
    .array(
      z.object({
        action: z.string().check(z.maxLength(64)),
        until: z.number(),
        question: z.optional(z.string().check(z.maxLength(200))),
      }),
    )
    .check(z.maxLength(8)),
);

/** Parses the stored memo; an unreadable one offers nothing. */
export function parseOffers(json: string | null): z.infer<ReturnType<typeof offersSchema>> {
  try {
    const parsed = offersSchema().safeParse(JSON.parse(json ?? "[]"));
    if (parsed.success) return parsed.data;
  } catch {
    // unreadable JSON: nothing offered
  }
  return [];
}

/** Only the content preview (admin) validates a whole state: built on first use. */
export const conversationStateSchema = lazy(() =>
  z.object({
    youngId: z.string(),
    locale: localeSchema,
    profile: profileSchema(),
    consentAt: z.optional(z.number()),
    cursor: cursorSchema(),
    /** Help requests not yet acknowledged: avoids sending the same request twice. */
    openHelpRequests: z.number(),
    /** Whether a référent is linked (the engine words its answers accordingly). */
    hasReferent: z.boolean(),
    /** Alerts a référent acknowledged that the young person was not told about yet. */
    alertsSeen: z.optional(z.number()),
    /** Roadmap steps marked done or "not for me" (loaded with the turn). */
    roadmapProgress: z.optional(z.record(z.string(), z.enum(PROGRESS_MARKS))),
    /** The young person stopped roadmap reminders. */
    remindersOptOut: z.optional(z.boolean()),
    /** Reminders already given ("stepId/kind"), by Telegram or shown in the chat. */
    remindersSent: z.optional(z.array(z.string())),
    /** Sensitive buttons offered and still valid (bot/offers.ts). */
    offers: z.optional(offersSchema()),
    /** When this person's recent help and crisis alerts were raised (the last hour is enough): the cap per hour. */
    recentAlerts: z.optional(z.array(z.number())),
  }),
);
export type ConversationState = z.infer<ReturnType<typeof conversationStateSchema>>;

export const START_CURSOR: Cursor = { at: "onboarding", stage: "language" };

/** Parses a stored cursor, falling back to the menu (or onboarding) when it is unreadable. */
export function parseCursor(json: string, onboarded: boolean): Cursor {
  try {
    const parsed = cursorSchema().safeParse(JSON.parse(json));
    if (parsed.success) return parsed.data;
  } catch {
    // unreadable JSON: fall through
  }
  return onboarded ? { at: "menu" } : START_CURSOR;
}
