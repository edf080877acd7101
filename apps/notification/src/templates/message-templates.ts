import {
  AttendanceMark,
  CALENDAR_DATE,
  InboxEntryKind,
  isSettlementCode,
  settlementByCode,
  Language,
  ORDER_NUMBER,
  REFERRAL_NUMBER,
  RefusalGround,
  RoutingPriority,
} from '@korgoo/contracts';

export type MessageKind = InboxEntryKind;

/**
 * What any message may say. Nothing about the perpetrator, the victim or the order's free text is here:
 * the event payloads carry none of it, and templates take only these fields.
 */
export interface MessageFacts {
  /** Every message names its referral, except an immediate-danger alert, which precedes any referral. */
  referralNumber?: string;
  priority?: RoutingPriority;
  acknowledgeBy?: string;
  firstSessionAt?: string;
  /** The centre's directory name, for messages to coordinators about a centre and notices to the police. */
  centreName?: string;
  /** The police order number, on an Article 72 notice and on news that one could not be delivered. */
  orderNumber?: string;
  /** The police unit's directory name, when coordinators must chase a unit. */
  unitName?: string;
  /** The Article 72 notice: what was offered, what was missed and when; codes and dates only. */
  refusal?: RefusalFacts;
  /** A programme alert: the session left unrecorded, or the days left before the order ends. */
  sessionIndex?: number;
  daysBeforeExpiry?: number;
  expiresAt?: string;
  /** A new referral whose sessions are held at the centre's outreach point: that point's settlement (gazetteer code). */
  outreachSettlementCode?: string;
  /** An immediate-danger alert: the settlement (gazetteer code) where the person is, nothing more precise. */
  settlementCode?: string;
  /** A monitoring meeting after completion that fell due: which one, how long after, and when. */
  meetingNumber?: number;
  monthsAfterCompletion?: number;
  dueAt?: string;
  /** The re-check day (YYYY-MM-DD) of a programme closed for treatment first. */
  recheckOn?: string;
  /** Why a referral proposed to a centre was taken back from it: a facilitator away, or its deadline passed. */
  withdrawalReason?: 'facilitator_away' | 'deadline_passed';
  /** A small group meeting decided a set time before it: when the session now meets, and when it did. */
  sessionStartsAt?: string;
  previousStartsAt?: string;
  /** How many the meeting has, when it runs below its minimum. */
  participants?: number;
}

export interface RefusalFacts {
  ground: RefusalGround;
  refusalPolicy: string;
  sessionsOffered: number;
  missed: Array<{ index: number; startsAt: string; mark: AttendanceMark }>;
  expiresAt: string;
  reportedAt: string;
}

export type Translations = Record<Language, string>;

export class InvalidReferralNumber extends Error {}

function checkedNumber(referralNumber: unknown): string {
  if (typeof referralNumber !== 'string' || !REFERRAL_NUMBER.test(referralNumber)) {
    throw new InvalidReferralNumber('a message names a referral only by its number R-YYYY-NNNNNN');
  }
  return referralNumber;
}

export class InvalidOrderNumber extends Error {}

function checkedOrderNumber(orderNumber: unknown): string {
  if (typeof orderNumber !== 'string' || !ORDER_NUMBER.test(orderNumber)) {
    throw new InvalidOrderNumber('an immediate-danger alert names the order by its police number');
  }
  return orderNumber;
}

/** What a message is about: the referral's number, or the order's for an alert that precedes any referral. */
function reference(kind: MessageKind, facts: MessageFacts): string {
  return kind === 'immediate_danger' ? checkedOrderNumber(facts.orderNumber) : checkedNumber(facts.referralNumber);
}

/**
 * SMS and Telegram: anyone holding the phone can read them, so they say that there is something to open
 * in Korgoo and name the referral number, nothing more (no other digit either: not even an article number).
 */
