import { describe, expect, it } from "vitest";
import type { ContentBundle } from "../../../shared/content/model.ts";
import { seedBundle } from "../../../shared/content/seed/index.ts";
import { validateBundle } from "../../../shared/content/validate.ts";
import type { Letter } from "../../../shared/letters/model.ts";
import { letterFor, lettersFor, lettersForStep, makeLetter } from "../../../shared/letters/render.ts";
import { LOCALES } from "../../../shared/locales.ts";

/** Every seed template rendered with a fixed profile, for each département Passerelle knows. */

const letters = seedBundle.letters ?? [];
const sender = { name: "Awa Testlettre", address: "12 rue des Lilas\n44000 Nantes" };
const facts = (dept: "44" | "49" | "other") => ({ dept, birth: "2008-03", today: "2026-12-03", sender });

describe("letter templates", () => {
  it("should ship the six letters of issue 21 (the residence permit one per route)", () => {
    expect(new Set(letters.map((l) => l.purpose))).toEqual(
      new Set(["cjm-request", "ase-return", "cjm-appeal", "ase-file", "pecule", "permit-l423-22", "permit-l435-3"]),
    );
    expect(validateBundle(seedBundle).ok).toBe(true);
  });

  describe.each(letters.map((l) => [l.purpose, l] as const))("%s", (_purpose, letter) => {
    it.each(["44", "49", "other"] as const)(
      "should name its legal basis, its deadline, the sender and no placeholder (%s)",
      (dept) => {
        const made = makeLetter(letter, seedBundle, "fr", facts(dept));
        expect(made.text).toContain(letter.legalBasis);
        expect(letter.legalBasis).toMatch(/article|code|livre/i);
        if (letter.deadline) expect(made.text).toContain(letter.deadline);
        expect(made.text).toContain("Awa Testlettre");
        expect(made.text).toContain("44000 Nantes");
        expect(made.text).toContain("mars 2008");
        expect(made.text).toContain("Le 3 décembre 2026");
        expect(made.text).not.toMatch(/\{\w+\}/);
        for (const e of letter.enclosures) expect(made.text).toContain(e);
      },
    );

    it("should be addressed to the service of the young person's département, with its address from the content", () => {
      for (const dept of ["44", "49"] as const) {
        const made = makeLetter(letter, seedBundle, "fr", facts(dept));
        const resource = letter.recipientIds
          .map((id) => seedBundle.resources.find((r) => r.id === id)!)
          .find((r) => r.scope === dept || r.scope === "national");
        if (!resource) {
          // The préfecture: no address in the content yet, so a blank the young person fills in.
          expect(made.recipient.join("\n")).toContain(dept === "44" ? "Loire-Atlantique" : "Maine-et-Loire");
          expect(made.recipient.join("\n")).toContain("……");
          continue;
        }
        expect(made.recipient).toContain(resource.name.fr);
        if (resource.address) for (const part of resource.address.split(", ")) expect(made.recipient).toContain(part);
      }
    });

    it("should explain itself in one line in every language, never falling back to French", () => {
      for (const locale of LOCALES) {
        expect(letter.explanation[locale], locale).toBeTruthy();
        expect(letter.title[locale], locale).toBeTruthy();
        expect(letter.explanation[locale]!.split("\n")).toHaveLength(1);
      }
      expect(makeLetter(letter, seedBundle, "prs", facts("44")).explanation).toBe(letter.explanation.prs);
    });

    it("should leave blanks to fill by hand when no name is given", () => {
      const made = makeLetter(letter, seedBundle, "fr", { dept: "44", today: "2026-12-01" });
      expect(made.sender.join("\n")).toContain("Prénom et nom : ……");
      expect(made.signature).toBe("Signature");
      expect(made.date).toBe("Le 1er décembre 2026");
    });
  });

  it("should state the two months for the tribunal administratif in the recours gracieux", () => {
    const made = makeLetter(letterFor(seedBundle, "cjm-appeal", "44")!, seedBundle, "fr", facts("44"));
    expect(made.text).toMatch(/deux mois/);
    expect(made.text).toMatch(/tribunal administratif/);
    expect(made.text).toMatch(/recours gracieux/i);
  });

  it("should give the L423-22 and L435-3 covering letters their own filing deadlines", () => {
    expect(makeLetter(letterFor(seedBundle, "permit-l423-22", "49")!, seedBundle, "fr", facts("49")).text).toMatch(
      /la veille de mes 19 ans/,
    );
    expect(makeLetter(letterFor(seedBundle, "permit-l435-3", "49")!, seedBundle, "fr", facts("49")).text).toMatch(
      /deux mois qui suivent mes 18 ans/,
    );
  });
});

