/**
 * General vocabulary the matcher knows without the content: words that carry no meaning
 * (stop words) and groups of words that mean the same thing across French, English, Arabic,
 * Pashto and Dari (a "concept"). The content's own keywords and synonyms stay the main source;
 * these groups only bridge everyday words and languages the content team may not have listed.
 * Written as people spell them; normalised and stemmed when the matcher is built.
 */

export const STOPWORDS = `
le la les un une des de du d l a au aux et ou en je j tu il elle on nous vous ils elles me m te t se s
ma mon mes ta ton tes sa son ses est c ce ca cela ceci cet cette ces pour par pas ne n que qu qui quoi
comment quand où etre suis es sont ai as avons avez ont avoir faire fait faut peux peut veux veut vais
va vas dois doit y dans sur avec sans plus tres bien si oui non merci bonjour salut bonsoir svp stp
plait madame monsieur alors donc mais car quel quelle quels quelles quelque chose truc comme encore
aussi deja tout tous toute toutes moi toi lui leur leurs notre votre nos vos dire dit sais savoir
voudrais voulais aimerais besoin avais etais serait puis peux-tu pouvez
the a an of to and or is are am be i my me you your how what when where why who do does did can could
should would will in on at for with from about it this that there have has get got want need please
hi hello thanks thank not no yes so if im
في من على الى إلى عن ما ماذا كيف هل انا أنا انت أنت هو هي لي ان أن او أو مع هذا هذه عندي اريد أريد
يمكن ممكن لماذا متى اين أين كم
زه ته د په کې کی او چې څه څنګه ولې یم دی ده له سره دا مې زما غواړم شم کړم وکړم یو
نه لرم لري لرو دي شي وي څخه پورې باندې لپاره هم یې مو
من تو در به از که و را چه چطور چگونه است هستم میخواهم می‌خواهم باید یک این آن با برای مه چی چطو کجا
ندارم دارم استم شوم کنم میکنم نیست هم تا اگر وقتی
ليس لدي عند لا لم لن إذا اذا كل كان
بغيت نبغي بدي عايز عاوز حاب ابغى ابي شنو شنوا شو ايش واش باش ديال ديالي ديالك عنديش ماعنديش معنديش
ماعندي كيفاش علاش فين هاد هادا هادي دابا دلوقتي هلق بزاف برشا راني خاصني لازم لازمني شي حاجة مزال غير
ندير نعمل نقدر اقدر نعرف نروح
أفعل افعل نفعل أستطيع استطيع يمكنني بالنسبة الآن الان أيضا ايضا فقط جدا شيء الذي التي هناك اعرف أعرف
wesh genre bah ben euh mdr lol coucou cc frere frero vraiment juste maintenant
`;

/** Each line: one meaning; words separated by commas (multi-word entries count by each word). */
export const CONCEPTS = `
logement, logements, loger, appartement, studio, hébergement, héberger, housing, accommodation, apartment, flat, سكن, مسكن, سكنى, شقة, بيت, مأوى, لوجمون, کور, استوګنځی, خانه, مسکن, اپارتمان
loyer, rent, إيجار, كراء, كرا, کرایه, کرایه‌
papiers, titre, séjour, permit, papers, إقامة, اقامة, أوراق, وراق, كواغط, وثائق, سيجور, اقامت, کارت‌اقامت, کاغذونه, مدارک
préfecture, prefecture, المحافظة, بريفكتور, ولایت
santé, health, médecin, docteur, doctor, malade, sick, hôpital, hospital, صحة, طبيب, دكتور, مستشفى, سبيطار, مريض, روغتیا, ډاکټر, روغتون, ناروغ, صحت, داکتر, شفاخانه, مریض
assurance, insurance, mutuelle, تأمين, بیمه
argent, money, thune, fric, cash, مال, فلوس, نقود, دراهم, مصاري, صوارد, پیسې, پیسه, پول
banque, bank, compte, account, بنك, بانک, حساب
travail, travailler, job, boulot, taf, emploi, work, working, عمل, شغل, وظيفة, دنده, کار, وظیفه
formation, training, apprentissage, apprenti, apprenticeship, école, school, études, étudier, study, تدريب, تكوين, دراسة, مدرسة, زده‌کړه, ښوونځی, روزنه, آموزش, مکتب, درس
étudiant, student, طالب, محصل, شاګرد, دانشجو
bourse, scholarship, grant, منحة, بورس, بورسیه
urgence, emergency, urgent, طوارئ, بیړنی, عاجل, اضطراری
manger, faim, nourriture, bouffe, food, hungry, eat, طعام, أكل, ماكلة, جوع, جائع, جيعان, خواړه, وږی, غذا, گرسنه
avocat, lawyer, محامي, وکیل
refus, refusé, refuser, refused, rejected, رفض, رد
nationalité, citizenship, nationality, naturalisation, جنسية, تابعیت, شهروندی
asile, asylum, réfugié, refugee, لجوء, لاجئ, پناه, پناهنده, پناهندگی
psy, psychologue, déprimé, déprime, dépression, stress, stressé, angoisse, anxiété, mental, triste, sad, depressed, نفسي, اكتئاب, مكتئب, حزن, حزين, قلق, توتر, رواني, خپه, روانی, افسردگی, غمگین
dix-huit, 18, majeur, majorité, adult, adulte, ١٨
contrat, contract, عقد, قرارداد, تړون
rendez-vous, appointment, موعد, نوبت
carte, card, بطاقة, کارت
dormir, sleep, نوم, ننام, نرقد
rue, street, شارع, زنقة, سړک, سرک
`;

