import { createScheduledController } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { alertConfigOf } from "../../worker/alerts/config.ts";
import { app } from "../../worker/app.ts";
import { ConfigError, configOf } from "../../worker/config.ts";
import site from "../../worker/site.ts";
import { siteApp } from "../../worker/site-app.ts";
import { staffApp } from "../../worker/staff-app.ts";

/** Every var and secret goes through one schema: wrong values fail loudly, blank ones are "off". */

const withSettings = (settings: Record<string, unknown>) => ({ ...env, ...settings }) as Env;

afterEach(() => {
  vi.restoreAllMocks();
});

describe("settings", () => {
  it("should refuse a webhook URL that is not an http(s) URL instead of switching the webhook channel off", () => {
    const bad = withSettings({ ALERT_WEBHOOK_URL: "receiver.test/passerelle" });
    expect(() => alertConfigOf(bad)).toThrow(ConfigError);
    expect(() => alertConfigOf(bad)).toThrow(/ALERT_WEBHOOK_URL: expected an http\(s\):\/\/ URL/);
  });

  it("should refuse half of a pair, naming the missing half", () => {
    expect(() => configOf(withSettings({ ALERT_WEBHOOK_SECRET: undefined }))).toThrow(
      /ALERT_WEBHOOK_SECRET is missing/,
    );
    expect(() => configOf(withSettings({ TELEGRAM_WEBHOOK_SECRET: undefined }))).toThrow(
      /TELEGRAM_WEBHOOK_SECRET is missing/,
    );
    expect(() => configOf(withSettings({ CF_ACCESS_AUD: "" }))).toThrow(/CF_ACCESS_AUD is missing/);
  });

  it("should take WhatsApp's four settings together, or none, and say which one is missing", () => {
    expect(configOf(env).whatsapp).toMatchObject({ phoneNumberId: "1000001", apiRoot: "https://graph.test/v23.0" });
    const none = {
      WHATSAPP_VERIFY_TOKEN: "",
      WHATSAPP_APP_SECRET: "",
      WHATSAPP_ACCESS_TOKEN: "",
      WHATSAPP_PHONE_NUMBER_ID: "",
    };
    expect(configOf(withSettings(none)).whatsapp).toBeNull();
    expect(() => configOf(withSettings({ WHATSAPP_APP_SECRET: "" }))).toThrow(/WHATSAPP_APP_SECRET is missing/);
    expect(() => configOf(withSettings({ WHATSAPP_PHONE_NUMBER_ID: "+33 1 00" }))).toThrow(/WHATSAPP_PHONE_NUMBER_ID/);
  });

  it("should read the approved templates from WHATSAPP_TEMPLATES, keep the defaults for the others and refuse bad JSON", () => {
    const templates = JSON.stringify({ reminder: { name: "rappel_44", languages: { fr: "fr", ar: "ar", prs: "fa" } } });
    const whatsapp = configOf(withSettings({ WHATSAPP_TEMPLATES: templates })).whatsapp!;
    expect(whatsapp.templates.reminder).toEqual({ name: "rappel_44", languages: { fr: "fr", ar: "ar", prs: "fa" } });
    expect(whatsapp.templates.alertSeen.name).toBe("passerelle_referent_vu");
    expect(() => configOf(withSettings({ WHATSAPP_TEMPLATES: "{reminder" }))).toThrow(
      /WHATSAPP_TEMPLATES: expected JSON/,
    );
    expect(() =>
      configOf(withSettings({ WHATSAPP_TEMPLATES: JSON.stringify({ reminder: { name: "Rappel !", languages: {} } }) })),
    ).toThrow(/WHATSAPP_TEMPLATES/);
  });

  it("should refuse an escalation delay that is not a whole number of minutes", () => {
    for (const value of ["soixante", "0", "-5", "1.5"]) {
      expect(() => configOf(withSettings({ ESCALATION_DELAY_MINUTES: value }))).toThrow(/ESCALATION_DELAY_MINUTES/);
    }
  });

  it("should refuse a backup chat id that is not numeric and an e-mail sender without the send_email binding", () => {
    expect(() => configOf(withSettings({ BACKUP_TELEGRAM_CHAT_ID: "@astreinte" }))).toThrow(/BACKUP_TELEGRAM_CHAT_ID/);
    expect(() =>
      configOf(withSettings({ ALERT_EMAIL_FROM: "alertes@passerelle.test", SEND_EMAIL: undefined })),
    ).toThrow(/SEND_EMAIL/);
    expect(() => configOf(withSettings({ BACKUP_EMAIL: "astreinte@passerelle.test" }))).toThrow(
      /BACKUP_EMAIL needs ALERT_EMAIL_FROM/,
    );
  });

  it("should report every wrong setting at once and never their values", () => {
    const secret = "short-but-secret";
    let message = "";
    try {
      configOf(
        withSettings({
          TELEGRAM_BOT_TOKEN: `not a token ${secret}`,
          ALERT_WEBHOOK_SECRET: "tiny",
          PUBLIC_URL: "localhost",
        }),
      );
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/TELEGRAM_BOT_TOKEN/);
    expect(message).toMatch(/ALERT_WEBHOOK_SECRET: at least 16 characters/);
    expect(message).toMatch(/PUBLIC_URL/);
    expect(message).not.toContain(secret);
    expect(message).not.toContain("tiny");
  });

  it("should read blank settings as not configured, and TOML numbers as text", () => {
    const config = configOf(
      withSettings({
        ALERT_WEBHOOK_URL: " ",
        ALERT_WEBHOOK_SECRET: "",
        ESCALATION_DELAY_MINUTES: 45,
        CRISIS_AUTO_ALERT: false,
      }),
    );
    expect(config.alerts.webhook).toBeNull();
    expect(config.alerts.escalationDelayMs).toBe(45 * 60 * 1000);
    expect(config.crisisAutoAlert).toBe(false);
  });

  it("should give the tests' settings as configured, and defaults for what is unset", () => {
    const config = configOf(env);
    expect(config.telegram).toEqual({
      token: "4242:test-token",
      secret: "test-webhook-secret",
      apiRoot: "https://telegram.test",
      username: "passerelle_test_bot",
    });
    expect(config.alerts.webhook).toEqual({
      url: "https://receiver.test/passerelle",
      secret: "test-alert-webhook-secret",
    });
    expect(config.alerts.email).toBeNull();
    expect(config.alerts.escalationDelayMs).toBe(30 * 60 * 1000);
    expect(config.alerts.backup).toEqual({ telegramChatId: "9999", email: null });
    expect(config.access).toEqual({ team: "https://receiver.test", aud: "test-access-aud" });
    expect(configOf(withSettings({ ESCALATION_DELAY_MINUTES: undefined })).alerts.escalationDelayMs).toBe(
      60 * 60 * 1000,
    );
  });
});

