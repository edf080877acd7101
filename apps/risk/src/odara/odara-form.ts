import { deepFreeze } from './deep-freeze';
import type { DangerAnswer, Language } from '@korgoo/contracts';

export type LocalizedText = Readonly<Record<Language, string>>;

export type FormSectionKey =
  | 'odaraItems'
  | 'substanceIndicators'
  | 'supportBarriers'
  | 'context'
  | 'immediateDangerCritical'
  | 'immediateDangerFurther'
  | 'officer';

/** What the question expects: `answer` is yes / no / unknown, `dangerAnswer` is yes / no / not_answered. */
export type FormAnswerKind = 'answer' | 'dangerAnswer' | 'choice' | 'boolean' | 'text';

export type FormRequirement = 'required' | 'optional' | 'requiredUnlessIndicatorsGiven' | 'requiredWithOverride';

export interface FormOption {
  readonly value: string | boolean;
  readonly label: LocalizedText;
}

export interface FormQuestion {
  readonly key: string;
  /** Dotted path in the screening; the same path a ScreeningError names. */
  readonly path: string;
  readonly section: FormSectionKey;
  readonly kind: FormAnswerKind;
  readonly requirement: FormRequirement;
  /** ODARA item number 1..13, only on the 13 items. */
  readonly itemNumber?: number;
  /** Empty for free text. */
  readonly options: readonly FormOption[];
  readonly text: LocalizedText;
  readonly help: LocalizedText;
}

export interface FormSection {
  readonly key: FormSectionKey;
  readonly title: LocalizedText;
  readonly help: LocalizedText;
}

export interface OdaraForm {
  readonly version: string;
  readonly sections: readonly FormSection[];
  readonly questions: readonly FormQuestion[];
}

const ANSWER_OPTIONS: readonly FormOption[] = [
  { value: 'yes', label: { ky: 'Ооба', ru: 'Да', en: 'Yes' } },
  { value: 'no', label: { ky: 'Жок', ru: 'Нет', en: 'No' } },
  { value: 'unknown', label: { ky: 'Белгисиз', ru: 'Неизвестно', en: 'Unknown' } },
];

const DANGER_OPTIONS: readonly (FormOption & { value: DangerAnswer })[] = [
  { value: 'yes', label: { ky: 'Ооба', ru: 'Да', en: 'Yes' } },
  { value: 'no', label: { ky: 'Жок', ru: 'Нет', en: 'No' } },
  { value: 'not_answered', label: { ky: 'Жооп берген жок', ru: 'Не ответил(а)', en: 'Not answered' } },
];

const BOOLEAN_OPTIONS: readonly FormOption[] = [
  { value: true, label: { ky: 'Ооба', ru: 'Да', en: 'Yes' } },
  { value: false, label: { ky: 'Жок', ru: 'Нет', en: 'No' } },
];

const SEX_OPTIONS: readonly FormOption[] = [
  { value: 'male', label: { ky: 'Эркек', ru: 'Мужской', en: 'Male' } },
  { value: 'female', label: { ky: 'Аял', ru: 'Женский', en: 'Female' } },
];

const PRIORITY_OPTIONS: readonly FormOption[] = [
  { value: 'urgent', label: { ky: 'Шашылыш', ru: 'Срочный', en: 'Urgent' } },
  { value: 'high', label: { ky: 'Жогорку', ru: 'Высокий', en: 'High' } },
  { value: 'standard', label: { ky: 'Кадимки', ru: 'Обычный', en: 'Standard' } },
];

type Texts = Pick<FormQuestion, 'text' | 'help'>;

function item(itemNumber: number, key: string, texts: Texts, requirement: FormRequirement = 'required'): FormQuestion {
  return { key, path: `items.${key}`, section: 'odaraItems', kind: 'answer', requirement, itemNumber, options: ANSWER_OPTIONS, ...texts };
}

function indicator(section: 'substanceIndicators' | 'supportBarriers', key: string, texts: Texts): FormQuestion {
  return { key, path: `${section}.${key}`, section, kind: 'answer', requirement: 'optional', options: ANSWER_OPTIONS, ...texts };
}

function danger(group: 'critical' | 'further', key: string, texts: Texts): FormQuestion {
  const section = group === 'critical' ? 'immediateDangerCritical' : 'immediateDangerFurther';
  return { key, path: `immediateDanger.${group}.${key}`, section, kind: 'dangerAnswer', requirement: 'optional', options: DANGER_OPTIONS, ...texts };
}

