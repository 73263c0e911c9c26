/**
 * Interface strings, French first (the reference). FALC style: short sentences, one idea each.
 * Other locales may leave keys out: they fall back to French.
 */
export const fr = {
  welcome: "Bonjour 👋 Je suis Passerelle. Je t'aide à préparer ta vie après l'ASE, étape par étape.",
  chooseLanguage: "Choisis ta langue.",
  privacyNotice:
    "Je garde seulement ta langue, ton mois et ton année de naissance, ta situation, ton département et, si tu me le donnes, le mois de fin de ta carte de séjour : ça sert à calculer tes dates importantes. Tu peux tout voir ou tout effacer quand tu veux avec « Mes données ».",
  privacyWarning: "N'envoie jamais de photo de tes papiers, ni d'informations sur ta santé.",
  privacyAccept: "✅ D'accord",
  privacySkipProfile: "Continuer sans profil",
  askBirthYear: "En quelle année es-tu né ?",
  askBirthMonth: "Quel mois ?",
  olderYears: "Avant {year}",
  askStatus: "Quelle est ta situation ?",
  statusAse: "Je suis à l'ASE",
  statusLeftAse: "J'ai quitté l'ASE",
  statusMna: "Mineur non accompagné (MNA)",
  statusOther: "Autre",
  askCareYear:
    "Depuis quelle année es-tu confié à l'ASE ? Ça m'aide à choisir le bon titre de séjour pour toi, et à voir si tu peux demander la nationalité française. C'est facultatif. Tu peux aussi écrire l'année.",
  askCareMonth: "Et le mois où tu es arrivé à l'ASE ?",
  dataEnteredCare: "• Confié à l'ASE depuis : {month}",
  askPermitYear:
    "Tu as une carte de séjour ? Si tu veux, dis-moi l'année où elle se termine. Je te préviendrai quand il faudra la renouveler : entre 4 mois et 2 mois avant la fin. C'est facultatif. Je garde seulement le mois et l'année.",
  askPermitMonth: "Et le mois où ta carte se termine ?",
  dataPermitExpiry: "• Fin de ta carte de séjour : {month}",
  askDept: "Dans quel département vis-tu ?",
  dept44: "Loire-Atlantique (44)",
  dept49: "Maine-et-Loire (49)",
  deptOther: "Autre département",
  skip: "Passer",
  profileSaved: "Merci, c'est noté ✅",
  profileSkipped: "Pas de problème. Tu pourras remplir ton profil plus tard.",
  menuIntro: "Que veux-tu savoir ? Choisis un thème, ou écris ta question avec tes mots.",
  back: "⬅️ Retour",
  menu: "🏠 Menu",
  contactReferent: "🙋 Parler à mon référent",
  myData: "🔒 Mes données",
  changeLanguage: "🌍 Langue",
  editProfile: "✏️ Mon profil",
  topicStepsIntro: "Choisis une étape :",
  faqIntro: "Questions fréquentes :",
  resourcesTitle: "Contacts utiles :",
  sourcesTitle: "Sources :",
  frenchOnly: "(Ce texte n'existe qu'en français pour l'instant.)",
  missButton: "🤔 Ce n'est pas ma question",
  missNoted:
    "Merci de me le dire 🙏 Je le note pour l'équipe qui écrit les réponses, sans ton nom. Choisis un thème, ou pose ta question à ton référent.",
  answerUnsure:
    "Je ne suis pas sûr de la réponse. Je ne veux pas te dire quelque chose de faux. Regarde si ta question est dans un de ces sujets. Tu peux aussi la poser à ton référent.",
  resume: "On reprend où on en était 👇",
  notUnderstood:
    "Je n'ai pas trouvé de réponse. Essaie avec d'autres mots, choisis un thème dans le menu, ou pose ta question à ton référent.",
  askTextInstead: "Utilise les boutons, ou écris ta question.",
  contactAsk:
    "Je vais prévenir ton référent que tu as besoin d'aide. Tu peux écrire un court message pour lui. Ou appuie sur « Envoyer sans message ».",
  contactNoMessage: "Envoyer sans message",
  cancel: "Annuler",
  cancelled: "D'accord, j'annule.",
  contactSent:
    "C'est envoyé ✅ Ton référent va recevoir ta demande et te recontacter. Je te dirai quand il l'aura vue. Si c'est urgent, appelle le 112.",
  contactSentNoReferent:
    "Ta demande est enregistrée ✅ Mais ton référent n'est pas encore relié à Passerelle. Demande-lui son code de liaison. Si c'est urgent, appelle le 112.",
  noReferentIntro:
    "Ton référent n'est pas encore relié à Passerelle : il ne reçoit pas tes demandes ici. Voici qui peut t'aider maintenant.",
  noReferentDepartment: "Le service de l'Aide sociale à l'enfance (ASE) de ton Département :",
  noReferentOtherDepartment: "Contacte le service de l'Aide sociale à l'enfance (ASE) de ton Département.",
  noReferentCode:
    "Pour relier ton référent : demande à ton éducateur un code de liaison (8 lettres et chiffres). Puis appuie sur « 🔗 Relier mon référent » et écris le code.",
  contactAskNoReferent:
    "Tu peux quand même écrire un court message, ou appuyer sur « Enregistrer sans message ». Ta demande est gardée, mais personne ne la verra tout de suite.",
  contactSaveNoMessage: "Enregistrer sans message",
  contactAlreadyOpen:
    "Ta demande est déjà envoyée. Ton référent ne l'a pas encore vue. Si c'est urgent, appelle le 112.",
  actionExpired: "Ce bouton n'est plus valable.",
  alertLimit: "Ton référent a déjà reçu ta demande il y a peu. Il va te répondre. Si c'est urgent, appelle le 112.",
  contactNeedsStart:
    "Pour prévenir ton référent, choisis d'abord ta langue et lis comment je garde tes données. Si c'est urgent, appelle le 112.",
  dataSummary:
    "Voici ce que je garde sur toi :\n• Langue : {locale}\n• Naissance : {birth}\n• Situation : {status}\n• Département : {dept}\n• Demandes à ton référent : {alerts}\nJe ne garde pas tes messages.",
  notGiven: "non donné",
  deleteMyData: "🗑️ Tout effacer",
  exportMyData: "📄 Télécharger mes données",
  deleteConfirm:
    "Tu veux vraiment tout effacer ? Ton profil, ton parcours et tes demandes seront supprimés. Ça ne peut pas être annulé.",
  deleteYes: "Oui, tout effacer",
  deleted: "C'est effacé. Je n'ai plus rien sur toi. Écris « bonjour » si tu veux recommencer.",
  logout: "🚪 Se déconnecter",
  logoutConfirm:
    "Sur le web, il n'y a pas de compte : se déconnecter efface aussi ton profil et ton parcours. Télécharge d'abord tes données si tu veux les garder. Continuer ?",
  purgeWarning:
    "Tu n'as pas écrit à Passerelle depuis longtemps. Dans {days} jours, j'effacerai tout ce que je garde sur toi. Pour le garder, écris-moi un message, même « bonjour ».",
  exportFailed: "Je n'ai pas pu t'envoyer le fichier pour l'instant. Réessaie dans quelques minutes.",
  exportReady: "Voici un fichier avec tout ce que je garde sur toi. Il est pour toi : ne le partage pas.",
  dataWhy:
    "Pourquoi : ta date de naissance, ta situation et ton département servent à calculer tes dates importantes. Tes demandes vont seulement à ton référent. Si tu ne m'écris pas pendant {days} jours, j'efface tout.",
  crisisSuicide:
    "Tu comptes pour nous. Si tu penses au suicide, ou si tu as peur pour quelqu'un, appelle tout de suite le 3114 : c'est gratuit, 24h/24, quelqu'un t'écoute. Tu peux dire : « J'ai des idées de suicide, j'ai besoin de parler. » En danger immédiat : appelle le 112.",
  crisisSelfHarm:
    "Tu as le droit d'être aidé·e, sans jugement. Appelle le 3114 (gratuit, 24h/24). Tu peux aussi appeler Fil Santé Jeunes au 0 800 235 236 (gratuit, anonyme, 12-25 ans). Tu peux dire : « Je me fais du mal, j'ai besoin d'aide. » Si tu es blessé·e : appelle le 15 ou le 112.",
  crisisViolence:
    "Personne n'a le droit de te faire du mal. Appelle le 119 (gratuit, 24h/24, jusqu'à 21 ans, invisible sur la facture). Tu peux dire : « Je suis en danger, quelqu'un me fait du mal. » En danger maintenant : appelle le 17 ou le 112.",
  crisisSexualViolence:
    "Ce n'est pas de ta faute. Appelle le 119 (gratuit, 24h/24, jusqu'à 21 ans). Pour les violences faites aux femmes : 3919, 24h/24, aussi en arabe et en dari. En danger maintenant : appelle le 17 ou le 112.",
  crisisShelter:
    "Pour dormir à l'abri ce soir, appelle le 115 (gratuit, 24h/24). Tu peux dire : « Je n'ai pas d'endroit pour dormir ce soir, j'ai {age} ans. » Si tu as moins de 18 ans, appelle aussi le 119.",
  crisisShelterNoAge:
    "Pour dormir à l'abri ce soir, appelle le 115 (gratuit, 24h/24). Tu peux dire : « Je n'ai pas d'endroit pour dormir ce soir. » Si tu as moins de 18 ans, appelle aussi le 119.",
  crisisDanger:
    "Si tu es en danger maintenant, appelle le 112 (ou le 17 police, le 15 urgence médicale). Si tu ne peux pas parler, envoie un SMS au 114.",
  crisisOfferAlert: "Tu veux que je prévienne ton référent ?",
  crisisAlertYes: "Oui, préviens-le",
  crisisAutoAlerted: "J'ai prévenu ton référent pour qu'il te contacte vite.",
  crisisOverdose:
    "Appelle tout de suite le 15 (SAMU, urgence médicale) ou le 112. C'est gratuit, 24h/24. Dis ce que tu as pris et combien. Ne reste pas seul : va près de quelqu'un. Après, tu peux parler au 3114 (gratuit, 24h/24).",
  crisisAlsoOverdose: "Tu as pris des médicaments ou un produit dangereux ? Appelle le 15 ou le 112 tout de suite.",
  crisisAlsoSuicide: "Si tu penses au suicide : appelle le 3114 (gratuit, 24h/24).",
  crisisAlsoSelfHarm: "Si tu te fais du mal : le 3114 peut t'aider aussi (gratuit, 24h/24).",
  crisisAlsoDanger: "En danger maintenant : appelle le 112. Si tu ne peux pas parler, envoie un SMS au 114.",
  crisisAlsoSexualViolence:
    "Violences sexuelles : appelle le 119 (jusqu'à 21 ans) ou le 3919. Ce n'est pas de ta faute.",
  crisisAlsoViolence: "Si quelqu'un te frappe : appelle le 119 (jusqu'à 21 ans), ou le 17 si c'est maintenant.",
  crisisAlsoShelter: "Pas d'endroit pour dormir ce soir : appelle le 115 (gratuit, 24h/24).",
  crisisNoReferent:
    "Tu n'as pas encore de référent relié à Passerelle. Si tu appuies sur le bouton, ta demande est enregistrée, mais personne ne la verra tout de suite. Alors appelle d'abord le numéro ci-dessus. Pour relier ton référent, demande-lui son code.",
  crisisAlertSaveYes: "Enregistrer ma demande",
  crisisAutoAlertedNoReferent:
    "J'ai enregistré une alerte, mais tu n'as pas encore de référent relié à Passerelle : personne ne la verra tout de suite. Appelle d'abord le numéro ci-dessus.",
  crisisAlertSent:
    "C'est envoyé ✅ Ton référent va recevoir une alerte et te recontacter. N'attends pas sa réponse pour appeler le {number}.",
  crisisAlertSavedNoReferent:
    "C'est enregistré. Ton référent n'est pas encore relié à Passerelle, il ne reçoit pas l'alerte. Appelle le {number} maintenant.",
  mediaDocument:
    "Je ne regarde pas les photos ni les fichiers. Pour ta sécurité, n'envoie jamais de photo de tes papiers ici.",
  mediaVoice:
    "Je ne peux pas encore écouter les messages vocaux. Écris ta question avec des mots simples, ou utilise les boutons.",
  mediaOther: "Je comprends seulement les messages écrits. Écris ta question, ou utilise les boutons.",
  linkAsk:
    "🔗 Ton référent (ton éducateur) peut te donner un code de 8 lettres et chiffres, par exemple ABCD-2345.\nÉcris ce code ici.",
  linkAlreadyLinked: "Tu as déjà un référent relié. Tu peux en relier un autre avec son code, ou te délier.",
  linkBad:
    "❌ Ce code ne marche pas : il est faux, déjà utilisé, ou trop vieux (il dure 48 heures).\nDemande un nouveau code à ton référent, puis écris-le ici.",
  linkPreview:
    "{name} veut te suivre sur Passerelle.\n\nSi tu dis oui, {name} pourra voir :\n• ton profil : mois et année de naissance, ta situation, ton département ;\n• où tu en es dans « Mon parcours » (étapes faites ou pas pour toi) ;\n• tes alertes : quand tu demandes de l'aide (avec le message que TU choisis d'écrire), une situation de crise, une échéance dépassée.\n\n{name} ne verra jamais tes messages ni tes questions.\n{name} pourra t'écrire un court message ici : Passerelle le garde jusqu'à ce que tu le reçoives, puis l'efface (il garde seulement qu'une réponse a été envoyée).\nLes administrateurs de Passerelle (l'équipe du Département) peuvent aussi voir tes demandes d'aide et tes alertes.\nTu pourras te délier quand tu veux.\n\nTu es d'accord ?",
  linkConfirm: "✅ Oui, relier",
  linkDecline: "Non",
  linkDone:
    "✅ C'est fait : {name} est relié(e) à toi sur Passerelle. Quand tu demandes de l'aide, {name} reçoit une alerte.",
  linkUnlinkAsk: "Tu veux te délier de ton référent ? Il ne verra plus ton parcours ni tes alertes.",
  linkUnlinkYes: "Oui, me délier",
  linkUnlinked: "C'est fait : plus aucun référent n'est relié à toi.",
  linkNotLinked: "Aucun référent n'est relié à toi pour le moment.",
  linkButton: "🔗 Relier mon référent",
  linkUnlinkButton: "Me délier",
  alertSeen: "👀 Ton référent a bien reçu ton message.",
  /** A référent's reply from the dashboard (worker/replies/). */
  referentReply: "💬 Message de {name}, ton référent :\n« {text} »",
  months: "janvier,février,mars,avril,mai,juin,juillet,août,septembre,octobre,novembre,décembre",
  // Roadmap ("Mon parcours")
  roadmapButton: "🗺️ Mon parcours",
  roadmapTitle: "🗺️ Ton parcours : tes prochaines étapes",
  roadmapNeedProfile:
    "Pour calculer tes dates, j'ai besoin de ton mois et de ton année de naissance, et de ta situation.",
  roadmapFillProfile: "✏️ Compléter mon profil",
  roadmapEmpty: "Rien à faire pour le moment 👍",
  /** No roadmap rules are published yet: never say "nothing to do" then. */
  roadmapUnavailable:
    "Ton parcours n'est pas encore prêt dans Passerelle. Demande à ton éducateur ou à ton éducatrice quelles sont tes prochaines dates importantes.",
  roadmapDue: "avant le {date}",
  roadmapOpens: "à partir du {date}",
  roadmapNoDate: "pas de date fixe",
  roadmapStateOverdue: "⚠️ En retard",
  roadmapStateNow: "▶️ Maintenant",
  roadmapStateSoon: "⏳ Bientôt",
  roadmapStateLater: "🕒 Plus tard",
  roadmapStateDone: "✅ Fait",
  roadmapMore: "➕ Voir la suite",
  roadmapMarkDone: "✅ C'est fait",
  roadmapMarkSkip: "🚫 Pas pour moi",
  roadmapUndo: "↩️ Remettre dans ma liste",
  roadmapLearnMore: "📖 En savoir plus",
  roadmapMarkedDone: "Bravo ✅ C'est noté.",
  roadmapMarkedSkipped: "D'accord, je l'enlève de ta liste.",
  roadmapRestored: "C'est remis dans ta liste.",
  roadmapDocuments: "Ce qu'il te faut :",
  roadmapWhy: "Pourquoi c'est important :",
  remindersStop: "🔕 Arrêter les rappels",
  remindersStart: "🔔 Recevoir les rappels",
  remindersStopped: "Je ne t'envoie plus de rappels. Tu peux les remettre quand tu veux dans « Mon parcours ».",
  remindersStarted: "Je t'enverrai un rappel avant tes dates importantes. Jamais la nuit.",
  reminderIntro: "🔔 Rappel de Passerelle :",
  reminderLine: "• {title} — avant le {date}",
  reminderOverdueLine: "• ⚠️ {title} — la date est passée ({date}). Parles-en vite à ton éducateur.",
  pageRoadmapTitle: "Mon parcours",
  pageRoadmapIntro:
    "Tes prochaines étapes, calculées avec ton mois de naissance et ta situation. Rien n'est enregistré.",
  pageBirth: "Mois et année de naissance",
  pageStatus: "Ta situation",
  pageDept: "Ton département",
  pageEnteredCare: "Arrivée à l'ASE (mois et année, si tu sais)",
  pagePermitExpiry: "Fin de ta carte de séjour (mois et année, si tu en as une)",
  pageSubmit: "Voir mon parcours",
  pageDateNote:
    "Je connais seulement ton mois de naissance. Alors je compte comme si tu étais né le 1er jour de ce mois. Comme ça, mes dates ne sont jamais trop tard.",
  /** Sent once when someone writes too fast (worker/rate-limit.ts); the emergency numbers stay in reach. */
  whatsappChoose: "Choisir",
  whatsappMore: "Suite :",
  slowDown:
    "Doucement 🙂 Tu m'envoies beaucoup de messages. Attends une minute, puis réécris-moi. Urgence : 112 · idées suicidaires : 3114 · sans abri : 115 · enfant en danger : 119.",
  /** The emergency numbers every page of the young people shows in its header. */
  emergencyLine: "Urgence : 112 · Sans abri ce soir : 115 · Enfance en danger : 119 · Idées suicidaires : 3114",
  /** The web chat's own shell (worker/pages/chat.tsx), switched by its script when the language changes. */
  chatRoadmapOpen: "🗺️ Mon parcours",
  chatClose: "Fermer",
  chatSimulator: "Simulateur anonyme",
  chatDateNote: "dates au 1er du mois de naissance",
  chatConversation: "Conversation",
  chatAskLabel: "Écris ta question",
  chatAskPlaceholder: "Écris ta question…",
  chatSend: "Envoyer",
  chatError: "Ça n'a pas marché. Réessaie dans un moment.",
  /** The offline page the service worker shows when there is no network (and the manifest's description). */
  chatOffline:
    "Pas de réseau : ton message n'est pas parti. Les numéros d'urgence sont en haut de la page, ils marchent sans internet.",
  /** The web chat's 🔊 on each reply (the browser's speech synthesis, in the reply's language). */
  readAloud: "Écouter ce message",
  readAloudNoVoice: "Ton téléphone ne sait pas lire à voix haute en {language} : il n'a pas de voix pour cette langue.",
  readAloudUnavailable: "Ton navigateur ne sait pas lire à voix haute.",
  chatSessionGone:
    "Cette conversation est terminée : elle a été effacée, ou elle n'a pas servi depuis longtemps. Écris un message pour en commencer une nouvelle.",
  /** The web chat's opt-in to push reminders (in its timeline panel). */
  chatPushOn: "🔔 Me rappeler mes dates sur ce téléphone",
  chatPushOff: "🔕 Arrêter les rappels sur ce téléphone",
  chatPushDone:
    "C'est fait : je te préviendrai sur ce téléphone avant tes dates importantes, jamais entre 21 h et 8 h.",
  chatPushStopped: "C'est arrêté : plus de rappels sur ce téléphone.",
  chatPushDenied:
    "Ton téléphone a bloqué les notifications de Passerelle. Tu peux les autoriser dans les réglages du navigateur.",
  chatPushUnavailable: "Ce navigateur ne peut pas recevoir de rappels.",
  offlineTitle: "Pas de connexion internet",
  offlineIntro:
    "Je ne peux pas te répondre sans internet. En cas d'urgence, appelle un de ces numéros. Ils sont gratuits.",
  offline3114: "Idées suicidaires, pour toi ou quelqu'un d'autre",
  offline119: "Enfance en danger (violences), jusqu'à 21 ans",
  offline115: "Sans abri ce soir",
  offline17: "Police : tu es en danger, agressé ou menacé",
  offline112: "Urgence : tous les secours",
  /** What a short number a crisis reply offers as a contact card is for (Telegram, WhatsApp). */
  call15: "SAMU : urgence médicale",
  call114: "SMS si tu ne peux pas parler",
  call3919: "Violences faites aux femmes, 24h/24",
  offlineRetry: "Réessayer",
  offlineOtherLanguages: "Autres langues",
  appDescription: "Pour t'aider à préparer ta vie après l'ASE, étape par étape.",
  // Letters (bot/letters, worker/letters)
  lettersButton: "✉️ Mes lettres",
  lettersIntro:
    "Voici des lettres prêtes à envoyer. Choisis-en une : je te dis ce qu'elle dit, puis je la remplis avec toi.",
  lettersNone: "Il n'y a pas de lettre prête pour ta situation pour le moment.",
  letterAskSender:
    "Pour la remplir, écris dans un seul message ton prénom et ton nom, puis ton adresse à la ligne. Je ne les garde pas : je fais la lettre, je te la donne, puis je les oublie.",
  letterBlank: "✍️ Sans mon nom (je l'écris à la main)",
  lettersOther: "✉️ Autres lettres",
  letterSenderInvalid:
    "Je n'ai pas compris. Écris ton prénom et ton nom sur la première ligne, puis ton adresse, en lettres latines (a, b, c…). Ou choisis « Sans mon nom ».",
  letterSenderLatin:
    "Ta lettre est en français : le PDF ne peut écrire que des lettres latines (a, b, c…). Écris ton prénom, ton nom et ton adresse en lettres latines, comme sur tes papiers français. Ou choisis « Sans mon nom » et écris-les à la main.",
  letterReady: "Ta lettre est prête : {title}.",
  letterCheck:
    "Relis-la. Complète les « …… » et signe-la. Vérifie l'adresse avec ton éducateur ou sur le site du Département. Garde une copie. Si tu peux, envoie-la en lettre recommandée.",
  letterTextIntro: "Le texte de la lettre, à copier :",
  letterPageLink: "La lettre en PDF, à imprimer ou à envoyer : {url}",
  pageLetterFormIntro:
    "Écris ton nom et ton adresse : ils vont dans la lettre, puis ils sont oubliés. Tu reçois la lettre en PDF, à imprimer ou à envoyer.",
  pageLetterName: "Prénom et nom",
  pageLetterAddress: "Ton adresse",
  pageLetterPdf: "Télécharger en PDF",
  // Roadmap change notices (worker/reminders.ts)
  roadmapChangedIntro: "🔄 Ton parcours a changé :",
  roadmapChangedMoved: "• {title} : maintenant {when} (avant : {before})",
  roadmapChangedAdded: "• Nouvelle étape : {title} ({when})",
  roadmapChangedRemoved: "• L'étape « {title} » n'est plus dans ton parcours.",
} as const;

export type MessageKey = keyof typeof fr;
export type Messages = Partial<Record<MessageKey, string>>;
