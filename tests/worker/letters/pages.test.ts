import { exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { seedContent } from "../../support/content.ts";
import { everyTableCount, tablesHolding } from "../../support/db.ts";
import { t } from "../../../shared/i18n/index.ts";

/** The letters' public pages (/lettres): the form, the print-ready letter, its PDF; nothing stored. */

const NAME = "Inès Pagetest";
const get = (path: string) => exports.default.fetch(new Request(`https://passerelle.test${path}`));
const post = (path: string, fields: Record<string, string>) =>
  exports.default.fetch(
    new Request(`https://passerelle.test${path}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields),
    }),
  );

beforeAll(async () => {
  await seedContent();
});

describe("letter pages", () => {
  it("should list the letters with their one-line explanation in the page's language", async () => {
    const res = await get("/lettres?dept=49&locale=ps");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('lang="ps"');
    expect(html).toContain("د ځوان بالغ تړون غوښتنه");
    expect(html).toContain('href="/lettres/cjm-appeal?locale=ps&amp;dept=49"');
  });

  it("should show the form, then answer it with the letter as a PDF, addressed to the département's service", async () => {
    const form = await get("/lettres/cjm-request?dept=49&locale=fr");
    expect(form.status).toBe(200);
    const page = await form.text();
    expect(page).toMatch(/<form method="post" action="\/lettres\/cjm-request">/);
    expect(page).toContain('name="dept" value="49"');
    const before = await everyTableCount();
    const res = await post("/lettres/cjm-request", {
      dept: "49",
      locale: "fr",
      name: NAME,
      address: "4 rue Test\r\n49000 Angers",
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    expect(res.headers.get("Content-Type")).toBe("application/pdf");
    expect(res.headers.get("Content-Disposition")).toBe('inline; filename="lettre-cjm-request.pdf"');
    const pdf = new TextDecoder("latin1").decode(await res.arrayBuffer());
    expect(pdf.startsWith("%PDF-1.4")).toBe(true);
    expect(pdf).toContain("(In\\350s Pagetest)");
    expect(pdf).toContain("(4 rue Test)");
    expect(pdf).toContain("(48B boulevard Foch)");
    expect(pdf).toContain("L222-5 du code de l'action sociale et des familles");
    expect(await everyTableCount()).toEqual(before);
    expect(await tablesHolding("Pagetest", "4 rue Test")).toEqual([]);
  });

  it("should refuse bad input with the form again and 400, storing nothing", async () => {
    const before = await everyTableCount();
    const cases: Record<string, string>[] = [
      { name: "" },
      { name: "x".repeat(81) },
      { name: "Ali\u0007 Test" },
      { name: "Ali Test", address: "y".repeat(301) },
      { name: "علي" },
      { name: "Ali Test", dept: "75" },
    ];
    for (const fields of cases) {
      const res = await post("/lettres/cjm-appeal", { locale: "fr", ...fields });
      expect(res.status, JSON.stringify(fields)).toBe(400);
    }
    expect((await post("/lettres/no-such-letter", { name: "A" })).status).toBe(404);
    expect((await get("/lettres/no-such-letter")).status).toBe(404);
    expect((await get("/lettres/..%2Fadmin")).status).toBe(404);
    expect(await everyTableCount()).toEqual(before);
  });

  it("should say why a name in another alphabet is refused, in the page's language", async () => {
    const escaped = (s: string) => s.replace(/&/g, "&amp;").replace(/'/g, "&#39;").replace(/"/g, "&quot;");
    for (const locale of ["fr", "ar"] as const) {
      const res = await post("/lettres/cjm-request", { locale, dept: "49", name: "عوا ديالو", address: "4 rue Test" });
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(html, locale).toContain(escaped(t(locale, "letterSenderLatin")));
      expect(html).not.toContain("Latin letters only");
    }
  });

  it("should serve its stylesheet as a hash-named file, with no inline style or script", async () => {
    const html = await (await get("/lettres/pecule?dept=44")).text();
    const sheet = /href="(\/assets\/letters\.[0-9a-f]+\.css)"/.exec(html)?.[1];
    expect(sheet).toBeDefined();
    const css = await get(sheet!);
    expect(css.status).toBe(200);
    expect(await css.text()).toContain(".explain{");
    expect(html).not.toMatch(/<script|style="/);
  });
});