const SHORT_TEXTS: Record<Exclude<MessageKind, 'immediate_danger'>, (n: string) => Translations> = {
  referral_routed: (n) => ({
    ky: `Korgoo: жаңы жолдомо ${n}. Сураныч, Korgoo системасындагы кирүүчү билдирүүлөрдү ачыңыз.`,
    ru: `Korgoo: новое направление ${n}. Пожалуйста, откройте входящие в Korgoo.`,
    en: `New referral ${n} in Korgoo, please open the inbox.`,
  }),
  referral_cancelled: (n) => ({
    ky: `Korgoo: ${n} жолдомосу жокко чыгарылды. Толугураак Korgoo системасында.`,
    ru: `Korgoo: направление ${n} отменено. Подробности во входящих в Korgoo.`,
    en: `Korgoo: referral ${n} was cancelled. Details are in the Korgoo inbox.`,
  }),
  referral_withdrawn: (n) => ({
    ky: `Korgoo: ${n} жолдомосу сиздин борбордон кайтарылып алынды. Толугураак Korgoo системасында.`,
    ru: `Korgoo: направление ${n} отозвано из вашего центра. Подробности во входящих в Korgoo.`,
    en: `Korgoo: referral ${n} was withdrawn from your centre. Details are in the Korgoo inbox.`,
  }),
  referral_unroutable: (n) => ({
    ky: `Korgoo: ${n} жолдомосу үчүн борбор табылган жок, координатордун чечими керек. Korgoo системасын ачыңыз.`,
    ru: `Korgoo: для направления ${n} не найден центр, нужно решение координатора. Откройте Korgoo.`,
    en: `Korgoo: no centre could take referral ${n}; a coordinator must decide. Please open Korgoo.`,
  }),
  referral_escalated: (n) => ({
    ky: `Korgoo: ${n} жолдомосу координаторго өткөрүлдү, чечим керек. Korgoo системасын ачыңыз.`,
    ru: `Korgoo: направление ${n} передано координатору, нужно решение. Откройте Korgoo.`,
    en: `Korgoo: referral ${n} was escalated; a coordinator must decide. Please open Korgoo.`,
  }),
  referral_decision_reminder: (n) => ({
    ky: `Korgoo: эскертүү: ${n} жолдомосу дагы эле координатордун чечимин күтүп жатат. Korgoo системасын ачыңыз.`,
    ru: `Korgoo: напоминание: направление ${n} всё ещё ждёт решения координатора. Откройте Korgoo.`,
    en: `Korgoo: reminder: referral ${n} still waits for a coordinator's decision. Please open Korgoo.`,
  }),
  referral_expired: (n) => ({
    ky: `Korgoo: борбор ${n} жолдомосун убагында тастыктаган жок. Korgoo системасын ачыңыз.`,
    ru: `Korgoo: центр не подтвердил направление ${n} вовремя. Откройте Korgoo.`,
    en: `Korgoo: a centre did not acknowledge referral ${n} in time. Please open Korgoo.`,
  }),
  centre_unreachable: (n) => ({
    ky: `Korgoo: ${n} жолдомосу боюнча борборго кабар жеткирилген жок. Korgoo системасын ачыңыз.`,
    ru: `Korgoo: не удалось связаться с центром по направлению ${n}. Откройте Korgoo.`,
    en: `Korgoo: a centre could not be reached about referral ${n}. Please open Korgoo.`,
  }),
  article72_notice: (n) => ({
    ky: `Korgoo: ${n} жолдомосу боюнча программадан баш тартуу жөнүндө кабарлама. Korgoo системасын ачып, тастыктаңыз.`,
    ru: `Korgoo: уведомление об отказе от программы по направлению ${n}. Откройте Korgoo и подтвердите.`,
    en: `Korgoo: notice of a refused programme on referral ${n}. Please open Korgoo and acknowledge it.`,
  }),
  article72_unacknowledged: (n) => ({
    ky: `Korgoo: милиция ${n} жолдомосу боюнча баш тартуу жөнүндө кабарламаны дагы эле тастыктай элек. Korgoo системасын ачыңыз.`,
    ru: `Korgoo: милиция всё ещё не подтвердила уведомление об отказе по направлению ${n}. Откройте Korgoo.`,
    en: `Korgoo: the police have still not acknowledged the refusal notice on referral ${n}. Please open Korgoo.`,
  }),
  police_unit_unreachable: (n) => ({
    ky: `Korgoo: ${n} жолдомосу боюнча баш тартуу жөнүндө кабарлама милицияга жеткен жок. Korgoo системасын ачыңыз.`,
    ru: `Korgoo: уведомление об отказе по направлению ${n} не дошло до милиции. Откройте Korgoo.`,
    en: `Korgoo: the refusal notice on referral ${n} did not reach the police. Please open Korgoo.`,
  }),
  programme_attendance_missing: (n) => ({
    ky: `Korgoo: ${n} жолдомосу боюнча сессиянын катышуусу белгилене элек. Korgoo системасын ачыңыз.`,
    ru: `Korgoo: по направлению ${n} не отмечено посещение сессии. Откройте Korgoo.`,
    en: `Korgoo: attendance of a session on referral ${n} is not recorded. Please open Korgoo.`,
  }),
  programme_cannot_complete: (n) => ({
    ky: `Korgoo: ${n} жолдомосу боюнча программа ордердин мөөнөтүнө чейин бүтпөйт. Korgoo системасын ачыңыз.`,
    ru: `Korgoo: программа по направлению ${n} не успевает завершиться до конца ордера. Откройте Korgoo.`,
    en: `Korgoo: the programme on referral ${n} cannot finish before the order ends. Please open Korgoo.`,
  }),
  // Said of a session excused or displaced by a facilitator's absence alike: either must move and cannot.
  programme_reschedule_needed: (n) => ({
    ky: `Korgoo: ${n} жолдомосу боюнча которула турган сессияга ордердин мөөнөтүнө чейин орун табылган жок. Korgoo системасын ачыңыз.`,
    ru: `Korgoo: для сессии по направлению ${n}, которую нужно перенести, нет места до конца ордера. Откройте Korgoo.`,
    en: `Korgoo: no slot before the order ends for a session on referral ${n} that must move. Please open Korgoo.`,
  }),
  programme_follow_up_due: (n) => ({
    ky: `Korgoo: ${n} жолдомосу боюнча мониторинг жолугушуусунун убактысы келди. Korgoo системасын ачыңыз.`,
    ru: `Korgoo: по направлению ${n} пора провести встречу мониторинга. Откройте Korgoo.`,
    en: `Korgoo: a monitoring meeting on referral ${n} is due. Please open Korgoo.`,
  }),
  programme_treatment_recheck: (n) => ({
    ky: `Korgoo: ${n} жолдомосу боюнча кайра карап чыгуу күнү келди. Korgoo системасын ачыңыз.`,
    ru: `Korgoo: по направлению ${n} настал день повторной проверки. Откройте Korgoo.`,
    en: `Korgoo: the re-check day on referral ${n} has come. Please open Korgoo.`,
  }),
  group_session_moved: (n) => ({
    ky: `Korgoo: ${n} жолдомосу боюнча топтук сессия башка убакытка которулду. Korgoo системасын ачыңыз.`,
    ru: `Korgoo: групповая сессия по направлению ${n} перенесена. Откройте Korgoo.`,
    en: `Korgoo: a group session on referral ${n} has moved. Please open Korgoo.`,
  }),
  sessions_replanned: (n) => ({
    ky: `Korgoo: ${n} жолдомосу боюнча сессиялар фасилитатор жок болгондуктан башка убакытка которулду. Korgoo системасын ачыңыз.`,
    ru: `Korgoo: сессии по направлению ${n} перенесены, так как фасилитатор отсутствует. Откройте Korgoo.`,
    en: `Korgoo: sessions on referral ${n} have moved because a facilitator is away. Please open Korgoo.`,
  }),
  group_session_runs_small: (n) => ({
    ky: `Korgoo: ${n} жолдомосу боюнча топтук сессия аз катышуучу менен өтөт. Korgoo системасын ачыңыз.`,
    ru: `Korgoo: групповая сессия по направлению ${n} пройдёт в малом составе. Откройте Korgoo.`,
    en: `Korgoo: a group session on referral ${n} runs with fewer participants. Please open Korgoo.`,
  }),
};