const SECTIONS: readonly FormSection[] = [
  {
    key: 'context',
    title: { ky: 'Тараптар жана окуя жөнүндө маалымат', ru: 'Сведения о сторонах и инциденте', en: 'The parties and the incident' },
    help: {
      ky: 'ODARA өз жубайына же чогуу жашаган (мурда чогуу жашаган) аялына кол салган эркектердин мисалында иштелип чыккан. Бул суроолор анын нормалары ушул учурга канчалык туура келерин көрсөтөт.',
      ru: 'ODARA разработана на случаях, когда мужчина напал на партнёршу, с которой состоит или состоял в браке либо живёт или жил вместе. Эти вопросы показывают, насколько её нормы применимы к данному случаю.',
      en: 'ODARA was built on men who assaulted a female partner they were married to or lived with, now or before. These questions show how far its norms apply to this case.',
    },
  },
  {
    key: 'odaraItems',
    title: {
      ky: 'ODARA: зомбулуктун кайталанышынын коркунучун баалоо (13 пункт)',
      ru: 'ODARA: оценка риска повторного насилия (13 пунктов)',
      en: 'ODARA: risk of a repeat assault (13 items)',
    },
    help: {
      ky: 'Ар бир пунктка «Ооба», «Жок» же «Белгисиз» деп жооп бериңиз. Маалымат жок болсо, болжолдобоңуз — «Белгисиз» деп белгилеңиз. Бештен ашык пункт белгисиз болсо, упай эсептелбейт.',
      ru: 'Отметьте по каждому пункту «Да», «Нет» или «Неизвестно». Если сведений нет, не угадывайте — отметьте «Неизвестно». Если неизвестно больше пяти пунктов, балл не рассчитывается.',
      en: 'Answer each item yes, no or unknown. If you have no information, do not guess: mark it unknown. With more than five unknown items no score is given.',
    },
  },
  {
    key: 'substanceIndicators',
    title: {
      ky: '11-пункт: спирт ичимдиктерин же баңгизаттарды ашыкча колдонуунун белгилери',
      ru: 'Пункт 11: признаки злоупотребления алкоголем или наркотиками',
      en: 'Item 11: signs of alcohol or drug abuse',
    },
    help: {
      ky: 'Эки же андан көп белгиге «Ооба» деп жооп берилсе, 11-пункт «Ооба» деп эсептелет.',
      ru: 'Если «Да» отмечено по двум или более признакам, пункт 11 засчитывается.',
      en: 'Item 11 counts when two or more signs are yes.',
    },
  },
  {
    key: 'supportBarriers',
    title: {
      ky: '13-пункт: жабырлануучунун жардам алуусуна тоскоолдуктар',
      ru: 'Пункт 13: препятствия для получения помощи пострадавшим лицом',
      en: 'Item 13: barriers to the victim getting support',
    },
    help: {
      ky: 'Жок дегенде бир тоскоолдукка «Ооба» деп жооп берилсе, 13-пункт «Ооба» деп эсептелет.',
      ru: 'Если «Да» отмечено хотя бы по одному препятствию, пункт 13 засчитывается.',
      en: 'Item 13 counts when at least one barrier is yes.',
    },
  },
  {
    key: 'immediateDangerCritical',
    title: {
      ky: 'Өмүргө түз коркунуч: негизги үч суроо',
      ru: 'Непосредственная угроза жизни: три главных вопроса',
      en: 'Immediate danger: the three key questions',
    },
    help: {
      ky: 'Бул суроолорду жабырлануучунун өзүнө бериңиз. Алардын бирөөнө эле «Ооба» деп жооп берилсе, жабырлануучуну дароо ишеним телефонуна туташтырыңыз.',
      ru: 'Задайте эти вопросы самому пострадавшему лицу. Если хотя бы на один из них ответ «Да», сразу свяжите пострадавшее лицо с горячей линией.',
      en: 'Ask the victim these questions directly. A yes to any one of them means connecting the victim to a hotline at once.',
    },
  },
  {
    key: 'immediateDangerFurther',
    title: {
      ky: 'Өмүргө түз коркунуч: кошумча сегиз суроо',
      ru: 'Непосредственная угроза жизни: восемь дополнительных вопросов',
      en: 'Immediate danger: eight further questions',
    },
    help: {
      ky: 'Бул суроолорду да жабырлануучунун өзүнө бериңиз. Алардын жок дегенде төртөөнө «Ооба» деп жооп берилсе, жабырлануучуну дароо ишеним телефонуна туташтырыңыз.',
      ru: 'Эти вопросы также задайте самому пострадавшему лицу. Если «Да» отвечено хотя бы на четыре из них, сразу свяжите пострадавшее лицо с горячей линией.',
      en: 'Ask the victim these too. A yes to four or more of them means connecting the victim to a hotline at once.',
    },
  },
  {
    key: 'officer',
    title: { ky: 'Кызматкердин баалоосу', ru: 'Оценка сотрудника', en: "The officer's judgement" },
    help: {
      ky: 'Сиздин баалооңуз коркунучтун деңгээлин жогорулата алат, бирок эч качан төмөндөтө албайт.',
      ru: 'Ваша оценка может повысить уровень риска, но никогда не понизит его.',
      en: 'Your judgement can raise the priority, never lower it.',
    },
  },
];

