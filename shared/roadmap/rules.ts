import * as z from "zod/mini";
import { localizedTextSchema, slugSchema, sourceSchema } from "../content/model.ts";
import { lazy } from "../lazy.ts";
import { STATUSES } from "../profile.ts";

/**
 * Roadmap rules are DATA, not code: a plain JSON-able object validated by `roadmapRulesSchema`,
 * so the Département's content managers can change ages, delays and texts (a later CMS edits
 * it). Every legal fact here comes from /work/shared/domain/facts.md, with its source.
 *
 * Dates are written relative to an anchor:
 * - "birth": the birthday convention (see compute.ts: the 1st of the birth month);
 * - "careLimit": the birthday at the département's `cjmAgeLimit` (21 by law);
 * - "leftCare": end of care, assumed to be the 18th birthday (we do not store the real date).
 */

const int = lazy(() => z.number().check(z.int()));

export const dateSpecSchema = lazy(() => z.object({
  from: z.enum(["birth", "careLimit", "leftCare"]),
  years: z.optional(int()),
  months: z.optional(int()),
  days: z.optional(int()),
}));
export type DateSpec = z.infer<ReturnType<typeof dateSpecSchema>>;

export const stepRuleSchema = lazy(() => z.object({
  id: slugSchema(),
  /** Who the step is for. */
  statuses: z.array(z.enum(STATUSES)).check(z.minLength(1)),
  /**
   * Age at entry into care, in whole months (entered_care − birth month), inclusive bounds.
   * A step with this condition is kept when the date is unknown and `ifUnknown` is true:
   * showing a possibly useless step is safer than hiding a deadline.
   */
  enteredCareMonths: z.optional(z.object({ min: z.optional(int()), max: z.optional(int()), ifUnknown: z.boolean() })),
  /** The last day to act (null when there is no fixed date). */
  due: z.optional(dateSpecSchema()),
  /** When it starts making sense to act; without it, `leadMonths` before `due`, or always. */
  opens: z.optional(dateSpecSchema()),
  leadMonths: z.optional(int()),
  /** After this date the step is not shown any more (too old for it). */
  hideAfter: z.optional(dateSpecSchema()),
  /** Overdue by the département's `deadlineAlertDays`: a "deadline" alert to the référent. */
  alert: z.boolean(),
  title: localizedTextSchema(),
  why: localizedTextSchema(),
  documents: z.optional(localizedTextSchema()),
  /** A guidance step (content) that explains it further, when one fits. */
  contentStepId: z.optional(slugSchema()),
  sources: z.array(sourceSchema()),
}));
export type StepRule = z.infer<ReturnType<typeof stepRuleSchema>>;

export const deptSettingsSchema = lazy(() => z.object({
  /** Age until which a contrat jeune majeur can be asked (21 by law; the Département may extend). */
  cjmAgeLimit: int().check(z.minimum(18), z.maximum(25)),
  /** Reminders are sent this many days before a due date (one per threshold). */
  reminderDaysBefore: z.array(int().check(z.minimum(0), z.maximum(365))),
  /** An undone step overdue by this many days raises a "deadline" alert. */
  deadlineAlertDays: int().check(z.minimum(0), z.maximum(365)),
  /** "soon": the step opens within this many days. */
  soonDays: int().check(z.minimum(1), z.maximum(730)),
}));
export type DeptSettings = z.infer<ReturnType<typeof deptSettingsSchema>>;

export const roadmapRulesSchema = lazy(() => z.object({
  depts: z.object({ "44": deptSettingsSchema(), "49": deptSettingsSchema(), other: deptSettingsSchema() }),
  steps: z.array(stepRuleSchema()),
}));
export type RoadmapRules = z.infer<ReturnType<typeof roadmapRulesSchema>>;

const L222_5 = { label: "Article L222-5 CASF" };
const L222_5_1 = { label: "Article L222-5-1 CASF" };
const L222_5_2_1 = { label: "Article L222-5-2-1 CASF" };
const L423_22 = { label: "Articles L423-22 et R431-5 CESEDA" };
const L435_3 = { label: "Articles L435-3 et R431-5 CESEDA ; CE 1er juin 2022 n° 441736" };
const INFOMIE = { label: "Infomie", url: "https://www.infomie.net" };
const CC_21_12 = { label: "Article 21-12 code civil" };

