import { describe, expect, it } from "vitest";
import { handle } from "../../../bot/engine.ts";
import type { ConversationState } from "../../../bot/state.ts";
import type { ContentBundle } from "../../../shared/content/model.ts";
import { seedBundle } from "../../../shared/content/seed/index.ts";
import { validateBundle } from "../../../shared/content/validate.ts";
import { t } from "../../../shared/i18n/index.ts";
import { letterPdf, UnwritableTextError } from "../../../shared/letters/pdf.ts";
import { ASK_ADDRESS, ASK_POSTCODE, letterFor, makeLetter } from "../../../shared/letters/render.ts";
import { LOCALES } from "../../../shared/locales.ts";
import { frenchError } from "../../../worker/routes/admin-errors.ts";

/**
 * Issue 21, letters: the addresses (only what the content states, with its sources; where it
 * states none or not the postcode, the letter says plainly where to get it), and the PDF's
 * standard fonts, which write Latin letters only: no other text ever goes into the PDF silently.
 */

const facts = (dept: "44" | "49" | "other") => ({ dept, birth: "2008-03", today: "2026-12-03" });
const made = (purpose: string, dept: "44" | "49" | "other", locale: "fr" | "ar" = "fr") =>
  makeLetter(letterFor(seedBundle, purpose, dept)!, seedBundle, locale, facts(dept));

describe("letter addresses", () => {
  it("should print the 44 service's full address from the content, with nothing to ask", () => {
    const recipient = made("cjm-request", "44").recipient;
    expect(recipient).toContain("44041 Nantes");
    expect(recipient).not.toContain(ASK_POSTCODE);
    expect(recipient).not.toContain(ASK_ADDRESS);
  });

  it("should say plainly to ask for the postcode where the content has none (49)", () => {
    const recipient = made("cjm-request", "49").recipient;
    expect(recipient).toContain("48B boulevard Foch");
    expect(recipient.at(-1)).toBe(ASK_POSTCODE);
    expect(ASK_POSTCODE).toMatch(/demande-le à ton référent/);
  });

  it("should say plainly to write the address the référent gives for a préfecture, and where no service is known", () => {
    for (const [purpose, dept] of [
      ["permit-l423-22", "44"],
      ["permit-l435-3", "49"],
      ["cjm-request", "other"],
    ] as const) {
      const recipient = made(purpose, dept).recipient;
      expect(recipient.at(-1), `${purpose} ${dept}`).toBe(ASK_ADDRESS);
      // Never a bare blank where the address goes.
      expect(recipient).not.toContain("Adresse : ……………………………………");
    }
    expect(ASK_ADDRESS).toMatch(/l'adresse que ton référent ou ton éducateur te donne/);
  });

  it("should take the addresses it prints from resources that cite their sources", () => {
    for (const id of ["dept-44", "dept-49", "dept-44-dossiers"]) {
      const resource = seedBundle.resources.find((r) => r.id === id)!;
      expect(resource.address, id).toBeTruthy();
      expect(resource.sources.length, id).toBeGreaterThan(0);
    }
  });
});

describe("only Latin letters in the PDF", () => {
  it("should keep the explanation in the young person's language out of the PDF (it is shown in the chat)", () => {
    const letter = made("cjm-request", "44", "ar");
    expect(letter.explanation).toBe(letterFor(seedBundle, "cjm-request", "44")!.explanation.ar);
    const pdf = letterPdf(letter);
    // Pure ASCII bytes, no "?" standing in for a character, nothing of the Arabic line.
    expect(/^[\x09\x0a\x0d\x20-\x7e]*$/.test(pdf)).toBe(true);
    expect(pdf).not.toMatch(/\?/);
    const arabic = letter.explanation.split(" ").filter((w) => /\p{Script=Arabic}/u.test(w));
    expect(arabic.length).toBeGreaterThan(3);
    for (const word of arabic) expect(pdf).not.toContain(word);
  });

  it("should refuse, never write as '?', a text its fonts cannot write", () => {
    const letter = made("cjm-request", "44");
    expect(() => letterPdf({ ...letter, sender: ["عوا ديالو"] })).toThrow(UnwritableTextError);
    expect(() => letterPdf({ ...letter, paragraphs: [...letter.paragraphs, "Ahmad احمد"] })).toThrow(
      UnwritableTextError,
    );
  });

  it("should refuse a template or a recipient with text the PDF cannot write, and tell the editor in French", () => {
    const base = letterFor(seedBundle, "cjm-request", "44")!;
    const withLetter = (patch: object): ContentBundle => ({
      ...seedBundle,
      letters: (seedBundle.letters ?? []).map((l) => (l.id === base.id ? { ...l, ...patch } : l)),
    });
    const body = validateBundle(withLetter({ body: `${base.body}\n\nطلب` }));
    expect(body.ok).toBe(false);
    if (!body.ok)
      expect(body.errors).toEqual([`letter "${base.id}" body: not writable in the PDF (Latin letters only)`]);
    const enclosure = validateBundle(withLetter({ enclosures: ["Copie ✅"] }));
    expect(enclosure.ok).toBe(false);
    const recipient = validateBundle({
      ...seedBundle,
      resources: seedBundle.resources.map((r) => (r.id === "dept-49" ? { ...r, address: "انجيه" } : r)),
    });
    expect(recipient.ok).toBe(false);
    if (!recipient.ok) {
      expect(recipient.errors).toEqual(['resource "dept-49" address: not writable in the PDF (Latin letters only)']);
      expect(frenchError(recipient.errors[0]!)).toMatch(
        /^La ressource « dept-49 » \(address\) : Seulement des lettres latines/,
      );
    }
  });

  it("should tell a young person who types a non-Latin name why, in their language, and make no letter", () => {
    for (const locale of LOCALES) {
      const state: ConversationState = {
        youngId: "y",
        locale,
        profile: { birth: "2008-03", status: "ase", dept: "44" },
        consentAt: 1,
        cursor: { at: "letter", purpose: "cjm-request" },
        openHelpRequests: 0,
        hasReferent: false,
      };
      const r = handle(
        state,
        { kind: "text", text: "عوا ديالو\n12 rue des Lilas" },
        { ...seedBundle, version: 1 },
        new Date(),
      );
      expect(
        r.effects.filter((e) => e.type === "makeLetter"),
        locale,
      ).toEqual([]);
      expect(r.replies[0]!.text, locale).toBe(t(locale, "letterSenderLatin"));
      expect(r.replies[0]!.text).toContain("(a, b, c…)");
    }
  });
});
