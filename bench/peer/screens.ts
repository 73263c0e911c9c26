import { InlineKeyboard } from "grammy";
import { faqById, faqsOf, pick, resourceLines, stepById, topics, type Locale } from "./content.ts";
import type { PeerContext } from "./context.ts";
import { t } from "./texts.ts";
import type { Faq, Step, Topic } from "../../shared/content/model.ts";

/** Every screen is a new message with its inline keyboard; a button tap is answered first. */
export async function show(ctx: PeerContext, text: string, keyboard?: InlineKeyboard): Promise<void> {
  if (ctx.callbackQuery) await ctx.answerCallbackQuery();
  await ctx.reply(text, keyboard ? { reply_markup: keyboard } : {});
}

const nav = (locale: Locale, keyboard = new InlineKeyboard()) =>
  keyboard.text(t(locale, "back"), "back").text(t(locale, "menuButton"), "menu");

/** `intro`: a text said first, in the same message (the welcome on /start). */
export function menu(ctx: PeerContext, intro?: string): Promise<void> {
  const { locale } = ctx.session;
  ctx.session.screen = { at: "menu" };
  const keyboard = new InlineKeyboard();
  for (const topic of topics)
    keyboard.text(`${topic.icon ?? ""} ${pick(topic.title, locale)}`.trim(), `topic:${topic.id}`).row();
  keyboard.text(t(locale, "contact"), "contact");
  return show(ctx, intro ? `${intro}\n\n${t(locale, "menu")}` : t(locale, "menu"), keyboard);
}

export function topic(ctx: PeerContext, item: Topic): Promise<void> {
  const { locale } = ctx.session;
  ctx.session.screen = { at: "topic", id: item.id };
  const keyboard = new InlineKeyboard();
  for (const id of item.stepIds) {
    const step = stepById(id);
    if (step) keyboard.text(pick(step.title, locale), `step:${id}`).row();
  }
  for (const faq of faqsOf(item.id)) keyboard.text(`❓ ${pick(faq.question, locale)}`, `faq:${faq.id}`).row();
  return show(
    ctx,
    `${item.icon ?? ""} ${pick(item.title, locale)}\n\n${pick(item.intro, locale)}\n\n${t(locale, "steps")}`,
    nav(locale, keyboard),
  );
}

export function step(ctx: PeerContext, item: Step): Promise<void> {
  const { locale, dept } = ctx.session;
  ctx.session.screen = { at: "step", id: item.id };
  const parts = [
    `📌 ${pick(item.title, locale)}`,
    pick(item.body, locale),
    resourceLines(item.resourceIds, locale, dept),
  ];
  const owner = topics.find((x) => x.id === item.topicId);
  const next = owner ? stepById(owner.stepIds[owner.stepIds.indexOf(item.id) + 1] ?? "") : undefined;
  const keyboard = new InlineKeyboard();
  if (next) keyboard.text(`➡️ ${pick(next.title, locale)}`, `step:${next.id}`).row();
  return show(ctx, parts.filter(Boolean).join("\n\n"), nav(locale, keyboard));
}

export function faq(ctx: PeerContext, item: Faq): Promise<void> {
  const { locale, dept } = ctx.session;
  ctx.session.screen = { at: "faq", id: item.id };
  const parts = [
    `❓ ${pick(item.question, locale)}`,
    pick(item.answer, locale),
    resourceLines(item.resourceIds, locale, dept),
  ];
  const keyboard = new InlineKeyboard();
  const linked = item.stepId ? stepById(item.stepId) : undefined;
  if (linked) keyboard.text(`📌 ${pick(linked.title, locale)}`, `step:${linked.id}`).row();
  return show(ctx, parts.filter(Boolean).join("\n\n"), nav(locale, keyboard));
}

/** "Back": from a step or an answer to its topic, from anywhere else to the menu. */
export function back(ctx: PeerContext): Promise<void> {
  const screen = ctx.session.screen;
  const topicId =
    screen.at === "step" ? stepById(screen.id)?.topicId : screen.at === "faq" ? faqById(screen.id)?.topicId : undefined;
  const owner = topicId ? topics.find((x) => x.id === topicId) : undefined;
  return owner ? topic(ctx, owner) : menu(ctx);
}
