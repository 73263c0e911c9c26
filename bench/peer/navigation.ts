import { Composer, InlineKeyboard } from "grammy";
import { faqById, lookup, stepById } from "./content.ts";
import type { PeerContext } from "./context.ts";
import { back, faq, menu, show, step } from "./screens.ts";
import { t } from "./texts.ts";

/** Menu, back, "contact my référent" (an alert row in D1), and free text by keyword lookup. */
export function navigation(db: D1Database): Composer<PeerContext> {
  const composer = new Composer<PeerContext>();
  composer.callbackQuery("menu", (ctx) => menu(ctx));
  composer.command("menu", (ctx) => menu(ctx));
  composer.callbackQuery("back", (ctx) => back(ctx));

  composer.callbackQuery("contact", (ctx) => {
    ctx.session.screen = { at: "contact" };
    const { locale } = ctx.session;
    return show(
      ctx,
      t(locale, "contactAsk"),
      new InlineKeyboard().text(t(locale, "contactSend"), "contact:send").row().text(t(locale, "menuButton"), "menu"),
    );
  });
  const raise = async (ctx: PeerContext, message: string | null) => {
    await db
      .prepare("insert into alerts (id, chat_id, message, created_at) values (?1, ?2, ?3, ?4)")
      .bind(crypto.randomUUID(), String(ctx.chat!.id), message, Date.now())
      .run();
    ctx.session.screen = { at: "menu" };
    return show(
      ctx,
      t(ctx.session.locale, "contactSent"),
      new InlineKeyboard().text(t(ctx.session.locale, "menuButton"), "menu"),
    );
  };
  composer.callbackQuery("contact:send", (ctx) => raise(ctx, null));

  composer.on("message:text", (ctx) => {
    if (ctx.session.screen.at === "contact") return raise(ctx, ctx.message.text.slice(0, 1000));
    const found = lookup(ctx.message.text);
    if (found?.kind === "faq") return faq(ctx, faqById(found.id)!);
    if (found?.kind === "step") return step(ctx, stepById(found.id)!);
    const { locale } = ctx.session;
    return show(
      ctx,
      t(locale, "notUnderstood"),
      new InlineKeyboard().text(t(locale, "contact"), "contact").row().text(t(locale, "menuButton"), "menu"),
    );
  });
  // A stale button: answered, the menu shown again.
  composer.on("callback_query:data", (ctx) => menu(ctx));
  return composer;
}
