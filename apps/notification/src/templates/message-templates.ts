import { InboxEntryKind, Language, REFERRAL_NUMBER, RoutingPriority } from '@korgoo/contracts';

export type MessageKind = InboxEntryKind;

/**
 * What any message may say. Nothing about the perpetrator, the victim or the order's free text is here:
 * the event payloads carry none of it, and templates take only these fields.
 */
export interface MessageFacts {
  referralNumber: string;
  priority?: RoutingPriority;
  acknowledgeBy?: string;
  firstSessionAt?: string;
  /** The centre's directory name, for messages to coordinators about a centre. */
  centreName?: string;
}

export type Translations = Record<Language, string>;

export class InvalidReferralNumber extends Error {}

function checkedNumber(referralNumber: unknown): string {
  if (typeof referralNumber !== 'string' || !REFERRAL_NUMBER.test(referralNumber)) {
    throw new InvalidReferralNumber('a message names a referral only by its number R-YYYY-NNNNNN');
  }
  return referralNumber;
}

/**
 * SMS and Telegram: anyone holding the phone can read them, so they say that there is something to open
 * in Korgoo and name the referral number, nothing more.
 */
const SHORT_TEXTS: Record<MessageKind, (n: string) => Translations> = {
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
};

/** The text of an SMS or a Telegram message: depends on nothing but the kind, the language and the number. */
export function renderShortMessage(kind: MessageKind, language: Language, facts: Pick<MessageFacts, 'referralNumber'>): string {
  return SHORT_TEXTS[kind](checkedNumber(facts.referralNumber))[language];
}

/** Inbox titles keep all three languages: each reader sees their own. */
export function inboxTitle(kind: MessageKind, facts: MessageFacts): Translations {
  const n = checkedNumber(facts.referralNumber);
  const centre = centreLabel(facts.centreName);
  switch (kind) {
    case 'referral_routed':
      return {
        ky: `Коргоодо жаңы жолдомо ${n}: кабыл алыңыз же баш тартыңыз`,
        ru: `Новое направление ${n} в Korgoo: примите или откажитесь`,
        en: `New referral ${n} in Korgoo: accept or decline`,
      };
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
    case 'centre_unreachable':
      return {
        ky: `${centre.ky} борборуна ${n} жолдомосу боюнча кабар жеткирилген жок`,
        ru: `Не удалось связаться с центром ${centre.ru} по направлению ${n}`,
        en: `Centre ${centre.en} could not be reached about referral ${n}`,
      };
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
  bishkek: { ky: 'Бишкек убактысы', ru: 'время Бишкека', en: 'Bishkek time' },
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
  lines.push('', LABELS.footer[language]);
  return { subject: `Korgoo ${checkedNumber(facts.referralNumber)}: ${SUBJECTS[kind][language]}`, text: lines.join('\n') };
}

const SUBJECTS: Record<MessageKind, Translations> = {
  referral_routed: { ky: 'жаңы жолдомо', ru: 'новое направление', en: 'new referral' },
  referral_cancelled: { ky: 'жолдомо жокко чыгарылды', ru: 'направление отменено', en: 'referral cancelled' },
  referral_unroutable: { ky: 'борбор табылган жок', ru: 'центр не найден', en: 'no centre found' },
  referral_escalated: { ky: 'координатордун чечими керек', ru: 'нужно решение координатора', en: 'coordinator decision needed' },
  referral_expired: { ky: 'мөөнөт өттү', ru: 'срок подтверждения истёк', en: 'acknowledgement deadline passed' },
  centre_unreachable: { ky: 'борборго кабар жеткен жок', ru: 'центр недоступен', en: 'centre could not be reached' },
};

/** Centre names come from the directory; only letters, digits, spaces and a little punctuation pass. */
function centreLabel(name: string | undefined): Translations {
  const clean = (name ?? '').replace(/[^\p{L}\p{N} ().,'"«»-]/gu, '').replace(/\s+/g, ' ').trim().slice(0, 80);
  return clean ? { ky: clean, ru: clean, en: clean } : { ky: 'белгисиз', ru: '(неизвестно)', en: '(unknown)' };
}

const BISHKEK_OFFSET_MS = 6 * 3_600_000;

/** Kyrgyzstan keeps UTC+6 all year. */
export function bishkekTime(iso: string | undefined): string | null {
  if (!iso) return null;
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return null;
  return new Date(at.getTime() + BISHKEK_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}
