import { describe, expect, it } from "vitest";
import { answerCrisis } from "../../../bot/flows/question.ts";
import { anchorsOf, crisisTables } from "../../../bot/safety/anchors.ts";
import { IDIOM_ANCHORS, RULE_ANCHORS, SCRIPT_PHRASES } from "../../../bot/safety/crisis-anchors.ts";
import { detectCrisis, type CrisisCategory } from "../../../bot/safety/crisis.ts";
import type { ConversationState } from "../../../bot/state.ts";
import type { Locale } from "../../../shared/locales.ts";

/** [phrase, expected category, numbers the first reply must give] */
type Case = [string, CrisisCategory, string[]];

const SUICIDE = ["3114", "112"];
const SELF_HARM = ["3114", "0 800 235 236"];
const VIOLENCE = ["119", "17", "112"];
const SEXUAL = ["119", "17"];
const DANGER = ["112", "114"];
const SHELTER = ["115", "119"];

const CASES: Record<Locale, Case[]> = {
  fr: [
    ["je veux mourir", "suicide", SUICIDE],
    ["JE VEUX MOURIR", "suicide", SUICIDE],
    ["jveux mourir", "suicide", SUICIDE],
    ["jve mourrir ptn", "suicide", SUICIDE],
    ["g envie de me suicider", "suicide", SUICIDE],
    ["je pense au sucide", "suicide", SUICIDE],
    ["j'ai plus envie de vivre", "suicide", SUICIDE],
    ["je vais me foutre en l'air", "suicide", SUICIDE],
    ["envie d'en finir avec la vie", "suicide", SUICIDE],
    ["je veux disparaître", "suicide", SUICIDE],
    ["marre de la vie", "suicide", SUICIDE],
    ["je me scarifie", "self_harm", SELF_HARM],
    ["je me coupe les bras le soir", "self_harm", SELF_HARM],
    ["jme fais du mal", "self_harm", SELF_HARM],
    ["automutilation", "self_harm", SELF_HARM],
    ["mon père me frappe", "violence", VIOLENCE],
    ["il m'a frappé hier au foyer", "violence", VIOLENCE],
    ["je me fais taper par mon copain", "violence", VIOLENCE],
    ["on me fait du mal", "violence", VIOLENCE],
    ["il menace de me tuer", "violence", VIOLENCE],
    ["il veut me tuer", "violence", VIOLENCE],
    ["maltraitance dans ma famille d'accueil", "violence", VIOLENCE],
    ["j'ai été violée", "sexual_violence", SEXUAL],
    ["il m'a violé", "sexual_violence", SEXUAL],
    ["un adulte me touche alors que je veux pas, il me touche", "sexual_violence", SEXUAL],
    ["agression sexuelle", "sexual_violence", SEXUAL],
    ["je suis en danger", "danger", DANGER],
    ["au secours", "danger", DANGER],
    ["à l'aide", "danger", DANGER],
    ["on me suit dans la rue", "danger", DANGER],
    ["je dors dehors ce soir", "shelter", SHELTER],
    ["jdors dehors", "shelter", SHELTER],
    ["j'ai nulle part où dormir", "shelter", SHELTER],
    ["pas d'endroit pour dormir ce soir", "shelter", SHELTER],
    ["je suis à la rue", "shelter", SHELTER],
    ["on m'a mis dehors du foyer", "shelter", SHELTER],
    ["je suis sdf", "shelter", SHELTER],
  ],
  en: [
    ["i want to die", "suicide", SUICIDE],
    ["i wanna kill myself", "suicide", SUICIDE],
    ["kms", "suicide", SUICIDE],
    ["i feel suicidal", "suicide", SUICIDE],
    ["i dont want to live anymore", "suicide", SUICIDE],
    ["i cut myself", "self_harm", SELF_HARM],
    ["self harm", "self_harm", SELF_HARM],
    ["my foster father beats me", "violence", VIOLENCE],
    ["he hits me", "violence", VIOLENCE],
    ["i was raped", "sexual_violence", SEXUAL],
    ["he sexually abused me", "sexual_violence", SEXUAL],
    ["i am in danger", "danger", DANGER],
    ["im in danger", "danger", DANGER],
    ["help me please", "danger", DANGER],
    ["i have nowhere to sleep tonight", "shelter", SHELTER],
    ["i am homeless", "shelter", SHELTER],
    ["sleeping on the street", "shelter", SHELTER],
  ],
  ar: [
    ["أريد أن أموت", "suicide", SUICIDE],
    ["اريد ان اموت", "suicide", SUICIDE],
    ["أفكر في الانتحار", "suicide", SUICIDE],
    ["أؤذي نفسي كل يوم", "self_harm", SELF_HARM],
    ["زوج أمي يضربني", "violence", VIOLENCE],
    ["تعرضت للاغتصاب", "sexual_violence", SEXUAL],
    ["أنا في خطر", "danger", DANGER],
    ["ليس لدي مكان للنوم الليلة", "shelter", SHELTER],
    ["أنام في الشارع", "shelter", SHELTER],
  ],
  ps: [
    ["غواړم ځان ووژنم", "suicide", SUICIDE],
    ["د ځان وژنې فکر کوم", "suicide", SUICIDE],
    ["ځان ته زیان رسوم", "self_harm", SELF_HARM],
    ["هغه ما وهي", "violence", VIOLENCE],
    ["جنسي تیری راباندې شوی", "sexual_violence", SEXUAL],
    ["زه په خطر کې یم", "danger", DANGER],
    ["د خوب ځای نه لرم", "shelter", SHELTER],
  ],
  prs: [
    ["می‌خواهم بمیرم", "suicide", SUICIDE],
    ["میخواهم بمیرم", "suicide", SUICIDE],
    ["فکر خودکشی دارم", "suicide", SUICIDE],
    ["به خودم آسیب میزنم", "self_harm", SELF_HARM],
    ["پدرم مرا میزند", "violence", VIOLENCE],
    ["به من تجاوز کرد", "sexual_violence", SEXUAL],
    ["من در خطر هستم", "danger", DANGER],
    ["امشب جای خواب ندارم", "shelter", SHELTER],
  ],
};

