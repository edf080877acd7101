import fc from 'fast-check';
import { INBOX_ENTRY_KINDS, Language, LANGUAGES } from '@korgoo/contracts';
import {
  bishkekTime,
  inboxTitle,
  InvalidOrderNumber,
  InvalidReferralNumber,
  MessageFacts,
  MessageKind,
  renderEmail,
  renderShortMessage,
} from './message-templates';

const referralNumber = fc
  .tuple(fc.integer({ min: 2020, max: 2099 }), fc.integer({ min: 0, max: 999_999 }))
  .map(([year, seq]) => `R-${year}-${String(seq).padStart(6, '0')}`);

const REALISTIC_PERSONAL = [
  'Асанов Бакыт Үмөтбекович',
  'Төлөгөнов Ңурбек',
  '+996 700 123 456',
  '+996700123456',
  '0555 12-34-56',
  'г. Бишкек, ул. Киевская 44, кв. 12',
  'Ош шаары, Ленин көчөсү 5',
  'victim lives with her mother near the bazaar',
  '<script>alert(1)</script>',
  '*bold* _it_ [link](http://x)',
  'Line\r\nBcc: someone@example.com',
];

/** Strings an order could hold: names, phones, addresses, notes, with markup, control characters and scripts. */
const hostile = fc.oneof(
  fc.string({ minLength: 3, maxLength: 60 }),
  fc.string({ unit: 'grapheme', minLength: 3, maxLength: 40 }),
  fc.constantFrom(...REALISTIC_PERSONAL),
);

/** The personal fields an order can carry; no message may show any of them. */
const PERSONAL_FIELDS = ['perpetratorName', 'victimName', 'victimPhone', 'safeContactPhone', 'address', 'officerConcern', 'note', 'fullName'] as const;

function everyPersonalField<T>(value: T): Record<(typeof PERSONAL_FIELDS)[number], T> {
  return Object.fromEntries(PERSONAL_FIELDS.map((field) => [field, value])) as Record<(typeof PERSONAL_FIELDS)[number], T>;
}

const personal = fc.record(everyPersonalField(hostile));

