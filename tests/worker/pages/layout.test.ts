import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { t } from "../../../shared/i18n/index.ts";
import { LOCALES } from "../../../shared/locales.ts";
import { PAGE_KEYS, SHELL_KEYS } from "../../../worker/pages/chat-shell.ts";

/** Every page a young person sees shows the emergency numbers, in the page's language, as tel: links. */

const page = async (path: string, headers: Record<string, string> = {}) =>
  (await exports.default.fetch(new Request(`https://passerelle.test${path}`, { headers }))).text();

/** The header's emergency line: its text without tags, and its links. */
function emergencyLine(html: string): { text: string; links: string[] } {
  const match = /<header>[\s\S]*<p id="emergency">([\s\S]*?)<\/p>[\s\S]*<\/header>/.exec(html);
  if (!match) throw new Error("no emergency line in the page's header");
  const inner = match[1]!;
  return {
    text: inner.replace(/<[^>]+>/g, ""),
    links: [...inner.matchAll(/<a href="([^"]+)"[^>]*>([^<]*)<\/a>/g)].map((m) => `${m[1]} ${m[2]}`),
  };
}

const TEL_LINKS = ["tel:112 112", "tel:115 115", "tel:119 119", "tel:3114 3114"];

describe("the young people's pages", () => {
  for (const locale of LOCALES) {
    it(`should show the emergency numbers in ${locale}, as tel: links, on the simulator in ${locale}`, async () => {
      const html = await page(`/parcours?locale=${locale}`);
      expect(html).toContain(`<html lang="${locale}" dir="${locale === "fr" || locale === "en" ? "ltr" : "rtl"}">`);
      const line = emergencyLine(html);
      expect(line.text).toBe(t(locale, "emergencyLine"));
      expect(line.links).toEqual(TEL_LINKS);
    });
  }

  it("should have a translated emergency line that is not the French one", () => {
    for (const locale of LOCALES.filter((l) => l !== "fr"))
      expect(t(locale, "emergencyLine")).not.toBe(t("fr", "emergencyLine"));
  });
});

describe("the web chat's shell", () => {
  it("should start in French, its emergency numbers as tel: links, for a browser in a language it does not speak", async () => {
    const html = await page("/", { "Accept-Language": "de-DE,de;q=0.9" });
    expect(html).toContain('<html lang="fr" dir="ltr">');
    expect(emergencyLine(html).links).toEqual(TEL_LINKS);
    for (const key of ["chatSend", "chatAskLabel", "chatRoadmapOpen"] as const) expect(html).toContain(t("fr", key));
  });

  for (const [header, locale] of [
    ["ar-MA,ar;q=0.9,fr;q=0.5", "ar"],
    ["ps-AF", "ps"],
    ["fa-IR,fa;q=0.9", "prs"],
    ["en-GB,en;q=0.8", "en"],
  ] as const)
    it(`should render every shell string in ${locale} for a browser asking ${header}, none left in French`, async () => {
      const res = await exports.default.fetch(
        new Request("https://passerelle.test/", { headers: { "Accept-Language": header } }),
      );
      expect(res.headers.get("Vary")).toContain("Accept-Language");
      const html = await res.text();
      expect(html).toContain(`<html lang="${locale}" dir="${locale === "en" ? "ltr" : "rtl"}">`);
      expect(emergencyLine(html).text).toBe(t(locale, "emergencyLine"));
      expect(emergencyLine(html).links).toEqual(TEL_LINKS);
      // The emergency line is checked above (its numbers are links).
      const shown = PAGE_KEYS.filter((key) => key !== "emergencyLine");
      for (const key of shown) expect(html, key).toContain(t(locale, key).replace(/'/g, "&#39;"));
      // The keys the script switches by ("chatConversation") are names, not text.
      const text = html.replace(/ data-i18n[a-z-]*="[^"]*"/g, "");
      for (const key of shown)
        if (t("fr", key) !== t(locale, key)) expect(text, key).not.toContain(t("fr", key).replace(/'/g, "&#39;"));
      expect(html).toContain(`href="/parcours?locale=${locale}"`);
    });

  it("should give the page's script the shell's strings in every language, to switch without a reload", async () => {
    const html = await page("/");
    const script = await page(/<script src="([^"]+)"/.exec(html)![1]!);
    for (const locale of LOCALES)
      for (const key of SHELL_KEYS) expect(script, `${locale} ${key}`).toContain(JSON.stringify(t(locale, key)));
    // The same phone-number finder as the Worker's (shared/text/links.ts), not a copy that could drift.
    expect(script).toContain("const linkSegments = function linkSegments(text)");
  });
});
