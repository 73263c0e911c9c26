import type { Messages } from "./fr.ts";

export const en: Messages = {
  welcome: "Hello 👋 I am Passerelle. I help you get ready for life after child protection (ASE), step by step.",
  chooseLanguage: "Choose your language.",
  privacyNotice:
    "I only keep your language, your birth month and year, your situation, your département and, if you give it, the month your residence card ends: they are used to work out your important dates. You can see or delete everything at any time with “My data”.",
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
  askCareYear:
    "Since what year have you been in ASE care? It helps me choose the right residence permit for you, and see whether you can ask for French nationality. It is optional. You can also type the year.",
  askCareMonth: "And the month you came into ASE care?",
  dataEnteredCare: "• In ASE care since: {month}",
  askPermitYear:
    "Do you have a residence card? If you like, tell me the year it ends. I will remind you when you need to renew it: between 4 months and 2 months before the end. It is optional. I keep only the month and the year.",
  askPermitMonth: "And the month your card ends?",
  dataPermitExpiry: "• End of your residence card: {month}",
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
  missButton: "🤔 Not my question",
  missNoted:
    "Thank you for telling me 🙏 I note it for the team who writes the answers, without your name. Choose a topic, or ask your référent.",
  answerUnsure:
    "I'm not sure of the answer, and I don't want to tell you something wrong. See if your question is in one of these topics. You can also ask your social worker.",
  resume: "Let's go back to where we were 👇",
  notUnderstood: "I did not find an answer. Try other words, choose a topic in the menu, or ask your social worker.",
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
  noReferentIntro:
    "Your référent is not linked to Passerelle yet: they do not get your requests here. Here is who can help you now.",
  noReferentDepartment: "Your Département's child welfare service (ASE):",
  noReferentOtherDepartment: "Contact your Département's child welfare service (ASE).",
  noReferentCode:
    "To link your référent: ask your youth worker for a link code (8 letters and digits). Then press « 🔗 Link my référent » and type the code.",
  contactAskNoReferent:
    "You can still write a short message, or press « Save without a message ». Your request is kept, but nobody will see it right away.",
  contactSaveNoMessage: "Save without a message",
  contactAlreadyOpen:
    "Your request is already sent. Your social worker has not seen it yet. If it is urgent, call 112.",
  actionExpired: "This button no longer works.",
  alertLimit:
    "Your social worker already got a message from you a short while ago. They will answer you. If it is urgent, call 112.",
  contactNeedsStart:
    "To reach your social worker, first choose your language and read how I keep your data. If it is urgent, call 112.",
  dataSummary:
    "This is what I keep about you:\n• Language: {locale}\n• Birth: {birth}\n• Situation: {status}\n• Département: {dept}\n• Requests to your social worker: {alerts}\nI do not keep your messages.",
  notGiven: "not given",
  deleteMyData: "🗑️ Delete everything",
  exportMyData: "📄 Download my data",
  deleteConfirm:
    "Do you really want to delete everything? Your profile, your roadmap and your requests will be deleted. This cannot be undone.",
  deleteYes: "Yes, delete everything",
  deleted: "Deleted. I have nothing about you any more. Type “hello” if you want to start again.",
  logout: "🚪 Log out",
  logoutConfirm:
    "On the web there is no account: logging out also deletes your profile and your roadmap. Download your data first if you want to keep it. Continue?",
  purgeWarning:
    "You have not written to Passerelle for a long time. In {days} days, I will delete everything I keep about you. To keep it, send me a message, even “hello”.",
  exportFailed: "I could not send you the file for now. Try again in a few minutes.",
  exportReady: "Here is a file with everything I keep about you. It is for you: do not share it.",
  dataWhy:
    "Why: your birth date, situation and département are used to work out your important dates. Your requests go only to your social worker. If you do not write to me for {days} days, I delete everything.",
  crisisSuicide:
    "You matter. If you are thinking about suicide, or you are worried about someone, call 3114 now: it is free, 24/7, someone will listen. You can say: “I have suicidal thoughts, I need to talk.” In immediate danger: call 112.",
  crisisSelfHarm:
    "You deserve help, without judgement. Call 3114 (free, 24/7). You can also call Fil Santé Jeunes on 0 800 235 236 (free, anonymous, age 12–25). You can say: “I hurt myself, I need help.” If you are injured: call 15 or 112.",
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
  crisisOverdose:
    "Call 15 (SAMU, medical emergency) or 112 right now. It is free, 24/7. Say what you took and how much. Do not stay alone: go to someone. Afterwards you can talk to 3114 (free, 24/7).",
  crisisAlsoOverdose: "Did you take pills or something dangerous? Call 15 or 112 right now.",
  crisisAlsoSuicide: "If you are thinking about suicide: call 3114 (free, 24/7).",
  crisisAlsoSelfHarm: "If you hurt yourself: 3114 can help too (free, 24/7).",
  crisisAlsoDanger: "In danger now: call 112. If you cannot speak, text 114.",
  crisisAlsoSexualViolence: "Sexual violence: call 119 (up to age 21) or 3919. It is not your fault.",
  crisisAlsoViolence: "If someone hits you: call 119 (up to age 21), or 17 if it is happening now.",
  crisisAlsoShelter: "Nowhere to sleep tonight: call 115 (free, 24/7).",
  crisisNoReferent:
    "You do not have a référent linked to Passerelle yet. If you press the button, your request is saved, but nobody will see it right away. So call the number above first. To link your référent, ask them for their code.",
  crisisAlertSaveYes: "Save my request",
  crisisAutoAlertedNoReferent:
    "I saved an alert, but you do not have a référent linked to Passerelle yet: nobody will see it right away. Call the number above first.",
  crisisAlertSent:
    "Sent ✅ Your référent will get an alert and contact you. Do not wait for their answer to call {number}.",
  crisisAlertSavedNoReferent:
    "Saved. Your référent is not linked to Passerelle yet, so they do not get the alert. Call {number} now.",
  mediaDocument: "I do not look at photos or files. For your safety, never send photos of your documents here.",
  mediaVoice: "I cannot listen to voice messages yet. Type your question with simple words, or use the buttons.",
  mediaOther: "I only understand written messages. Type your question, or use the buttons.",
  linkAsk:
    "🔗 Your référent (your youth worker) can give you an 8-character code, for example ABCD-2345.\nType the code here.",
  linkAlreadyLinked: "You already have a linked référent. You can link another one with their code, or unlink.",
  linkBad:
    "❌ This code does not work: it is wrong, already used, or too old (it lasts 48 hours).\nAsk your référent for a new code, then type it here.",
  linkPreview:
    '{name} wants to follow you on Passerelle.\n\nIf you say yes, {name} will see:\n• your profile: month and year of birth, your situation, your département;\n• your progress in "My roadmap" (steps done or not for you);\n• your alerts: when you ask for help (with the message YOU choose to write), a crisis, an overdue deadline.\n\n{name} will never see your messages or your questions.\n{name} can write you a short message here: Passerelle keeps it until you receive it, then deletes it (it only keeps that a reply was sent).\nThe administrators of Passerelle (the team of the Département) can also see your help requests and alerts.\nYou can unlink whenever you want.\n\nDo you agree?',
  linkConfirm: "✅ Yes, link",
  linkDecline: "No",
  linkDone: "✅ Done: {name} is linked to you on Passerelle. When you ask for help, {name} gets an alert.",
  linkUnlinkAsk: "Do you want to unlink your référent? They will no longer see your roadmap or your alerts.",
  linkUnlinkYes: "Yes, unlink me",
  linkUnlinked: "Done: no référent is linked to you any more.",
  linkNotLinked: "No référent is linked to you for now.",
  linkButton: "🔗 Link my référent",
  linkUnlinkButton: "Unlink",
  alertSeen: "👀 Your référent has received your message.",
  /** A référent's reply from the dashboard (worker/replies/). */
  referentReply: "💬 Message from {name}, your référent:\n“{text}”",
  months: "January,February,March,April,May,June,July,August,September,October,November,December",
  roadmapButton: "🗺️ My roadmap",
  roadmapTitle: "🗺️ Your roadmap: your next steps",
  roadmapNeedProfile: "To work out your dates, I need your birth month and year, and your situation.",
  roadmapFillProfile: "✏️ Complete my profile",
  roadmapEmpty: "Nothing to do for now 👍",
  roadmapUnavailable:
    "Your roadmap is not ready in Passerelle yet. Ask your éducateur or éducatrice which important dates are coming for you.",
  roadmapDue: "before {date}",
  roadmapOpens: "from {date}",
  roadmapNoDate: "no fixed date",
  roadmapStateOverdue: "⚠️ Late",
  roadmapStateNow: "▶️ Now",
  roadmapStateSoon: "⏳ Soon",
  roadmapStateLater: "🕒 Later",
  roadmapStateDone: "✅ Done",
  roadmapMore: "➕ See more",
  roadmapMarkDone: "✅ Done",
  roadmapMarkSkip: "🚫 Not for me",
  roadmapUndo: "↩️ Put it back in my list",
  roadmapLearnMore: "📖 Learn more",
  roadmapMarkedDone: "Well done ✅ Noted.",
  roadmapMarkedSkipped: "OK, I removed it from your list.",
  roadmapRestored: "It is back in your list.",
  roadmapDocuments: "What you need:",
  roadmapWhy: "Why it matters:",
  remindersStop: "🔕 Stop reminders",
  remindersStart: "🔔 Get reminders",
  remindersStopped: "I will not send you reminders any more. You can turn them back on in “My roadmap”.",
  remindersStarted: "I will remind you before your important dates. Never at night.",
  reminderIntro: "🔔 Reminder from Passerelle:",
  reminderLine: "• {title} — before {date}",
  reminderOverdueLine: "• ⚠️ {title} — the date has passed ({date}). Talk to your social worker soon.",
  pageRoadmapTitle: "My roadmap",
  pageRoadmapIntro: "Your next steps, worked out from your birth month and your situation. Nothing is stored.",
  pageBirth: "Birth month and year",
  pageStatus: "Your situation",
  pageDept: "Your département",
  pageEnteredCare: "Entry into ASE care (month and year, if you know)",
  pagePermitExpiry: "End of your residence card (month and year, if you have one)",
  pageSubmit: "See my roadmap",
  pageDateNote:
    "I only know your birth month. So I count as if you were born on the 1st day of that month. That way, my dates are never too late.",
  whatsappChoose: "Choose",
  whatsappMore: "More:",
  slowDown:
    "Slow down 🙂 You are sending me a lot of messages. Wait a minute, then write to me again. Emergency: 112 · suicidal thoughts: 3114 · nowhere to sleep: 115 · child in danger: 119.",
  emergencyLine: "Emergency: 112 · Nowhere to sleep: 115 · Child in danger: 119 · Suicidal thoughts: 3114",
  // Letters (bot/letters, worker/letters)
  lettersButton: "✉️ My letters",
  lettersIntro: "Here are letters ready to send. Choose one: I tell you what it says, then I fill it in with you.",
  lettersNone: "There is no letter ready for your situation for now.",
  letterAskSender:
    "To fill it in, write in one message your first and last name, then your address on the next line. I do not keep them: I make the letter, give it to you, then forget them.",
  letterBlank: "✍️ Without my name (I write it by hand)",
  lettersOther: "✉️ Other letters",
  letterSenderInvalid:
    "I did not understand. Write your first and last name on the first line, then your address, in Latin letters (a, b, c…). Or choose « Without my name ».",
  letterReady: "Your letter is ready: {title}.",
  letterCheck:
    "Read it again. Fill in the « …… » and sign it. Check the address with your social worker or on the Département's website. Keep a copy. If you can, send it by registered letter (lettre recommandée).",
  letterTextIntro: "The text of the letter, to copy:",
  letterPageLink: "The letter as a PDF, to print or send: {url}",
  pageLetterFormIntro:
    "Write your name and address: they go into the letter, then they are forgotten. You get the letter as a PDF, to print or send.",
  pageLetterName: "First and last name",
  pageLetterAddress: "Your address",
  pageLetterPdf: "Download as PDF",
  // Roadmap change notices (worker/reminders.ts)
  roadmapChangedIntro: "🔄 Your roadmap has changed:",
  roadmapChangedMoved: "• {title}: now {when} (before: {before})",
  roadmapChangedAdded: "• New step: {title} ({when})",
};