/**
 * The text of an SMS or a Telegram message: depends on nothing but the kind, the language and the referral
 * number. Immediate danger is the exception: whoever answers the hotline must act at once, so the alert
 * names the order number and the settlement, and still nothing about the people.
 */
export function renderShortMessage(
  kind: MessageKind,
  language: Language,
  facts: Pick<MessageFacts, 'referralNumber' | 'orderNumber' | 'settlementCode'>,
): string {
  if (kind === 'immediate_danger') return `Korgoo: ${inboxTitle(kind, facts)[language]}`;
  return SHORT_TEXTS[kind](checkedNumber(facts.referralNumber))[language];
}

/** Inbox titles keep all three languages: each reader sees their own. */
export function inboxTitle(kind: MessageKind, facts: MessageFacts): Translations {
  const n = reference(kind, facts);
  const centre = plainLabel(facts.centreName);
  switch (kind) {
    case 'referral_routed': {
      if (!facts.outreachSettlementCode) {
        return {
          ky: `Коргоодо жаңы жолдомо ${n}: кабыл алыңыз же баш тартыңыз`,
          ru: `Новое направление ${n} в Korgoo: примите или откажитесь`,
          en: `New referral ${n} in Korgoo: accept or decline`,
        };
      }
      const place = settlementLabel(facts.outreachSettlementCode);
      return {
        ky: `Коргоодо жаңы жолдомо ${n}, сессиялар ${place.ky} көчмө пунктунда: кабыл алыңыз же баш тартыңыз`,
        ru: `Новое направление ${n} в Korgoo, сессии в выездном пункте «${place.ru}»: примите или откажитесь`,
        en: `New referral ${n} in Korgoo, sessions at the outreach point in ${place.en}: accept or decline`,
      };
    }
    case 'referral_unroutable':
      return {
        ky: `${n} жолдомосу үчүн борбор табылган жок: координатордун чечими керек`,
        ru: `Для направления ${n} не найден центр: нужно решение координатора`,
        en: `No centre could take referral ${n}: a coordinator must decide`,
      };
    case 'referral_escalated':
      return {
        ky: `${n} жолдомосу координаторго өткөрүлдү: чечим керек`,
        ru: `Направление ${n} передано координатору: нужно решение`,
        en: `Referral ${n} was escalated: a coordinator must decide`,
      };
    case 'referral_decision_reminder':
      return {
        ky: `Эскертүү: ${n} жолдомосу дагы эле координатордун чечимин күтүп жатат`,
        ru: `Напоминание: направление ${n} всё ещё ждёт решения координатора`,
        en: `Reminder: referral ${n} still waits for a coordinator's decision`,
      };
    case 'referral_expired':
      return {
        ky: `${centre.ky} борбору ${n} жолдомосун убагында тастыктаган жок`,
        ru: `Центр ${centre.ru} не подтвердил направление ${n} вовремя`,
        en: `Centre ${centre.en} did not acknowledge referral ${n} in time`,
      };
    case 'referral_cancelled':
      return {
        ky: `${n} жолдомосу жокко чыгарылды: кармалган орундар бошотулду`,
        ru: `Направление ${n} отменено: удержанные места освобождены`,
        en: `Referral ${n} was cancelled: the held sessions are released`,
      };
    case 'referral_withdrawn':
      return facts.withdrawalReason === 'deadline_passed'
        ? {
            ky: `${n} жолдомосу кайтарылып алынды: аны тастыктоо мөөнөтү өтүп кетти; кармалган орундар бошотулду`,
            ru: `Направление ${n} отозвано: срок его подтверждения истёк; удержанные места освобождены`,
            en: `Referral ${n} was withdrawn: its acknowledgement deadline passed; the held sessions are released`,
          }
        : {
            ky: `${n} жолдомосу кайтарылып алынды: фасилитатор жок болгондуктан борбор сессияларды өткөрө албайт; кармалган орундар бошотулду`,
            ru: `Направление ${n} отозвано: фасилитатор отсутствует, и центр не может провести сессии; удержанные места освобождены`,
            en: `Referral ${n} was withdrawn: a facilitator is away and the centre cannot hold its sessions; the held sessions are released`,
          };
    case 'centre_unreachable':
      return {
        ky: `${centre.ky} борборуна ${n} жолдомосу боюнча кабар жеткирилген жок`,
        ru: `Не удалось связаться с центром ${centre.ru} по направлению ${n}`,
        en: `Centre ${centre.en} could not be reached about referral ${n}`,
      };
    case 'article72_notice': {
      const order = orderLabel(facts.orderNumber);
      return {
        ky: `Коргоо ордери ${order.ky}: түзөтүү программасынан баш тартуу, 72-берене боюнча кабарлама (${n})`,
        ru: `Охранный ордер ${order.ru}: отказ от коррекционной программы, уведомление по ст. 72 КоП (${n})`,
        en: `Protection order ${order.en}: correction programme refused, Article 72 notice (${n})`,
      };
    }
    case 'article72_unacknowledged': {
      const order = orderLabel(facts.orderNumber);
      const unit = plainLabel(facts.unitName);
      return {
        ky: `${order.ky} ордери боюнча 72-берене кабарламасын ${unit.ky} бөлүмү дагы эле тастыктай элек: бөлүм менен байланышыңыз (${n})`,
        ru: `Подразделение ${unit.ru} всё ещё не подтвердило уведомление по ст. 72 по ордеру ${order.ru}: свяжитесь с ним (${n})`,
        en: `Police unit ${unit.en} has still not acknowledged the Article 72 notice on order ${order.en}: please contact it (${n})`,
      };
    }
    case 'police_unit_unreachable': {
      const order = orderLabel(facts.orderNumber);
      const unit = plainLabel(facts.unitName);
      return {
        ky: `${order.ky} ордери боюнча 72-берене кабарламасы ${unit.ky} бөлүмүнө жеткен жок (${n})`,
        ru: `Уведомление по ст. 72 по ордеру ${order.ru} не дошло до подразделения ${unit.ru} (${n})`,
        en: `The Article 72 notice on order ${order.en} did not reach police unit ${unit.en} (${n})`,
      };
    }
    case 'programme_attendance_missing': {
      const index = facts.sessionIndex ?? '?';
      return {
        ky: `${n} жолдомосу: ${index}-сессиянын катышуусу белгилене элек`,
        ru: `Направление ${n}: не отмечено посещение сессии ${index}`,
        en: `Referral ${n}: attendance of session ${index} is not recorded`,
      };
    }
    case 'group_session_moved': {
      const index = facts.sessionIndex ?? '?';
      const at = bishkekTime(facts.sessionStartsAt) ?? '?';
      const was = bishkekTime(facts.previousStartsAt) ?? '?';
      return {
        ky: `${n} жолдомосу: топ аз болгондуктан ${index}-сессия ${at} убактысына которулду (мурда ${was}, Бишкек убактысы)`,
        ru: `Направление ${n}: группа была мала, сессия ${index} перенесена на ${at} (было ${was}, время Бишкека)`,
        en: `Referral ${n}: the group was too small, so session ${index} moved to ${at} (was ${was}, Bishkek time)`,
      };
    }
    case 'sessions_replanned': {
      const index = facts.sessionIndex ?? '?';
      const at = bishkekTime(facts.sessionStartsAt) ?? '?';
      return {
        ky: `${n} жолдомосу: фасилитатор жок болгондуктан ${index}-сессия жана андан кийинкилер которулду; ${index}-сессия эми ${at} (Бишкек убактысы). Катышуучуга жаңы убакытты билдириңиз`,
        ru: `Направление ${n}: фасилитатор отсутствует, сессия ${index} и следующие перенесены; сессия ${index} теперь ${at} (время Бишкека). Сообщите участнику новое время`,
        en: `Referral ${n}: a facilitator is away, so session ${index} and the later ones moved; session ${index} is now on ${at} (Bishkek time). Tell the participant the new time`,
      };
    }
    case 'group_session_runs_small': {
      const index = facts.sessionIndex ?? '?';
      const at = bishkekTime(facts.sessionStartsAt) ?? '?';
      const size = wholeNumber(facts.participants);
      return {
        ky: `${n} жолдомосу: ${index}-сессия ${at} (Бишкек убактысы) ${size} катышуучу менен өтөт, башка ылайыктуу топ жок`,
        ru: `Направление ${n}: сессия ${index} ${at} (время Бишкека) пройдёт в составе ${size}, другой подходящей группы нет`,
        en: `Referral ${n}: session ${index} on ${at} (Bishkek time) runs with ${size} participants; no other group suits them`,
      };
    }
    case 'immediate_danger': {
      const place = settlementLabel(facts.settlementCode);
      return {
        ky: `ДАРОО КОРКУНУЧ: ${n} коргоо ордери, ${place.ky}. Координатор жана кезметчи линия дароо аракет кылсын`,
        ru: `НЕПОСРЕДСТВЕННАЯ ОПАСНОСТЬ: охранный ордер ${n}, ${place.ru}. Координатору и дежурной линии действовать немедленно`,
        en: `IMMEDIATE DANGER: protection order ${n}, ${place.en}. Coordinators and the duty hotline must act now`,
      };
    }
    case 'programme_cannot_complete': {
      const days = facts.daysBeforeExpiry ?? '?';
      return {
        ky: `${n} жолдомосу: программа ордердин мөөнөтү бүткөнгө чейин аяктабайт (${days} күн калды), чечим керек`,
        ru: `Направление ${n}: программа не успевает завершиться до конца ордера (осталось дней: ${days}), нужно решение`,
        en: `Referral ${n}: the programme cannot finish before the order ends (${days} days left); a decision is needed`,
      };
    }
    case 'programme_reschedule_needed': {
      const index = facts.sessionIndex ?? '?';
      return {
        ky: `${n} жолдомосу: ${index}-сессияны ордердин мөөнөтүнө чейин которууга орун жок, чечим керек`,
        ru: `Направление ${n}: сессию ${index} некуда перенести до конца ордера, нужно решение`,
        en: `Referral ${n}: session ${index} cannot be moved to a slot before the order ends; a decision is needed`,
      };
    }
    case 'programme_follow_up_due': {
      const meeting = wholeNumber(facts.meetingNumber);
      const months = wholeNumber(facts.monthsAfterCompletion);
      return {
        ky: `${n} жолдомосу: программадан ${months} ай өткөндөгү ${meeting}-мониторинг жолугушуусунун убактысы келди`,
        ru: `Направление ${n}: пора провести встречу мониторинга ${meeting} (через ${months} мес. после программы)`,
        en: `Referral ${n}: monitoring meeting ${meeting} is due (${months} months after the programme)`,
      };
    }
    case 'programme_treatment_recheck': {
      const day = typeof facts.recheckOn === 'string' && CALENDAR_DATE.test(facts.recheckOn) ? facts.recheckOn : '?';
      return {
        ky: `${n} жолдомосу: дарылануу үчүн жабылган программаны кайра карап чыгуу күнү (${day}), координатордун чечими керек`,
        ru: `Направление ${n}: день повторной проверки после закрытия ради лечения (${day}), нужно решение координатора`,
        en: `Referral ${n}: re-check day (${day}) of a programme closed for treatment first; a coordinator must look again`,
      };
    }
  }
}

