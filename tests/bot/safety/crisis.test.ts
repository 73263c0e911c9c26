import { describe, expect, it } from "vitest";
import { crisisCategories, detectCrisis, type CrisisCategory } from "../../../bot/safety/crisis.ts";

/** Phrasings per language and category (the labelled sets in tests/eval/ hold many more). */
const CASES: Record<string, [string, CrisisCategory][]> = {
  fr: [
    ["je veux mourir", "suicide"],
    ["jveux mourirrrr", "suicide"],
    ["g envie de me suicider", "suicide"],
    ["je pense au sucide", "suicide"],
    ["j'ai plus envie de vivre", "suicide"],
    ["je veux plus vivre", "suicide"],
    ["je vais me foutre en l'air", "suicide"],
    ["envie d'en finir", "suicide"],
    ["je vais sauter du pont ce soir", "suicide"],
    ["je veux me pendre", "suicide"],
    ["mon ami veut se suicider", "suicide"],
    ["j'ai avalé toute la boîte de doliprane", "overdose"],
    ["g pris 30 cachets", "overdose"],
    ["j'ai bu de la javel", "overdose"],
    // The participle typed as it sounds ("avalé" → "avaler") after its auxiliary.
    ["j'ai avaler toute la plaquette de doliprane", "overdose"],
    ["ça sert à rien que je vive encore", "suicide"],
    ["je voudrais m'endormir et ne plus jamais me réveiller", "suicide"],
    ["je me scarifie", "self_harm"],
    ["je me coupe les bras le soir", "self_harm"],
    ["jme fais du mal", "self_harm"],
    ["automutilation", "self_harm"],
    ["on me suit dans la rue", "danger"],
    ["il a un couteau", "danger"],
    ["il veut me tuer", "danger"],
    ["au secours", "danger"],
    ["je suis en danger", "danger"],
    ["mon père me frappe", "violence"],
    ["je me fais taper par mon copain", "violence"],
    ["maltraitance dans ma famille d'accueil", "violence"],
    ["j'ai été violée", "sexual_violence"],
    ["agression sexuelle", "sexual_violence"],
    ["un adulte me touche alors que je veux pas", "sexual_violence"],
    ["je dors dehors ce soir", "shelter"],
    ["j'ai nulle part où dormir", "shelter"],
    ["on m'a mis dehors du foyer", "shelter"],
    ["je suis sdf", "shelter"],
  ],
  en: [
    ["i want to die", "suicide"],
    ["kms", "suicide"],
    ["i dont want to live anymore", "suicide"],
    ["no reason to live", "suicide"],
    ["i took all my pills", "overdose"],
    ["i cut myself", "self_harm"],
    ["someone is following me", "danger"],
    ["my foster father beats me", "violence"],
    ["i was raped", "sexual_violence"],
    ["i have nowhere to sleep tonight", "shelter"],
  ],
  ar: [
    ["أريد أن أموت", "suicide"],
    ["ما بدي عيش", "suicide"],
    ["بغيت نموت", "suicide"],
    ["bghit nmout", "suicide"],
    ["ma baddi 3ish", "suicide"],
    ["بلعت كل الحبوب", "overdose"],
    ["أؤذي نفسي كل يوم", "self_harm"],
    ["أنا في خطر", "danger"],
    ["زوج أمي يضربني", "violence"],
    ["kaydrabni bba", "violence"],
    ["تعرضت للاغتصاب", "sexual_violence"],
    ["أنام في الشارع", "shelter"],
  ],
  ps: [
    ["غواړم ځان ووژنم", "suicide"],
    ["غواړم ځان ووژنم".replace("ځ", "ز"), "suicide"],
    ["ژوند نه غواړم", "suicide"],
    ["ډیرې ګولۍ مې وخوړې", "overdose"],
    ["ځان ته زیان رسوم", "self_harm"],
    ["زه په خطر کې یم", "danger"],
    ["هغه ما وهي", "violence"],
    ["جنسي تیری راباندې شوی", "sexual_violence"],
    ["د خوب ځای نه لرم", "shelter"],
  ],
  prs: [
    ["دلم می خواد بمیرم", "suicide"],
    ["می‌خواهم بمیرم", "suicide"],
    ["میخواهم بمیرم", "suicide"],
    ["می خواهم بمیرم", "suicide"],
    ["می خواهم خود کشی کنم", "suicide"],
    ["نمی خواهم زنده باشم", "suicide"],
    ["قرص زیاد خوردم", "overdose"],
    ["به خودم آسیب میزنم", "self_harm"],
    ["یک نفر مرا تعقیب میکند", "danger"],
    ["پدرم مرا میزند", "violence"],
    ["به من تجاوز کرد", "sexual_violence"],
    ["امشب جای خواب ندارم", "shelter"],
  ],
};

