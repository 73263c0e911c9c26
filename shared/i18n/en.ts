import type { Messages } from "./fr.ts";

export const en: Messages = {
  welcome: "Hello 👋 I am Passerelle. I help you get ready for life after child protection (ASE), step by step.",
  chooseLanguage: "Choose your language.",
  privacyNotice:
    "I only keep your language, your birth month and year, your situation and your département: they are used to work out your important dates. You can see or delete everything at any time with “My data”.",
  privacyWarning: "Never send photos of your documents or information about your health.",
  privacyAccept: "✅ OK",
  privacySkipProfile: "Continue without a profile",
  askBirthYear: "What year were you born?",
  askBirthMonth: "Which month?",
  olderYears: "Before {year}",
  askStatus: "What is your situation?",
  statusAse: "I am in ASE care",
  statusLeftAse: "I have left ASE care",
  statusMna: "Unaccompanied minor (MNA)",
  statusOther: "Other",
  askDept: "Which département do you live in?",
  dept44: "Loire-Atlantique (44)",
  dept49: "Maine-et-Loire (49)",
  deptOther: "Another département",
  skip: "Skip",
  profileSaved: "Thank you, saved ✅",
  profileSkipped: "No problem. You can fill in your profile later.",
  menuIntro: "What do you want to know? Choose a topic, or type your question in your own words.",
  back: "⬅️ Back",
  menu: "🏠 Menu",
  contactReferent: "🙋 Talk to my social worker",
  myData: "🔒 My data",
  changeLanguage: "🌍 Language",
  editProfile: "✏️ My profile",
  topicStepsIntro: "Choose a step:",
  faqIntro: "Frequent questions:",
  resourcesTitle: "Useful contacts:",
  sourcesTitle: "Sources:",
  frenchOnly: "(This text only exists in French for now.)",
  answerMore: "Do you want to know more?",
  resume: "Let's go back to where we were 👇",
  notUnderstood:
    "I did not find an answer. Try other words, choose a topic in the menu, or ask your social worker.",
  askTextInstead: "Use the buttons, or type your question.",
  contactAsk:
    "I will tell your social worker (référent) that you need help. You can write a short message for them. Or press “Send without a message”.",
  contactNoMessage: "Send without a message",
  cancel: "Cancel",
  cancelled: "OK, cancelled.",
  contactSent:
    "Sent ✅ Your social worker will get your request and contact you. I will tell you when they have seen it. If it is urgent, call 112.",
  contactSentNoReferent:
    "Your request is saved ✅ But your social worker is not linked to Passerelle yet. Ask them for their link code. If it is urgent, call 112.",
  contactAlreadyOpen: "Your request is already sent. Your social worker has not seen it yet. If it is urgent, call 112.",
  dataSummary: "This is what I keep about you:\n• Language: {locale}\n• Birth: {birth}\n• Situation: {status}\n• Département: {dept}\n• Requests to your social worker: {alerts}\nI do not keep your messages.",
  notGiven: "not given",
  deleteMyData: "🗑️ Delete everything",
  exportMyData: "📄 See my data",
  deleteConfirm: "Do you really want to delete everything? Your profile, your roadmap and your requests will be deleted. This cannot be undone.",
  deleteYes: "Yes, delete everything",
  deleted: "Deleted. I have nothing about you any more. Type “hello” if you want to start again.",
  crisisSuicide:
    "You matter. If you are thinking about suicide, call 3114 now: it is free, 24/7, someone will listen. You can say: “I have suicidal thoughts, I need to talk.” In immediate danger: call 112.",
  crisisViolence:
    "Nobody has the right to hurt you. Call 119 (free, 24/7, up to age 21, not shown on the phone bill). You can say: “I am in danger, someone is hurting me.” In danger right now: call 17 or 112.",
  crisisSexualViolence:
    "It is not your fault. Call 119 (free, 24/7, up to age 21). For violence against women: 3919, 24/7, also in Arabic and Dari. In danger right now: call 17 or 112.",
  crisisShelter:
    "To sleep somewhere safe tonight, call 115 (free, 24/7). You can say: “I have nowhere to sleep tonight, I am {age}.” If you are under 18, also call 119.",
  crisisShelterNoAge:
    "To sleep somewhere safe tonight, call 115 (free, 24/7). You can say: “I have nowhere to sleep tonight.” If you are under 18, also call 119.",
  crisisDanger:
    "If you are in danger now, call 112 (or 17 police, 15 medical emergency). If you cannot speak, send a text message to 114.",
  crisisOfferAlert: "Do you want me to tell your social worker?",
  crisisAlertYes: "Yes, tell them",
  crisisAutoAlerted: "I have told your social worker so they contact you quickly.",
  mediaDocument: "I do not look at photos or files. For your safety, never send photos of your documents here.",
  mediaVoice: "I cannot listen to voice messages yet. Type your question with simple words, or use the buttons.",
  mediaOther: "I only understand written messages. Type your question, or use the buttons.",
  months: "January,February,March,April,May,June,July,August,September,October,November,December",
};