const PRIORITY: Record<RoutingPriority, Translations> = {
  urgent: { ky: 'шашылыш', ru: 'срочный', en: 'urgent' },
  high: { ky: 'жогору', ru: 'высокий', en: 'high' },
  standard: { ky: 'кадимки', ru: 'обычный', en: 'standard' },
};

const LABELS = {
  priority: { ky: 'Артыкчылык', ru: 'Приоритет', en: 'Priority' },
  acknowledgeBy: { ky: 'Тастыктоо мөөнөтү', ru: 'Подтвердить до', en: 'Acknowledge by' },
  firstSessionAt: { ky: 'Биринчи сессия', ru: 'Первая сессия', en: 'First session' },
  sessionsAt: { ky: 'Сессиялар өтүүчү жер', ru: 'Место проведения сессий', en: 'Sessions held at' },
  bishkek: { ky: 'Бишкек убактысы', ru: 'время Бишкека', en: 'Bishkek time' },
  orderNumber: { ky: 'Ордердин номери', ru: 'Номер ордера', en: 'Order number' },
  referralNumber: { ky: 'Жолдомо', ru: 'Направление', en: 'Referral' },
  centre: { ky: 'Кризистик борбор', ru: 'Кризисный центр', en: 'Crisis centre' },
  ground: { ky: 'Негиз', ru: 'Основание', en: 'Ground' },
  sessionsOffered: { ky: 'Сунушталган сессиялар', ru: 'Предложено сессий', en: 'Sessions offered' },
  missed: { ky: 'Өткөрүлгөн сессиялар', ru: 'Пропущенные сессии', en: 'Sessions missed' },
  session: { ky: 'сессия', ru: 'сессия', en: 'session' },
  expiresAt: { ky: 'Ордердин мөөнөтү бүтөт', ru: 'Ордер действует до', en: 'Order expires' },
  reportedAt: { ky: 'Кабарланган убакыт', ru: 'Время уведомления', en: 'Reported at' },
  refusalPolicy: { ky: 'Эреже', ru: 'Правило', en: 'Policy' },
  dueAt: { ky: 'Жолугушуунун мөөнөтү', ru: 'Срок встречи', en: 'Meeting due' },
  policeFooter: {
    ky: 'Адамдын аты-жөнү Korgoo системасына киргенден кийин гана көрүнөт. Кабарламаны Korgoo системасында тастыктаңыз.',
    ru: 'Имя лица видно только после входа в Korgoo. Подтвердите получение уведомления в Korgoo.',
    en: "The person's name is shown only after signing in to Korgoo. Please acknowledge the notice in Korgoo.",
  },
  footer: {
    ky: 'Иштин толук маалыматы Korgoo системасында гана: кирип, кирүүчү билдирүүлөрдү ачыңыз. Бул катта жеке маалымат жок.',
    ru: 'Полные сведения по делу есть только в Korgoo: войдите и откройте входящие. В этом письме нет персональных данных.',
    en: 'The case itself is only in Korgoo: sign in and open the inbox. This message carries no personal data.',
  },
} as const;

