import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { t } from "../../../shared/i18n/index.ts";
import { LOCALES } from "../../../shared/locales.ts";

/** Every page a young person sees shows the emergency numbers, in the page's language. */

const page = async (path: string) =>
  (await exports.default.fetch(new Request(`https://passerelle.test${path}`))).text();

/** The text of the header's emergency line, and its attributes. */
function emergencyLine(html: string): { text: string; attributes: string } {
  const match = /<header>[\s\S]*<p id="emergency"([^>]*)>([^<]*)<\/p>[\s\S]*<\/header>/.exec(html);
  if (!match) throw new Error("no emergency line in the page's header");
  return { attributes: match[1]!, text: match[2]! };
}

describe("the young people's pages", () => {
  for (const locale of LOCALES) {
    it(`should show the emergency numbers in ${locale} on the simulator in ${locale}`, async () => {
      const html = await page(`/parcours?locale=${locale}`);
      expect(html).toContain(`<html lang="${locale}" dir="${locale === "fr" || locale === "en" ? "ltr" : "rtl"}">`);
      expect(emergencyLine(html).text).toBe(t(locale, "emergencyLine"));
    });
  }

  it("should give the web chat the emergency numbers in French and every translation for its script", async () => {
    const line = emergencyLine(await page("/"));
    expect(line.text).toBe(t("fr", "emergencyLine"));
    for (const locale of LOCALES) expect(line.attributes).toContain(`data-${locale}="${t(locale, "emergencyLine")}"`);
  });

  it("should have a translated emergency line that is not the French one", () => {
    for (const locale of LOCALES.filter((l) => l !== "fr"))
      expect(t(locale, "emergencyLine")).not.toBe(t("fr", "emergencyLine"));
  });
});
