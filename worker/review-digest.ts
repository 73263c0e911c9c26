import { contentLinks } from "../shared/content/links.ts";
import { REVIEW_SOON_DAYS, reviewList } from "../shared/content/review.ts";
import { parisDate } from "../shared/roadmap/time.ts";
import { configOf } from "./config.ts";
import { loadDrafts } from "./store/content.ts";
import { loadLinkChecks, loadReviewPeriods, loadRoadmapRules } from "./store/content-settings.ts";
import { database } from "./store/db.ts";
import { editorsWithTelegram, storeDigestEmails } from "./store/digest.ts";
import type { TelegramRepliesMessage } from "./telegram/outbox.ts";
import { queueDigestEmails } from "./review-digest-email.ts";

/**
 * The weekly review digest (issue 21 §3): on Monday morning, each editor and admin is told what
 * is overdue for review, what falls due within REVIEW_SOON_DAYS and how many links are broken,
 * with the admin page's address: by e-mail when the alerts' e-mail is configured (every editor
 * and admin has one, their sign-in; stored first, then delivered with retries:
 * worker/review-digest-email.ts) and on Telegram to those who linked a chat (queued like any
 * Telegram message: retries, a blocked chat recorded). Nothing is sent when there is nothing to review.
 */
const LISTED = 5;

export async function sendReviewDigest(env: Env, now: number): Promise<{ sent: number; emailed: number }> {
  const config = configOf(env);
  if (!config.telegram && !config.alerts.email) return { sent: 0, emailed: 0 };
  const db = database(env.DB);
  const [drafts, rules, periods, checks, editors] = await Promise.all([
    loadDrafts(db),
    loadRoadmapRules(db),
    loadReviewPeriods(db),
    loadLinkChecks(db),
    config.telegram ? editorsWithTelegram(db) : [],
  ]);
  const items = reviewList(drafts, rules.draft, periods, parisDate(now));
  const used = contentLinks(drafts, rules.draft);
  const broken = Object.entries(checks).filter(([url, c]) => c.result !== "ok" && used.has(url)).length;
  if (items.length === 0 && broken === 0) return { sent: 0, emailed: 0 };
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
  if (messages.length > 0) await env.DELIVERIES.sendBatch(messages);
  const emails = config.alerts.email ? await storeDigestEmails(db, parisDate(now), text, now) : [];
  await queueDigestEmails(env, emails);
  return { sent: messages.length, emailed: emails.length };
}
