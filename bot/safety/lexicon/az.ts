import type { Lexicon } from "../cues.ts";

/**
 * Arabic in Latin letters ("arabizi"), Maghrebi and Levantine mostly, with digits for the
 * letters Latin lacks (3 = ع, 7 = ح, 9 = ق, 2 = ء, 5 = خ, 8 = غ). Every form here and every
 * word looked up is folded first (reading.ts foldArabizi: 7 → h, 9 → q, ou/o → u, e → i,
 * ch → sh, doubled letters single), so "nmout", "nmot" and "nmoot" are one form; reading.ts
 * also strips the Darija negation "ma…ch" and the prefixes ka-/ta-/bi-.
 */
export const AZ: Lexicon = {
  wish:
    "bghit bghiit bgheet bgit bghite baghi bghi bagha baghya bdi baddi bidi biddi bde bade 3ayez 3ayz 3ayza 3awez 3awz ayez" +
    " n7eb nheb n7ab 7ab 7abb 7aba 7abeb 7abba abgha ab8a nfsi nefsi",
  future: "ghadi ghadia ghan ra7 rah 7a rayah bach bash",
  attempt: "7awelt hawelt jarabt kanfker nfker fkert",
  able: "n9der nqder qader 9ader fini",
  neg: "ma mab mch mich mech mesh mish machi mashi la lla mabqitch mab9itch mabqach mab9ach ma3ad ma3adch 3mri",
  die: "nmout amout mout 2mout namout nmoute",
  dead: "mayet mayta mat mitt",
  live: "n3ich n3iche na3ich a3ich 3ich 3eesh n3ech",
  life: "7ayati 7yati l7ayat el7ayat 7ayat dounia dunya denya",
  suicide: "nta7er nentahar nenta7ar nentaher intihar inti7ar ente7ar entehar entahar ent7ar nt7ar yentahar nentihar",
  end: "nsali nkhales nkhalas",
  kill: "ha2tel ha2tol y9telni yqtelni yqtlni ye9telni y2tolni yi2tolni ye2telni 9telni qtelni nqtel n9tel nktel nqtl n9tl a2tol a2tel aqtol aktol na9tel nqatal ne9tel n9etel",
  self: "rasi rassi rasy ro7i rou7i rohi nafsi nfsi 7ali",
  me:
    "yhaddedni yhaddadni hddadoni hadadouni byelmesni yelmesni ylmesni sarfe9ni sarf9ni kharjoni y9telni yqtelni yqtlni ye9telni y2tolni yi2tolni ye2telni 9telni qtelni ydrabni ydrbni yedrabni yedrebni ydarbni ydrobni" +
    " yedrobni drabni drebni darabni drbni darbni tdrabni ydrbouni drbouni darbouni yhededni yhadadni hedadni hadadni" +
    " tab3ni taba3ni ytab3ni yetba3ni yla7a9ni yela7e9ni ytab3ouni l7a9ni ghtasbni ightasabni ightasabouni ghasbni lmasni ylamasni" +
    " tardouni terdouni tardni khrjouni fiya fia 3liya 3lia liya",
  first: "ana ani rani",
  third:
    "yhaddedni yhaddadni hddadoni bba baba papa mama mimti khoya khouya kho jouj rajel rajl wa7ed wahed drari" +
    " y9telni yqtelni ye9telni y2tolni ydrabni ydrbni yedrabni yedrebni ydarbni ydrobni yedrobni drabni darabni drbni darbni",
  jump: "e2fez a2fez n2fez nqfez n9fez",
  throwSelf: "nlo7 nlouh nermi nrmi narmi",
  height: "sat7 l9ontra lqantra 9ontra qantra pont jisr jesr sta7 stah tabqa etage tran train",
  hang: "nchne9 nchnaq",
  ingest: "bla3t bl3t klit kliit kleet chrebt chrabt shrebt sharabt akhadt akhdit khdit",
  swallow: "bla3t bl3t",
  pills:
    "kachiyat lkachiyat kachiya 7abbe 7abba 7abat medicaments medicament dwa dwaya dwayat l7boub 7boub 7bob ldwa kina",
  pillsPlural: "kachiyat lkachiyat 7abat medicaments dwayat l7boub 7boub 7bob",
  poison: "sem semm javel jafel",
  many: "ga3 gaa3 kaml kamel kamla bzaf bezaf yasser barcha kol koll kolha",
  cut: "jarre7 njarre7 nejre7 njre7 jra7t jre7t njra7 n9te3 nqte3 9ta3t n7re9 7ra9t",
  body: "yeddi yedi ydi 3rou9 3rou9i 3ar9",
  hit: "dreb darreb sarfe9ni sarf9ni ydrabni ydrbni yedrabni yedrebni ydarbni ydrobni yedrobni drabni drebni darabni drbni darbni tdrabni ydrbouni drbouni darbouni",
  threat: "yhaddedni yhaddadni hddadoni hadadouni yhededni yhadadni hedadni hadadni thedid tahdid",
  follow: "tab3ni taba3ni ytab3ni yetba3ni yla7a9ni yela7e9ni ytab3ouni l7a9ni",
  weapon: "mous mouss sekkin sakin jenwi",
  danger: "danger khatar khatr",
  help: "3te9ouni 3teqouni n9edouni sa3douni",
  now: "lyouma lyoum daba dba hala halla2 lilla",
  rape: "ghtasbni ightasabni ightisab ghtisab ightasabouni ghasbni yet7arash t7arrash ta7arosh t7arsh",
  sexual: "nnam_ma3o jinsi jensi",
  touch: "byelmesni yelmesni ylmesni lmasni ylamasni",
  sleep: "nbat bayet bayta n3es n3as na3es nra9ed ra9ed nayem nayma nam anam nnam",
  outside: "zen9a zenqa zanqa zn9a chare3 char3 share3 barra",
  place: "fin win wen wein blasa makan",
  have: "3ndi 3andi andi",
  homeless: "mcharred mchared mcharda",
  expelled: "kharjoni tardouni terdouni tardni khrjouni",
  idiom: "dahk d7ak d7ek 3lik 3lih l3ya jou3",
  liveComplement: "bo7di bou7di bohdi wa7di wahdi l7ali f fi b",
  fearFuture: "khayef khayfa ila ida",
  of: "mn men min dyal",
  time: "nhar youm sba7",
  ingestLater: "nakhod nakhdo nshreb nebla3",
  force: "byejberni yejberni jebrni ghasb",
  go: "nmchi nemchi",
};