/** Everyday phrases that look like a crisis but are not one: they must reach normal matching. */
const NEAR_MISSES: [string, Locale][] = [
  ["je meurs de faim", "fr"],
  ["j'ai faim je vais mourir de faim", "fr"],
  ["mdr je vais mourir de rire", "fr"],
  ["je veux pas mourir idiot", "fr"],
  ["je lis pour tuer le temps", "fr"],
  ["le film m'a tué", "fr"],
  ["ça me tape sur les nerfs", "fr"],
  ["je me coupe les cheveux demain", "fr"],
  ["violence ou pas, c quoi mes droits", "fr"],
  ["j'ai besoin d'aide pour le logement", "fr"],
  ["je peux pas dormir la nuit je stresse", "fr"],
  ["aide sociale à l'enfance c quoi", "fr"],
  ["je cherche un logement", "fr"],
  ["can you help me with my residence permit", "en"],
  ["hit me up with the info", "en"],
  ["i am dying to know the answer", "en"],
  ["how do i find a place to sleep long term, an apartment", "en"],
  ["أموت من الضحك", "ar"],
  ["أبحث عن سكن", "ar"],
  ["کور غواړم", "ps"],
  ["دنبال خانه هستم", "prs"],
];

const state = (locale: Locale): ConversationState => ({
  youngId: "y1",
  locale,
  profile: {},
  cursor: { at: "menu" },
  openHelpRequests: 0,
  hasReferent: true,
});
const NOW = new Date("2026-11-23T12:00:00Z");

describe("crisis detection", () => {
  for (const [locale, cases] of Object.entries(CASES) as [Locale, Case[]][]) {
    describe(locale, () => {
      it.each(cases)("should read %j as %s and give its numbers first", (phrase, category, numbers) => {
        const hit = detectCrisis(phrase);
        expect(hit?.category).toBe(category);
        const first = answerCrisis(state(locale), hit!, NOW, false).replies[0]!.text;
        for (const number of numbers) expect(first).toContain(number);
      });
    });
  }

  it.each(NEAR_MISSES)("should not treat %j (%s) as a crisis", (phrase) => {
    expect(detectCrisis(phrase)).toBeNull();
  });

  it("should ignore an empty or punctuation-only text", () => {
    expect(detectCrisis("")).toBeNull();
    expect(detectCrisis("?!… 👍")).toBeNull();
  });
});

describe("crisis answer", () => {
  it("should offer to alert the référent when auto-alert is off", () => {
    const r = answerCrisis(state("fr"), { category: "self_harm", severe: true }, NOW, false);
    expect(r.effects).not.toContainEqual(expect.objectContaining({ type: "raiseAlert" }));
    expect(r.replies[0]!.buttons?.[0]?.action).toBe("alert:self_harm");
  });

  it("should alert automatically for a severe case when auto-alert is on, and say so", () => {
    const r = answerCrisis(state("prs"), { category: "suicide", severe: true }, NOW, true);
    expect(r.effects).toContainEqual({ type: "raiseAlert", kind: "crisis", severity: "severe", subject: "suicide" });
    expect(r.replies[0]!.text).toContain("به مربی‌ات خبر دادم");
  });

  it("should not alert automatically when nobody is in immediate danger (shelter)", () => {
    const r = answerCrisis({ ...state("fr"), profile: { birth: "2009-01" } }, { category: "shelter", severe: false }, NOW, true);
    expect(r.effects.some((e) => e.type === "raiseAlert")).toBe(false);
    expect(r.replies[0]!.text).toContain("17 ans");
  });
});

describe("crisis detection cold start", () => {
  it("should give every pattern literal words to look for before running it", () => {
    // One word per alternative of the group that must match, the group with the longest words.
    expect(anchorsOf(/(?<!\b(il|elle) )\b(veux|ve) (mourir|me tue)\b/)).toEqual(["mourir", "tue"]);
    expect(anchorsOf(/\b(suicid|sucid)\w*/)).toEqual(["suicid", "sucid"]);
    expect(anchorsOf(/\b(mourir|mort) de (rire|peur)\b/)).toEqual(["mourir", "mort"]);
    // An optional letter or group is never an anchor.
    expect(anchorsOf(/\bviolences? (au|du) foyer\b/)).toEqual(["violence"]);
    expect(anchorsOf(/\bkill(ing)? myself\b/)).toEqual(["myself"]);
    // A top-level alternation: every word is an anchor.
    expect(anchorsOf(/abc|def/)).toEqual(["abc", "def"]);
  });

  it("should use anchors generated from the current patterns (npm run generate)", () => {
    const current = crisisTables();
    expect({ idiomAnchors: IDIOM_ANCHORS, ruleAnchors: RULE_ANCHORS, scriptPhrases: SCRIPT_PHRASES }).toEqual(current);
  });

  it("should still find a crisis whose words only appear glued or stretched", () => {
    expect(detectCrisis("jveux mourirrrr")?.category).toBe("suicide");
    expect(detectCrisis("suicidaire")?.category).toBe("suicide");
    expect(detectCrisis("violence conjugale a la maison")?.category).toBe("violence");
    expect(detectCrisis("jsuis mort de peur pour mon exam")).toBeNull();
    expect(detectCrisis("je cherche un logement")).toBeNull();
  });
});
