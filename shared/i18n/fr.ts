/**
 * Interface strings, French first (the reference). FALC style: short sentences, one idea each.
 * Other locales may leave keys out: they fall back to French.
 */
export const fr = {
  welcome: "Bonjour 👋 Je suis Passerelle. Je t'aide à préparer ta vie après l'ASE, étape par étape.",
  chooseLanguage: "Choisis ta langue.",
  privacyNotice:
    "Je garde seulement ta langue, ton mois et ton année de naissance, ta situation et ton département : ça sert à calculer tes dates importantes. Tu peux tout voir ou tout effacer quand tu veux avec « Mes données ».",
  privacyWarning: "N'envoie jamais de photo de tes papiers, ni d'informations sur ta santé.",
  privacyAccept: "✅ D'accord",
  privacySkipProfile: "Continuer sans profil",
  askBirthYear: "En quelle année es-tu né·e ?",
  askBirthMonth: "Quel mois ?",
  olderYears: "Avant {year}",
  askStatus: "Quelle est ta situation ?",
  statusAse: "Je suis à l'ASE",
  statusLeftAse: "J'ai quitté l'ASE",
  statusMna: "Mineur non accompagné (MNA)",
  statusOther: "Autre",
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
  answerMore: "Tu veux en savoir plus ?",
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
  contactAlreadyOpen: "Ta demande est déjà envoyée. Ton référent ne l'a pas encore vue. Si c'est urgent, appelle le 112.",
  dataSummary: "Voici ce que je garde sur toi :\n• Langue : {locale}\n• Naissance : {birth}\n• Situation : {status}\n• Département : {dept}\n• Demandes à ton référent : {alerts}\nJe ne garde pas tes messages.",
  notGiven: "non donné",
  deleteMyData: "🗑️ Tout effacer",
  exportMyData: "📄 Voir mes données",
  deleteConfirm: "Tu veux vraiment tout effacer ? Ton profil, ton parcours et tes demandes seront supprimés. Ça ne peut pas être annulé.",
  deleteYes: "Oui, tout effacer",
  deleted: "C'est effacé. Je n'ai plus rien sur toi. Écris « bonjour » si tu veux recommencer.",
  crisisSuicide:
    "Tu comptes pour nous. Si tu penses au suicide, appelle tout de suite le 3114 : c'est gratuit, 24h/24, quelqu'un t'écoute. Tu peux dire : « J'ai des idées de suicide, j'ai besoin de parler. » En danger immédiat : appelle le 112.",
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
  mediaDocument: "Je ne regarde pas les photos ni les fichiers. Pour ta sécurité, n'envoie jamais de photo de tes papiers ici.",
  mediaVoice: "Je ne peux pas encore écouter les messages vocaux. Écris ta question avec des mots simples, ou utilise les boutons.",
  mediaOther: "Je comprends seulement les messages écrits. Écris ta question, ou utilise les boutons.",
  months: "janvier,février,mars,avril,mai,juin,juillet,août,septembre,octobre,novembre,décembre",
} as const;

export type MessageKey = keyof typeof fr;
export type Messages = Partial<Record<MessageKey, string>>;