export interface EmailMessage {
  subject: string;
  text: string;
}

/**
 * E-mail may say what the centre needs to plan (priority, deadlines) but never who is involved: a mailbox
 * is shared and forwarded, so the case stays behind the sign-in.
 */
export function renderEmail(kind: MessageKind, language: Language, facts: MessageFacts): EmailMessage {
  const headline = inboxTitle(kind, facts)[language];
  const lines = [headline, ''];
  if (facts.priority && PRIORITY[facts.priority]) lines.push(`${LABELS.priority[language]}: ${PRIORITY[facts.priority][language]}`);
  const acknowledgeBy = bishkekTime(facts.acknowledgeBy);
  if (acknowledgeBy) lines.push(`${LABELS.acknowledgeBy[language]}: ${acknowledgeBy} (${LABELS.bishkek[language]})`);
  const firstSession = bishkekTime(facts.firstSessionAt);
  if (firstSession) lines.push(`${LABELS.firstSessionAt[language]}: ${firstSession} (${LABELS.bishkek[language]})`);
  if (facts.outreachSettlementCode) lines.push(`${LABELS.sessionsAt[language]}: ${outreachLabel(facts.outreachSettlementCode)[language]}`);
  const due = bishkekTime(facts.dueAt);
  if (due) lines.push(`${LABELS.dueAt[language]}: ${due} (${LABELS.bishkek[language]})`);
  const expires = bishkekTime(facts.expiresAt);
  if (expires && kind !== 'article72_notice') lines.push(`${LABELS.expiresAt[language]}: ${expires} (${LABELS.bishkek[language]})`);
  if (kind === 'article72_notice') lines.push(...noticeLines(language, facts), '', LABELS.policeFooter[language]);
  lines.push('', LABELS.footer[language]);
  return { subject: `Korgoo ${reference(kind, facts)}: ${SUBJECTS[kind][language]}`, text: lines.join('\n') };
}

