import { describe, expect, it } from "vitest";
import { buildIndex } from "../../../bot/matching/build.ts";
import { adoptIndex, createMatcher, matcherFor, matcherFromStored } from "../../../bot/matching/matcher.ts";
import { serializeIndex } from "../../../bot/matching/stored.ts";
import type { ContentBundle } from "../../../shared/content/model.ts";
import { faq, smallContent, step, topic } from "../../support/bundle.ts";

const bundle = smallContent;

describe("matcher", () => {
  const matcher = createMatcher(bundle);
  const top = (text: string) => {
    const m = matcher.match(text)[0];
    return m ? `${m.kind}:${m.id}` : null;
  };

  it("should find nothing for an empty text, stop words only, or unknown words", () => {
    expect(matcher.match("")).toEqual([]);
    expect(matcher.match("c quoi le truc ?")).toEqual([]);
    expect(matcher.match("zzzz qwerty")).toEqual([]);
  });

  it("should read text without accents, in capitals and in SMS spelling", () => {
    expect(top("TITRE DE SEJOUR")).toBe("faq:faq-permit");
    expect(top("c koi un fjt stp")).toBe("step:housing-fjt");
  });

  it("should survive a typo of one letter in a word of 5 letters or more", () => {
    expect(top("aprentissage")).toBe("step:apprenticeship");
    expect(top("apprentisage")).toBe("step:apprenticeship");
  });

  it("should match plural and verb forms through stemming", () => {
    expect(top("les foyers")).toBe("step:housing-fjt");
  });

  it("should bridge languages with shared synonyms (English, Arabic)", () => {
    expect(top("housing")).toBe("topic:housing");
    expect(top("الإقامة")).toBe("faq:faq-permit");
  });

  it("should weigh keywords above titles and titles above bodies", () => {
    const [best] = matcher.match("logement");
    expect(best?.id).toBe("housing");
  });

  it("should build one matcher per content snapshot", () => {
    expect(matcherFor(bundle)).toBe(matcherFor(bundle));
  });

  it("should answer the same from a stored index as from one built in memory", () => {
    const stored = matcherFromStored(serializeIndex(buildIndex(bundle)));
    for (const text of ["c koi un fjt stp", "aprentisage", "apprentisage", "الإقامة", "housing", "titre de sejour"]) {
      expect(stored?.match(text)).toEqual(matcher.match(text));
    }
  });

  it("should ignore a stored index of another version and build the index instead", () => {
    expect(matcherFromStored("v1\nfaq:x\n|titr:0.1e|\n")).toBeNull();
    const snapshot = { ...bundle };
    adoptIndex(snapshot, "not an index");
    expect(matcherFor(snapshot).match("aprentisage")[0]?.id).toBe("apprenticeship");
  });

  it("should use the stored index adopted for a snapshot", () => {
    const snapshot = { ...bundle };
    adoptIndex(snapshot, serializeIndex(buildIndex(bundle)));
    expect(matcherFor(snapshot).match("logement")[0]?.id).toBe("housing");
  });
});