const facts = fc.record({
  referralNumber,
  priority: fc.constantFrom('urgent' as const, 'high' as const, 'standard' as const),
  acknowledgeBy: fc.date({ min: new Date('2025-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
  firstSessionAt: fc.date({ min: new Date('2025-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
  centreName: hostile,
});

/** Every kind about a referral; the immediate-danger alert names an order and has its own tests below. */
const REFERRAL_KINDS = INBOX_ENTRY_KINDS.filter((k) => k !== 'immediate_danger');
const kind = fc.constantFrom(...REFERRAL_KINDS);
const language = fc.constantFrom(...LANGUAGES);

/** Every text a recipient sees for one message: the SMS or Telegram text, the e-mail's subject and its body. */
function everyText(k: MessageKind, lang: Language, given: MessageFacts): string[] {
  const email = renderEmail(k, lang, given);
  return [renderShortMessage(k, lang, given), email.subject, email.text];
}

describe('message templates', () => {
  it('every SMS and Telegram text, in all three languages, depends only on the referral number', () => {
    fc.assert(
      fc.property(kind, language, facts, personal, (k, lang, given, extra) => {
        const polluted = { ...given, ...extra } as unknown as MessageFacts;
        const text = renderShortMessage(k, lang, polluted);
        expect(text).toBe(renderShortMessage(k, lang, { referralNumber: given.referralNumber }));
        expect(text).toContain(given.referralNumber);
        // Nothing numeric but the referral number: no phone, date or count slips in.
        expect(text.replace(given.referralNumber, '')).not.toMatch(/\d/);
      }),
      { numRuns: 500 },
    );
  });

  it('exists for every kind in ky, ru and en, and names no person', () => {
    for (const k of REFERRAL_KINDS) {
      const texts = LANGUAGES.map((lang) => renderShortMessage(k, lang, { referralNumber: 'R-2026-000042' }));
      expect(new Set(texts).size).toBe(3);
      for (const text of texts) {
        expect(text).toContain('R-2026-000042');
        expect(text).toMatch(/Korgoo/);
        expect(text.length).toBeLessThanOrEqual(160);
      }
    }
    expect(renderShortMessage('referral_routed', 'en', { referralNumber: 'R-2026-000042' })).toBe(
      'New referral R-2026-000042 in Korgoo, please open the inbox.',
    );
  });

  it('refuses a referral number that is not one, so no order text can pose as it', () => {
    fc.assert(
      fc.property(kind, language, hostile, (k, lang, value) => {
        fc.pre(!/^R-\d{4}-\d{6}$/.test(value));
        expect(() => renderShortMessage(k, lang, { referralNumber: value })).toThrow(InvalidReferralNumber);
        expect(() => renderEmail(k, lang, { referralNumber: value })).toThrow(InvalidReferralNumber);
      }),
    );
  });

  it('e-mail carries the planning facts but none of the order’s personal data', () => {
    fc.assert(
      fc.property(kind, language, facts, personal, (k, lang, given, extra) => {
        const email = renderEmail(k, lang, { ...given, ...extra } as unknown as MessageFacts);
        expect(email).toEqual(renderEmail(k, lang, given));
        expect(email.subject).toContain(given.referralNumber);
        expect(email.subject).not.toMatch(/[\r\n]/);
      }),
      { numRuns: 300 },
    );
  });

  // The properties above show the texts ignore personal fields; random strings cannot also be searched for in
  // them, since a short one can be the template's own words or a date. Realistic values can.
  it('no SMS, Telegram text or e-mail holds a name, phone, address or note given with the facts', () => {
    const given = { referralNumber: 'R-2026-000042', priority: 'urgent', acknowledgeBy: '2026-06-21T12:07:00.000Z', firstSessionAt: '2026-06-25T04:00:00.000Z', centreName: 'Теңдеш' };
    for (const value of REALISTIC_PERSONAL) {
      const polluted = { ...given, ...everyPersonalField(value) } as unknown as MessageFacts;
      for (const k of REFERRAL_KINDS) {
        for (const lang of LANGUAGES) for (const text of everyText(k, lang, polluted)) expect(text).not.toContain(value);
      }
    }
  });

  it('e-mail to a centre gives priority and deadlines in Bishkek time', () => {
    const email = renderEmail('referral_routed', 'ru', {
      referralNumber: 'R-2026-000042',
      priority: 'urgent',
      acknowledgeBy: '2026-03-01T06:30:00Z',
      firstSessionAt: '2026-03-03T04:00:00Z',
    });
    expect(email.subject).toBe('Korgoo R-2026-000042: новое направление');
    expect(email.text).toContain('Приоритет: срочный');
    expect(email.text).toContain('Подтвердить до: 2026-03-01 12:30 (время Бишкека)');
    expect(email.text).toContain('Первая сессия: 2026-03-03 10:00');
  });

  it('names the outreach point where a new referral’s sessions are held, in every language', () => {
    const facts = { referralNumber: 'R-2026-000042', firstSessionAt: '2026-03-03T04:00:00Z', outreachSettlementCode: 'kazarman' };
    expect(inboxTitle('referral_routed', facts)).toEqual({
      ky: 'Коргоодо жаңы жолдомо R-2026-000042, сессиялар Казарман көчмө пунктунда: кабыл алыңыз же баш тартыңыз',
      ru: 'Новое направление R-2026-000042 в Korgoo, сессии в выездном пункте «Казарман»: примите или откажитесь',
      en: 'New referral R-2026-000042 in Korgoo, sessions at the outreach point in Kazarman: accept or decline',
    });
    expect(renderEmail('referral_routed', 'ky', facts).text).toContain('Сессиялар өтүүчү жер: Казарман көчмө пункту');
    expect(renderEmail('referral_routed', 'ru', facts).text).toContain('Место проведения сессий: выездной пункт «Казарман»');
    expect(renderEmail('referral_routed', 'en', facts).text).toContain('Sessions held at: the outreach point in Kazarman');
    expect(renderEmail('referral_routed', 'en', { ...facts, outreachSettlementCode: undefined }).text).not.toContain('Sessions held at');
  });

  it('names the centre a coordinator must chase, cleaned of anything but plain words', () => {
    const title = inboxTitle('centre_unreachable', { referralNumber: 'R-2026-000042', centreName: 'Асылзат <b>\n' });
    expect(title.en).toBe('Centre Асылзат b could not be reached about referral R-2026-000042');
    expect(title.ru).toContain('Асылзат');
    expect(title.ky).toContain('R-2026-000042');
  });

  it('the Article 72 notice names the order, the centre and each missed session with its date, in the unit’s language', () => {
    const notice: MessageFacts = {
      referralNumber: 'R-2026-000042',
      orderNumber: 'TPO-2026-000123',
      centreName: 'Асылзат',
      refusal: {
        ground: 'unexcused_absences',
        refusalPolicy: 'second-unexcused-or-cannot-finish',
        sessionsOffered: 2,
        missed: [
          { index: 1, startsAt: '2026-03-02T04:00:00Z', mark: 'unexcused_absence' },
          { index: 2, startsAt: '2026-03-09T04:00:00Z', mark: 'unexcused_absence' },
        ],
        expiresAt: '2026-03-28T18:00:00Z',
        reportedAt: '2026-03-09T08:00:00Z',
      },
    };
    const ru = renderEmail('article72_notice', 'ru', notice);
    expect(ru.subject).toBe('Korgoo R-2026-000042: уведомление по статье 72 КоП');
    expect(ru.text).toContain('Номер ордера: TPO-2026-000123');
    expect(ru.text).toContain('Кризисный центр: Асылзат');
    expect(ru.text).toContain('Основание: неявки без уважительной причины');
    expect(ru.text).toContain('Предложено сессий: 2');
    expect(ru.text).toContain('  1 сессия, 2026-03-02 10:00 (время Бишкека): неявка без уважительной причины');
    expect(ru.text).toContain('  2 сессия, 2026-03-09 10:00 (время Бишкека)');
    expect(ru.text).toContain('Ордер действует до: 2026-03-29 00:00');
    expect(ru.text).toContain('Правило: second-unexcused-or-cannot-finish');
    expect(renderEmail('article72_notice', 'ky', notice).text).toContain('Ордердин номери: TPO-2026-000123');
    expect(renderEmail('article72_notice', 'en', notice).text).toContain("The person's name is shown only after signing in");
    expect(inboxTitle('article72_notice', notice).en).toBe(
      'Protection order TPO-2026-000123: correction programme refused, Article 72 notice (R-2026-000042)',
    );
  });

  it('never lets text pose as an order number in a notice', () => {
    const title = inboxTitle('article72_notice', { referralNumber: 'R-2026-000042', orderNumber: 'Асанов Бакыт\nBcc: x@y' });
    expect(title.ru).toContain('(неизвестно)');
    expect(title.ru).not.toMatch(/Асанов/);
  });

  it('tells a centre why a referral was taken back from it', () => {
    const away = inboxTitle('referral_withdrawn', { referralNumber: 'R-2026-000042', withdrawalReason: 'facilitator_away' });
    const late = inboxTitle('referral_withdrawn', { referralNumber: 'R-2026-000042', withdrawalReason: 'deadline_passed' });
    expect(away.en).toBe('Referral R-2026-000042 was withdrawn: a facilitator is away and the centre cannot hold its sessions; the held sessions are released');
    expect(late.ky).toBe('R-2026-000042 жолдомосу кайтарылып алынды: аны тастыктоо мөөнөтү өтүп кетти; кармалган орундар бошотулду');
    expect(late.ru).toBe('Направление R-2026-000042 отозвано: срок его подтверждения истёк; удержанные места освобождены');
  });

  it('tells the centre or the coordinators which session waits for its attendance, and how many days are left', () => {
    expect(inboxTitle('programme_attendance_missing', { referralNumber: 'R-2026-000042', sessionIndex: 3 }).ru).toBe(
      'Направление R-2026-000042: не отмечено посещение сессии 3',
    );
    const late = renderEmail('programme_cannot_complete', 'en', {
      referralNumber: 'R-2026-000042',
      daysBeforeExpiry: 3,
      expiresAt: '2026-03-28T18:00:00Z',
    });
    expect(late.text).toContain('the programme cannot finish before the order ends (3 days left)');
    expect(late.text).toContain('Order expires: 2026-03-29 00:00 (Bishkek time)');
  });

  it('alerts immediate danger with the order number and the settlement only, in every language and channel', () => {
    const settlement = fc.constantFrom('naryn', 'bishkek', 'osh', undefined);
    const orderNumber = fc.stringMatching(/^TPO-20\d{2}-\d{6}$/);
    fc.assert(
      fc.property(language, orderNumber, settlement, personal, (lang, number, place, extra) => {
        const given = { orderNumber: number, settlementCode: place };
        const polluted = { ...given, ...extra } as unknown as MessageFacts;
        const sms = renderShortMessage('immediate_danger', lang, polluted);
        expect(sms).toBe(renderShortMessage('immediate_danger', lang, given));
        expect(sms).toContain(number);
        expect(sms.length).toBeLessThanOrEqual(160);
        const email = renderEmail('immediate_danger', lang, polluted);
        expect(email).toEqual(renderEmail('immediate_danger', lang, given));
      }),
      { numRuns: 200 },
    );
    for (const value of REALISTIC_PERSONAL) {
      const polluted = { orderNumber: 'TPO-2026-000123', settlementCode: 'naryn', ...everyPersonalField(value) } as unknown as MessageFacts;
      for (const lang of LANGUAGES) for (const text of everyText('immediate_danger', lang, polluted)) expect(text).not.toContain(value);
    }
    expect(inboxTitle('immediate_danger', { orderNumber: 'TPO-2026-000123', settlementCode: 'naryn' }).ru).toBe(
      'НЕПОСРЕДСТВЕННАЯ ОПАСНОСТЬ: охранный ордер TPO-2026-000123, Нарын. Координатору и дежурной линии действовать немедленно',
    );
    expect(renderEmail('immediate_danger', 'en', { orderNumber: 'TPO-2026-000123', settlementCode: 'naryn' }).subject).toBe(
      'Korgoo TPO-2026-000123: immediate danger',
    );
    expect(inboxTitle('immediate_danger', { orderNumber: 'TPO-2026-000123', settlementCode: 'Киевская 44' }).en).toContain('(unknown)');
    expect(() => renderShortMessage('immediate_danger', 'ky', { orderNumber: 'Асанов Бакыт' })).toThrow(InvalidOrderNumber);
  });

  it('names the monitoring meeting that fell due and the re-check day, and nothing that is not one', () => {
    const due = { referralNumber: 'R-2026-000042', meetingNumber: 2, monthsAfterCompletion: 6, dueAt: '2026-09-02T05:00:00Z' };
    expect(inboxTitle('programme_follow_up_due', due).ru).toBe('Направление R-2026-000042: пора провести встречу мониторинга 2 (через 6 мес. после программы)');
    expect(renderEmail('programme_follow_up_due', 'en', due).text).toContain('Meeting due: 2026-09-02 11:00 (Bishkek time)');
    const recheck = { referralNumber: 'R-2026-000042', recheckOn: '2026-06-15' };
    expect(inboxTitle('programme_treatment_recheck', recheck).ky).toContain('(2026-06-15)');
    expect(renderEmail('programme_treatment_recheck', 'en', recheck).subject).toBe('Korgoo R-2026-000042: re-check day');
    const hostile = { referralNumber: 'R-2026-000042', recheckOn: 'Асанов', meetingNumber: 'x' } as unknown as MessageFacts;
    expect(inboxTitle('programme_treatment_recheck', hostile).en).toContain('(?)');
    expect(inboxTitle('programme_follow_up_due', hostile).en).toContain('monitoring meeting ? is due');
  });

  it('names the new date and time of a merged group session, and the size of one that runs small, in three languages', () => {
    const moved = { referralNumber: 'R-2026-000042', sessionIndex: 3, sessionStartsAt: '2026-03-17T08:00:00Z', previousStartsAt: '2026-03-16T08:00:00Z' };
    expect(inboxTitle('group_session_moved', moved).ru).toBe('Направление R-2026-000042: группа была мала, сессия 3 перенесена на 2026-03-17 14:00 (было 2026-03-16 14:00, время Бишкека)');
    expect(inboxTitle('group_session_moved', moved).ky).toContain('2026-03-17 14:00');
    expect(renderEmail('group_session_moved', 'en', moved).subject).toBe('Korgoo R-2026-000042: group session moved');
    expect(renderShortMessage('group_session_moved', 'ky', moved)).not.toMatch(/2026-03-17/);
    const runs = { referralNumber: 'R-2026-000042', sessionIndex: 4, sessionStartsAt: '2026-03-24T08:00:00Z', participants: 2 };
    expect(inboxTitle('group_session_runs_small', runs).en).toBe('Referral R-2026-000042: session 4 on 2026-03-24 14:00 (Bishkek time) runs with 2 participants; no other group suits them');
    expect(inboxTitle('group_session_runs_small', { ...runs, sessionStartsAt: 'Асанов' }).en).toContain('on ? (Bishkek time)');
  });

  it('writes Bishkek time as UTC+6 and ignores what is not a date', () => {
    expect(bishkekTime('2026-12-31T20:15:00Z')).toBe('2027-01-01 02:15');
    expect(bishkekTime('not a date')).toBeNull();
    expect(bishkekTime(undefined)).toBeNull();
  });
});