const SUBJECTS: Record<MessageKind, Translations> = {
  referral_routed: { ky: 'жаңы жолдомо', ru: 'новое направление', en: 'new referral' },
  referral_cancelled: { ky: 'жолдомо жокко чыгарылды', ru: 'направление отменено', en: 'referral cancelled' },
  referral_withdrawn: { ky: 'жолдомо кайтарылып алынды', ru: 'направление отозвано', en: 'referral withdrawn' },
  referral_unroutable: { ky: 'борбор табылган жок', ru: 'центр не найден', en: 'no centre found' },
  referral_escalated: { ky: 'координатордун чечими керек', ru: 'нужно решение координатора', en: 'coordinator decision needed' },
  referral_decision_reminder: { ky: 'чечим дагы эле күтүлүүдө', ru: 'решение всё ещё не принято', en: 'decision still pending' },
  referral_expired: { ky: 'мөөнөт өттү', ru: 'срок подтверждения истёк', en: 'acknowledgement deadline passed' },
  centre_unreachable: { ky: 'борборго кабар жеткен жок', ru: 'центр недоступен', en: 'centre could not be reached' },
  article72_notice: { ky: '72-берене боюнча кабарлама', ru: 'уведомление по статье 72 КоП', en: 'Article 72 notice' },
  article72_unacknowledged: { ky: '72-берене кабарламасы тастыкталган жок', ru: 'уведомление по ст. 72 не подтверждено', en: 'Article 72 notice not acknowledged' },
  police_unit_unreachable: { ky: 'милицияга кабар жеткен жок', ru: 'милиция недоступна', en: 'police unit could not be reached' },
  programme_attendance_missing: { ky: 'катышуу белгилене элек', ru: 'посещение не отмечено', en: 'attendance not recorded' },
  programme_cannot_complete: { ky: 'программа мөөнөтүндө бүтпөйт', ru: 'программа не успевает', en: 'programme cannot finish in time' },
  programme_reschedule_needed: { ky: 'сессияны которууга орун жок', ru: 'сессию некуда перенести', en: 'session cannot be moved' },
  programme_follow_up_due: { ky: 'мониторинг жолугушуусу', ru: 'встреча мониторинга', en: 'monitoring meeting due' },
  programme_treatment_recheck: { ky: 'кайра карап чыгуу күнү', ru: 'повторная проверка', en: 're-check day' },
  group_session_moved: { ky: 'топтук сессия которулду', ru: 'групповая сессия перенесена', en: 'group session moved' },
  sessions_replanned: { ky: 'сессиялар которулду', ru: 'сессии перенесены', en: 'sessions moved' },
  group_session_runs_small: { ky: 'топтук сессия аз курам менен', ru: 'групповая сессия в малом составе', en: 'group session runs small' },
  immediate_danger: { ky: 'дароо коркунуч', ru: 'непосредственная опасность', en: 'immediate danger' },
};

