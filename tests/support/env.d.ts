import type { D1Migration } from "cloudflare:test";

declare global {
  namespace Cloudflare {
    interface Env {
      TEST_MIGRATIONS: D1Migration[];
      TELEGRAM_BOT_TOKEN: string;
      TELEGRAM_WEBHOOK_SECRET: string;
      /** "1" in `npm run test:resilience`: the full fuzz and load tests (tests/worker/fuzz.test.ts, load.test.ts). */
      RESILIENCE_FULL: string;
    }
    // Types `exports.default` from "cloudflare:workers" as the tests' Worker (the three Workers in one).
    interface GlobalProps {
      mainModule: typeof import("./worker.ts");
    }
  }
}
