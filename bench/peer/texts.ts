import type { Locale } from "./content.ts";

/** The peer's own interface texts, French first (English for the "en" locale; others read French). */
const fr = {
  welcome: "Bonjour 👋 Je t'aide à préparer ta vie après l'ASE, étape par étape.",
  chooseLanguage: "Choisis ta langue.",
  privacy:
    "Je garde seulement ta langue, ton mois de naissance, ta situation et ton département, pour te donner les bonnes étapes. Tu peux tout effacer quand tu veux.",
  accept: "✅ D'accord",
  skip: "Passer",
  askYear: "En quelle année es-tu né·e ?",
  askMonth: "Quel mois ?",
  months: "janvier,février,mars,avril,mai,juin,juillet,août,septembre,octobre,novembre,décembre",
  askStatus: "Quelle est ta situation ?",
  statusAse: "Je suis à l'ASE",
  statusLeft: "J'ai quitté l'ASE",
  statusMna: "Je suis mineur·e non accompagné·e",
  statusOther: "Autre",
  askDept: "Dans quel département vis-tu ?",
  deptOther: "Un autre",
  menu: "Que veux-tu savoir ? Choisis un thème, ou écris ta question avec tes mots.",
  menuButton: "🏠 Menu",
  back: "⬅️ Retour",
  contact: "📣 Contacter mon référent",
  contactAsk: "Tu veux que ton éducateur ou ton éducatrice te recontacte ? Tu peux aussi écrire ton message.",
  contactSend: "✅ Oui, prévenir mon référent",
  contactSent: "C'est envoyé. Ton référent va te recontacter.",
  notUnderstood: "Je n'ai pas trouvé de réponse. Choisis un thème, ou demande à ton référent.",
  steps: "Choisis une étape :",
} as const;

type Key = keyof typeof fr;
const en: Partial<Record<Key, string>> = {
  welcome: "Hello 👋 I help you prepare your life after the ASE, step by step.",
  chooseLanguage: "Choose your language.",
  menu: "What do you want to know? Choose a topic, or type your question in your own words.",
  menuButton: "🏠 Menu",
  back: "⬅️ Back",
  notUnderstood: "I found no answer. Choose a topic, or ask your référent.",
};

export function t(locale: Locale, key: Key): string {
  return (locale === "en" ? en[key] : undefined) ?? fr[key];
}