const DEPT: DeptSettings = { cjmAgeLimit: 21, reminderDaysBefore: [30, 7], deadlineAlertDays: 7, soonDays: 90 };

/** The seed rules. Loire-Atlantique went back to 21 in April 2024: never promise 25. */
export const DEFAULT_ROADMAP_RULES: RoadmapRules = {
  depts: { "44": { ...DEPT }, "49": { ...DEPT }, other: { ...DEPT } },
  steps: [
    {
      id: "autonomy-interview", statuses: ["ase", "mna"], alert: true,
      due: { from: "birth", years: 17 }, opens: { from: "birth", years: 16 }, hideAfter: { from: "birth", years: 18 },
      title: {
        fr: "Ton entretien d'autonomie", en: "Your autonomy interview",
        ar: "مقابلة الاستقلالية (entretien d'autonomie)",
        ps: "ستا د خپلواکۍ مرکه (entretien d'autonomie)",
        prs: "مصاحبه استقلال تو (entretien d'autonomie)",
      },
      why: {
        fr: "Le Département doit faire cet entretien avec toi au plus tard à 17 ans. On parle de tes droits et de ton projet après 18 ans. Demande-le à ton éducateur si personne ne t'en a parlé.",
        en: "The Département must hold this interview with you by age 17 at the latest. It covers your rights and your plans after 18. Ask your social worker if nobody has mentioned it.",
        ar: "يجب على مقاطعتك (Département) أن تقوم بهذه المقابلة معك في سن 17 على الأكثر. يتكلمون معك عن حقوقك وعن مشروعك بعد 18 سنة. اطلبها من مربّيك إذا لم يكلّمك عنها أحد.",
        ps: "Département باید تر ټولو ناوخته په 17 کلنۍ کې له تا سره دا مرکه وکړي. ستا د حقونو او له 18 کلنۍ وروسته ستا د پلان په اړه خبرې کېږي. که چا درته نه وي ویلي، له خپل روزونکي یې وغواړه.",
        prs: "Département باید حداکثر تا 17 سالگی این مصاحبه را با تو انجام بدهد. در باره حقوقت و برنامه‌ات بعد از 18 سالگی صحبت می‌شود. اگر کسی در باره‌اش به تو چیزی نگفته، از مربی‌ات بخواه.",
      },
      contentStepId: "autonomy-interview", sources: [L222_5_1],
    },
    {
      id: "cjm-request", statuses: ["ase", "mna"], alert: true,
      due: { from: "birth", years: 18, days: -1 }, leadMonths: 6, hideAfter: { from: "birth", years: 18 },
      title: {
        fr: "Demander ton contrat jeune majeur", en: "Ask for your young adult contract (contrat jeune majeur)",
        ar: "اطلب عقد الشاب البالغ (contrat jeune majeur)",
        ps: "د ځوان بالغ تړون (contrat jeune majeur) وغواړه",
        prs: "قرارداد جوان بالغ (contrat jeune majeur) را درخواست کن",
      },
      why: {
        fr: "Après 18 ans, l'ASE peut continuer à t'aider (logement, argent, accompagnement) jusqu'à {ageLimit} ans. Prépare la demande écrite avec ton éducateur plusieurs mois avant tes 18 ans.",
        en: "After 18, the ASE can keep helping you (housing, money, support) until {ageLimit}. Prepare the written request with your social worker several months before you turn 18.",
        ar: "بعد 18 سنة، يمكن لـ ASE أن تستمر في مساعدتك (السكن، المال، المرافقة) حتى سن {ageLimit}. حضّر الطلب المكتوب مع مربّيك قبل أن تبلغ 18 سنة بعدة أشهر.",
        ps: "له 18 کلنۍ وروسته، ASE کولی شي تر {ageLimit} کلنۍ پورې درسره مرسته وکړي (کور، پیسې، ملاتړ). لیکلې غوښتنه له خپل روزونکي سره څو میاشتې له 18 کلنۍ مخکې چمتو کړه.",
        prs: "بعد از 18 سالگی، ASE می‌تواند تا {ageLimit} سالگی به کمکت ادامه بدهد (خانه، پول، همراهی). درخواست کتبی را چند ماه قبل از 18 سالگی با مربی‌ات آماده کن.",
      },
      documents: { fr: "Une lettre au Président du Conseil départemental : ton projet (études, formation, travail, logement) et ce dont tu as besoin.", en: "A letter to the Président du Conseil départemental: your plan (studies, training, job, housing) and what you need." },
      contentStepId: "cjm-ask", sources: [L222_5],
    },
    {
      id: "cjm-renewal", statuses: ["ase"], alert: false,
      opens: { from: "birth", years: 18 }, hideAfter: { from: "careLimit", days: -1 },
      title: {
        fr: "Renouveler ton contrat jeune majeur", en: "Renew your young adult contract",
        ar: "جدّد عقد الشاب البالغ (contrat jeune majeur)",
        ps: "د ځوان بالغ تړون (contrat jeune majeur) نوی کړه",
        prs: "قرارداد جوان بالغ (contrat jeune majeur) را تمدید کن",
      },
      why: {
        fr: "Les contrats durent souvent quelques mois. Un mois avant la fin, parle du renouvellement avec ton éducateur.",
        en: "Contracts often last a few months. One month before the end, talk about renewing it with your social worker.",
        ar: "العقود تدوم غالباً بضعة أشهر. قبل النهاية بشهر، تكلّم مع مربّيك عن التجديد.",
        ps: "تړونونه اکثره څو میاشتې دوام کوي. له پای څخه یوه میاشت مخکې، له خپل روزونکي سره د نوي کولو په اړه خبرې وکړه.",
        prs: "قراردادها اکثراً چند ماه طول می‌کشند. یک ماه قبل از پایان، با مربی‌ات در باره تمدید صحبت کن.",
      },
      contentStepId: "cjm-contract", sources: [L222_5],
    },
    {
      id: "residence-permit-l423-22", statuses: ["mna"], alert: true,
      enteredCareMonths: { max: 192, ifUnknown: true },
      due: { from: "birth", years: 19, days: -1 }, opens: { from: "birth", years: 17 }, hideAfter: { from: "birth", years: 20 },
      title: {
        fr: "Déposer ta demande de titre de séjour (avant tes 19 ans)", en: "File your residence permit application (before you turn 19)",
        ar: "قدّم طلب بطاقة الإقامة (titre de séjour) (قبل أن تبلغ 19 سنة)",
        ps: "د اوسېدو اجازې (titre de séjour) غوښتنه وسپاره (له 19 کلنۍ مخکې)",
        prs: "درخواست اجازه اقامت (titre de séjour) را تحویل بده (قبل از 19 سالگی)",
      },
      why: {
        fr: "Tu as été confié·e à l'ASE au plus tard à 16 ans : tu peux demander une carte « vie privée et familiale ». Il faut déposer la demande à la préfecture au plus tard la veille de tes 19 ans. Prépare tout avant 18 ans et dépose le plus tôt possible.",
        en: "You were entrusted to the ASE by age 16: you can ask for a \"vie privée et familiale\" card. The application must reach the préfecture the day before your 19th birthday at the latest. Prepare everything before 18 and file as early as possible.",
        ar: "وُضعت في رعاية ASE في سن 16 على الأكثر: يمكنك أن تطلب بطاقة «vie privée et familiale» (الحياة الخاصة والعائلية). يجب أن تقدّم الطلب في المحافظة (préfecture) على الأكثر في اليوم الذي يسبق عيد ميلادك الـ19. حضّر كل شيء قبل 18 سنة، وقدّم الطلب في أقرب وقت ممكن.",
        ps: "ته تر ټولو ناوخته په 16 کلنۍ کې ASE ته سپارل شوی یې: کولی شې د «vie privée et familiale» (شخصي او کورنی ژوند) کارت وغواړې. غوښتنه باید په préfecture کې تر ټولو ناوخته ستا د 19 کلیزې نه یوه ورځ مخکې وسپارل شي. هر څه له 18 کلنۍ مخکې چمتو کړه، او څومره چې ژر کېدای شي غوښتنه وسپاره.",
        prs: "تو حداکثر در 16 سالگی به ASE سپرده شده‌ای: می‌توانی کارت «vie privée et familiale» (زندگی شخصی و خانوادگی) را درخواست کنی. درخواست را باید حداکثر تا یک روز قبل از 19 سالگی‌ات به préfecture تحویل بدهی. همه چیز را قبل از 18 سالگی آماده کن، و هر چه زودتر تحویل بده.",
      },
      documents: { fr: "Passeport ou papier d'identité de ton pays, acte de naissance, preuves de ta formation, rapports de l'ASE et de ton école.", en: "Passport or consular ID, birth certificate, proof of training, reports from the ASE and your school." },
      sources: [L423_22, INFOMIE],
    },
    {
      id: "residence-permit-l435-3", statuses: ["mna"], alert: true,
      enteredCareMonths: { min: 192, max: 215, ifUnknown: true },
      due: { from: "birth", years: 18, months: 2, days: -1 }, opens: { from: "birth", years: 17 }, hideAfter: { from: "birth", years: 19 },
      title: {
        fr: "Déposer ta demande de titre de séjour (2 mois après tes 18 ans)", en: "File your residence permit application (within 2 months after 18)",
        ar: "قدّم طلب بطاقة الإقامة (titre de séjour) (خلال شهرين بعد أن تبلغ 18 سنة)",
        ps: "د اوسېدو اجازې (titre de séjour) غوښتنه وسپاره (له 18 کلنۍ وروسته په 2 میاشتو کې)",
        prs: "درخواست اجازه اقامت (titre de séjour) را تحویل بده (در 2 ماه بعد از 18 سالگی)",
      },
      why: {
        fr: "Tu as été confié·e à l'ASE entre 16 et 18 ans : il faut déposer ta demande dans les 2 mois après tes 18 ans. En retard, tu risques une obligation de quitter la France (OQTF). Prépare tout avant 18 ans avec ton éducateur.",
        en: "You were entrusted to the ASE between 16 and 18: you must file within 2 months after your 18th birthday. Filing late can mean an order to leave France (OQTF). Prepare everything before 18 with your social worker.",
        ar: "وُضعت في رعاية ASE بين 16 و18 سنة: يجب أن تقدّم طلبك خلال شهرين بعد أن تبلغ 18 سنة. إذا تأخرت، قد تتلقى أمراً بمغادرة فرنسا (OQTF). حضّر كل شيء قبل 18 سنة مع مربّيك.",
        ps: "ته د 16 او 18 کلنۍ ترمنځ ASE ته سپارل شوی یې: باید خپله غوښتنه له 18 کلنۍ وروسته په 2 میاشتو کې وسپارې. که ناوخته شې، کېدای شي د فرانسې د پرېښودو امر (OQTF) درکړل شي. هر څه له 18 کلنۍ مخکې له خپل روزونکي سره چمتو کړه.",
        prs: "تو بین 16 و 18 سالگی به ASE سپرده شده‌ای: باید درخواستت را در 2 ماه بعد از 18 سالگی تحویل بدهی. اگر دیر کنی، ممکن است حکم ترک فرانسه (OQTF) بگیری. همه چیز را قبل از 18 سالگی با مربی‌ات آماده کن.",
      },
      documents: { fr: "Passeport ou papier d'identité de ton pays, acte de naissance, preuves de 6 mois de formation, rapports de l'ASE et de ton école.", en: "Passport or consular ID, birth certificate, proof of 6 months of training, reports from the ASE and your school." },
      sources: [L435_3, INFOMIE],
    },
    {
      id: "nationality", statuses: ["ase", "mna"], alert: true,
      enteredCareMonths: { max: 180, ifUnknown: true },
      due: { from: "birth", years: 18, days: -1 }, leadMonths: 12, hideAfter: { from: "birth", years: 18 },
      title: {
        fr: "La nationalité française par déclaration (avant 18 ans)", en: "French nationality by declaration (before 18)",
        ar: "الجنسية الفرنسية بالتصريح (déclaration) (قبل 18 سنة)",
        ps: "فرانسوي تابعیت د اعلامیې (déclaration) له لارې (له 18 کلنۍ مخکې)",
        prs: "تابعیت فرانسه از راه اظهارنامه (déclaration) (قبل از 18 سالگی)",
      },
      why: {
        fr: "Si tu es confié·e à l'ASE depuis au moins 3 ans, tu peux demander la nationalité française par déclaration, avant tes 18 ans. Parles-en vite à ton éducateur.",
        en: "If you have been in ASE care for at least 3 years, you can claim French nationality by declaration, before you turn 18. Talk to your social worker soon.",
        ar: "إذا كنت في رعاية ASE منذ 3 سنوات على الأقل، يمكنك أن تطلب الجنسية الفرنسية بالتصريح (déclaration)، قبل أن تبلغ 18 سنة. تكلّم مع مربّيك بسرعة.",
        ps: "که لږ تر لږه 3 کاله کېږي چې ASE ته سپارل شوی یې، کولی شې له 18 کلنۍ مخکې د اعلامیې (déclaration) له لارې فرانسوي تابعیت وغواړې. ژر له خپل روزونکي سره خبرې وکړه.",
        prs: "اگر حداقل 3 سال است که به ASE سپرده شده‌ای، می‌توانی قبل از 18 سالگی تابعیت فرانسه را از راه اظهارنامه (déclaration) درخواست کنی. زود با مربی‌ات صحبت کن.",
      },
      sources: [CC_21_12, INFOMIE],
    },
    {
      id: "passport", statuses: ["mna"], alert: false,
      due: { from: "birth", years: 18, days: -1 }, opens: { from: "birth", years: 16 }, hideAfter: { from: "birth", years: 19 },
      title: {
        fr: "Passeport ou papiers de ton consulat", en: "Passport or consular documents",
        ar: "جواز سفر أو أوراق من قنصلية بلدك",
        ps: "پاسپورټ یا ستا د قونسلګرۍ اسناد",
        prs: "پاسپورت یا اسناد از قونسلگری کشورت",
      },
      why: {
        fr: "Pour ton titre de séjour, il te faut un passeport ou un papier d'identité de ton pays. Le consulat peut prendre du temps : commence tôt.",
        en: "For your residence permit you need a passport or an ID from your country. The consulate can take time: start early.",
        ar: "لبطاقة الإقامة (titre de séjour)، تحتاج جواز سفر أو ورقة هوية من بلدك. القنصلية قد تأخذ وقتاً: ابدأ مبكراً.",
        ps: "د اوسېدو اجازې (titre de séjour) لپاره، پاسپورټ یا د خپل هېواد د پېژندنې سند ته اړتیا لرې. قونسلګري کېدای شي وخت ونیسي: ژر پیل کړه.",
        prs: "برای اجازه اقامت (titre de séjour)، به پاسپورت یا یک سند هویت از کشورت ضرورت داری. قونسلگری ممکن است وقت بگیرد: زود شروع کن.",
      },
      sources: [L423_22],
    },
    {
      id: "training", statuses: ["mna"], alert: false,
      opens: { from: "birth", years: 16 }, hideAfter: { from: "birth", years: 19 },
      title: {
        fr: "Suivre une formation sérieusement", en: "Follow your training seriously",
        ar: "تابع تكوينك (formation) بجدية",
        ps: "په خپله زده کړه (formation) کې جدي اوسه",
        prs: "آموزشت (formation) را جدی دنبال کن",
      },
      why: {
        fr: "La préfecture regarde si tu suis vraiment ta formation (au moins 6 mois pour certaines demandes). Garde tes bulletins et attestations.",
        en: "The préfecture checks that you really follow your training (at least 6 months for some applications). Keep your reports and certificates.",
        ar: "المحافظة (préfecture) تنظر هل تتابع تكوينك فعلاً (6 أشهر على الأقل لبعض الطلبات). احتفظ بكشوف نقاطك وشهاداتك.",
        ps: "préfecture ګوري چې ته په ریښتیا خپله زده کړه تعقیبوې که نه (د ځینو غوښتنو لپاره لږ تر لږه 6 میاشتې). خپلې نمرې پاڼې او تصدیقونه وساته.",
        prs: "préfecture نگاه می‌کند که آیا تو واقعاً آموزشت را دنبال می‌کنی (برای بعضی درخواست‌ها حداقل 6 ماه). کارنامه‌ها و تصدیق‌هایت را نگه دار.",
      },
      sources: [L423_22, L435_3],
    },
    {
      id: "bank-account", statuses: ["ase", "left_ase", "mna", "other"], alert: false,
      opens: { from: "birth", years: 16 }, hideAfter: { from: "birth", years: 26 },
      title: {
        fr: "Ouvrir un compte en banque", en: "Open a bank account",
        ar: "افتح حساباً في البنك",
        ps: "په بانک کې حساب پرانیزه",
        prs: "یک حساب بانکی باز کن",
      },
      why: {
        fr: "Il te faut un compte pour recevoir ton argent (pécule, aides, salaire). Si une banque refuse, la Banque de France peut en désigner une : c'est le droit au compte.",
        en: "You need an account to receive money (pécule, benefits, wages). If a bank says no, the Banque de France can name one: it is your right to an account.",
        ar: "تحتاج حساباً لتستلم مالك (pécule، المساعدات، الراتب). إذا رفض بنك، يمكن لـ Banque de France أن تعيّن لك بنكاً: هذا هو الحق في الحساب (droit au compte).",
        ps: "د خپلو پیسو (pécule، مرستې، معاش) ترلاسه کولو لپاره حساب ته اړتیا لرې. که یو بانک انکار وکړي، Banque de France کولی شي یو بانک وټاکي: دا د حساب حق (droit au compte) دی.",
        prs: "برای گرفتن پولت (pécule، کمک‌ها، معاش) به یک حساب ضرورت داری. اگر یک بانک قبول نکند، Banque de France می‌تواند یک بانک را تعیین کند: این حق داشتن حساب (droit au compte) است.",
      },
      sources: [{ label: "Banque de France — droit au compte", url: "https://www.banque-france.fr" }],
    },
    {
      id: "health-insurance", statuses: ["ase", "left_ase", "mna", "other"], alert: false,
      due: { from: "birth", years: 18, days: -1 }, opens: { from: "birth", years: 17 }, hideAfter: { from: "birth", years: 26 },
      title: {
        fr: "Assurance maladie et Complémentaire santé solidaire", en: "Health insurance and Complémentaire santé solidaire",
        ar: "التأمين الصحي (Assurance maladie) و Complémentaire santé solidaire",
        ps: "روغتیایي بیمه (Assurance maladie) او Complémentaire santé solidaire",
        prs: "بیمه صحی (Assurance maladie) و Complémentaire santé solidaire",
      },
      why: {
        fr: "À 18 ans, demande à la CPAM d'être assuré·e à ton nom. Demande aussi la Complémentaire santé solidaire (gratuite ou moins de 1 € par jour) : elle n'est pas automatique.",
        en: "At 18, ask the CPAM to be insured in your own name. Also ask for the Complémentaire santé solidaire (free or under €1 a day): it is not automatic.",
        ar: "في سن 18، اطلب من CPAM أن تكون مؤمَّناً باسمك. اطلب أيضاً Complémentaire santé solidaire (مجانية أو أقل من 1 € في اليوم): لا تحصل عليها تلقائياً.",
        ps: "په 18 کلنۍ کې، له CPAM وغواړه چې په خپل نوم بیمه شې. Complémentaire santé solidaire هم وغواړه (وړیا یا په ورځ کې له 1 € لږ): دا پخپله نه درکول کېږي.",
        prs: "در 18 سالگی، از CPAM بخواه که به نام خودت بیمه شوی. Complémentaire santé solidaire را هم درخواست کن (رایگان یا کمتر از 1 € در روز): خودکار داده نمی‌شود.",
      },
      sources: [{ label: "Article L160-1 code de la sécurité sociale ; ameli.fr", url: "https://www.ameli.fr" }],
    },
    {
      id: "mission-locale", statuses: ["ase", "left_ase", "mna", "other"], alert: false,
      opens: { from: "birth", years: 16 }, hideAfter: { from: "birth", years: 26 },
      title: {
        fr: "T'inscrire à la Mission locale (CEJ)", en: "Register with the Mission locale (CEJ)",
        ar: "سجّل نفسك في Mission locale (CEJ)",
        ps: "په Mission locale (CEJ) کې نوم ولیکه",
        prs: "در Mission locale (CEJ) ثبت نام کن",
      },
      why: {
        fr: "La Mission locale aide les 16–25 ans : travail, formation, logement, santé. Elle peut te proposer le contrat d'engagement jeune (CEJ), avec une allocation.",
        en: "The Mission locale helps 16–25 year-olds with jobs, training, housing and health. It can offer you the contrat d'engagement jeune (CEJ), with an allowance.",
        ar: "Mission locale تساعد الشباب من 16 إلى 25 سنة: العمل، التكوين، السكن، الصحة. يمكن أن تقترح عليك contrat d'engagement jeune (CEJ)، مع منحة مالية.",
        ps: "Mission locale له 16 تر 25 کلنو ځوانانو سره مرسته کوي: کار، زده کړه، کور، روغتیا. کولی شي تا ته contrat d'engagement jeune (CEJ) وړاندې کړي، له مالي مرستې سره.",
        prs: "Mission locale به جوانان 16 تا 25 ساله کمک می‌کند: کار، آموزش، خانه، صحت. می‌تواند contrat d'engagement jeune (CEJ) را با یک کمک مالی به تو پیشنهاد کند.",
      },
      sources: [{ label: "Article L5131-6 code du travail ; 1jeune1solution.gouv.fr", url: "https://www.1jeune1solution.gouv.fr" }],
    },
    {
      id: "housing", statuses: ["ase", "left_ase", "mna", "other"], alert: false,
      due: { from: "birth", years: 18, days: -1 }, leadMonths: 6, hideAfter: { from: "birth", years: 26 },
      title: {
        fr: "Préparer ton logement (FJT, CROUS, logement social, Visale)", en: "Plan your housing (FJT, CROUS, social housing, Visale)",
        ar: "حضّر سكنك (FJT، CROUS، سكن اجتماعي، Visale)",
        ps: "خپل د اوسېدو ځای چمتو کړه (FJT، CROUS، ټولنیز کور، Visale)",
        prs: "جای زندگی‌ات را آماده کن (FJT، CROUS، خانه اجتماعی، Visale)",
      },
      why: {
        fr: "Les demandes de logement prennent du temps. Foyer de jeunes travailleurs, résidence CROUS, logement social (dès 18 ans), garantie Visale à la place d'un garant : commence tôt.",
        en: "Housing applications take time. Young workers' hostel (FJT), CROUS residence, social housing (from 18), Visale guarantee instead of a guarantor: start early.",
        ar: "طلبات السكن تأخذ وقتاً. مسكن الشباب العاملين (FJT)، سكن CROUS، السكن الاجتماعي (ابتداءً من 18 سنة)، ضمان Visale بدل كفيل: ابدأ مبكراً.",
        ps: "د کور غوښتنې وخت نیسي. د کار کوونکو ځوانانو کور (FJT)، د CROUS اوسېدنځی، ټولنیز کور (له 18 کلنۍ څخه)، د ضامن پر ځای د Visale تضمین: ژر پیل کړه.",
        prs: "درخواست‌های خانه وقت می‌گیرد. خانه جوانان کارگر (FJT)، خوابگاه CROUS، خانه اجتماعی (از 18 سالگی)، ضمانت Visale به جای ضامن: زود شروع کن.",
      },
      sources: [{ label: "visale.fr", url: "https://www.visale.fr" }, { label: "demande-logement-social.gouv.fr", url: "https://www.demande-logement-social.gouv.fr" }],
    },
    {
      id: "pecule", statuses: ["ase", "left_ase", "mna"], alert: false,
      opens: { from: "birth", years: 18, months: 1 }, hideAfter: { from: "birth", years: 26 },
      title: {
        fr: "Réclamer ton pécule (dès 18 ans)", en: "Claim your pécule (from 18)",
        ar: "اطلب مالك المدّخر (pécule) (ابتداءً من 18 سنة)",
        ps: "خپل پس‌انداز (pécule) وغواړه (له 18 کلنۍ څخه)",
        prs: "پس‌انداز خود (pécule) را درخواست کن (از 18 سالگی)",
      },
      why: {
        fr: "Si tu as été à l'ASE, une somme a peut-être été mise de côté pour toi à la Caisse des Dépôts. Elle est à toi dès 18 ans, mais ce n'est pas automatique : il faut la demander.",
        en: "If you were in ASE care, money may have been saved for you at the Caisse des Dépôts. It is yours from 18, but it is not automatic: you must ask for it.",
        ar: "إذا كنت في رعاية ASE، ربما وُضع مبلغ جانباً لك في Caisse des Dépôts. هو لك ابتداءً من 18 سنة، لكنه لا يأتي تلقائياً: يجب أن تطلبه.",
        ps: "که په ASE کې وې، کېدای شي ستا لپاره په Caisse des Dépôts کې یو څه پیسې ساتل شوې وي. دا پیسې له 18 کلنۍ څخه ستا دي، خو پخپله نه درکول کېږي: باید یې وغواړې.",
        prs: "اگر در ASE بوده‌ای، شاید مقداری پول برایت در Caisse des Dépôts کنار گذاشته شده باشد. این پول از 18 سالگی مال توست، ولی خودکار داده نمی‌شود: باید آن را درخواست کنی.",
      },
      documents: { fr: "Pièce d'identité (recto verso), acte de naissance de moins de 3 mois, RIB à ton nom, numéro CAF si tu l'as.", en: "ID (both sides), birth certificate under 3 months old, bank details (RIB) in your name, CAF number if you have one." },
      sources: [{ label: "Article L543-3 code de la sécurité sociale ; caissedesdepots.fr", url: "https://www.caissedesdepots.fr" }],
    },
    {
      id: "exit-interview", statuses: ["ase", "left_ase"], alert: false,
      due: { from: "leftCare", months: 6 }, opens: { from: "leftCare", months: 5 }, hideAfter: { from: "leftCare", years: 1 },
      title: {
        fr: "L'entretien 6 mois après ta sortie", en: "The interview six months after leaving care",
        ar: "المقابلة بعد 6 أشهر من خروجك",
        ps: "له وتلو 6 میاشتې وروسته مرکه",
        prs: "مصاحبه 6 ماه بعد از بیرون شدنت",
      },
      why: {
        fr: "Six mois après ta sortie de l'ASE, un entretien fait le point avec toi. On te rappelle tes droits, comme l'aide jeune majeur.",
        en: "Six months after you leave ASE care, an interview reviews how you are doing. You are reminded of your rights, such as young adult support.",
        ar: "بعد 6 أشهر من خروجك من ASE، تراجع مقابلةٌ وضعك معك. يذكّرونك بحقوقك، مثل مساعدة الشاب البالغ (aide jeune majeur).",
        ps: "له ASE څخه ستا د وتلو 6 میاشتې وروسته، یوه مرکه له تا سره ستا حال ګوري. ستا حقونه درته یادوي، لکه د ځوان بالغ مرسته (aide jeune majeur).",
        prs: "6 ماه بعد از بیرون شدنت از ASE، یک مصاحبه وضعیتت را با تو بررسی می‌کند. حقوقت را به یادت می‌آورند، مثل کمک جوان بالغ (aide jeune majeur).",
      },
      contentStepId: "exit-interview", sources: [L222_5_2_1],
    },
    {
      id: "come-back", statuses: ["left_ase", "mna"], alert: false,
      due: { from: "careLimit", days: -1 }, opens: { from: "birth", years: 18 }, hideAfter: { from: "careLimit", days: -1 },
      title: {
        fr: "Revenir à l'ASE si tu en as besoin", en: "Come back to the ASE if you need to",
        ar: "العودة إلى ASE إذا احتجت ذلك",
        ps: "که اړتیا لرې، ASE ته بېرته راشه",
        prs: "اگر ضرورت داری، به ASE برگرد",
      },
      why: {
        fr: "Tu as quitté l'ASE ? Tu peux redemander un contrat jeune majeur avant l'âge limite de ton Département ({ageLimit} ans). Après, demande à ton Département et à la Mission locale.",
        en: "Left ASE care? You can ask again for a young adult contract before your Département's age limit ({ageLimit}). After that, ask your Département and the Mission locale.",
        ar: "خرجت من ASE؟ يمكنك أن تطلب من جديد عقد الشاب البالغ (contrat jeune majeur) قبل السن الأقصى في مقاطعتك ({ageLimit} سنة). بعد ذلك، اسأل مقاطعتك (Département) و Mission locale.",
        ps: "ASE دې پرېښی دی؟ کولی شې د خپل Département له عمر حد ({ageLimit} کلنۍ) مخکې بیا د ځوان بالغ تړون (contrat jeune majeur) غوښتنه وکړې. له هغې وروسته، له خپل Département او Mission locale څخه وپوښته.",
        prs: "از ASE بیرون شده‌ای؟ می‌توانی قبل از سن آخر Département ات ({ageLimit} سالگی) دوباره قرارداد جوان بالغ (contrat jeune majeur) را درخواست کنی. بعد از آن، از Département ات و Mission locale بپرس.",
      },
      contentStepId: "cjm-return", sources: [L222_5, { label: "Conseil d'État, 16 octobre 2024, n° 475849" }],
    },
  ],
};

/** Validates rules coming from storage or an editor; the seed must pass too (tested). */
export function parseRoadmapRules(input: unknown): { ok: true; rules: RoadmapRules } | { ok: false; errors: string[] } {
  const parsed = roadmapRulesSchema().safeParse(input);
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((i) => `${i.path.map(String).join(".")}: ${i.message}`) };
  const ids = parsed.data.steps.map((s) => s.id);
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate) return { ok: false, errors: [`steps: duplicate id ${duplicate}`] };
  return { ok: true, rules: parsed.data };
}