describe("a misconfigured Worker", () => {
  const bad = withSettings({ ALERT_WEBHOOK_URL: "ftp://receiver.test/passerelle" });

  it("should answer its first request with a 500 and log which setting is wrong, storing nothing", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const before = await env.DB.prepare("select count(*) as n from young_people").first<{ n: number }>();
    const res = await app.fetch(
      new Request("https://passerelle.test/api/chat/session", { method: "POST", body: "{}" }),
      bad,
    );
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: "service misconfigured" });
    expect(logged.mock.calls.flat().join(" ")).toMatch(/ALERT_WEBHOOK_URL: expected an http\(s\):\/\/ URL/);
    expect(await env.DB.prepare("select count(*) as n from young_people").first<{ n: number }>()).toEqual(before);
  });

  it("should fail on every path of the three Workers, the health check included", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    expect((await app.fetch(new Request("https://passerelle.test/health"), bad)).status).toBe(500);
    expect((await staffApp.fetch(new Request("https://passerelle.test/login"), bad)).status).toBe(500);
    expect((await siteApp.fetch(new Request("https://passerelle.test/"), bad)).status).toBe(500);
    expect((await siteApp.fetch(new Request("https://passerelle.test/health"), bad)).status).toBe(500);
    // Telegram keeps a 5xx update and retries it: nothing is lost while the setting is fixed.
    const update = { update_id: 1, message: { message_id: 1, chat: { id: 1, type: "private" }, text: "/start" } };
    const res = await app.fetch(
      new Request("https://passerelle.test/telegram/webhook", {
        method: "POST",
        headers: { "X-Telegram-Bot-Api-Secret-Token": "test-webhook-secret" },
        body: JSON.stringify(update),
      }),
      bad,
    );
    expect(res.status).toBe(500);
  });

  it("should fail its cron and queue handlers (the site Worker's) before they run", async () => {
    const controller = createScheduledController({ scheduledTime: Date.now(), cron: "*/5 * * * *" });
    expect(() => site.scheduled(controller, bad)).toThrow(ConfigError);
    expect(() =>
      site.queue({ queue: "passerelle-deliveries", messages: [] } as unknown as MessageBatch<unknown>, bad),
    ).toThrow(ConfigError);
  });
});
