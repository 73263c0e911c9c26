import type { Lexicon } from "../cues.ts";

/**
 * French, as read after normalisation (no accents, apostrophes as spaces) and SMS expansion
 * (shared/text/sms.ts: "jveux" → "je veux", "g" → "j ai", "jpp" → "j en peux plus"). Verb
 * forms that only a third person uses ("veut", "va") also carry `third`, so that "il va
 * mourir" is not read as "I am going to die".
 */
export const FR: Lexicon = {
  wish:
    "jaimerais jaimerai veux veu veus ve veut vx voudrais voudrai voudrait voulais aimerais prefere preferais prefererais envie envi enve souhaite jveu jveut jvoudrais" +
    " reve revais besoin",
  future: "regrettera regretteront vais vai vas va vont irai allais allait jvais jvai vait",
  attempt: "essaye essaie essayer essayee tente_de pense pensee pensais pensai songe jpense",
  able: "peux peu peut pouvais arrive arrivais force forces supporte supporter tiens",
  neg: "personne pas pa plus plu pu jamais aucun aucune guere",
  die: "mour{,r}i{,r,re,rre} mourrai mourirai mourrais mourais meurs meure meurt crever creve creuver",
  dead: "mort morte morts mortes decede decedee",
  death: "la_mort ma_mort",
  live: "etre_la etre_ici vivre vivres vis vit vive vivrai exister existe en_vie rester_en_vie continuer_a_vivre",
  life: "vie existence mes_jours ma_vie cette_vie la_vie",
  suicide: "suicid* suisid* sucid* suicd* siucid* suiccid* sucuid* suiscid* idees_noires idee_noire pensees_noires",
  endAll: "en_finir en_fini",
  end: "mettre_fin met_fin mettrai_fin finir",
  forever: "pour_toujours pour_de_bon a_jamais definitivement pour_l_eternite",
  better: "mieux aurais devrais",
  withoutMe: "sans_moi regretterait regretteraient manquerais remarquerait remarqueraient",
  born: "naitre naitrai nee",
  worth: "vaut valoir la_peine sens raison sert_a_rien sert_a_quoi",
  why: "pourquoi a_quoi_bon a_quoi_ca_sert sert_a_rien sert_a_quoi",
  weary: "marre ras_le_bol fatigue fatiguee epuise epuisee degoute degoutee hais deteste",
  wake: "reveiller reveille reveil",
  disappear: "disparaitre disparaitrai disparaisse disparaitre",
  leave: "partir parte",
  kill: "tuer tue tuerai tuera tuerait tuerais en_l_air foutre_en_l_air",
  self: "se s moi_meme",
  meOrSelf: "me m",
  me: "ma_vire ma_viree ma_jete_dehors ma_mis_dehors ma_mise_dehors ma_mis_a_la_porte a_moi de_moi sur_moi contre_moi avec_moi",
  first: "jaimerais jaimerai je j moi jsuis jveu jveut jvais jvai jpense jme",
  third:
    "cousins freres soeurs oncles tantes voisines mecs grands les_grands adulte adultes passeur passeurs ex il elle ils elles on quelqu_un quelqu_une qqn mec homme hommes gars type inconnu inconnus" +
    " pere papa mere maman beau_pere beaupere belle_mere oncle tonton tante frere soeur cousin cousine copain copine mari femme" +
    " petit_frere petite_soeur petit_cousin famille famille_d_accueil voisin voisins patron chef parrain grand_pere grand_frere" +
    " lui eux veut va vont peut tuera tuerait frappent tapent battent cognent tabassent maltraitent menacent suivent",
  professional:
    "patron patronne chef manager educateur educatrice educ educs referent referente assistante assistant assistante_sociale ase mission_locale" +
    " juge psy psychologue medecin prof professeur conseiller conseillere avocat avocate",
  nonPerson:
    "travail boulot resto ca cela ce c film message jeu cours truc chose prefecture dossier attente ton_message votre_message histoire musique livre" +
    " titre titre_de_sejour papiers carte recepisse contrat logement appart avenir scolarite formation" +
    // Listed, a word is never read as a typo of another: the colour "violet" is not "viole".
    " violet violette violets violettes",
  relative: "qui que qu",
  causative: "fais fait faite faire",
  passive: "suis etais ete",
  pastAux: "a ont avait avaient as avez",
  jump: "sauter saute sauterai sauterais",
  throwSelf: "jeter jette jete balancer balance lancer lance",
  height:
    "{2,3,4,7,8,9,11,12,13,14,15,16,17,18,19,20}eme pont ponts fenetre balcon toit toits immeuble etage 5eme 6eme 10eme falaise train trains metro rails rer tram voie_ferree viaduc tour haut",
  hang: "pendre pends pend",
  ingest: "melange melanger pris avale avalee bu bue ingere viens vient",
  ingestLater: "prendre avaler boire prends bois avalerai prendrai",
  swallow: "avale avalee avaler",
  pills:
    "drogue drogues coke cocaine heroine mdma ecstasy ketamine plaquette plaquettes lyrica xans benzos medicaments medicament medocs medoc cachets cachet pilules pilule comprimes comprime gelules gelule doliprane dolipranes" +
    " paracetamol efferalgan dafalgan xanax lexomil somniferes somnifere anxiolytiques antidepresseurs tramadol codeine traitement",
  pillsPlural:
    "plaquettes xans benzos medicaments medocs cachets pilules comprimes gelules somniferes dolipranes anxiolytiques antidepresseurs",
  poison: "javel eau_de_javel poison mort_aux_rats detergent produit_menager destop",
  many: "trop_de alcool vodka whisky en_masse d_un_coup tout tous toute toutes trop beaucoup plein boite boites plaquette plaquettes tube flacon entiere entier moitie",
  overdose: "overdose overdoses surdose od",
  cut:
    "mords mord mordre griffe griffer griffes lame lames rasoir cutter marques entaille entailles couper coupe coupee coupes coupais bruler brule brulee brules blesser blesse blessee fais_du_mal faire_du_mal fait_du_mal" +
    " ouvert ouvrir ouvre taillade taillader lacerer planter",
  body: "veines veine poignets poignet bras cuisses cuisse peau ventre jambes jambe",
  selfHarm: "scarif* automutil* mutile mutiler mutilation mutilee",
  grooming: "pull tshirt vetement vetements habits jean pantalon cheveux ongles barbe frange poils meche",
  accident:
    "langue the soupe cafe cuisinant cuisine accident accidentellement par_erreur sans_faire_expres four casserole legumes fer_a_repasser bricolant tombe tombant",
  hit:
    "fais_mal fait_mal faire_mal font_mal pousse pousser poussent bouscule coups coup_de_pied coups_de_pied coup_de_poing coups_de_poing roue_de_coups planter frapper frappe frappent frappait frappee frappes taper tape tapent tapait tapee battre bat battent battait battu battue" +
    " cogner cogne cognent tabasser tabasse tabassent tabassee gifler gifle giflee baffe baffes claques" +
    " maltraite maltraiter maltraitent maltraitee defonce etrangle etrangler brutalise fais_du_mal fait_du_mal",
  threat: "s_en_prend s_en_prendre s_en_prendra s_en_prennent menace menacer menacent menacait menaces",
  follow: "court_apres courent_apres suit suivent suivait suivre poursuit poursuivent",
  weapon: "couteau couteaux arme armes flingue pistolet revolver machette",
  danger: "en_danger danger_de_mort au_secours",
  help: "a_l_aide au_secours sos aidez_moi aide_moi aidez_nous aide_nous",
  filler:
    "c est c_est moi me svp stp s il vous plait te urgent vite quelqu_un qqn je suis aidez_moi aide_moi la maintenant",
  now: "ce_soir cette_nuit maintenant en_ce_moment tout_de_suite urgent urgence aujourd_hui demain la_tout_de_suite en_train",
  safe: "securite",
  rape:
    "viol viols viole violee violes violees violer violait violent_sexuellement agression_sexuelle agressions_sexuelles" +
    " abus_sexuel abus_sexuels attouchement attouchements harcelement_sexuel agresse_sexuellement agressee_sexuellement abuse_de_moi",
  sexual:
    "coucher couche_avec enceinte sans_mes_habits sexuellement sexuel sexuelle sexuels sexuelles sexe fesses seins nu nue coucher_avec sucer",
  touch: "touche touchent touchait toucher touchee",
  force:
    "me_vend me_vendent de_force forcent obligent sans_etre_paye sans_etre_payee sans_etre_payes sans_salaire abuse abusait abusaient abuser abusent force forcee forcer oblige obligee obliger",
  rights: "droits droit loi regles reglement secret contrat",
  violenceWord:
    "les_coups des_coups maltraitance violences_conjugales violence_conjugale violences_familiales violence_familiale violent violente",
  sleep: "dormir dors dort dormi dormais dormirai passer_la_nuit passe_la_nuit",
  outside:
    "halls trottoir bus bus_de_nuit parking cave cage_d_escalier dehors dehor la_rue parc jardin gare metro station voiture tente pont a_la_belle_etoile squat escalier hall abribus banc",
  place: "endroit lieu place toit ou",
  nowhere: "nulle_part nul_part nule_part null_part aucun_endroit",
  house: "toit maison domicile",
  have: "ai a",
  homeless: "sdf sans_abri sans_domicile sans_toit a_la_rue",
  expelled:
    "expulse expulsee expulser expulsent ma_vire ma_viree ma_jete_dehors ma_mis_dehors ma_mise_dehors ma_mis_a_la_porte vire viree virer virent mis_dehors mise_dehors jete_dehors jetee_dehors fout_dehors foutu_dehors foutue_dehors" +
    " mettre_dehors met_dehors mettent_dehors mis_a_la_porte mise_a_la_porte jete_a_la_porte fout_a_la_porte foutu_a_la_porte met_a_la_porte",
  go: "aller",
  notHome:
    "patron patronne chef employeur lycee ecole college cours classe boulot travail taf stage formation equipe club cfa",
  idiom:
    "niveau dos soleil rire faim soif froid chaud honte fatigue ennui peur stress vieillesse le_temps travail boulot taf tache" +
    " sur_les_nerfs sur_les_doigts fifa foot cartes jeu match course echecs de_joie l_occasion la_parole coeur",
  liveComplement:
    "seul seule seuls ici la avec en dans chez au aux a loin ensemble france foyer appart appartement pays ville coloc colocation internat",
  fearFuture:
    "sinon peur inquiete inquiet stresse si quand lorsque majorite 18_ans 21_ans prochain prochaine bientot plus_tard futur risque risquer",
  pastDistant:
    "quand_j_etais j_etais_petit j_etais_petite etais_petit etais_petite etais_enfant enfance il_y_a l_annee_derniere avant a_l_epoque autrefois",
  copula: "suis sens",
  socialMedia: "insta instagram snap snapchat tiktok facebook reseaux twitter youtube whatsapp",
  headWall: "tete mur murs",
  of: "de d des du",
  time: "jours jour soirs soir matins matin semaines semaine mois nuits",
  again: "recommencer recommence refait refaire refais encore_une_fois rechute rechuter",
  farewell:
    "mon_dernier_message lettre_d_adieu lettres_d_adieu mot_d_adieu serai_plus_la serais_plus_la plus_de_ce_monde",
  seen: "regrettera regretteront verra verrez verront reverra reverrez reverront remarquera remarqueront",
  confine:
    "sequestrent sequestrer cache cachee enferme enfermee enfermes enfermer enferment sequestre sequestree retenu retenue laisse_pas_sortir laissent_pas_sortir",
  exploit: "passeport passeports marier mariee mariage_force",
  forMoney: "pour_de_l_argent contre_de_l_argent pour_l_argent en_echange me_vendent me_vend",
  onPurpose: "expres volontairement",
  blood: "sang saigner saigne saignais",
  joke: "lol mdr ptdr xd haha",
  fired: "virer vire licencier licencie renvoyer",
  topic: "reportage documentaire article prevention emission expose atelier ateliers",
  shelterLine: "115 samu_social",
  since: "depuis",
};
