import type { Clause } from "./clause.ts";
import { CONTINUED } from "./reading.ts";
import type { Cue } from "./cues.ts";

/**
 * The combinations of cue families that make a crisis, per category, on one tagged clause.
 * Each rule names its families; negation, person, tense and idioms are checked by Clause.
 * The words themselves live in lexicon/*.ts: a rule never names a word.
 */
export type CrisisCategory =
  | "overdose"
  | "suicide"
  | "self_harm"
  | "danger"
  | "sexual_violence"
  | "violence"
  | "shelter";

const INTENT: Cue[] = ["wish", "future", "attempt", "better"];

/** Wanting, planning or trying to die, or not wanting (or no longer being able) to live. */
export function suicidal(c: Clause): boolean {
  // "un reportage sur le suicide", "مقال على الانتحار": the topic, not the person.
  for (const i of c.at("suicide")) if (!c.negated(i, i) && c.near(i, "topic", 4, 2) < 0) return true;
  // "c'est mon dernier message", "wrote my goodbye notes", "quand je serai plus là".
  for (const f of c.at("farewell")) if (!c.negated(f, f + 4) && c.subjectBefore(f) !== "third") return true;
  // "demain personne me verra plus", "من غدوة حتى واحد ما غادي يشوفني", "فردا کسی مره نمی بینه".
  for (const s of c.at("seen")) {
    const me = c.is(s, "me") || c.near(s, ["me", "meOrSelf"], 3, 1) >= 0;
    if (me && c.negated(s, s + 1) && (c.has("now") || c.has("future")) && !c.has("notHome")) return true;
  }
  for (const d of c.at("die")) {
    if (c.idiomNear(d)) continue;
    const w = c.near(d, INTENT, 6, c.sov ? 4 : 0);
    if (w >= 0) {
      // "il va mourir" (someone's illness) is not "je vais mourir"; "il veut mourir" is a friend at risk.
      if (c.is(w, "future") && !c.is(w, "wish") && c.subjectBefore(d) === "third") continue;
      if (!c.negated(w, d)) return true;
    } else if (c.near(d, "now", 4, 3) >= 0 && c.subjectBefore(d) === "first") return true;
  }
  for (const d of c.at("dead")) {
    const w = c.near(d, ["wish", "better"], 4, c.sov ? 3 : 0);
    if (w >= 0 && !c.idiomNear(d) && !c.negated(w, d) && c.subjectBefore(d) !== "third") return true;
  }
  for (const l of c.at("live", "life")) {
    if (c.liveComplement(l)) continue;
    const w = c.near(l, ["wish", "able"], 5, 3);
    if (w >= 0 && c.negated(w, l)) return true;
    if (c.near(l, "weary", 4, 3) >= 0) return true;
    const worth = c.near(l, "worth", 5, 6);
    if (worth >= 0 && c.negated(Math.min(l, worth), Math.max(l, worth) + 2)) return true;
    if (c.is(l, "live") && c.near(l, "why", 5, 0) >= 0) return true;
  }
  for (const k of c.at("kill")) {
    // "je vais me faire tuer par ma conseillère": done to them, not by them.
    if (c.near(k, "causative", 2, 0) >= 0) continue;
    if (!c.idiomNear(k) && c.direction(k) === "self" && !c.negated(k, k)) return true;
  }
  for (const e of c.at("endAll")) {
    // "en finir avec ce dossier" is not "en finir avec la vie".
    const withWhat = c.tokens[e + 2] === "avec" || c.tokens[e + 2] === "with";
    if (!c.negated(e, e) && (!withWhat || c.near(e, ["life", "many"], 0, 4) >= 0)) return true;
  }
  for (const e of c.at("end")) if (c.near(e, "life", c.sov ? 3 : 1, 3) >= 0 && !c.negated(e, e)) return true;
  for (const j of c.at("jump", "throwSelf")) {
    if (c.is(j, "throwSelf") && !c.is(j, "jump") && c.direction(j) !== "self") continue;
    if (c.negated(j, j) || c.subjectBefore(j) === "third") continue;
    if (c.near(j, "height", c.sov ? 10 : 6, 6) >= 0) return true;
    // "je suis sur le pont, j'ai envie de sauter": the height said in an earlier clause of the text.
    if (c.near(j, ["wish", "future"], 4, 0) >= 0 && c.heightBefore()) return true;
  }
  for (const g of c.at("hang")) if (c.direction(g) === "self" && !c.negated(g, g)) return true;
  // "je veux m'endormir et ne jamais me réveiller": the wish may stand a few words back.
  for (const w of c.at("wake")) if (c.negated(w, w) && c.near(w, ["wish", "better"], 8, 0) >= 0) return true;
  for (const x of c.at("disappear")) {
    if (c.near(x, ["wish", "future"], 4, 0) >= 0 && !c.negated(x, x) && c.near(x, "of", 0, 1) < 0) return true;
  }
  for (const f of c.at("forever")) {
    const what = c.near(f, ["disappear", "leave", "sleep"], 3, 0);
    if (what >= 0 && c.near(what, ["wish", "future"], 4, 0) >= 0) return true;
  }
  if (c.has("withoutMe") && c.has("better", "die", "dead", "disappear")) return true;
  for (const b of c.at("born")) if (c.negated(b, b) && c.near(b, ["wish", "better"], 5, 0) >= 0) return true;
  for (const z of c.at("death")) {
    const w = c.near(z, ["wish", "better"], 4, 3);
    if (w >= 0 && !c.negated(w, z)) return true;
  }
  return false;
}

