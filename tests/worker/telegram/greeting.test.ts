import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { t } from "../../../shared/i18n/index.ts";
import { seedContent } from "../../support/content.ts";
import { fakeTelegram } from "../../support/outside.ts";
import { buttonUpdate, keyboardOf, postUpdate, textUpdate } from "../../support/telegram.ts";

/** A young person is greeted in their Telegram app's language, which comes first among the languages. */

beforeAll(async () => {
  await seedContent();
});
beforeEach(() => fakeTelegram.reset());

function startIn(chatId: number, languageCode: string) {
  const update = textUpdate(chatId, "/start");
  return { ...update, message: { ...update.message, from: { ...update.message.from, language_code: languageCode } } };
}

describe("the greeting in the app's language", () => {
  it("should greet an Arabic phone in Arabic, Arabic first among the language buttons", async () => {
    await postUpdate(startIn(7301, "ar"));
    const [greeting] = fakeTelegram.messages;
    expect(String(greeting!.params.text)).toContain(t("ar", "welcome").slice(0, 12));
    expect(keyboardOf(greeting!.params).map(([, a]) => a)).toEqual([
      "lang:ar",
      "lang:fr",
      "lang:en",
      "lang:ps",
      "lang:prs",
    ]);
  });

  it("should read a Persian phone as Dari", async () => {
    await postUpdate(startIn(7302, "fa-IR"));
    const [greeting] = fakeTelegram.messages;
    expect(String(greeting!.params.text)).toContain(t("prs", "welcome").slice(0, 12));
    expect(keyboardOf(greeting!.params)[0]).toEqual(["دری", "lang:prs"]);
  });

  it("should keep the young person's own choice afterwards, whatever the phone says", async () => {
    await postUpdate(startIn(7303, "ar"));
    await postUpdate(buttonUpdate(7303, "lang:fr"));
    fakeTelegram.reset();
    await postUpdate(startIn(7303, "ar"));
    expect(String(fakeTelegram.messages[0]!.params.text)).toContain("Passerelle");
    expect(String(fakeTelegram.messages[0]!.params.text)).not.toContain(t("ar", "welcome").slice(0, 12));
  });

  it("should greet other languages in French", async () => {
    await postUpdate(startIn(7304, "es"));
    expect(keyboardOf(fakeTelegram.messages[0]!.params)[0]).toEqual(["Français", "lang:fr"]);
  });
});