const CONTEXT_QUESTIONS: readonly FormQuestion[] = [
  {
    key: 'perpetratorSex',
    path: 'context.perpetratorSex',
    section: 'context',
    kind: 'choice',
    requirement: 'required',
    options: SEX_OPTIONS,
    text: {
      ky: 'Өзүнө карата коргоо ордери чыгарылган адамдын жынысы',
      ru: 'Пол лица, в отношении которого выдан охранный ордер',
      en: 'Sex of the person the protection order is issued against',
    },
    help: {
      ky: 'ODARA нормаларынын бул учурга туура келерин көрсөтүү үчүн керек: методика зомбулук көрсөткөн эркектердин мисалында иштелип чыккан.',
      ru: 'Нужно, чтобы показать, применимы ли нормы ODARA: методика разработана на мужчинах, совершивших насилие.',
      en: "Needed to show whether ODARA's norms apply: the tool was built on male perpetrators.",
    },
  },
  {
    key: 'victimSex',
    path: 'context.victimSex',
    section: 'context',
    kind: 'choice',
    requirement: 'required',
    options: SEX_OPTIONS,
    text: { ky: 'Жабырлануучунун жынысы', ru: 'Пол пострадавшего лица', en: 'Sex of the victim' },
    help: {
      ky: 'ODARA эркектердин аялына же өнөктөшүнө карата зомбулугунун мисалында текшерилген.',
      ru: 'ODARA проверена на случаях насилия мужчин в отношении жён и партнёрш.',
      en: 'ODARA was validated on assaults by men against a female partner.',
    },
  },
  {
    key: 'relationship',
    path: 'context.relationship',
    section: 'context',
    kind: 'choice',
    requirement: 'required',
    options: [
      { value: 'married', label: { ky: 'Никеде (катталган же диний нике)', ru: 'В браке (зарегистрированном или религиозном)', en: 'Married (registered or religious marriage)' } },
      { value: 'cohabiting', label: { ky: 'Никесиз чогуу жашашат', ru: 'Живут вместе без брака', en: 'Living together, not married' } },
      {
        value: 'formerly_cohabiting',
        label: {
          ky: 'Мурда чогуу жашашкан же никеде болушкан (ажырашкан же бөлүнүп кеткен)',
          ru: 'Раньше жили вместе или состояли в браке (расстались или развелись)',
          en: 'Used to live together or be married (separated or divorced)',
        },
      },
      {
        value: 'dating_never_cohabited',
        label: {
          ky: 'Сүйлөшүп жүрүшөт же жүрүшкөн, бирок эч качан чогуу жашашкан эмес',
          ru: 'Встречаются или встречались, но никогда не жили вместе',
          en: 'Dating or used to date, never lived together',
        },
      },
      {
        value: 'other_family_member',
        label: {
          ky: 'Үй-бүлөнүн башка мүчөсү (ата-энеси, баласы, бир тууганы, кайын журту ж.б.)',
          ru: 'Другой член семьи (родитель, ребёнок, брат или сестра, родственник супруга и т. п.)',
          en: 'Another family member (parent, child, brother or sister, in-law, etc.)',
        },
      },
    ],
    text: {
      ky: 'Окуя болгон учурда алардын ортосундагы мамиле',
      ru: 'Отношения между ними на момент инцидента',
      en: 'Their relationship at the time of the incident',
    },
    help: {
      ky: 'Катталбаган диний нике (нике кыйылган) болсо да «Никеде» деп тандаңыз. ODARA жубайлардын жана чогуу жашаган же мурда чогуу жашаган түгөйлөрдүн мисалында текшерилген.',
      ru: 'Выберите «В браке» и при религиозном браке (никях) без регистрации. ODARA проверена на супругах и парах, которые живут или жили вместе.',
      en: 'Choose "married" for an unregistered religious marriage (nikah) too. ODARA was validated on couples who are or were married or living together.',
    },
  },
  {
    key: 'indexIncident',
    path: 'context.indexIncident',
    section: 'context',
    kind: 'choice',
    requirement: 'required',
    options: [
      {
        value: 'physical_contact',
        label: {
          ky: 'Денеге зомбулук (уруу, түртүү, муунтуу, сексуалдык зомбулук ж.б.)',
          ru: 'Физическое насилие (удары, толчки, удушение, сексуальное насилие и т. п.)',
          en: 'Physical violence (hitting, pushing, choking, sexual violence, etc.)',
        },
      },
      {
        value: 'weapon_death_threat',
        label: {
          ky: 'Колунда курал менен өлтүрөм деп чындап коркутуу',
          ru: 'Реальная угроза убийством с оружием в руках',
          en: 'A credible threat to kill, with a weapon in hand',
        },
      },
      {
        value: 'other',
        label: {
          ky: 'Башка (куралсыз коркутуу, кордоо, мүлккө зыян келтирүү, көзөмөлдөө)',
          ru: 'Другое (угрозы без оружия, оскорбления, порча имущества, контроль)',
          en: 'Other (threats without a weapon, insults, damage to property, control)',
        },
      },
    ],
    text: { ky: 'Бул окуяда эмне болду?', ru: 'Что произошло во время этого инцидента?', en: 'What did this incident involve?' },
    help: {
      ky: 'Эң олуттуусун тандаңыз. ODARA денеге зомбулук колдонулган же колунда курал менен өлтүрөм деп чындап коркуткан окуялардын мисалында текшерилген.',
      ru: 'Выберите самое серьёзное. ODARA проверена на инцидентах с физическим насилием или реальной угрозой убийством с оружием в руках.',
      en: 'Choose the most serious. ODARA was validated on incidents with physical violence or a credible threat to kill with a weapon in hand.',
    },
  },
  {
    key: 'policeRecordsChecked',
    path: 'context.policeRecordsChecked',
    section: 'context',
    kind: 'boolean',
    requirement: 'required',
    options: BOOLEAN_OPTIONS,
    text: {
      ky: 'Бул адам боюнча милициянын маалымат базалары текшерилдиби?',
      ru: 'Проверены ли сведения о нём (ней) по базам милиции?',
      en: 'Were police records checked for this person?',
    },
    help: {
      ky: '1–4-пункттар каттоо маалыматтарына негизделет. Алар текшерилбесе, упай төмөн чыгышы мүмкүн жана жыйынтык белгиленип калат.',
      ru: 'Пункты 1–4 основаны на учётных данных. Если они не проверены, балл может оказаться заниженным, и результат будет отмечен.',
      en: 'Items 1-4 rest on records. If they were not checked, the score may be too low and the result is flagged.',
    },
  },
];