describe("choosing a template", () => {
  const national = letters.find((l) => l.purpose === "cjm-request")!;
  const own44: Letter = { ...national, id: "letter-cjm-request-44", scope: "44", subject: "Demande (version 44)" };
  const bundle: ContentBundle = { ...seedBundle, letters: [...letters, own44] };

  it("should take the département's own template, and the national one elsewhere", () => {
    expect(letterFor(bundle, "cjm-request", "44")?.id).toBe("letter-cjm-request-44");
    expect(letterFor(bundle, "cjm-request", "49")?.id).toBe("letter-cjm-request");
    expect(letterFor(bundle, "cjm-request", undefined)?.id).toBe("letter-cjm-request");
    expect(lettersFor(bundle, "44", undefined).filter((l) => l.purpose === "cjm-request")).toEqual([own44]);
  });

  it("should list only the letters for the young person's situation", () => {
    const mna = lettersFor(seedBundle, "44", "mna").map((l) => l.purpose);
    expect(mna).toContain("permit-l423-22");
    expect(mna).not.toContain("ase-return");
    const left = lettersFor(seedBundle, "44", "left_ase").map((l) => l.purpose);
    expect(left).toContain("ase-return");
    expect(left).not.toContain("permit-l435-3");
  });

  it("should offer letters from the steps that need them", () => {
    expect(lettersForStep(seedBundle, "cjm-refused", "44").map((l) => l.purpose)).toEqual(["cjm-appeal"]);
    expect(lettersForStep(seedBundle, "cjm-request", "49").map((l) => l.purpose)).toEqual(["cjm-request"]);
    expect(lettersForStep(seedBundle, "pecule", "49").map((l) => l.purpose)).toEqual(["pecule"]);
  });
});

describe("template validation", () => {
  const base = letters.find((l) => l.purpose === "cjm-appeal")!;
  const errorsOf = (letter: Partial<Letter>) => {
    const result = validateBundle({ ...seedBundle, letters: [{ ...base, ...letter }] });
    return result.ok ? [] : result.errors;
  };

  it("should refuse a body that drops the legal basis or the deadline", () => {
    expect(errorsOf({ body: base.body.replace("{base_legale}", "la loi") }).join()).toMatch(/\{base_legale\}/);
    expect(errorsOf({ body: base.body.replace("{delai}", "") }).join()).toMatch(/\{delai\}/);
  });

  it("should refuse an unknown placeholder, a missing recipient and two templates for one purpose and scope", () => {
    expect(errorsOf({ body: `${base.body} {prenom}` }).join()).toMatch(/unknown placeholder/);
    expect(errorsOf({ recipientIds: ["nowhere"] }).join()).toMatch(/resource "nowhere" does not exist/);
    const twice = validateBundle({ ...seedBundle, letters: [base, { ...base, id: "letter-other" }] });
    expect(twice.ok ? [] : twice.errors).toEqual([
      'letter "letter-other": "letter-cjm-appeal" is already the national letter for "cjm-appeal"',
    ]);
  });

  it("should accept content published before letters existed", () => {
    const { letters: _none, ...old } = seedBundle;
    expect(validateBundle(old).ok).toBe(true);
    expect(lettersFor(old, "44", "ase")).toEqual([]);
  });
});
