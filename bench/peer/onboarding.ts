import { Composer, InlineKeyboard } from "grammy";
import type { PeerContext } from "./context.ts";
import { menu, show } from "./screens.ts";
import { t } from "./texts.ts";

/** /start, then language → privacy → birth year → month → situation → département → menu. */
export const onboarding = new Composer<PeerContext>();

const LANGUAGES = [
  ["Français", "fr"],
  ["English", "en"],
  ["العربية", "ar"],
  ["پښتو", "ps"],
  ["دری", "prs"],
] as const;
const STATUSES = [
  ["statusAse", "ase"],
  ["statusLeft", "left_ase"],
  ["statusMna", "mna"],
  ["statusOther", "other"],
] as const;

onboarding.command("start", async (ctx) => {
  const s = ctx.session;
  if (s.consent || s.dept) return menu(ctx, t(s.locale, "welcome"));
  s.screen = { at: "onboarding" };
  const keyboard = new InlineKeyboard();
  for (const [label, code] of LANGUAGES) keyboard.text(label, `lang:${code}`);
  return show(ctx, `${t(s.locale, "welcome")}\n\n${t(s.locale, "chooseLanguage")}`, keyboard);
});

onboarding.callbackQuery(/^lang:(fr|en|ar|ps|prs)$/, (ctx) => {
  ctx.session.locale = ctx.match[1] as PeerContext["session"]["locale"];
  if (ctx.session.screen.at !== "onboarding") return menu(ctx);
  const { locale } = ctx.session;
  return show(
    ctx,
    t(locale, "privacy"),
    new InlineKeyboard().text(t(locale, "accept"), "privacy:accept").text(t(locale, "skip"), "privacy:skip"),
  );
});

onboarding.callbackQuery("privacy:skip", (ctx) => menu(ctx));

onboarding.callbackQuery("privacy:accept", (ctx) => {
  ctx.session.consent = true;
  const year = new Date().getUTCFullYear();
  const keyboard = new InlineKeyboard();
  for (let y = year - 25; y <= year - 14; y++) {
    keyboard.text(String(y), `year:${y}`);
    if ((y - year + 25) % 4 === 3) keyboard.row();
  }
  return show(ctx, t(ctx.session.locale, "askYear"), keyboard);
});

onboarding.callbackQuery(/^year:(\d{4})$/, (ctx) => {
  ctx.session.birthYear = Number(ctx.match[1]);
  const keyboard = new InlineKeyboard();
  t(ctx.session.locale, "months")
    .split(",")
    .forEach((name, i) => {
      keyboard.text(name, `month:${String(i + 1).padStart(2, "0")}`);
      if (i % 3 === 2) keyboard.row();
    });
  return show(ctx, t(ctx.session.locale, "askMonth"), keyboard);
});

onboarding.callbackQuery(/^month:(0[1-9]|1[0-2])$/, (ctx) => {
  const s = ctx.session;
  if (s.birthYear) s.birth = `${s.birthYear}-${ctx.match[1]}`;
  const keyboard = new InlineKeyboard();
  for (const [key, code] of STATUSES) keyboard.text(t(s.locale, key), `status:${code}`).row();
  return show(ctx, t(s.locale, "askStatus"), keyboard);
});

onboarding.callbackQuery(/^status:(ase|left_ase|mna|other)$/, (ctx) => {
  ctx.session.status = ctx.match[1];
  const keyboard = new InlineKeyboard()
    .text("Loire-Atlantique (44)", "dept:44")
    .row()
    .text("Maine-et-Loire (49)", "dept:49")
    .row()
    .text(t(ctx.session.locale, "deptOther"), "dept:other");
  return show(ctx, t(ctx.session.locale, "askDept"), keyboard);
});

onboarding.callbackQuery(/^dept:(44|49|other)$/, (ctx) => {
  ctx.session.dept = ctx.match[1];
  return menu(ctx);
});