/** Pills or poison taken in a dangerous amount ("taken"), or about to be ("intent"). */
export function overdose(c: Clause): "taken" | "intent" | null {
  for (const o of c.at("overdose")) {
    if (c.negated(o, o)) continue;
    return c.near(o, ["wish", "future"], 4, 0) >= 0 ? "intent" : "taken";
  }
  for (const p of c.at("pills", "pillsPlural", "poison")) {
    const many = c.at("many").some((m) => Math.abs(m - p) <= 5 && c.near(m, "time", 0, 2) < 0) || c.countNear(p, 3, 1);
    const toDie = c.near(p, "die", 0, 5) >= 0;
    const dangerous = many || toDie || c.is(p, "poison");
    const later = c.near(p, "ingestLater", 5, 8);
    // "j'ai avaler": a past auxiliary before an infinitive is the participle typed as it sounds
    // ("trop de cachets à prendre" is pills to take: the "à" right after the pills).
    const aux = later >= 0 ? c.near(later, ["pastAux", "have"], 1, 0) : -1;
    const typedAsSaid = aux >= 0 && aux !== p + 1 ? later : -1;
    const taken = c.near(p, "ingest", 5, 5) >= 0 ? c.near(p, "ingest", 5, 5) : typedAsSaid;
    if (taken >= 0 && !c.negated(taken, taken)) {
      const swallowed = c.near(p, "swallow", 5, 5) >= 0 && c.is(p, "pillsPlural");
      if (dangerous || swallowed) return "taken";
    }
    if (
      later >= 0 &&
      (c.near(later, ["wish", "future"], c.sov ? 6 : 4, 0) >= 0 || c.has("now")) &&
      dangerous &&
      !c.negated(later, later)
    )
      return "intent";
    if (toDie) return "intent";
  }
  return null;
}

/** Cutting, burning or hurting oneself on purpose. */
export function selfHarm(c: Clause): boolean {
  for (const h of c.at("selfHarm")) if (!c.negated(h, h) && c.near(h, "topic", 4, 2) < 0) return true;
  for (const x of c.at("cut", "hit")) {
    if (c.near(x, "grooming", 3, 4) >= 0 || c.near(x, "accident", 6, 6) >= 0 || c.idiomNear(x) || c.negated(x, x))
      continue;
    // "je me fais frapper", "il se fait taper": done to them, not by them.
    if (c.near(x, "causative", 3, 0) >= 0) continue;
    const direction = c.direction(x);
    if (direction === "self") {
      if (c.is(x, "cut")) return true;
      if (c.near(x, "self", 3, 3) >= 0 || c.is(x, "self") || c.near(x, "headWall", 0, 4) >= 0) return true;
      // "je me fais mal exprès".
      if (c.near(x, "onPurpose", 4, 4) >= 0) return true;
    }
    if (direction === "other" || c.subjectBefore(x) === "third") continue;
    if (c.is(x, "cut") && direction === null && c.near(x, "body", 4, 4) >= 0) return true;
    // "got the razor out again", "la lame… je vais recommencer", "j'ai tapé ma tête contre le mur jusqu'à saigner".
    if (c.is(x, "cut") && (c.has("again") || c.has("onPurpose"))) return true;
    if (c.near(x, "headWall", 4, 4) >= 0 && (c.has("blood") || c.at("headWall").length >= 2)) return true;
  }
  return false;
}