const ITEM_QUESTIONS: readonly FormQuestion[] = [
  item(1, 'priorDomesticAssault', {
    text: {
      ky: 'Милициянын же соттун материалдарында анын мурда жубайына (ушул жабырлануучуга же мурдагы жубайына) же жубайынын балдарына кол салганы катталганбы?',
      ru: 'Есть ли в материалах милиции или суда сведения о прежнем нападении на партнёра (это пострадавшее лицо или прежнего партнёра) либо на детей партнёра?',
      en: "Is there a police or court record of an earlier assault on a partner (this victim or a former one) or on a partner's children?",
    },
    help: {
      ky: 'Ушул окуяга чейин болуп, милициянын же соттун материалдарында катталган кол салууларды эсептеңиз: аны кол салган адам катары көрсөткөн арыз, айыптоо же өкүм. Ушул окуянын өзү эсептелбейт.',
      ru: 'Учитывайте нападения до этого инцидента, отражённые в материалах милиции или суда: заявление, где он(а) указан(а) как нападавший(-ая), обвинение или приговор. Сам этот инцидент не учитывается.',
      en: 'Count assaults before this incident that appear in police or court records: a report naming the person as the assailant, a charge or a conviction. Do not count this incident.',
    },
  }),
  item(2, 'priorNonDomesticAssault', {
    text: {
      ky: 'Милициянын же соттун материалдарында анын жубайынан жана балдардан башка бирөөгө кол салганы катталганбы?',
      ru: 'Есть ли в материалах милиции или суда сведения о его (её) нападении на кого-либо, кроме партнёра и детей?',
      en: 'Is there a police or court record of an assault by the person on anyone other than a partner or children?',
    },
    help: {
      ky: 'Бейтааныш адамдарга, досторуна, туугандарына, кошуналарына же жубайы жана үй-бүлөдөгү балдар эмес башка бирөөгө кол салганы катталган болсо, эсептеңиз.',
      ru: 'Учитывайте зафиксированные нападения на незнакомых, друзей, родственников, соседей и любых других лиц, кроме партнёра и детей в семье.',
      en: 'Count recorded assaults on strangers, friends, relatives, neighbours or anyone else who is not a partner or a child in the family.',
    },
  }),
  item(3, 'priorCustody30Days', {
    text: {
      ky: 'Ал мурда 30 күн же андан көп мөөнөткө эркинен ажыратуу же камак жазасын өтөгөнбү?',
      ru: 'Отбывал(а) ли он(а) ранее наказание в виде лишения свободы или ареста сроком 30 дней и более?',
      en: 'Has the person ever served a custodial sentence of 30 days or more?',
    },
    help: {
      ky: 'Кандай гана укук бузуу үчүн болбосун, мурда кеминде 30 күнгө эркинен ажыратуу же камак жазасы эсептелет.',
      ru: 'Учитывается любое прежнее наказание в виде лишения свободы или ареста не менее 30 дней, за любое правонарушение.',
      en: 'Any earlier sentence of at least 30 days of imprisonment or arrest, for any offence.',
    },
  }),
  item(4, 'priorConditionalReleaseFailure', {
    text: {
      ky: 'Ал мурда бошотуунун же ордердин шарттарын (күрөө, пробация, мөөнөтүнөн мурда шарттуу бошотуу, коргоо ордери, байланышууга тыюу) бузганбы?',
      ru: 'Нарушал(а) ли он(а) ранее условия освобождения или ордера (залог, пробация, условно-досрочное освобождение, охранный ордер, запрет на контакт)?',
      en: 'Has the person ever broken the conditions of a release or order (bail, probation, parole, a protection or no-contact order)?',
    },
    help: {
      ky: 'Күрөө менен бошотулганда, пробацияда, мөөнөтүнөн мурда шарттуу бошотулганда же коргоо ордери, байланышууга тыюу күчүндө турганда шарттарды бузуу, көзөмөл мезгилинде жаңы укук бузуу же сотко келбей калуу эсептелет.',
      ru: 'Учитывается любое нарушение условий, новое правонарушение в период надзора или неявка в суд во время освобождения под залог, пробации, условно-досрочного освобождения либо действия охранного ордера или запрета на контакт.',
      en: 'Count any breach of conditions, new offence under supervision, or failure to appear in court while on bail, probation or parole, or under a protection or no-contact order.',
    },
  }),
  item(5, 'threatToHarmOrKill', {
    text: {
      ky: 'Ушул окуя учурунда ал кимдир бирөөгө зыян келтирем же өлтүрөм деп коркуттубу?',
      ru: 'Угрожал(а) ли он(а) во время этого инцидента причинить вред или убить кого-либо?',
      en: 'During this incident, did the person threaten to harm or kill anyone?',
    },
    help: {
      ky: 'Ушул окуя учурунда сөз же кыймыл менен жабырлануучуну же башка адамды (балдарды, туугандарды ж.б.) майып кылам же өлтүрөм деп коркутуу эсептелет.',
      ru: 'Учитывается любая угроза словами или жестами покалечить или убить пострадавшее лицо или другого человека (детей, родственников и т. д.), высказанная во время этого инцидента.',
      en: 'Any threat, in words or gestures, to injure or kill the victim or another person (children, relatives, others) made during this incident.',
    },
  }),
  item(6, 'confinement', {
    text: {
      ky: 'Ушул окуя учурунда ал жабырлануучуну кетирбей кармап турдубу?',
      ru: 'Удерживал(а) ли он(а) пострадавшее лицо во время этого инцидента, не давая уйти?',
      en: 'During this incident, did the person keep the victim from leaving?',
    },
    help: {
      ky: 'Мисалы, эшикти кулпулап койгон, күч менен кармаган, чыгуучу жолду тосуп алган же кетпесин деп ачкычын же телефонун тартып алган.',
      ru: 'Например, запирал(а) дверь, удерживал(а) силой, преграждал(а) выход, отбирал(а) ключи или телефон, чтобы не дать уйти.',
      en: 'For example locking a door, holding the victim down, blocking the way out, or taking keys or a phone to keep the victim there.',
    },
  }),
  item(7, 'victimFearsFutureAssault', {
    text: {
      ky: 'Жабырлануучу ал дагы кол салат деп коркоорун айтабы?',
      ru: 'Говорит ли пострадавшее лицо, что боится новых нападений?',
      en: 'Does the victim say she or he is afraid of further assaults?',
    },
    help: {
      ky: 'Жабырлануучудан сураңыз жана сиздин оюңузду эмес, анын өз жообун белгилеңиз. Өлтүрүп коёт деп коркуу да эсептелет.',
      ru: 'Спросите пострадавшее лицо и запишите его собственный ответ, а не ваше впечатление. Страх быть убитым(-ой) тоже учитывается.',
      en: 'Ask the victim and record her or his own answer, not your impression. Fear of being killed counts.',
    },
  }),
  item(8, 'moreThanOneChild', {
    text: {
      ky: 'Алардын баары болуп бирден көп баласы барбы (биргелешкен балдары жана ар биринин балдары)?',
      ru: 'Больше ли одного ребёнка у них всего (общие дети и дети каждого из них)?',
      en: 'Do they have more than one child altogether (his, hers, or theirs together)?',
    },
    help: {
      ky: 'Экөөнүн тең ушул жана мурдагы мамилелеринен болгон балдарын, алар менен чогуу жашаса да, жашабаса да эсептеңиз.',
      ru: 'Считайте детей каждого из них от этих и любых прежних отношений, независимо от того, живут ли дети с ними.',
      en: 'Count the children of either of them from this or any earlier relationship, whether or not the children live with them.',
    },
  }),
  item(9, 'victimChildFromPriorPartner', {
    text: {
      ky: 'Жабырлануучунун мурдагы жубайынан (өнөктөшүнөн) болгон өз баласы барбы?',
      ru: 'Есть ли у пострадавшего лица родной ребёнок от прежнего партнёра?',
      en: 'Does the victim have a biological child with a previous partner?',
    },
    help: {
      ky: 'Жабырлануучунун мурдагы мамилесинен болгон баласы, ал алар менен чогуу жашаса да, жашабаса да эсептелет.',
      ru: 'Учитывается ребёнок пострадавшего лица от прежних отношений, независимо от того, живёт ли он с ними.',
      en: 'A child of the victim from an earlier relationship, whether or not the child lives with them.',
    },
  }),
  item(10, 'violenceAgainstOthers', {
    text: {
      ky: 'Ал жубайынан жана балдардан башка бирөөгө зомбулук көрсөткөнбү?',
      ru: 'Применял(а) ли он(а) насилие к кому-либо, кроме партнёра и детей?',
      en: 'Has the person been violent towards anyone other than a partner or children?',
    },
    help: {
      ky: 'Милициянын материалдары гана эмес, ар кандай ишенимдүү маалымат эсептелет: жабырлануучунун, күбөлөрдүн, туугандардын айтканы. Мушташуу, сабоо же башка адамдарга кол салуу эсептелет.',
      ru: 'Учитываются любые надёжные сведения, не только материалы милиции: со слов пострадавшего лица, свидетелей, родственников. Засчитываются драки, избиения, нападения на других людей.',
      en: 'From any reliable source, not only police records: the victim, witnesses, relatives. Fights, beatings or attacks on others count.',
    },
  }),
  item(
    11,
    'substanceAbuse',
    {
      text: {
        ky: 'Ал спирт ичимдиктерин же баңгизаттарды ашыкча колдонобу?',
        ru: 'Злоупотребляет ли он(а) алкоголем или наркотиками?',
        en: 'Does the person abuse alcohol or drugs?',
      },
      help: {
        ky: 'Төмөндөгү бөлүмдөгү сегиз белгиге жооп бериңиз — пункт алар боюнча аныкталат: эки же андан көп белги болсо «Ооба». Белгилерди толтуруу мүмкүн болбогондо гана бул жерде жооп бериңиз.',
        ru: 'Ответьте на восемь признаков в разделе ниже — пункт будет определён по ним: «Да» при двух и более признаках. Отвечайте здесь, только если пройти признаки невозможно.',
        en: 'Answer the eight signs in the section below and the item is worked out from them: yes with two or more. Answer here only if you cannot go through the signs.',
      },
    },
    'requiredUnlessIndicatorsGiven',
  ),
  item(12, 'assaultedVictimWhilePregnant', {
    text: {
      ky: 'Жабырлануучу кош бойлуу кезинде ал ага кол салганбы?',
      ru: 'Нападал(а) ли он(а) когда-либо на пострадавшую во время её беременности?',
      en: 'Has the person ever assaulted the victim while she was pregnant?',
    },
    help: {
      ky: 'Жабырлануучу кош бойлуу кезинде ага кол салганы тууралуу ар кандай булактан белгилүү болгон маалымат эсептелет. Бул мамиледе кош бойлуулук болбосо, «Жок» деп белгилеңиз.',
      ru: 'Учитывается любое известное нападение на пострадавшую во время беременности, из любого источника. Если беременности в этих отношениях не было, отметьте «Нет».',
      en: 'Any known assault on the victim during a pregnancy, from any source. If there was no pregnancy in this relationship, answer no.',
    },
  }),
  item(
    13,
    'barriersToSupport',
    {
      text: {
        ky: 'Жабырлануучунун жардам алуусуна тоскоолдуктар барбы?',
        ru: 'Есть ли у пострадавшего лица препятствия для получения помощи?',
        en: 'Does the victim face any barrier to getting support?',
      },
      help: {
        ky: 'Төмөндөгү бөлүмдөгү беш тоскоолдукка жооп бериңиз — пункт алар боюнча аныкталат: жок дегенде бирөө болсо «Ооба». Аларды толтуруу мүмкүн болбогондо гана бул жерде жооп бериңиз.',
        ru: 'Ответьте на пять препятствий в разделе ниже — пункт будет определён по ним: «Да», если есть хотя бы одно. Отвечайте здесь, только если пройти их невозможно.',
        en: 'Answer the five barriers in the section below and the item is worked out from them: yes with at least one. Answer here only if you cannot go through the barriers.',
      },
    },
    'requiredUnlessIndicatorsGiven',
  ),
];