describe("question words and specificity", () => {
  const cjm: ContentBundle = {
    topics: [
      topic({
        id: "rights",
        title: { fr: "Le contrat jeune majeur" },
        intro: { fr: "Tes droits." },
        keywords: { fr: ["contrat jeune majeur"] },
        stepIds: ["cjm-ask"],
      }),
    ],
    steps: [
      step({
        id: "cjm-ask",
        topicId: "rights",
        title: { fr: "Demande ton contrat jeune majeur" },
        body: { fr: "Écris une lettre." },
        keywords: { fr: ["contrat jeune majeur", "comment demander"] },
      }),
    ],
    resources: [],
    faqs: [
      faq({
        id: "faq-cjm-when",
        topicId: "rights",
        question: { fr: "Quand demander le contrat jeune majeur ?" },
        answer: { fr: "Avant 18 ans." },
        keywords: { fr: ["contrat jeune majeur"] },
      }),
    ],
  };
  const m = createMatcher(cjm);
  const top = (text: string) => m.match(text)[0]?.id;

  it("should let the question word choose between items the other words tie", () => {
    expect(top("quand demander le contrat jeune majeur")).toBe("faq-cjm-when");
    expect(top("comment demander le contrat jeune majeur")).toBe("cjm-ask");
  });

  it("should answer with the topic when no item says more about the question than the topic", () => {
    expect(top("contrat jeune majeur")).toBe("rights");
  });

  it("should count a keyword found word for word, stop words included", () => {
    const withContents: ContentBundle = {
      ...cjm,
      steps: [
        ...cjm.steps,
        step({
          id: "cjm-contents",
          topicId: "rights",
          title: { fr: "Ton contrat" },
          body: { fr: "Les objectifs." },
          keywords: { fr: ["ce qu'il y a dans le contrat"] },
        }),
      ],
    };
    expect(createMatcher(withContents).match("qu'est ce qu'il y a dans le contrat")[0]?.id).toBe("cjm-contents");
  });

  it("should break a tie for the item whose own topic matches the question too", () => {
    const twoTopics: ContentBundle = {
      ...cjm,
      topics: [
        ...cjm.topics,
        topic({
          id: "training",
          order: 2,
          title: { fr: "Formation" },
          intro: { fr: "Études." },
          keywords: { fr: ["formation"] },
          stepIds: [],
        }),
      ],
      faqs: [
        faq({
          id: "faq-cej-cjm",
          topicId: "training",
          question: { fr: "CEJ et contrat jeune majeur ensemble ?" },
          answer: { fr: "Oui." },
          keywords: { fr: ["young adult contract"] },
        }),
      ],
      steps: [
        step({
          id: "cjm-ask",
          topicId: "rights",
          title: { fr: "Demande ton contrat" },
          body: { fr: "Écris." },
          keywords: { fr: ["young adult contract"] },
        }),
      ],
    };
    twoTopics.topics[0] = {
      ...twoTopics.topics[0]!,
      keywords: { fr: ["young adult contract"] },
      title: { fr: "Mes droits" },
    };
    const ranked = createMatcher(twoTopics)
      .match("young adult contract")
      .map((m) => m.id);
    expect(ranked.indexOf("cjm-ask")).toBeLessThan(ranked.indexOf("faq-cej-cjm"));
  });

  it("should keep question words and topics in a stored index", () => {
    const stored = matcherFromStored(serializeIndex(buildIndex(cjm)));
    for (const text of [
      "quand demander le contrat jeune majeur",
      "contrat jeune majeur",
      "comment demander",
      "comment demander le contrat",
    ])
      expect(stored?.match(text)).toEqual(m.match(text));
  });
});

describe("acronyms learnt from the content", () => {
  const cej: ContentBundle = {
    topics: [
      topic({
        id: "training",
        title: { fr: "Formation" },
        intro: { fr: "Études." },
        keywords: { fr: ["formation"] },
        stepIds: ["cej-ask"],
      }),
    ],
    steps: [
      step({
        id: "cej-ask",
        topicId: "training",
        title: { fr: "Inscris-toi à la mission locale" },
        body: { fr: "Le contrat d'engagement jeune t'accompagne." },
        keywords: { fr: ["cej", "contrat d'engagement jeune"] },
      }),
    ],
    faqs: [
      faq({
        id: "faq-cej-amount",
        topicId: "training",
        question: { fr: "Combien je touche avec le CEJ ?" },
        answer: { fr: "Ça dépend." },
        keywords: { fr: ["allocation cej", "touche"] },
      }),
    ],
    resources: [],
  };

  it("should read a name spelled out as its acronym, in a built and in a stored index", () => {
    // The FAQ only says "CEJ"; the step teaches the link.
    expect(
      createMatcher(cej)
        .match("le contrat d'engagement jeune")
        .map((m) => m.id),
    ).toContain("faq-cej-amount");
    const text = "contrat d'engagement jeune combien on touche";
    expect(matcherFromStored(serializeIndex(buildIndex(cej)))?.match(text)).toEqual(createMatcher(cej).match(text));
  });
});

describe("definition questions", () => {
  const papers: ContentBundle = {
    topics: [
      topic({
        id: "residence",
        title: { fr: "Tes papiers" },
        intro: { fr: "Le titre de séjour, la préfecture." },
        keywords: { fr: ["papiers", "titre de séjour", "récépissé"], en: ["residence permit", "recepisse"] },
        stepIds: [],
      }),
    ],
    steps: [],
    faqs: [
      faq({
        id: "faq-recepisse",
        topicId: "residence",
        question: { fr: "Le récépissé de ta demande" },
        answer: { fr: "Un papier provisoire." },
        keywords: { fr: ["papier provisoire"] },
      }),
    ],
    resources: [],
  };

  it("should answer a definition question with the item whose title names the thing, not the topic listing it", () => {
    expect(createMatcher(papers).match("what is a recepisse")[0]?.id).toBe("faq-recepisse");
  });
});

