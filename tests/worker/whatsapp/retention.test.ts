import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { RETENTION_DEFAULTS } from "../../../worker/config.ts";
import type { WhatsAppMessages } from "../../../worker/whatsapp/outbox.ts";
import { seedContent } from "../../support/content.ts";
import { batchesSent } from "../../support/queue.ts";
import { postWhatsApp, textMessage, webhookCall } from "../../support/whatsapp.ts";
import { runCron } from "../../support/cron.ts";

/** Retention on WhatsApp as on Telegram: a warning before an inactive profile is erased, as the approved template. */

const DAY = 86_400_000;
const T0 = Date.parse("2026-06-01T10:00:00Z");
const D = RETENTION_DEFAULTS;

const queued = batchesSent<WhatsAppMessages>();

beforeAll(async () => {
  await seedContent();
});

const exists = async (id: string) =>
  (await env.DB.prepare("select 1 as x from young_people where id = ?").bind(id).first()) !== null;

describe("inactive WhatsApp profiles", () => {
  it("should send the inactivity template before erasing, once, then erase after the warning period", async () => {
    const from = "33655500001";
    expect((await postWhatsApp(webhookCall([textMessage(from, "Bonjour")]))).status).toBe(200);
    const id = (await env.DB.prepare("select young_id as id from identities where channel = 'whatsapp' and key = ?")
      .bind(from)
      .first<{ id: string }>())!.id;
    await env.DB.prepare("update young_people set last_active_at = ? where id = ?")
      .bind(T0 - (D.PROFILE_RETENTION_DAYS - D.PURGE_WARNING_DAYS + 1) * DAY, id)
      .run();

    await runCron(T0);
    const warning = queued.find((m) => m.type === "whatsapp_messages" && m.to === from);
    const template = {
      type: "template",
      template: {
        name: "passerelle_inactivite",
        language: { code: "fr" },
        components: [{ type: "body", parameters: [{ type: "text", text: String(D.PURGE_WARNING_DAYS) }] }],
      },
    };
    expect(warning).toMatchObject({ locale: "fr", messages: [template], fallback: template });
    expect(await exists(id)).toBe(true);

    queued.length = 0;
    await runCron(T0 + 3_600_000);
    expect(queued.filter((m) => m.type === "whatsapp_messages")).toEqual([]);

    await runCron(T0 + (D.PURGE_WARNING_DAYS + 1) * DAY);
    expect(await exists(id)).toBe(false);
  });
});