const SUBSTANCE_QUESTIONS: readonly FormQuestion[] = [
  indicator('substanceIndicators', 'alcoholAtIndex', {
    text: {
      ky: 'Ушул окуя учурунда ал мас болгонбу (спирт ичимдик ичкенби)?',
      ru: 'Был(а) ли он(а) в состоянии алкогольного опьянения во время этого инцидента?',
      en: 'Had the person been drinking at the time of this incident?',
    },
    help: {
      ky: 'Окуянын алдында же учурунда спирт ичимдик ичкени — кызматкерлер байкаган же жабырлануучу, күбөлөр айткан маалымат боюнча.',
      ru: 'Употреблял(а) алкоголь непосредственно перед инцидентом или во время него — по наблюдению сотрудников или со слов пострадавшего лица или свидетелей.',
      en: 'Drinking just before or during the incident, as seen by police or reported by the victim or witnesses.',
    },
  }),
  indicator('substanceIndicators', 'drugsAtIndex', {
    text: {
      ky: 'Ушул окуя учурунда ал баңгизаттын таасиринде болгонбу?',
      ru: 'Был(а) ли он(а) под действием наркотиков во время этого инцидента?',
      en: 'Had the person taken drugs at the time of this incident?',
    },
    help: {
      ky: 'Окуянын алдында же учурунда баңгизат колдонгону — кызматкерлер байкаган же жабырлануучу, күбөлөр айткан маалымат боюнча.',
      ru: 'Употреблял(а) наркотики непосредственно перед инцидентом или во время него — по наблюдению сотрудников или со слов пострадавшего лица или свидетелей.',
      en: 'Drug use just before or during the incident, as seen by police or reported by the victim or witnesses.',
    },
  }),
  indicator('substanceIndicators', 'historyOfUse', {
    text: {
      ky: 'Ал мурда спирт ичимдиктерин же баңгизаттарды ашыкча колдонуп жүргөнбү?',
      ru: 'Злоупотреблял(а) ли он(а) алкоголем или наркотиками в прошлом?',
      en: 'Does the person have a history of heavy drinking or drug use?',
    },
    help: {
      ky: 'Бир жолку учур эмес, мурда үзгүлтүксүз колдонгону эсептелет.',
      ru: 'Речь о систематическом употреблении в прошлом, а не о единичном случае.',
      en: 'A pattern in the past, not a single occasion.',
    },
  }),
  indicator('substanceIndicators', 'increasedUse', {
    text: {
      ky: 'Акыркы убакта ал мурдагыга караганда көбүрөөк ичип же баңгизат колдонуп калдыбы?',
      ru: 'Стал(а) ли он(а) в последнее время больше пить или употреблять наркотики?',
      en: 'Has the person been drinking or using drugs more than before?',
    },
    help: {
      ky: 'Акыркы убакта канчалык тез-тез же канча көп колдонгону көбөйгөнү эсептелет.',
      ru: 'Учитывается недавнее увеличение частоты или количества.',
      en: 'A recent rise in how often or how much.',
    },
  }),
  indicator('substanceIndicators', 'moreViolentWhenUsing', {
    text: {
      ky: 'Ал ичкенде же баңгизат колдонгондо катуураак зомбулук көрсөтөбү?',
      ru: 'Становится ли он(а) агрессивнее в состоянии опьянения?',
      en: 'Is the person more violent when drinking or on drugs?',
    },
    help: {
      ky: 'Жабырлануучу же башкалар ал ичкенде же баңгизат колдонгондо зомбулук же коркутуу күчөйт деп айтышат.',
      ru: 'Пострадавшее лицо или другие говорят, что насилие или угрозы усиливаются, когда он(а) выпьет или употребит наркотики.',
      en: 'The victim or others say violence or threats get worse after drinking or drug use.',
    },
  }),
  indicator('substanceIndicators', 'substanceRelatedOffence', {
    text: {
      ky: 'Ал спирт ичимдиги же баңгизат менен байланышкан укук бузуу үчүн жоопко тартылганбы?',
      ru: 'Привлекался(-ась) ли он(а) к ответственности за правонарушение, связанное с алкоголем или наркотиками?',
      en: 'Has the person been charged with or convicted of an alcohol- or drug-related offence?',
    },
    help: {
      ky: 'Мисалы, мас абалында унаа айдоо, баңгизат сактоо же мас абалында жасалган укук бузуу.',
      ru: 'Например, вождение в нетрезвом виде, хранение наркотиков или правонарушение в состоянии опьянения.',
      en: 'For example drink-driving, drug possession, or an offence committed while drunk.',
    },
  }),
  indicator('substanceIndicators', 'alcoholProblem', {
    text: {
      ky: 'Анын спирт ичимдигине байланышкан көйгөйү барбы?',
      ru: 'Есть ли у него (неё) проблема с алкоголем?',
      en: 'Does the person have a drinking problem?',
    },
    help: {
      ky: 'Жабырлануучу, туугандары, дарыгер же өзү ушундай деп айтса, же ичкиликтен дарыланган болсо.',
      ru: 'По словам пострадавшего лица, родственников, врача или его (её) самого, либо если было лечение от алкоголизма.',
      en: 'Said by the victim, family, a doctor or the person, or shown by treatment for drinking.',
    },
  }),
  indicator('substanceIndicators', 'drugProblem', {
    text: {
      ky: 'Анын баңгизатка байланышкан көйгөйү барбы?',
      ru: 'Есть ли у него (неё) проблема с наркотиками?',
      en: 'Does the person have a drug problem?',
    },
    help: {
      ky: 'Жабырлануучу, туугандары, дарыгер же өзү ушундай деп айтса, же баңгизатка көз карандылыктан дарыланган болсо.',
      ru: 'По словам пострадавшего лица, родственников, врача или его (её) самого, либо если было лечение от наркозависимости.',
      en: 'Said by the victim, family, a doctor or the person, or shown by treatment for drug use.',
    },
  }),
];

