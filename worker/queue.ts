import { deliverTelegramReplies, telegramRepliesMessageSchema } from "./telegram/outbox.ts";
import { deliverWhatsAppMessages, whatsappMessagesSchema } from "./whatsapp/outbox.ts";
import { processDelivery } from "./alerts/deliver.ts";
import { alertDeliveryMessageSchema } from "./alerts/messages.ts";
import { database } from "./store/db.ts";
import { markDeadLettered } from "./store/alerts.ts";
import { roadmapScanMessageSchema, scanRoadmap } from "./roadmap-scan.ts";
import { deliverWebPush, webPushMessageSchema } from "./push/send.ts";
import { giveUpReply, processReply, referentReplyMessageSchema } from "./replies/deliver.ts";
import { digestEmailMessageSchema, giveUpDigest, processDigestEmail } from "./review-digest-email.ts";

export const DEAD_LETTER_QUEUE = "passerelle-deliveries-dlq";

/** Queue consumer: each message is acknowledged, retried with backoff, or dead-lettered by the queue. */
export async function queue(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  for (const message of batch.messages) {
    try {
      const delivery = alertDeliveryMessageSchema().safeParse(message.body);
      const reply = referentReplyMessageSchema().safeParse(message.body);
      const digest = digestEmailMessageSchema().safeParse(message.body);
      if (batch.queue === DEAD_LETTER_QUEUE) {
        // Out of retries: the delivery is marked failed (the dashboard shows it); nothing is sent.
        if (delivery.success) await markDeadLettered(database(env.DB), delivery.data.deliveryId);
        else if (reply.success) await giveUpReply(env, reply.data.replyId);
        else if (digest.success) await giveUpDigest(env, digest.data.id);
        else console.warn("queue: dead-lettered message", replyType(message.body));
        message.ack();
        continue;
      }
      if (delivery.success) {
        const outcome = await processDelivery(env, delivery.data.deliveryId);
        if (outcome.kind === "retry") message.retry({ delaySeconds: outcome.delaySeconds });
        else message.ack();
        continue;
      }
      if (reply.success) {
        const outcome = await processReply(env, reply.data.replyId);
        if (outcome.kind === "retry") message.retry({ delaySeconds: outcome.delaySeconds });
        else message.ack();
        continue;
      }
      if (digest.success) {
        const outcome = await processDigestEmail(env, digest.data.id);
        if (outcome.kind === "retry") message.retry({ delaySeconds: outcome.delaySeconds });
        else message.ack();
        continue;
      }
      const replies = telegramRepliesMessageSchema().safeParse(message.body);
      if (replies.success) {
        const outcome = await deliverTelegramReplies(env, replies.data);
        if (outcome.retry)
          await env.DELIVERIES.send(outcome.retry.message, { delaySeconds: outcome.retry.delaySeconds });
        message.ack();
        continue;
      }
      // The next pages of a roadmap scan the cron (or the previous page) handed on.
      const scan = roadmapScanMessageSchema().safeParse(message.body);
      if (scan.success) {
        await scanRoadmap(env, scan.data.job, scan.data.now, scan.data.after);
        message.ack();
        continue;
      }
      const whatsapp = whatsappMessagesSchema().safeParse(message.body);
      if (whatsapp.success) {
        const outcome = await deliverWhatsAppMessages(env, whatsapp.data);
        if (outcome.retry)
          await env.DELIVERIES.send(outcome.retry.message, { delaySeconds: outcome.retry.delaySeconds });
        message.ack();
        continue;
      }
      const push = webPushMessageSchema().safeParse(message.body);
      if (push.success) {
        const outcome = await deliverWebPush(env, push.data);
        if (outcome.retry)
          await env.DELIVERIES.send(outcome.retry.message, { delaySeconds: outcome.retry.delaySeconds });
        message.ack();
        continue;
      }
      console.warn("queue: unknown message type dropped");
      message.ack();
    } catch (error) {
      console.error("queue: delivery failed", error instanceof Error ? error.name : "error");
      message.retry({ delaySeconds: Math.min(3600, 2 ** message.attempts) });
    }
  }
}

function replyType(body: unknown): string {
  return body && typeof body === "object" && "type" in body ? String((body as { type: unknown }).type) : "unknown";
}
