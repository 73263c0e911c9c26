import { deliverTelegramReplies, telegramRepliesMessageSchema } from "./outbox.ts";

/** Queue consumer: each message is acknowledged, retried with backoff, or dead-lettered by the queue. */
export async function queue(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  for (const message of batch.messages) {
    try {
      const replies = telegramRepliesMessageSchema.safeParse(message.body);
      if (replies.success) {
        const outcome = await deliverTelegramReplies(env, replies.data);
        if (outcome.retry) await env.DELIVERIES.send(outcome.retry.message, { delaySeconds: outcome.retry.delaySeconds });
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