const BARRIER_QUESTIONS: readonly FormQuestion[] = [
  indicator('supportBarriers', 'childrenInCare', {
    text: {
      ky: 'Жабырлануучунун карамагында балдар барбы?',
      ru: 'Есть ли на попечении пострадавшего лица дети?',
      en: 'Does the victim have children in her or his care?',
    },
    help: {
      ky: 'Жабырлануучу баккан ар кандай балдар — өзүнүкү же башкалардыкы.',
      ru: 'Любые дети, о которых заботится пострадавшее лицо, свои или чужие.',
      en: "Any children the victim looks after, her or his own or others'.",
    },
  }),
  indicator('supportBarriers', 'noPhone', {
    text: {
      ky: 'Жабырлануучунун колдоно турган телефону жокпу?',
      ru: 'Лишено ли пострадавшее лицо возможности пользоваться телефоном?',
      en: 'Is the victim without a phone she or he can use?',
    },
    help: {
      ky: 'Өзүнүн телефону жок, же зомбулук көрсөткөн адам анын телефонун көзөмөлдөйт же тартып алган.',
      ru: 'Нет своего телефона, или лицо, совершившее насилие, контролирует телефон либо отобрало его.',
      en: 'No phone of her or his own, or the person controls it or has taken it.',
    },
  }),
  indicator('supportBarriers', 'noTransport', {
    text: {
      ky: 'Жабырлануучунун жардам алуу үчүн бара турган унаасы жокпу?',
      ru: 'Лишено ли пострадавшее лицо транспорта, чтобы добраться до помощи?',
      en: 'Is the victim without transport to reach help?',
    },
    help: {
      ky: 'Өз унаасы жок, жакын жерде коомдук транспорт жок же жол киреге акчасы жок.',
      ru: 'Нет своей машины, поблизости нет общественного транспорта или нет денег на проезд.',
      en: 'No vehicle, no public transport nearby, or no money for the fare.',
    },
  }),
  indicator('supportBarriers', 'geographicIsolation', {
    text: {
      ky: 'Жабырлануучу алыскы же обочолонгон жерде жашайбы?',
      ru: 'Живёт ли пострадавшее лицо в отдалённом или изолированном месте?',
      en: 'Does the victim live somewhere remote or isolated?',
    },
    help: {
      ky: 'Мисалы, алыскы айыл, жайлоо же кышында кар басып, ашуулар жабылып, жолу үзүлүп калган жер.',
      ru: 'Например, дальнее село, жайлоо или место, отрезанное зимой снегом или закрытыми перевалами.',
      en: 'For example a distant village, a summer pasture (jailoo), or a place cut off in winter by snow or closed passes.',
    },
  }),
  indicator('supportBarriers', 'ownSubstanceUse', {
    text: {
      ky: 'Жабырлануучунун өзүнүн спирт ичимдигине же баңгизатка байланышкан көйгөйү барбы?',
      ru: 'Злоупотребляет ли само пострадавшее лицо алкоголем или наркотиками?',
      en: 'Does the victim have an alcohol or drug problem herself or himself?',
    },
    help: {
      ky: 'Жабырлануучунун өзү ичкени же баңгизат колдонгону жардам сурап кайрылууга же жардам алууга тоскоол болот.',
      ru: 'Собственное употребление алкоголя или наркотиков пострадавшим лицом мешает обратиться за помощью или получить её.',
      en: "The victim's own drinking or drug use makes it harder to ask for or get help.",
    },
  }),
];