/**
 * Question words, one kind per line ("id: words"). They are stop words for meaning, but they
 * say what kind of answer is wanted: a FAQ asking "Quand … ?" is a better answer to "quand
 * demander le cjm" than a step that merely mentions the contract. So they count as light
 * signals, matched against the items' own titles, FAQ questions and keywords only (never
 * bodies). Multi-word entries are matched as consecutive words of the normalised text.
 */
export const INTERROGATIVES = `
when: quand, when, jusqu a quand, a quel moment, متى, امتى, کله, چه وقت, چي وقت, کدام وقت
howmuch: combien, how much, how many, کم, بکم, څومره, چقدر, چند
how: comment, how, کيف, څنګه, چطور, چگونه, چطو, چه رقم
what: quoi, c est quoi, qu est ce, what, what is, whats, ماذا, ما هو, ما هي, شو, څه, چيست, چي است, يعني چه
why: pourquoi, why, لماذا, ليش, ولي, چرا
where: where, اين, وين, چيرته, کجا, ou aller, ou demander, ou deposer, ou dormir
who: who, a qui, qui contacter, څوک, کي را
which: quel, quelle, quels, quelles, which, what kind, اي, کوم, کدام
`;

/**
 * Light words: what every question asks ("chercher", "trouver", "demander", "aide", "بحث", "طلب"…),
 * not what it is about. Rare in the content, so their idf is high, yet "je cherche un logement"
 * is about housing, not about the one item that lists "chercher un logement". They count
 * LIGHT_FACTOR (matcher.ts) and never make an item more precise than its topic.
 */
export const LIGHT_WORDS = `
chercher cherche recherche trouver trouve demander demande aide aider obtenir avoir recevoir besoin
savoir info infos information renseignement possible faut
find look looking search searching get getting ask asking help need apply obtain
بحث ابحث يبحث طلب اطلب مساعدة ساعدني احصل حصول احتاج محتاج اجد نلقى
لټول لټوم مرسته مرستې غوښتنه ترلاسه کول کړم کوم اړتیا اړتیا لرم
جستجو کمک درخواست بگیرم گرفتن کنم کردن نیاز ضرورت
`;

/**
 * Plain words: everyday words that say nothing of what a question is about. The matcher reads
 * them as usual; only when the content has no word for them are they not counted as the
 * question's own subject (an unknown "rsa", "enceinte" or "mdph" is what a question is about
 * and lowers the confidence of any answer: bot/matching/confidence.ts; an unknown "hier" is not).
 */
export const PLAIN_WORDS = `
hier demain aujourd'hui aujourdhui maintenant mtn bientot toujours jamais souvent deja depuis matin soir
semaine mois jour jours an ans annee fois moment truc trucs chose choses grave trop vraiment bcp beaucoup
sert servir marche passe arrive arriver dire voir mettre met mis donner donne aller venir partir rester
prendre pris toucher faire fais fait asap jsp ptn wsh mdr stp dun dune quelqu'un qqn personne gens
yesterday tomorrow today now soon still ever never really thing things stuff happen happens happened anymore
want wants wanted going gonna make made take took give gave come came put said
امس أمس غدا اليوم الآن الان دائما ابدا أبدا ابلغ أبلغ بلغت صار يصير وقع راه راني شي حاجة
نن سبا پرون اوس تل هیڅ راغلی راغلې شوی شوې کېږي کیږي نشم نشي
دیروز فردا امروز حالا همیشه هرگز میشه میشود میکنه میکند شده آمده اومده ببینم نمیتوانم نمی‌توانم
`;

/**
 * Expressions whose words are stop words but whose meaning is one word ("ils veulent pas", "on
 * m'a dit non" = refused). Each line: "word: expression, expression"; an expression found word
 * for word (normalised) in a text reads as the word, in the content as in questions.
 */
export const EXPRESSIONS = `
refus: veut pas, veulent pas, voulait pas, voulaient pas, dit non, ont dit non, accepte pas, acceptent pas, turned down, said no, wont let, ما بغاوش, ما قبلوش, ما بغاش
`;
