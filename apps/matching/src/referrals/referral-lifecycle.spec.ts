import { QueryRejected } from '@korgoo/contracts';
import {
  afterFailedHandOff,
  assertTransition,
  canTransition,
  centreActionRefusal,
  declineProblem,
  failedHandOffReason,
  passedThrough,
} from './referral-lifecycle';

describe('referral transitions', () => {
  it.each([
    ['proposed', 'accepted'],
    ['proposed', 'declined'],
    ['proposed', 'expired'],
    ['declined', 'proposed'],
    ['expired', 'escalated'],
    ['escalated', 'proposed'],
    ['unroutable', 'proposed'],
    ['accepted', 'cancelled'],
  ] as const)('allows %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
  });

  it.each([
    ['accepted', 'declined'],
    ['cancelled', 'proposed'],
    ['escalated', 'accepted'],
    ['declined', 'accepted'],
    ['accepted', 'proposed'],
  ] as const)('refuses %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
    expect(() => assertTransition(from, to)).toThrow(`from ${from} to ${to}`);
  });
});

describe('after a failed hand-off', () => {
  it('tries the next centre while hand-offs remain', () => {
    expect(afterFailedHandOff({ failedHandOffs: 1, handOffLimit: 2, assigned: false })).toEqual({ kind: 'reroute' });
  });

  it('escalates once the limit of failed hand-offs is reached', () => {
    expect(afterFailedHandOff({ failedHandOffs: 2, handOffLimit: 2, assigned: false })).toEqual({
      kind: 'escalate',
      reason: '2 failed hand-offs reached the limit of 2',
    });
  });

  it('goes back to the coordinators when the centre was their choice, whatever the count', () => {
    expect(afterFailedHandOff({ failedHandOffs: 1, handOffLimit: 5, assigned: true }).kind).toBe('escalate');
  });

  it('says why in codes, never in the staff note', () => {
    expect(failedHandOffReason('declined', 'naryn-asylzat', 'at_capacity')).toBe('naryn-asylzat declined (at_capacity)');
    expect(failedHandOffReason('expired', 'osh-ak-jurok', '2026-12-01T10:00:00.000Z')).toBe(
      'osh-ak-jurok did not acknowledge by 2026-12-01T10:00:00.000Z',
    );
    expect(failedHandOffReason('facilitator_away', 'naryn-asylzat', '2')).toBe(
      'naryn-asylzat can no longer hold session 2: a facilitator is away and nothing fits before expiry',
    );
  });

  it('leaves a centre that can no longer hold the sessions as if it had declined, and moves on from there', () => {
    expect(passedThrough('facilitator_away')).toBe('declined');
    expect(passedThrough('expired')).toBe('expired');
    expect(canTransition('proposed', passedThrough('facilitator_away'))).toBe(true);
    expect(canTransition(passedThrough('facilitator_away'), 'proposed')).toBe(true);
    expect(canTransition(passedThrough('facilitator_away'), 'escalated')).toBe(true);
  });
});

describe('declining', () => {
  it('needs a note only for other', () => {
    expect(declineProblem('at_capacity', undefined)).toBeNull();
    for (const note of [undefined, '   ']) {
      const refusal = declineProblem('other', note);
      expect(refusal).toMatchObject({ code: 'invalid_request', message: 'note is required when the reason is other' });
      expect(refusal?.refusals).toEqual([{ rule: 'decline_note_required', field: 'note', message: 'note is required when the reason is other' }]);
    }
    expect(declineProblem('other', 'the participant is a relative of our facilitator')).toBeNull();
  });
});

describe('who may answer a proposal', () => {
  const referral = { referralNumber: 'R-2026-000001', status: 'proposed' as const, centreId: 'naryn-asylzat' };

  it('lets the centre it is proposed to answer', () => {
    expect(centreActionRefusal(referral, 'naryn-asylzat', new Set(['naryn-asylzat']))).toBeNull();
  });

  it('forbids a centre it was never proposed to', () => {
    const refusal = centreActionRefusal(referral, 'osh-ak-jurok', new Set(['naryn-asylzat']));
    expect(refusal).toBeInstanceOf(QueryRejected);
    expect(refusal?.code).toBe('forbidden');
    expect(refusal?.refusals?.map((r) => [r.rule, r.params])).toEqual([['referral_of_other_centre', { referralNumber: 'R-2026-000001' }]]);
  });

  it('answers conflict to a centre it has moved on from', () => {
    const moved = { ...referral, centreId: 'naryn-pir-solomon' };
    const refusal = centreActionRefusal(moved, 'naryn-asylzat', new Set(['naryn-asylzat', 'naryn-pir-solomon']));
    expect(refusal?.code).toBe('conflict');
    expect(refusal?.refusals?.map((r) => r.rule)).toEqual(['referral_no_longer_proposed']);
  });

  it('answers conflict once the referral is no longer proposed', () => {
    const refusal = centreActionRefusal({ ...referral, status: 'accepted' }, 'naryn-asylzat', new Set(['naryn-asylzat']));
    expect(refusal?.message).toBe('referral R-2026-000001 is accepted, not proposed');
    expect(refusal?.refusals).toEqual([
      { rule: 'referral_no_longer_proposed', params: { referralNumber: 'R-2026-000001' }, message: 'referral R-2026-000001 is accepted, not proposed' },
    ]);
  });
});
