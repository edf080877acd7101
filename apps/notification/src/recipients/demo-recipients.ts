import { Language, RecipientView } from '@korgoo/contracts';

/** A recipient as an administrator would see it, before anyone has changed it. */
export type DemoRecipient = Omit<RecipientView, 'updatedAt'>;

/**
 * DEMO DATA for development: the demo directory's centres (ids as in matching's demo directory) and police units, with
 * addresses that cannot reach anyone: the reserved `.example` domain, the unassigned +996 000 range,
 * and made-up Telegram chat ids.
 */
const CENTRES: Array<[id: string, name: string, language: Language]> = [
  ['bishkek-shans', 'Шанс', 'ru'],
  ['bishkek-sezim', 'Сезим', 'ru'],
  ['bishkek-ayalzat', 'Аялзат', 'ky'],
  ['bishkek-ayaldarga-jardam', 'Аялдарга жардам берүү борбору', 'ky'],
  ['osh-ak-jurok', 'Ак-Жүрөк', 'ky'],
  ['osh-garmoniya', 'Гармония', 'ru'],
  ['osh-jany-ritm', 'Жаңы ритм', 'ky'],
  ['naryn-asylzat', 'Асылзат', 'ky'],
  ['naryn-pir-solomon', 'Пир Соломон', 'ru'],
  ['karakol-meerman', 'Мээрман', 'ky'],
  ['karakol-ayalzat', 'Аялзат (Каракол)', 'ky'],
  ['naryn-tendesh', 'Теңдеш', 'ky'],
  ['batken-demo', 'Баткен кризистик борбору (демо)', 'ky'],
  ['talas-demo', 'Талас кризистик борбору (демо)', 'ky'],
];

/** The demo police units (codes as in the gateway's unit directory). */
const POLICE_UNITS: Array<[code: string, name: string]> = [
  ['bishkek-oktyabr', 'Октябрь РИИБ'],
  ['bishkek-sverdlov', 'Свердлов РИИБ'],
  ['naryn-riib', 'Нарын РИИБ'],
  ['osh-city', 'Ош шаардык ИИБ'],
  ['karakol-riib', 'Каракол ШИИБ'],
];

export const DEMO_RECIPIENTS: DemoRecipient[] = [
  {
    recipientKind: 'coordinators',
    centreId: null,
    unitCode: null,
    displayName: 'Coordinators',
    language: 'ru',
    channels: [{ channel: 'email', address: 'coordinators@korgoo.example' }],
  },
  ...CENTRES.map(([id, name, language], index) => ({
    recipientKind: 'centre' as const,
    centreId: id,
    unitCode: null,
    displayName: name,
    language,
    channels: [
      { channel: 'telegram' as const, address: `-1000000000${String(index + 1).padStart(3, '0')}` },
      { channel: 'sms' as const, address: `+996000000${String(index + 1).padStart(3, '0')}` },
      { channel: 'email' as const, address: `${id}@centres.korgoo.example` },
    ],
  })),
  {
    recipientKind: 'duty_hotline',
    centreId: null,
    unitCode: null,
    displayName: 'Duty hotline (demo)',
    language: 'ky',
    channels: [
      { channel: 'sms', address: '+996000000999' },
      { channel: 'email', address: 'duty-hotline@korgoo.example' },
    ],
  },
  ...POLICE_UNITS.map(([code, name]) => ({
    recipientKind: 'police_unit' as const,
    centreId: null,
    unitCode: code,
    displayName: name,
    language: 'ru' as const,
    channels: [{ channel: 'email' as const, address: `${code}@police.korgoo.example` }],
  })),
];