describe("Arabic clitics and light words", () => {
  const content: ContentBundle = {
    topics: [
      topic({
        id: "residence",
        title: { fr: "Mes papiers", ar: "أوراقي" },
        keywords: { fr: ["papiers"], ar: ["أوراق", "إقامة"] },
      }),
      topic({
        id: "emergency",
        title: { fr: "Urgences", ps: "بیړني حالات" },
        keywords: { fr: ["urgence"], ps: ["بیړنی"] },
      }),
      topic({ id: "housing", title: { fr: "Me loger" }, keywords: { fr: ["logement", "appart"] } }),
    ],
    steps: [
      step({
        id: "work",
        topicId: "training",
        title: { fr: "Trouve un travail", ps: "کار" },
        body: { fr: "." },
        keywords: { fr: ["travail"], ps: ["یړنی"] },
      }),
      step({
        id: "housing-social",
        topicId: "housing",
        title: { fr: "Demande un logement social" },
        body: { fr: "." },
        keywords: { fr: ["logement social", "hlm", "chercher un logement"] },
      }),
      step({
        id: "housing-apl",
        topicId: "housing",
        title: { fr: "L'aide au logement" },
        body: { fr: "." },
        keywords: { fr: ["apl", "aide au logement"] },
      }),
    ],
    faqs: [],
    resources: [],
  };
  const m = createMatcher(content);
  const top = (text: string) => m.match(text)[0]?.id;

  it("should read an Arabic word with a glued pronoun or conjunction as the content's word", () => {
    expect(top("أوراقي")).toBe("residence");
    expect(top("وللإقامة")).toBe("residence");
    expect(top("إقامتي")).toBe("residence");
  });

  it("should not take the first letter off a Pashto word, even when the rest is a word of the content", () => {
    expect(top("بیړني")).toBe("emergency");
  });

  it("should not read an Arabic word with a glued letter as a Dari word", () => {
    const dari: ContentBundle = {
      ...content,
      steps: [
        ...content.steps,
        step({
          id: "letter",
          topicId: "rights",
          title: { fr: "Écris une lettre", prs: "نامه بنویس" },
          body: { fr: "." },
          keywords: { prs: ["نامه"] },
        }),
      ],
    };
    // "أنام" (I sleep) without its "أ" spells the Dari "نام" (name, letter).
    expect(createMatcher(dari).match("أنام")).toEqual([]);
    expect(createMatcher(dari).match("نامه")[0]?.id).toBe("letter");
  });

  it("should read a Dari noun with a possessive as the Dari content's noun, not as another language's word", () => {
    const dari: ContentBundle = {
      ...content,
      topics: [
        ...content.topics,
        topic({ id: "money", title: { fr: "Argent", prs: "پول" }, keywords: { prs: ["پول"] } }),
      ],
    };
    expect(createMatcher(dari).match("پولم")[0]?.id).toBe("money");
    // "پولم" is not a Dari word of the content without the Dari money topic.
    expect(createMatcher(content).match("پولم")).toEqual([]);
  });

  it("should answer the same from a stored index for Arabic words with glued letters", () => {
    const stored = matcherFromStored(serializeIndex(buildIndex(content)));
    for (const text of ["أوراقي", "وللإقامة", "بیړني", "پولم"]) expect(stored?.match(text)).toEqual(m.match(text));
  });

  it("should not let a generic verb make one item more precise than its topic", () => {
    expect(top("je cherche un logement")).toBe("housing");
    expect(top("je cherche un hlm")).toBe("housing-social");
  });
});

describe("names learnt from the content", () => {
  const content: ContentBundle = {
    topics: [
      topic({ id: "rights", title: { fr: "Mes droits" }, keywords: { fr: ["droits"], ar: ["عقد الشاب الراشد"] } }),
    ],
    steps: [
      step({
        id: "cjm-ask",
        topicId: "rights",
        title: { fr: "Demande ton contrat", ar: "اطلب عقد الشاب الراشد" },
        body: { fr: "." },
        keywords: { ar: ["عقد الشاب الراشد", "كيف أطلب"] },
      }),
      step({
        id: "cjm-refused",
        topicId: "rights",
        title: { fr: "On te refuse le contrat", ar: "رفض العقد" },
        body: { fr: "." },
        keywords: { ar: ["رفض", "طعن"] },
      }),
      ...["سكن", "عمل", "صحة", "منحة", "بنك", "مال"].map((word, n) =>
        step({
          id: `other-${n}`,
          topicId: "other",
          title: { fr: "Autre", ar: word },
          body: { fr: "." },
          keywords: { ar: [word] },
        }),
      ),
    ],
    faqs: [],
    resources: [],
  };

  it("should weigh a name as one thing, so that the rest of the question decides", () => {
    expect(createMatcher(content).match("رفضوا عقد الشاب الراشد")[0]?.id).toBe("cjm-refused");
  });

  it("should keep the names in a stored index", () => {
    const text = "رفضوا عقد الشاب الراشد";
    expect(matcherFromStored(serializeIndex(buildIndex(content)))?.match(text)).toEqual(
      createMatcher(content).match(text),
    );
  });
});
