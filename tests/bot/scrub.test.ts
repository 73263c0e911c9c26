import { describe, expect, it } from "vitest";
import { adoptVocabulary, GAP, scrubQuestion, serializeVocabulary } from "../../bot/scrub.ts";
import { seedBundle } from "../../shared/content/seed/index.ts";

/** What may be stored of an unanswered question: nothing that identifies who typed it. */

const scrub = (text: string) => scrubQuestion(text, seedBundle);

describe("scrubQuestion", () => {
  it("should remove the name, phone number, birth date and city of the audit's example", () => {
    const out = scrub(
      "je m'appelle Karim Benali né le 12/03/2006 à Saint-Herblain mon tel 06 12 34 56 78 comment avoir un logement",
    );
    expect(out).not.toBeNull();
    for (const leak of ["karim", "benali", "12", "03", "2006", "herblain", "06", "34", "56", "78"])
      expect(out!.split(" ")).not.toContain(leak);
    expect(out).toContain("logement");
    expect(out).toContain(GAP);
  });

  it("should remove e-mail addresses and links whole", () => {
    const out = scrub("mon mail karim.benali@exemple.fr et www.monprofil.example/karim pour un logement")!;
    expect(out).not.toMatch(/karim|benali|exemple|monprofil/);
  });

  it("should remove phone numbers however they are written, and every run of three digits", () => {
    for (const phone of ["+33 6 12 34 56 78", "06.12.34.56.78", "0612345678", "(06) 12-34-56-78", "٠٦١٢٣٤٥٦٧٨"]) {
      const out = scrub(`appelle moi au ${phone} pour le logement`)!;
      expect(out, phone).not.toMatch(/\d{2}/);
    }
    expect(scrub("mon dossier 7741 pour le logement")).not.toMatch(/7741/);
  });

  it("should remove dates written in words or numbers", () => {
    for (const date of ["12 mars 2006", "le 3 mai", "2006-03-12", "12.03.06", "1er janvier 2007"]) {
      const out = scrub(`né ${date} logement`)!;
      expect(out, date).not.toMatch(/\d|mars|mai|janvier/);
    }
  });

  it("should keep the words of the content in any locale, and say where words were removed", () => {
    expect(scrub("Comment avoir un logement ?")).toBe("comment avoir un logement");
    expect(scrub("trottinette logement")).toBe(`${GAP} logement`);
    expect(scrub("Karim Benali Dupont logement")).toBe(`${GAP} logement`);
  });

  it("should store nothing when nothing known but stop words is left", () => {
    expect(scrub("Karim Benali")).toBeNull();
    expect(scrub("où est la piscine")).toBeNull();
    expect(scrub("0612345678")).toBeNull();
  });
});

describe("the vocabulary stored with a publication", () => {
  const questions = [
    "je m'appelle Karim Benali et je cherche un logement à Nantes",
    "how do I get the contrat jeune majeur, my name is Sara",
    "كيف أحصل على تصريح الإقامة يا أحمد",
    "ma copine Zoé veut savoir pour la CAF",
  ];

  it("should scrub exactly as the vocabulary built from the content does", () => {
    const snapshot = structuredClone(seedBundle);
    expect(adoptVocabulary(snapshot, serializeVocabulary(seedBundle))).toBe(true);
    for (const q of questions) expect(scrubQuestion(q, snapshot), q).toBe(scrub(q));
  });

  it("should be the one used once adopted, and ignored when of another matcher version", () => {
    const adopted = structuredClone(seedBundle);
    const [version] = serializeVocabulary(seedBundle).split("\n");
    adoptVocabulary(adopted, `${version}\nlogement zorglub`);
    const out = scrubQuestion("zorglub et karim pour le logement", adopted)!;
    expect(out.split(" ")).toContain("zorglub");
    expect(out).not.toContain("karim");
    expect(scrub("zorglub et karim pour le logement")).not.toContain("zorglub");
    // Searched in the stored text: whole words only, the first and the last included, never a piece of one.
    expect(scrubQuestion("logem orglu zorglubs logement zorglub", adopted)).toBe("… logement zorglub");
    const stale = structuredClone(seedBundle);
    expect(adoptVocabulary(stale, "v1\nzorglub")).toBe(false);
    expect(scrubQuestion("zorglub pour le logement", stale)).toBe(scrub("zorglub pour le logement"));
  });
});