/** Someone threatening, following or armed, a death threat, or a plain cry for help. */
export function danger(c: Clause): boolean {
  for (const d of c.at("danger")) {
    if (c.is(d, "help")) return true; // "au secours"
    const next = c.end(d) < c.tokens.length ? c.end(d) : -1;
    // "en danger de perdre mon logement", "در خطر اخراج", "في خطر الترحيل": a danger of something else.
    if (next >= 0 && c.is(next, "of") && c.near(next, ["dead", "death", "die"], 0, 2) < 0) continue;
    if (next >= 0 && (c.lang === "ar" || c.lang === "prs") && !c.is(next, "copula", "now", "first")) continue;
    // "mon titre de séjour est en danger": a thing at risk, not a person.
    if (c.subjectBefore(d) === "nonPerson") continue;
    if (c.subjectBefore(d) === "first" || c.near(d, ["first", "copula"], 4, 3) >= 0 || c.near(d, "life", 3, 0) >= 0)
      return true;
  }
  if (c.has("help") && c.tags.every((tags, i) => tags === CONTINUED || c.is(i, "help", "filler", "danger")))
    return true;
  // "ce prof va me tuer avec ses devoirs", "my boss is gonna kill me lol", "menace de me virer": idioms.
  const joking = c.has("joke");
  for (const k of c.at("kill")) {
    if (c.idiomNear(k) || c.is(k, "pastAux") || c.near(k, "pastAux", 1, 0) >= 0) continue;
    if (joking || c.near(k, "professional", 6, 0) >= 0) continue;
    if (c.direction(k) === "other") return true;
  }
  for (const t of c.at("threat")) if (c.direction(t) === "other" && c.near(t, "fired", 0, 4) < 0) return true;
  // "ils m'ont enfermé", "they locked me in", "قفلوا عليا الباب", "je suis retenu".
  for (const l of c.at("confine")) {
    // "je suis enfermé dehors": locked out.
    if ((c.negated(l, l) && !c.is(l, "neg")) || c.near(l, "outside", 0, 2) >= 0) continue;
    if (c.direction(l) === "other" || c.near(l, ["passive", "copula"], 3, c.sov ? 2 : 0) >= 0) return true;
  }
  // A passport kept, a marriage forced: "keep my passport… make me work", "me marier de force".
  if (c.has("exploit") && c.has("force")) return true;
  for (const f of c.at("follow")) {
    if (c.has("socialMedia") || c.direction(f) !== "other") continue;
    const subject = c.subjectBefore(f);
    if (subject === "third" || (subject === "none" && c.is(f, "me"))) return true;
  }
  for (const w of c.at("weapon")) if (c.near(w, "third", 8, 2) >= 0 && c.subjectBefore(w) !== "first") return true;
  for (const s of c.at("safe")) if (c.negated(s, s) && (c.has("first") || c.has("copula"))) return true;
  return false;
}

/** Sexual violence: rape, sexual assault, being touched or forced. */
export function sexualViolence(c: Clause): boolean {
  for (const r of c.at("rape")) if (c.near(r, "rights", 0, 3) < 0 && !c.negated(r, r)) return true;
  for (const t of c.at("touch")) {
    const direction = c.direction(t);
    if (direction === "other" && !c.idiomNear(t)) return true;
    if (direction !== "self" && (c.is(t, "sexual") || c.near(t, "sexual", 4, 4) >= 0)) return true;
  }
  for (const s of c.at("sexual")) if (c.near(s, "force", 6, 6) >= 0) return true;
  // "coucher avec des gars pour de l'argent", "مجبورم میکنن که بخاطر پیسه…", "they sell me to men".
  if (c.has("forMoney") && c.has("sexual", "force")) return true;
  // "مربی… به بدنم دست میزنه": a hand on the body.
  for (const t of c.at("touch")) if (c.direction(t) !== "self" && c.near(t, "body", 4, 4) >= 0) return true;
  return false;
}

