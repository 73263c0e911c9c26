import { describe, expect, it } from "vitest";
import type { LocalizedText } from "../../../shared/content/model.ts";
import { seedBundle } from "../../../shared/content/seed/index.ts";
import { t } from "../../../shared/i18n/index.ts";
import { LOCALES } from "../../../shared/locales.ts";
import { linkSegments } from "../../../shared/text/links.ts";

/** The links of a text, as [shown text, href]. */
const links = (text: string): [string, string][] =>
  linkSegments(text).flatMap((s) => (s.href ? [[s.text, s.href] as [string, string]] : []));

describe("phone numbers and links in a text", () => {
  it("should keep every character, in order, whatever it links", () => {
    const text = "Appelle le 17 ou le 112. Voir https://www.service-public.fr. Tél. 02 28 21 44 40 <b>x</b>";
    expect(
      linkSegments(text)
        .map((s) => s.text)
        .join(""),
    ).toBe(text);
  });

  it("should link the national short numbers and full French numbers as tel:", () => {
    expect(links("Idées suicidaires : 3114 · Enfance en danger : 119 · Urgence : 112 · 115")).toEqual([
      ["3114", "tel:3114"],
      ["119", "tel:119"],
      ["112", "tel:112"],
      ["115", "tel:115"],
    ]);
    expect(links("Fil Santé Jeunes : 0 800 235 236, l'accueil : 02 28 21 44 40, ou +33 2 28 21 44 40.")).toEqual([
      ["0 800 235 236", "tel:+33800235236"],
      ["02 28 21 44 40", "tel:+33228214440"],
      ["+33 2 28 21 44 40", "tel:+33228214440"],
    ]);
    expect(links("Par SMS : 114. Violences : 3919. 116 000")).toEqual([
      ["114", "tel:114"],
      ["3919", "tel:3919"],
      ["116 000", "tel:116000"],
    ]);
  });

  it("should not link a short number inside another number, a price or a percentage", () => {
    expect(links("Code 31140, ref 2119, 115 €, 112 euros, 119%, 1.115, A112")).toEqual([]);
  });

  it("should link 15, 17 and 18 to call, in every language of the content", () => {
    for (const text of [
      "Appelle le 15. C'est gratuit.",
      "Call 15. It is free.",
      "اتصل بالرقم 15. الاتصال مجاني.",
      "15 ته زنګ ووهه. زنګ وړیا دی.",
      "به 15 زنگ بزن. زنگ زدن رایگان است.",
    ])
      expect(links(text), text).toEqual([["15", "tel:15"]]);
    expect(links("Tu es en danger ? Appelle le 17 ou le 112.")).toEqual([
      ["17", "tel:17"],
      ["112", "tel:112"],
    ]);
    expect(links("په خطر کې یې؟ 17 یا 112 ته زنګ ووهه.")).toEqual([
      ["17", "tel:17"],
      ["112", "tel:112"],
    ]);
    expect(links("Urgences : 15/17/18/112")).toEqual([
      ["15", "tel:15"],
      ["17", "tel:17"],
      ["18", "tel:18"],
      ["112", "tel:112"],
    ]);
  });

  it("should never make an age, a date, a time or a range a number to call", () => {
    for (const text of [
      "Moins de 18 ans : appelle aussi le 119.",
      "Are you under 18? Call 119.",
      "عمرك أقل من 18 سنة؟ اتصل بالرقم 119.",
      "له 18 کلنۍ کم یې؟ 119 ته زنګ ووهه.",
      "کمتر از 18 سال داری؟ به 119 زنگ بزن.",
      "your rights and your plans after 18. Call your social worker.",
      "Appelle-moi le 17/03/2026 à 18 h.",
      "Appelle ton éducateur entre 15 et 18 ans.",
      "You arrived after you turned 17? Call them.",
    ])
      expect(
        links(text).filter(([shown]) => shown.length === 2),
        text,
      ).toEqual([]);
  });

  it("should link web addresses without the sentence's punctuation, and only http(s) ones", () => {
    expect(
      links("Voir https://www.service-public.fr/particuliers/vosdroits/F31919. Puis (https://visale.fr)."),
    ).toEqual([
      [
        "https://www.service-public.fr/particuliers/vosdroits/F31919",
        "https://www.service-public.fr/particuliers/vosdroits/F31919",
      ],
      ["https://visale.fr", "https://visale.fr"],
    ]);
    expect(links('javascript:alert(1) data:text/html,<script> "https://x.test/"onclick')).toEqual([
      ["https://x.test/", "https://x.test/"],
    ]);
  });

  it("should link every emergency number of the pages' emergency line, in every language", () => {
    for (const locale of LOCALES)
      expect(
        links(t(locale, "emergencyLine")).map(([, href]) => href),
        locale,
      ).toEqual(["tel:112", "tel:115", "tel:119", "tel:3114"]);
  });

  it("should link, in the seed content, 15, 17 and 18 in every sentence to call and in none about an age", () => {
    const texts: string[] = [];
    const add = (...values: (LocalizedText | undefined)[]) => {
      for (const value of values) if (value) texts.push(...Object.values(value).filter((v) => typeof v === "string"));
    };
    for (const s of seedBundle.steps) add(s.title, s.body);
    for (const f of seedBundle.faqs) add(f.question, f.answer);
    for (const r of seedBundle.resources) add(r.name, r.description);
    // Sentences sorted with word lists of their own (not the linker's): a verb "to call", a word of age or time.
    const sentences = texts.flatMap((text) => text.split(/(?<=[.!?؟\n])\s*/u));
    const twoDigit = /(?<![\p{N}/.,])(?:15|17|18)(?![\p{N}])/gu;
    const calls = /appelle|\bcall\b|اتصل|زنګ|زنگ/iu;
    const ages =
      /\bans\b|\byears?\b|\bolds?\b|\bat 1[5-8]\b|\bafter 1[5-8]\b|\baged\b|سن|سنة|کلن|سال|ساعت|ورځ|روز|jours|days/iu;
    let toCall = 0;
    for (const sentence of sentences) {
      const wanted = [...sentence.matchAll(twoDigit)].length;
      if (!wanted) continue;
      const linked = links(sentence).filter(([shown]) => shown.length === 2).length;
      if (calls.test(sentence) && !ages.test(sentence)) {
        expect(linked, sentence).toBe(wanted);
        toCall += wanted;
      } else if (ages.test(sentence) && !calls.test(sentence)) expect(linked, sentence).toBe(0);
    }
    expect(toCall).toBeGreaterThan(20);
  });
});
