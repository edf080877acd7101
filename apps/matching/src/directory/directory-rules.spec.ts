import { exceptionProblems, Field, groupSlotProblems, missing, otherCentre, outreachPointProblems, settlementOf, weeklyProblems } from './directory-rules';

/** The rule, field and params of each refusal, without its English sentence. */
const coded = (refusals: Array<{ rule: string; field?: string; params?: object }>) => refusals.map(({ rule, field, params }) => ({ rule, field, params }));
const sentences = (refusals: Array<{ message: string }>) => refusals.map((r) => r.message);

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
    const backwards = weeklyProblems([{ weekday: 2, start: '18:00', end: '09:00' }]);
    expect(coded(backwards)).toEqual([{ rule: 'window_ends_before_start', field: 'weekly.0.end', params: undefined }]);
    expect(sentences(backwards)).toEqual(['weekly[0].end must be after weekly[0].start']);
    expect(sentences(weeklyProblems([{ weekday: 2, start: '18:00', end: '09:00' }], Field.of('weekly', 'facilitator')))).toEqual([
      'facilitator.weekly[0].end must be after facilitator.weekly[0].start',
    ]);
  });

  it('names overlapping windows of one weekday at the later one’s end', () => {
    const overlap = weeklyProblems([
      { weekday: 3, start: '09:00', end: '13:00' },
      { weekday: 4, start: '09:00', end: '13:00' },
      { weekday: 3, start: '12:00', end: '16:00' },
    ]);
    expect(coded(overlap)).toEqual([{ rule: 'windows_overlap', field: 'weekly.2.end', params: { window: 3, otherWindow: 1, weekday: 3 } }]);
    expect(sentences(overlap)).toEqual(['weekly[2] overlaps weekly[0] on weekday 3']);
  });

  it('names what is not in the directory, or is another centre’s, by its id and no field', () => {
    expect([missing.centre('talas-empty'), missing.facilitator('talas-empty-1'), missing.exception('naryn-asylzat-2', 'e-1'), otherCentre('osh-ak-jurok')])
      .toEqual([
        { rule: 'centre_not_found', params: { centreId: 'talas-empty' }, message: 'no centre talas-empty' },
        { rule: 'facilitator_not_found', params: { facilitatorId: 'talas-empty-1' }, message: 'no facilitator talas-empty-1' },
        { rule: 'exception_not_found', params: { facilitatorId: 'naryn-asylzat-2', exceptionId: 'e-1' }, message: 'facilitator naryn-asylzat-2 has no exception e-1' },
        { rule: 'other_centre', params: { centreId: 'osh-ak-jurok' }, message: 'centre staff may change only their own centre' },
      ]);
  });

  it('needs an exception to end after it starts', () => {
    expect(exceptionProblems({ from: '2026-12-30T00:00:00+06:00', to: '2027-01-03T00:00:00+06:00' })).toEqual([]);
    const empty = { from: '2026-12-30T00:00:00+06:00', to: '2026-12-30T00:00:00+06:00' };
    expect(exceptionProblems(empty)).toEqual([{ rule: 'period_ends_before_start', field: 'to', message: 'exception.to must be after exception.from' }]);
    expect(exceptionProblems(empty, Field.of('exceptions', 'facilitator').at(1))).toEqual([
      { rule: 'period_ends_before_start', field: 'exceptions.1.to', message: 'facilitator.exceptions[1].to must be after facilitator.exceptions[1].from' },
    ]);
  });

  it('places a centre in a gazetteer settlement and its oblast', () => {
    expect(settlementOf('naryn')).toMatchObject({ code: 'naryn', oblast: 'Naryn' });
    expect(settlementOf('atlantis', Field.of('settlementCode', 'centre'))).toEqual({
      rule: 'settlement_not_in_gazetteer',
      field: 'settlementCode',
      params: { settlementCode: 'atlantis' },
      message: 'centre.settlementCode atlantis is not in the gazetteer',
    });
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
        {
          rule: 'not_a_facilitator_of_centre',
          field: 'groupSlots.0.coFacilitatorId',
          params: { facilitatorId: 'x-9' },
          message: 'groupSlots[0].coFacilitatorId x-9 is not a facilitator of this centre',
        },
      ]);
      const womanLeads = groupSlotProblems([{ ...slot, leadFacilitatorId: 'c-2', coFacilitatorId: 'c-1' }], roster, Field.of('groupSlots', 'changes'));
      expect(coded(womanLeads)).toEqual([
        { rule: 'lead_not_of_group_sex', field: 'groupSlots.0.leadFacilitatorId', params: undefined },
        { rule: 'co_not_of_other_sex', field: 'groupSlots.0.coFacilitatorId', params: undefined },
      ]);
      expect(womanLeads[0].message).toBe('changes.groupSlots[0].leadFacilitatorId must be a male facilitator for a male group');
      const problems = groupSlotProblems([{ ...slot, language: 'ru', minParticipants: 11, start: '22:00' }], roster);
      expect(coded(problems)).toEqual([
        { rule: 'facilitator_lacks_language', field: 'groupSlots.0.leadFacilitatorId', params: { facilitatorId: 'c-1', language: 'ru' } },
        { rule: 'meeting_past_midnight', field: 'groupSlots.0.minutes', params: undefined },
        { rule: 'minimum_above_maximum', field: 'groupSlots.0.minParticipants', params: undefined },
      ]);
      expect(sentences(problems)).toEqual([
        'groupSlots[0].leadFacilitatorId c-1 does not speak ru',
        'groupSlots[0].minutes must end the meeting by 24:00',
        'groupSlots[0].minParticipants must not exceed groupSlots[0].maxParticipants',
      ]);
    });

    it('refuses one facilitator in two slots at once, naming no field: either slot may move', () => {
      expect(groupSlotProblems([slot, { ...slot, start: '16:00', language: 'ky' }], roster)).toEqual([
        {
          rule: 'slots_share_facilitator',
          params: { slot: 2, otherSlot: 1, weekday: 4 },
          message: 'groupSlots[1] overlaps groupSlots[0] on weekday 4 with the same facilitator',
        },
      ]);
      expect(coded(groupSlotProblems([{ ...slot, id: 's-1' }, { ...slot, id: 's-1', weekday: 5 }], roster))).toEqual([
        { rule: 'slot_id_twice', field: undefined, params: { slotId: 's-1' } },
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
      const problems = outreachPointProblems(
        [{ ...point, settlementCode: 'atlantis', facilitatorIds: ['k-2', 'k-3'], windows: [{ weekday: 4, start: '10:00', end: '13:00' }] }],
        roster,
        [],
      );
      expect(coded(problems)).toEqual([
        { rule: 'settlement_not_in_gazetteer', field: 'outreachPoints.0.settlementCode', params: { settlementCode: 'atlantis' } },
        { rule: 'pair_not_man_and_woman', field: 'outreachPoints.0.facilitatorIds', params: undefined },
        { rule: 'window_shorter_than_session', field: 'outreachPoints.0.windows.0.end', params: { hours: 4 } },
      ]);
      expect(sentences(problems)).toEqual([
        'outreachPoints[0].settlementCode atlantis is not in the gazetteer',
        'outreachPoints[0].facilitatorIds must be a man and a woman',
        'outreachPoints[0].windows[0] must hold a whole session of 4 hours',
      ]);
      expect(outreachPointProblems([{ ...point, facilitatorIds: ['k-1', 'x-9'] }], roster, [])).toEqual([
        {
          rule: 'not_a_facilitator_of_centre',
          field: 'outreachPoints.0.facilitatorIds',
          params: { facilitatorId: 'x-9' },
          message: 'outreachPoints[0].facilitatorIds[1] x-9 is not a facilitator of this centre',
        },
      ]);
    });

    it('keeps an outreach day free of the pair’s other duties', () => {
      const slot = { id: 'k-slot-1', weekday: 4, leadFacilitatorId: 'k-1', coFacilitatorId: 'k-3' };
      expect(outreachPointProblems([point], roster, [slot])).toEqual([
        {
          rule: 'due_at_group_slot',
          field: 'outreachPoints.0.facilitatorIds',
          params: { facilitatorId: 'k-1', weekday: 4, slotId: 'k-slot-1' },
          message: 'outreachPoints[0].facilitatorIds: k-1 is due at group slot k-slot-1 on weekday 4',
        },
      ]);
      const twoPoints = outreachPointProblems([point, { ...point, settlementCode: 'toktogul' }], roster, []);
      expect(coded(twoPoints)).toEqual([
        { rule: 'due_at_outreach_point', field: 'outreachPoints.1.facilitatorIds', params: { facilitatorId: 'k-1', weekday: 4, point: 1 } },
        { rule: 'due_at_outreach_point', field: 'outreachPoints.1.facilitatorIds', params: { facilitatorId: 'k-2', weekday: 4, point: 1 } },
      ]);
      expect(sentences(twoPoints)).toEqual([
        'outreachPoints[1].facilitatorIds: k-1 is due at outreachPoints[0] on weekday 4',
        'outreachPoints[1].facilitatorIds: k-2 is due at outreachPoints[0] on weekday 4',
      ]);
      // Points already held, checked against new slots, are not in the change: the screen shows them in its alert.
      expect(coded(outreachPointProblems([point], roster, [slot], Field.unsent('outreachPoints')))).toEqual([
        { rule: 'due_at_group_slot', field: undefined, params: { facilitatorId: 'k-1', weekday: 4, slotId: 'k-slot-1' } },
      ]);
    });
  });
});