describe("crisis detection", () => {
  for (const [locale, cases] of Object.entries(CASES)) {
    it.each(cases)(`should read %j (${locale}) as %s`, (phrase, category) => {
      expect(detectCrisis(phrase)?.category).toBe(category);
    });
  }

  it("should ignore an empty or punctuation-only text", () => {
    expect(detectCrisis("")).toBeNull();
    expect(detectCrisis("?!… 👍")).toBeNull();
  });

  it("should answer the most urgent need first and name the others", () => {
    expect(detectCrisis("j'ai pris tous mes cachets, je veux mourir")).toEqual({
      category: "overdose",
      severe: true,
      also: ["suicide"],
    });
    expect(detectCrisis("mon beau-père me frappe et je dors dehors ce soir")).toEqual({
      category: "violence",
      severe: true,
      also: ["shelter"],
    });
    expect(detectCrisis("je dors dehors")).toEqual({ category: "shelter", severe: false });
  });

  it("should find a crisis said in the middle of a longer message", () => {
    const text = "Bonjour, j'ai une question sur mon contrat jeune majeur. Mais en vrai je veux plus vivre. Merci";
    expect(detectCrisis(text)?.category).toBe("suicide");
  });
});

describe("negation and tense", () => {
  it.each([
    // Wanting to die is a crisis; not wanting to die is not.
    ["je veux mourir", true],
    ["je veux pas mourir", false],
    ["i don't want to die", false],
    ["لا أريد أن أموت", false],
    // Not wanting to live is a crisis; wanting to live, or not wanting to live somewhere, is not.
    ["je veux plus vivre", true],
    ["je ne veux plus vivre comme ça", true],
    ["je veux vivre", false],
    ["je veux vivre seul", false],
    ["je veux plus vivre au foyer", false],
    ["ما بدي عيش", true],
    ["ما بدي عيش بالفوييه", false],
    ["نمیخواهم زنده باشم", true],
    ["نمیخواهم در فویه زندگی کنم", false],
    ["په فویه کې ژوند نه غواړم", false],
    // A negation belongs to its own statement.
    ["j'en peux plus je veux mourir", true],
    ["je ne sais pas quoi faire je veux mourir", true],
    // Someone else's future is not a wish to die; someone else's wish to die is a friend at risk.
    ["mon chat va mourir si je le laisse seul", false],
    ["ma copine veut mourir", true],
    // An attack in the past is not an attack now; a death threat is.
    ["ce film m'a tué", false],
    ["il va me tuer", true],
    // Fear of the street later is a housing question, not a night outside.
    ["j'ai peur de me retrouver à la rue à 18 ans", false],
    ["je suis à la rue", true],
    ["j'ai pas envie de mourir de froid l'hiver prochain ?", false],
    ["i was homeless last year but now i have a flat", false],
    ["quand j'étais petit mon père me frappait, je peux porter plainte ?", false],
  ])("%j → crisis: %s", (text, crisis) => {
    expect(detectCrisis(text) !== null).toBe(crisis);
  });
});

describe("near-misses", () => {
  it.each([
    "je meurs de faim",
    "mdr je vais mourir de rire",
    "je suis mort de fatigue",
    "je lis pour tuer le temps",
    "je me tue au travail pour payer mon loyer",
    "ça me tape sur les nerfs",
    "je me coupe les cheveux demain",
    "je me suis coupé le doigt en cuisinant",
    "violence ou pas, c quoi mes droits",
    "j'ai besoin d'aide pour le logement",
    "je peux pas dormir la nuit je stresse",
    "vivre en foyer c'est obligatoire ?",
    "mon éducatrice me suit depuis 3 ans",
    "il me suit sur insta",
    "ton message m'a touché",
    "je touche combien avec le CEJ ?",
    "je prends mes médicaments le matin",
    "la préfecture viole mes droits ?",
    "je suis en danger de perdre mon logement ?",
    "mon dossier de titre de séjour est en danger si je rate l'école ?",
    "j'adore le violet, une robe violette",
    "à l'aide pour remplir le formulaire de la CAF",
    "je veux en finir avec ce dossier",
    "je veux disparaître des fichiers de l'ASE",
    "j'ai viré l'argent sur mon compte",
    "can you help me with my residence permit",
    "hit me up with the info",
    "i am dying to know the answer",
    "this paperwork is killing me",
    "i cut my hair",
    "i'm dead tired",
    "my phone died",
    "أموت من الضحك",
    "ضربني البرد",
    "ضربت موعد في البريفكتور",
    "تجاوزت 18 سنة",
    "kanmout 3lik",
    "bghit n3ich bo7di",
    "کور غواړم",
    "ما ته زنګ ووهه",
    "د خندا نه مړ شوم",
    "دنبال خانه هستم",
    "از خنده مردم",
    "به مربی ام زنگ میزنم",
    "قرص هایم را صبح خوردم",
    "در خطر اخراج هستم؟",
  ])("should not read %j as a crisis", (text) => {
    expect([...crisisCategories(text)]).toEqual([]);
  });
});
