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

/**
 * Patterns generalised from the development set (tests/eval/crisis-dev.json): each with
 * phrasings of our own (other persons, tenses, spellings, languages), so that losing the
 * pattern fails here and not only in the eval.
 */
describe("patterns generalised from the development set", () => {
  it.each([
    // A farewell, or nobody seeing me again.
    ["j'ai écrit une lettre d'adieu à ma soeur", "suicide"],
    ["i wrote a goodbye letter to my mum", "suicide"],
    ["demain personne ne me verra plus", "suicide"],
    ["بكره محدش غادي يشوفني", "suicide"],
    // The height in one clause, the wish to jump in the next.
    ["je suis sur le toit, je vais sauter", "suicide"],
    ["on the roof now, i want to jump", "suicide"],
    // Everyone better off without me (Dari), the worth of life denied (Pashto).
    ["بدون من همه خوشحال تر هستند", "suicide"],
    ["د ژوند هیڅ ګټه نشته", "suicide"],
    // Pills taken tonight, mixed with alcohol, a whole strip.
    ["ce soir je prends toutes mes pilules", "suicide"],
    ["tonight im taking all my pills", "suicide"],
    ["j'ai mélangé mes cachets avec de l'alcool", "overdose"],
    ["i mixed my meds with vodka", "overdose"],
    ["بلعت شريط كامل من الحبوب", "overdose"],
    // A blade, again, on purpose, blood.
    ["i took the blade out again", "self_harm"],
    ["je me fais du mal exprès", "self_harm"],
    ["je me griffe jusqu'au sang", "self_harm"],
    ["i hit my head against the wall until it bled", "self_harm"],
    ["دستمه با تیغ بریدم", "self_harm"],
    // Confined, a passport kept, a forced marriage.
    ["mon père m'a enfermée dans ma chambre", "danger"],
    ["ils me séquestrent depuis hier", "danger"],
    ["he locked me in", "danger"],
    ["ils ont pris mon passeport et me forcent a travailler", "danger"],
    ["on veut me marier de force", "danger"],
    ["my family wants to force me to marry", "danger"],
    // Sex for money or shelter, forced.
    ["il me fait coucher avec des hommes pour de l'argent", "sexual_violence"],
    ["they make me have sex for money", "sexual_violence"],
    ["on me vend à des hommes", "sexual_violence"],
    // Hit by a verb whose ending says who, pushed, burnt, beaten up.
    ["les grands du foyer me frappent", "violence"],
    ["mon beau-père me pousse et me donne des coups", "violence"],
    ["il m'a brûlé avec sa cigarette", "violence"],
    ["mes cousins m'ont roué de coups hier", "violence"],
    ["پدرم لتم کد", "violence"],
    // The 115 not answering, thrown out ("ma viré"), homeless since.
    ["le 115 ne répond jamais et je dors dehors", "shelter"],
    ["به ۱۱۵ زنگ زدم کسی جواب نداد", "shelter"],
    ["ma copine ma viré de chez elle ce soir", "shelter"],
    ["on m'a expulsé du foyer", "shelter"],
    ["sans abri depuis que j'ai 18 ans", "shelter"],
    // "je veux plus être là", "personne me regrettera", Darija "ma bghitch", any floor.
    ["jveux plus etre la", "suicide"],
    ["personne me regrettera", "suicide"],
    ["ma bghitch n3ich", "suicide"],
    ["je vais me balancer du 8ème", "suicide"],
    ["ma vie n'a plus aucun sens", "suicide"],
  ] as [string, CrisisCategory][])("should read %j as %s", (text, category) => {
    expect(detectCrisis(text)?.category).toBe(category);
  });

  it.each([
    "mon patron m'a viré, j'ai droit au chômage ?",
    "c'est quoi le 115 ?",
    "mon passeport a expiré, comment le refaire",
    "ma mère me force à faire mes devoirs",
    "je me suis fait mal au dos au travail",
    "je cherche un logement",
    "on m'a proposé de dormir chez lui en échange de ménage",
    "i cut my hair again",
    "je recommence la formation en septembre",
    "demain personne ne me verra au cours, je suis malade",
    "mon dernier message était pas clair désolé",
    "j'ai lu un article sur l'automutilation pour mon exposé",
    "j'ai vu un reportage sur le suicide des jeunes",
    "ma soeur m'a brûlé mon pull avec le fer",
    "ce prof de maths va me tuer avec ses devoirs",
    "my boss is gonna kill me if im late lol",
    "the heat is killing me",
    "my mate beat me at fifa again",
    "mon propriétaire veut m'expulser dans 2 mois",
    "i want to marry my girlfriend, what papers do i need",
    "je suis à la rue niveau argent ce mois ci",
    "je suis enfermé dehors, j'ai perdu mes clés",
  ])("should not read %j as a crisis", (text) => {
    expect([...crisisCategories(text)]).toEqual([]);
  });
});
