import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { processDelivery } from "../../../worker/alerts/deliver.ts";
import { dispatchAlerts } from "../../../worker/alerts/dispatch.ts";
import { deliveriesOf } from "../../support/alerts.ts";
import { linkedWebYoung, loginAs } from "../../support/staff.ts";
import { send } from "../../support/webchat.ts";

/** The optional e-mail channel, through a local `send_email` binding. */

/** A linked web chat user sends the help request as offered (no words of their own). */
async function linkedYoungAsksForHelp(): Promise<{ id: string; referentId: string }> {
  const ref = await loginAs("referent");
  const young = await linkedWebYoung(ref.cookie);
  await send(young.token, { action: "contact" });
  await send(young.token, { action: "contact:send" });
  const alert = await env.DB.prepare("select id from alerts where young_id = ?")
    .bind(young.sessionId)
    .first<{ id: string }>();
  if (!alert) throw new Error("no help alert was stored");
  return { id: alert.id, referentId: ref.id };
}

describe("e-mail alerts", () => {
  it("should skip e-mail cleanly when ALERT_EMAIL_FROM is not configured", async () => {
    const alert = await linkedYoungAsksForHelp();
    // The alert was dispatched (the default team's webhook), just not by e-mail.
    const channels = (await deliveriesOf(alert.id)).map((d) => d.channel);
    expect(channels).toContain("webhook");
    expect(channels).not.toContain("email");
  });

  it("should send an e-mail to each linked référent when configured", async () => {
    const withEmail = { ...env, ALERT_EMAIL_FROM: "alertes@passerelle.test" } as Env;
    const alert = await linkedYoungAsksForHelp();
    await dispatchAlerts(withEmail, [alert.id]);
    const email = await env.DB.prepare("select id from alert_deliveries where alert_id = ? and channel = 'email'")
      .bind(alert.id)
      .first<{ id: string }>();
    expect(email).not.toBeNull();
    expect(await processDelivery(withEmail, email!.id)).toEqual({ kind: "done" });
    expect((await deliveriesOf(alert.id)).find((d) => d.channel === "email")).toMatchObject({
      recipient: alert.referentId,
      status: "delivered",
    });
  });
});
