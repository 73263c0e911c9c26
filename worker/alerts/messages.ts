import * as z from "zod/mini";
import { lazy } from "../../shared/lazy.ts";

/** Queue messages of alert deliveries (worker/queue.ts dispatches on `type`). */
export const alertDeliveryMessageSchema = lazy(() =>
  z.object({
    type: z.literal("alert_delivery"),
    deliveryId: z.string(),
  }),
);
export type AlertDeliveryMessage = z.infer<ReturnType<typeof alertDeliveryMessageSchema>>;

export async function enqueueDeliveries(env: Env, deliveryIds: string[]): Promise<void> {
  for (let i = 0; i < deliveryIds.length; i += 100) {
    const chunk = deliveryIds.slice(i, i + 100);
    await env.DELIVERIES.sendBatch(
      chunk.map((deliveryId) => ({ body: { type: "alert_delivery", deliveryId } satisfies AlertDeliveryMessage })),
    );
  }
}