const DANGER_QUESTIONS: readonly FormQuestion[] = [
  danger('critical', 'usedOrThreatenedWeapon', {
    text: {
      ky: 'Ал качан болбосун сизге каршы курал колдонгонбу же сизди курал менен коркутканбы?',
      ru: 'Применял(а) ли он(а) когда-нибудь против вас оружие или угрожал(а) вам оружием?',
      en: 'Has he or she ever used a weapon against you or threatened you with a weapon?',
    },
    help: {
      ky: 'Жаракат келтирүүгө же коркутууга колдонулган нерсенин баары курал болуп эсептелет: бычак, мылтык, балта, таяк, оор буюм.',
      ru: 'Оружием считается всё, чем можно ранить или запугать: нож, ружьё, топор, палка, тяжёлый предмет.',
      en: 'A weapon is anything used to hurt or frighten: a knife, gun, axe, stick, heavy object.',
    },
  }),
  danger('critical', 'threatenedToKill', {
    text: {
      ky: 'Ал сизди же балдарыңызды өлтүрөм деп коркутканбы?',
      ru: 'Угрожал(а) ли он(а) убить вас или ваших детей?',
      en: 'Has he or she threatened to kill you or your children?',
    },
    help: {
      ky: 'Качан болбосун сөз, билдирүү же кыймыл менен өлтүрөм деп коркутуу.',
      ru: 'Любая угроза убийством в любое время — словами, сообщениями или жестами.',
      en: 'Any threat to kill, at any time, in words, messages or gestures.',
    },
  }),
  danger('critical', 'believesMightKill', {
    text: {
      ky: 'Ал сизди өлтүрүүгө аракет кылышы мүмкүн деп ойлойсузбу?',
      ru: 'Как вы думаете, может ли он(а) попытаться вас убить?',
      en: 'Do you think he or she might try to kill you?',
    },
    help: {
      ky: 'Сиздин оюңузду эмес, жабырлануучунун өз жообун белгилеңиз.',
      ru: 'Запишите ответ самого пострадавшего лица, а не ваше впечатление.',
      en: "Record the victim's own answer, not your impression.",
    },
  }),
  danger('further', 'hasOrCanGetGun', {
    text: {
      ky: 'Анын ок атуучу куралы барбы же аны оңой таба алабы?',
      ru: 'Есть ли у него (неё) огнестрельное оружие или может ли он(а) легко его достать?',
      en: 'Does he or she have a gun or could easily get one?',
    },
    help: {
      ky: 'Ар кандай ок атуучу курал, анын ичинде мергенчилик мылтыгы, үйдө же колу жеткен жерде.',
      ru: 'Любое огнестрельное оружие, в том числе охотничье ружьё, дома или в доступе.',
      en: 'Any firearm, a hunting rifle included, at home or within reach.',
    },
  }),
  danger('further', 'triedToChoke', {
    text: {
      ky: 'Ал качан болбосун сизди муунтууга аракет кылганбы?',
      ru: 'Пытался(-ась) ли он(а) когда-нибудь вас душить?',
      en: 'Has he or she ever tried to choke or strangle you?',
    },
    help: {
      ky: 'Кыска убакытка болсо да, моюнду кысуу же дем алууга тоскоол кылуу.',
      ru: 'Любое сдавливание шеи или перекрывание дыхания, даже кратковременное.',
      en: 'Any pressure on the neck or blocking of breathing, however brief.',
    },
  }),
  danger('further', 'violentlyJealousOrControlling', {
    text: {
      ky: 'Ал сизди катуу же дайыма кызганабы, же күнүмдүк иштериңиздин көбүн көзөмөлдөйбү?',
      ru: 'Он(а) жестоко или постоянно ревнует вас или контролирует большую часть ваших повседневных дел?',
      en: 'Is he or she violently or constantly jealous, or does he or she control most of your daily activities?',
    },
    help: {
      ky: 'Мисалы, кайда барарыңызды жана ким менен көрүшөрүңүздү чечет, телефонуңузду текшерет, акчаңызды же документтериңизди алып коёт.',
      ru: 'Например, решает, куда вам ходить и с кем видеться, проверяет ваш телефон, забирает деньги или документы.',
      en: 'For example deciding where you go and whom you see, checking your phone, keeping your money or documents.',
    },
  }),
  danger('further', 'separatedAfterLivingTogether', {
    text: {
      ky: 'Чогуу жашагандан же никеден кийин андан кетип калдыңызбы же ажырашып кеттиңиздерби?',
      ru: 'Вы ушли от него (неё) или расстались после совместной жизни или брака?',
      en: 'Have you left or separated from him or her after living together or being married?',
    },
    help: {
      ky: 'Азыр болуп жаткан ажырашууну да эсептеңиз.',
      ru: 'Учитывайте и расставание, которое происходит сейчас.',
      en: 'Count a separation that is happening now as well.',
    },
  }),
  danger('further', 'unemployed', {
    text: { ky: 'Ал азыр жумушсузбу?', ru: 'Он(а) сейчас без работы?', en: 'Is he or she unemployed?' },
    help: {
      ky: 'Туруктуу акы төлөнүүчү жумушу жок.',
      ru: 'Нет постоянной оплачиваемой работы.',
      en: 'Without regular paid work.',
    },
  }),
  danger('further', 'attemptedSuicide', {
    text: {
      ky: 'Ал качан болбосун өз жанын кыюуга аракет кылганбы?',
      ru: 'Пытался(-ась) ли он(а) когда-нибудь покончить с собой?',
      en: 'Has he or she ever tried to kill himself or herself?',
    },
    help: {
      ky: 'Жабырлануучуга белгилүү болгон ар кандай аракет, канча мурда болсо да.',
      ru: 'Любая попытка, известная пострадавшему лицу, когда бы она ни была.',
      en: 'Any attempt the victim knows of, however long ago.',
    },
  }),
  danger('further', 'childNotTheirs', {
    text: {
      ky: 'Сиздин ал өзүнүн баласы эмес экенин билген балаңыз барбы?',
      ru: 'Есть ли у вас ребёнок, о котором он(а) знает, что это не его (её) ребёнок?',
      en: 'Do you have a child that he or she knows is not his or hers?',
    },
    help: {
      ky: 'Сиздин башка мамиледен болгон балаңыз, ал бул тууралуу билет.',
      ru: 'Ваш ребёнок от других отношений, о котором он(а) знает.',
      en: 'A child of yours from another relationship, known to him or her.',
    },
  }),
  danger('further', 'stalksOrThreatens', {
    text: {
      ky: 'Ал сиздин артыңыздан түшүп аңдып жүрөбү же коркуткан билдирүүлөрдү жөнөтөбү?',
      ru: 'Преследует ли он(а) вас, следит ли за вами или оставляет угрожающие сообщения?',
      en: 'Does he or she follow or spy on you, or leave threatening messages?',
    },
    help: {
      ky: 'Өзү, телефон аркылуу, интернетте же башка адамдар аркылуу.',
      ru: 'Лично, по телефону, в интернете или через других людей.',
      en: 'In person, by phone, online or through other people.',
    },
  }),
];

