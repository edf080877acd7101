import { exceptionProblems, groupSlotProblems, outreachPointProblems, settlementOf, weeklyProblems } from './directory-rules';

describe('directory rules', () => {
  it('accepts a plain week, including a window closing at midnight', () => {
    expect(
      weeklyProblems([
        { weekday: 1, start: '09:00', end: '13:00' },
        { weekday: 1, start: '14:00', end: '18:00' },
        { weekday: 6, start: '20:00', end: '24:00' },
      ]),
    ).toEqual([]);
  });

  it('names a window that ends before it starts', () => {
    expect(weeklyProblems([{ weekday: 2, start: '18:00', end: '09:00' }])).toEqual(['weekly[0].end must be after weekly[0].start']);
  });

  it('names overlapping windows of one weekday', () => {
    expect(
      weeklyProblems([
        { weekday: 3, start: '09:00', end: '13:00' },
        { weekday: 4, start: '09:00', end: '13:00' },
        { weekday: 3, start: '12:00', end: '16:00' },
      ]),
    ).toEqual(['weekly[2] overlaps weekly[0] on weekday 3']);
  });

  it('needs an exception to end after it starts', () => {
    expect(exceptionProblems({ from: '2026-12-30T00:00:00+06:00', to: '2027-01-03T00:00:00+06:00' })).toEqual([]);
    expect(exceptionProblems({ from: '2026-12-30T00:00:00+06:00', to: '2026-12-30T00:00:00+06:00' })).toEqual([
      'exception.to must be after exception.from',
    ]);
  });

  it('places a centre in a gazetteer settlement and its oblast', () => {
    expect(settlementOf('naryn')).toMatchObject({ code: 'naryn', oblast: 'Naryn' });
    expect(settlementOf('atlantis')).toBe('settlementCode atlantis is not in the gazetteer');
  });

  describe('group slots', () => {
    const roster = new Map([
      ['c-1', { sex: 'male' as const, languages: ['ky' as const] }],
      ['c-2', { sex: 'female' as const, languages: ['ky' as const, 'ru' as const] }],
    ]);
    const slot = {
      weekday: 4,
      start: '14:00',
      minutes: 240,
      sex: 'male' as const,
      language: 'ky' as const,
      leadFacilitatorId: 'c-1',
      coFacilitatorId: 'c-2',
      minParticipants: 3,
      maxParticipants: 10,
    };

    it("accepts a men's slot led by a man of the centre with a woman", () => {
      expect(groupSlotProblems([slot], roster)).toEqual([]);
    });

    it('names a lead of the wrong sex, a stranger, a language nobody speaks and sizes the wrong way round', () => {
      expect(groupSlotProblems([{ ...slot, sex: 'female', leadFacilitatorId: 'c-2', coFacilitatorId: 'x-9' }], roster)).toEqual([
        'groupSlots[0].coFacilitatorId x-9 is not a facilitator of this centre',
      ]);
      expect(groupSlotProblems([{ ...slot, leadFacilitatorId: 'c-2' }], roster)).toContain(
        'groupSlots[0].leadFacilitatorId must be a male facilitator for a male group',
      );
      expect(groupSlotProblems([{ ...slot, language: 'ru', minParticipants: 11, start: '22:00' }], roster)).toEqual([
        'groupSlots[0].leadFacilitatorId c-1 does not speak ru',
        'groupSlots[0].minutes must end the meeting by 24:00',
        'groupSlots[0].minParticipants must not exceed groupSlots[0].maxParticipants',
      ]);
    });

    it('refuses one facilitator in two slots at once', () => {
      expect(groupSlotProblems([slot, { ...slot, start: '16:00', language: 'ky' }], roster)).toEqual([
        'groupSlots[1] overlaps groupSlots[0] on weekday 4 with the same facilitator',
      ]);
    });
  });

  describe('outreach points', () => {
    const roster = new Map([
      ['k-1', { sex: 'male' as const }],
      ['k-2', { sex: 'female' as const }],
      ['k-3', { sex: 'female' as const }],
    ]);
    const point = { settlementCode: 'kazarman', facilitatorIds: ['k-1', 'k-2'], windows: [{ weekday: 4, start: '10:00', end: '16:00' }] };

    it('accepts a man and a woman of the centre holding whole sessions in a gazetteer town', () => {
      expect(outreachPointProblems([point], roster, [])).toEqual([]);
    });

    it('names each wrong field', () => {
      expect(
        outreachPointProblems(
          [{ ...point, settlementCode: 'atlantis', facilitatorIds: ['k-2', 'k-3'], windows: [{ weekday: 4, start: '10:00', end: '13:00' }] }],
          roster,
          [],
        ),
      ).toEqual([
        'outreachPoints[0].settlementCode atlantis is not in the gazetteer',
        'outreachPoints[0].facilitatorIds must be a man and a woman',
        'outreachPoints[0].windows[0] must hold a whole session of 4 hours',
      ]);
      expect(outreachPointProblems([{ ...point, facilitatorIds: ['k-1', 'x-9'] }], roster, [])).toEqual([
        'outreachPoints[0].facilitatorIds[1] x-9 is not a facilitator of this centre',
      ]);
    });

    it('keeps an outreach day free of the pair’s other duties', () => {
      const slot = { id: 'k-slot-1', weekday: 4, leadFacilitatorId: 'k-1', coFacilitatorId: 'k-3' };
      expect(outreachPointProblems([point], roster, [slot])).toEqual(['outreachPoints[0].facilitatorIds: k-1 is due at group slot k-slot-1 on weekday 4']);
      expect(outreachPointProblems([point, { ...point, settlementCode: 'toktogul' }], roster, [])).toEqual([
        'outreachPoints[1].facilitatorIds: k-1 is due at outreachPoints[0] on weekday 4',
        'outreachPoints[1].facilitatorIds: k-2 is due at outreachPoints[0] on weekday 4',
      ]);
    });
  });
});
