import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";

// Every test runs inside workerd against the real Worker and a local D1 migrated with the
// real migrations. Only the outside world (Telegram, webhook receivers) is faked, by the
// fetch interceptor in tests/support/outside.ts.
export default defineConfig(async () => {
  const migrations = await readD1Migrations("migrations");
  return {
    plugins: [
      cloudflareTest({
        wrangler: { configPath: "./wrangler.toml" },
        // The three Workers in one: the staff and site Workers answer the chat Worker's STAFF and SITE bindings.
        main: "./tests/support/worker.ts",
        miniflare: {
          bindings: {
            TEST_MIGRATIONS: migrations,
            TELEGRAM_API_ROOT: "https://telegram.test",
            TELEGRAM_BOT_TOKEN: "4242:test-token",
            TELEGRAM_WEBHOOK_SECRET: "test-webhook-secret",
            TELEGRAM_BOT_USERNAME: "passerelle_test_bot",
            PUBLIC_URL: "https://passerelle.test",
            // Alerts: the team webhook goes to the fake receiver; a backup contact for escalations.
            ALERT_WEBHOOK_URL: "https://receiver.test/passerelle",
            ALERT_WEBHOOK_SECRET: "test-alert-webhook-secret",
            BACKUP_TELEGRAM_CHAT_ID: "9999",
            ESCALATION_DELAY_MINUTES: "30",
            // Cloudflare Access in front of staff pages: certs served by the fake receiver.
            CF_ACCESS_TEAM_DOMAIN: "https://receiver.test",
            CF_ACCESS_AUD: "test-access-aud",
            // WhatsApp Cloud API: messages go to the fake Graph API (tests/support/outside.ts).
            WHATSAPP_VERIFY_TOKEN: "test-verify-token",
            WHATSAPP_APP_SECRET: "testappsecret0123456789abcdef",
            WHATSAPP_ACCESS_TOKEN: "test-access-token-0123456789",
            WHATSAPP_PHONE_NUMBER_ID: "1000001",
            WHATSAPP_API_ROOT: "https://graph.test/v23.0",
            // `npm run test:resilience` (CI): the full fuzz and load tests instead of their quick versions.
            RESILIENCE_FULL: process.env.RESILIENCE_FULL ?? "",
          },
          // Sent messages go to a queue nobody consumes: tests drive the consumer themselves
          // (worker `queue` handler + createMessageBatch), so nothing runs in the background.
          queueProducers: { DELIVERIES: { queueName: "passerelle-deliveries-test" } },
          // The tests' Worker answers STAFF and SITE with the staff and site Workers themselves
          // (tests/support/worker.ts); these stand in for wrangler.toml's bindings to those services.
          serviceBindings: {
            STAFF: () => new Response("STAFF is answered in tests/support/worker.ts", { status: 500 }),
            SITE: () => new Response("SITE is answered in tests/support/worker.ts", { status: 500 }),
          },
          // A local send_email binding; the e-mail channel stays off unless ALERT_EMAIL_FROM is set.
          email: { send_email: [{ name: "SEND_EMAIL" }] },
        },
      }),
    ],
    test: {
      include: ["tests/**/*.test.ts"],
      // Browser tests run in Node (vitest.browser.config.ts); tests/bench/ checks the bench's pure parts here.
      exclude: ["tests/browser/**"],
      setupFiles: ["./tests/support/setup.ts"],
      // Not a performance limit (the bench measures speed): a test that sends hundreds of
      // requests must not fail because a loaded 2-core CI machine is slow.
      testTimeout: 60_000,
      hookTimeout: 60_000,
    },
  };
});
