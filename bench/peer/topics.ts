import { Composer } from "grammy";
import type { Topic } from "../../shared/content/model.ts";
import { faqById, faqsOf, stepById, topics } from "./content.ts";
import type { PeerContext } from "./context.ts";
import { faq, step, topic } from "./screens.ts";

/** One Composer per topic: its own button, its steps' and its FAQs' buttons. */
function topicComposer(item: Topic): Composer<PeerContext> {
  const composer = new Composer<PeerContext>();
  composer.callbackQuery(`topic:${item.id}`, (ctx) => topic(ctx, item));
  composer.callbackQuery(
    item.stepIds.map((id) => `step:${id}`),
    (ctx) => step(ctx, stepById(ctx.callbackQuery.data.slice(5))!),
  );
  const faqs = faqsOf(item.id);
  if (faqs.length > 0)
    composer.callbackQuery(
      faqs.map((f) => `faq:${f.id}`),
      (ctx) => faq(ctx, faqById(ctx.callbackQuery.data.slice(4))!),
    );
  return composer;
}

export const topicComposers = (): Composer<PeerContext>[] => topics.map(topicComposer);