/** A settlement is named from the gazetteer in the reader's language; a code it does not know is not echoed. */
function settlementLabel(code: string | undefined): Translations {
  if (!code || !isSettlementCode(code)) return UNKNOWN;
  const settlement = settlementByCode(code);
  return { ky: settlement.nameKy, ru: settlement.nameRu, en: settlement.nameEn };
}

/** The centre's outreach point, by its settlement: the sessions are held there, not at the centre. */
export function outreachLabel(code: string): Translations {
  const place = settlementLabel(code);
  return {
    ky: `${place.ky} көчмө пункту`,
    ru: `выездной пункт «${place.ru}»`,
    en: `the outreach point in ${place.en}`,
  };
}

const GROUNDS: Record<RefusalGround, Translations> = {
  explicit_refusal: { ky: 'ачык баш тартуу', ru: 'явный отказ', en: 'explicit refusal' },
  unexcused_absences: { ky: 'жүйөсүз келбей калуулар', ru: 'неявки без уважительной причины', en: 'unexcused absences' },
  cannot_finish_before_expiry: {
    ky: 'жүйөсүз келбей калуудан кийин программа ордердин мөөнөтүнө чейин бүтпөйт',
    ru: 'после неявки программа не может завершиться до конца ордера',
    en: 'after an unexcused absence the programme can no longer finish before the order ends',
  },
};