/** Being hit or abused ("violence"), or about to be ("danger": "il va me frapper"). */
export function violence(c: Clause): "violence" | "danger" | null {
  if (c.has("pastDistant")) return null;
  for (const h of c.at("hit")) {
    if (c.idiomNear(h) || c.near(h, "socialMedia", 3, 3) >= 0) continue;
    // "ils me forcent à vendre… sinon ils me frappent": a threat.
    if (c.has("force") && c.near(h, "fearFuture", 4, 0) >= 0) return "danger";
    const passive =
      (c.near(h, "causative", 3, 0) >= 0 && c.near(h, ["meOrSelf", "self"], 4, 0) >= 0) ||
      (c.near(h, "passive", 3, c.sov ? 2 : 0) >= 0 &&
        (c.subjectBefore(h) === "first" || c.near(h, "first", 4, c.sov ? 2 : 0) >= 0));
    if (!passive && c.direction(h) !== "other") continue;
    if (c.near(h, "future", 4, 0) >= 0 && !c.is(h, "pastAux")) return "danger";
    return "violence";
  }
  // "ma mère m'a ouvert l'arcade", "il m'a brûlé": cut by someone else.
  for (const x of c.at("cut")) {
    if (c.idiomNear(x) || c.near(x, "grooming", 3, 4) >= 0) continue;
    if (c.direction(x) === "other" && !c.negated(x, x)) return "violence";
  }
  for (const v of c.at("violenceWord")) {
    if (c.negated(v, v) || c.idiomNear(v)) continue;
    if (c.has("first", "me", "meOrSelf") || c.tokens.some((t) => ["ma", "mon", "mes", "my", "chez"].includes(t)))
      return "violence";
  }
  return null;
}

/** No safe place to sleep tonight: sleeping outside, nowhere to go, thrown out. Fears for later are not. */
export function noShelter(c: Clause): boolean {
  // "sdf depuis que j'ai eu 18 ans": since then, not a fear for later.
  if ((c.has("fearFuture") && !c.has("since")) || c.has("pastDistant")) return false;
  const tonight = c.has("now");
  // "je suis à la rue niveau argent".
  for (const h of c.at("homeless")) if ((!c.negated(h, h) || tonight) && !c.idiomNear(h)) return true;
  // "le 115 répond pas", "115 hung up on me".
  for (const l of c.at("shelterLine")) if (c.negated(l, l + 8) || c.at("shelterLine").length >= 2) return true;
  for (const s of c.at("sleep", "live")) {
    // Wanting (or not) to live in the street is not living in it tonight.
    if (c.is(s, "live") && c.near(s, ["wish", "future"], 6, 3) >= 0) continue;
    // "slept outside in a tent with the youth club": an outing.
    if (c.has("notHome")) continue;
    const outside = c.near(s, "outside", 4, 5) >= 0;
    if (outside && (c.is(s, "sleep") || c.subjectBefore(s) === "first") && (!c.negated(s, s) || tonight)) return true;
    if (!c.is(s, "sleep")) continue;
    if (c.near(s, "nowhere", 5, 3) >= 0) return true;
    const place = c.near(s, "place", 4, 4);
    if (place >= 0 && (c.negated(place, s) || tonight)) return true;
  }
  for (const x of c.at("nowhere")) if (c.near(x, "go", 0, 3) >= 0) return true;
  for (const g of c.at("go")) if (c.near(g, "place", 3, 0) >= 0 && c.negated(g, g) && tonight) return true;
  for (const h of c.at("house")) if (c.negated(h, h) && (c.near(h, "have", 3, 3) >= 0 || tonight)) return true;
  for (const e of c.at("expelled")) {
    if (c.near(e, "notHome", 4, 5) >= 0) continue;
    // "mon propriétaire veut m'expulser dans 2 mois": a fear for later, unless it is tonight.
    if (c.near(e, ["wish", "future"], 4, 0) >= 0 && !tonight) continue;
    if (c.is(e, "me") || c.near(e, ["meOrSelf", "me"], 4, 2) >= 0 || c.near(e, "passive", 3, 0) >= 0) return true;
  }
  return false;
}
