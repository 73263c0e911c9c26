import { exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { t } from "../../../shared/i18n/index.ts";
import { seedContent } from "../../support/content.ts";
import { actions, type ChatResponse } from "../../support/webchat.ts";

/** A new web chat session is greeted in the browser's language (Accept-Language), that language first among the buttons. */

beforeAll(async () => {
  await seedContent();
});

async function open(body: unknown, acceptLanguage?: string): Promise<ChatResponse> {
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (acceptLanguage) headers["Accept-Language"] = acceptLanguage;
  const res = await exports.default.fetch(
    new Request("https://passerelle.test/api/chat/session", { method: "POST", headers, body: JSON.stringify(body) }),
  );
  expect(res.status).toBe(201);
  return res.json();
}

describe("the web chat's greeting", () => {
  it("should greet an Arabic browser in Arabic, right to left, Arabic first among the languages", async () => {
    const session = await open({}, "ar-MA,ar;q=0.9,fr;q=0.8");
    expect(session.locale).toBe("ar");
    expect(session.dir).toBe("rtl");
    expect(session.replies[0]!.text).toContain(t("ar", "welcome").slice(0, 12));
    expect(actions(session).filter((a) => a.startsWith("lang:"))).toEqual([
      "lang:ar",
      "lang:fr",
      "lang:en",
      "lang:ps",
      "lang:prs",
    ]);
  });

  it("should let the language asked for in the request win over the browser's", async () => {
    expect((await open({ locale: "ps" }, "ar")).locale).toBe("ps");
  });

  it("should greet in French a browser in a language Passerelle does not speak", async () => {
    expect((await open({}, "de-DE,de;q=0.9")).locale).toBe("fr");
  });
});