const MARKS: Record<AttendanceMark, Translations> = {
  attended: { ky: 'катышты', ru: 'посетил(а)', en: 'attended' },
  excused_absence: { ky: 'жүйөлүү себеп менен келген жок', ru: 'неявка по уважительной причине', en: 'excused absence' },
  unexcused_absence: { ky: 'жүйөсүз келген жок', ru: 'неявка без уважительной причины', en: 'unexcused absence' },
  refused: { ky: 'баш тартты', ru: 'отказ', en: 'refused' },
};

/** The body of the Article 72 notice: codes, counts and dates; the person stays behind the sign-in. */
function noticeLines(language: Language, facts: MessageFacts): string[] {
  const tz = LABELS.bishkek[language];
  const lines = [
    `${LABELS.orderNumber[language]}: ${orderLabel(facts.orderNumber)[language]}`,
    `${LABELS.referralNumber[language]}: ${checkedNumber(facts.referralNumber)}`,
    `${LABELS.centre[language]}: ${plainLabel(facts.centreName)[language]}`,
  ];
  const refusal = facts.refusal;
  if (!refusal) return lines;
  if (GROUNDS[refusal.ground]) lines.push(`${LABELS.ground[language]}: ${GROUNDS[refusal.ground][language]}`);
  if (Number.isInteger(refusal.sessionsOffered)) lines.push(`${LABELS.sessionsOffered[language]}: ${refusal.sessionsOffered}`);
  lines.push(`${LABELS.missed[language]}:`);
  for (const missed of Array.isArray(refusal.missed) ? refusal.missed : []) {
    const at = bishkekTime(missed.startsAt);
    if (!Number.isInteger(missed.index) || !at || !MARKS[missed.mark]) continue;
    lines.push(`  ${missed.index} ${LABELS.session[language]}, ${at} (${tz}): ${MARKS[missed.mark][language]}`);
  }
  const expires = bishkekTime(refusal.expiresAt);
  if (expires) lines.push(`${LABELS.expiresAt[language]}: ${expires} (${tz})`);
  const reported = bishkekTime(refusal.reportedAt);
  if (reported) lines.push(`${LABELS.reportedAt[language]}: ${reported} (${tz})`);
  const policy = plainLabel(refusal.refusalPolicy);
  lines.push(`${LABELS.refusalPolicy[language]}: ${policy[language]}`);
  return lines;
}

function orderLabel(orderNumber: string | undefined): Translations {
  return typeof orderNumber === 'string' && ORDER_NUMBER.test(orderNumber) ? { ky: orderNumber, ru: orderNumber, en: orderNumber } : UNKNOWN;
}

const UNKNOWN: Translations = { ky: 'белгисиз', ru: '(неизвестно)', en: '(unknown)' };

function wholeNumber(value: unknown): number | '?' {
  return typeof value === 'number' && Number.isInteger(value) ? value : '?';
}

/** Directory names and policy names: only letters, digits, spaces and a little punctuation pass. */
function plainLabel(name: unknown): Translations {
  const clean = (typeof name === 'string' ? name : '').replace(/[^\p{L}\p{N} ().,'"«»-]/gu, '').replace(/\s+/g, ' ').trim().slice(0, 80);
  return clean ? { ky: clean, ru: clean, en: clean } : UNKNOWN;
}

const BISHKEK_OFFSET_MS = 6 * 3_600_000;

/** Kyrgyzstan keeps UTC+6 all year. */
export function bishkekTime(iso: string | undefined): string | null {
  if (!iso) return null;
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return null;
  return new Date(at.getTime() + BISHKEK_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}
