import { contentLinks } from "../shared/content/links.ts";
import { REVIEW_SOON_DAYS, reviewList } from "../shared/content/review.ts";
import { parisDate } from "../shared/roadmap/time.ts";
import { configOf } from "./config.ts";
import { loadDrafts } from "./store/content.ts";
import { loadLinkChecks, loadReviewPeriods, loadRoadmapRules } from "./store/content-settings.ts";
import { database } from "./store/db.ts";
import { editorsWithTelegram } from "./store/digest.ts";
import type { TelegramRepliesMessage } from "./telegram/outbox.ts";

/**
 * The weekly review digest (issue 21 §3): on Monday morning, each editor and admin with a linked
 * Telegram chat is told what is overdue for review, what falls due within REVIEW_SOON_DAYS and
 * how many links are broken, with the admin page's address. Queued like any Telegram message
 * (retries, a blocked chat recorded); nothing is sent when there is nothing to review.
 */
const LISTED = 5;

export async function sendReviewDigest(env: Env, now: number): Promise<{ sent: number }> {
  const config = configOf(env);
  if (!config.telegram) return { sent: 0 };
  const db = database(env.DB);
  const [drafts, rules, periods, checks, editors] = await Promise.all([
    loadDrafts(db),
    loadRoadmapRules(db),
    loadReviewPeriods(db),
    loadLinkChecks(db),
    editorsWithTelegram(db),
  ]);
  const items = reviewList(drafts, rules.draft, periods, parisDate(now));
  const used = contentLinks(drafts, rules.draft);
  const broken = Object.entries(checks).filter(([url, c]) => c.result !== "ok" && used.has(url)).length;
  if ((items.length === 0 && broken === 0) || editors.length === 0) return { sent: 0 };
  const overdue = items.filter((i) => i.overdue);
  const text = [
    "📋 Passerelle — contenus à revoir",
    `• ${overdue.length} en retard de relecture, ${items.length - overdue.length} à revoir dans les ${REVIEW_SOON_DAYS} jours`,
    ...overdue.slice(0, LISTED).map((i) => `  – ${i.label} (${i.kind}, à revoir le ${i.dueOn})`),
    `• ${broken} lien(s) cassé(s), déplacé(s) ou trop lent(s)`,
    `${config.publicUrl}/admin/content/review`,
  ].join("\n");
  const messages = editors.map((e) => ({
    body: {
      type: "telegram_replies",
      chatId: e.chatId,
      replies: [{ text }],
      attempt: 1,
    } satisfies TelegramRepliesMessage,
  }));
  await env.DELIVERIES.sendBatch(messages);
  return { sent: messages.length };
}