const OFFICER_QUESTIONS: readonly FormQuestion[] = [
  {
    key: 'officerBelievesHighDanger',
    path: 'immediateDanger.officerBelievesHighDanger',
    section: 'officer',
    kind: 'boolean',
    requirement: 'required',
    options: BOOLEAN_OPTIONS,
    text: {
      ky: 'Жогорудагы жоопторго карабастан, жабырлануучу чоң коркунучта деп эсептейсизби?',
      ru: 'Считаете ли вы, что пострадавшее лицо в высокой опасности, независимо от ответов выше?',
      en: 'Do you believe the victim is in high danger, whatever the answers above?',
    },
    help: {
      ky: 'Өмүргө түз коркунуч болгондо көрүлүүчү чараларды баштоо үчүн сиздин кесиптик баалооңуз жетиштүү.',
      ru: 'Вашей профессиональной оценки достаточно, чтобы начать действия при непосредственной угрозе жизни.',
      en: 'Your professional judgement alone is enough to start the immediate-danger protocol.',
    },
  },
  {
    key: 'officerConcern',
    path: 'immediateDanger.officerConcern',
    section: 'officer',
    kind: 'text',
    requirement: 'optional',
    options: [],
    text: {
      ky: 'Сизди эмне тынчсыздандырат? (милдеттүү эмес)',
      ru: 'Что вызывает у вас беспокойство? (необязательно)',
      en: 'What concerns you? (optional)',
    },
    help: {
      ky: 'Эмнени көргөнүңүздү же укканыңызды жазыңыз. Бул жерге жабырлануучунун дарегин же телефон номерин жазбаңыз.',
      ru: 'Опишите, что вы видели или слышали. Не указывайте здесь адрес или телефон пострадавшего лица.',
      en: "Describe what you saw or heard. Do not write the victim's address or phone number here.",
    },
  },
  {
    key: 'overridePriority',
    path: 'override.priority',
    section: 'officer',
    kind: 'choice',
    requirement: 'optional',
    options: PRIORITY_OPTIONS,
    text: {
      ky: 'Жолдомонун шашылыштык деңгээлин жогорулатуу (милдеттүү эмес)',
      ru: 'Повысить приоритет направления (необязательно)',
      en: 'Raise the referral priority (optional)',
    },
    help: {
      ky: 'Сиздин баалооңуз ушул сурамжылоо боюнча эсептелген деңгээлди жогорулата алат, бирок төмөндөтө албайт. Андан жогору болбогон тандоо жазылып калат, бирок эч нерсени өзгөртпөйт.',
      ru: 'Ваша оценка может повысить приоритет, рассчитанный по этому опросу, но не понизить его. Выбор не выше рассчитанного записывается, но ничего не меняет.',
      en: 'Your judgement may raise the priority worked out from this screening, never lower it. A choice that is not higher is recorded but changes nothing.',
    },
  },
  {
    key: 'overrideReason',
    path: 'override.reason',
    section: 'officer',
    kind: 'text',
    requirement: 'requiredWithOverride',
    options: [],
    text: {
      ky: 'Деңгээлди эмне үчүн жогорулатып жатасыз?',
      ru: 'Почему вы повышаете приоритет?',
      en: 'Why are you raising the priority?',
    },
    help: {
      ky: 'Деңгээлди жогорулатсаңыз, бул талаа милдеттүү түрдө толтурулат. Бул жерге жабырлануучунун дарегин же телефон номерин жазбаңыз.',
      ru: 'Обязательно, если вы повышаете приоритет. Не указывайте здесь адрес или телефон пострадавшего лица.',
      en: "Required when you raise the priority. Do not write the victim's address or phone number here.",
    },
  },
];

/** The police screening form in Kyrgyz, Russian and English, in the order an officer fills it in. */
export const ODARA_FORM: OdaraForm = deepFreeze({
  version: 'odara-form-2026.1',
  sections: SECTIONS,
  questions: [
    ...CONTEXT_QUESTIONS,
    ...ITEM_QUESTIONS,
    ...SUBSTANCE_QUESTIONS,
    ...BARRIER_QUESTIONS,
    ...DANGER_QUESTIONS,
    ...OFFICER_QUESTIONS,
  ],
});
