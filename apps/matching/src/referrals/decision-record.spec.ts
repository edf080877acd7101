import { demoCentreCapacity, DEMO_DIRECTORY } from '../directory/demo/demo-directory';
import { bishkekInstant } from '../capacity/bishkek-time';
import { decisionView } from './decision-record';

const shans = DEMO_DIRECTORY.find((c) => c.id === 'bishkek-shans')!;
const now = bishkekInstant('2026-12-01T09:00');

describe('decision record', () => {
  it('tells for each hand-off how it ended and who ended it', () => {
    const t = (iso: string) => new Date(iso);
    const view = decisionView({
      referral: { id: 'r', referralNumber: 'R-2026-000001', orderId: 'o', status: 'escalated', priority: 'high', failedHandOffs: 2 },
      handOffLimit: 2,
      routings: [],
      handOffs: [
        { handOff: 0, centreId: 'a', centreName: 'A', proposedAt: t('2026-12-01T00:00:00Z'), dueAt: t('2026-12-01T04:00:00Z'), assigned: false, state: 'declined', resolvedAt: t('2026-12-01T01:00:00Z') },
        { handOff: 1, centreId: 'b', centreName: 'B', proposedAt: t('2026-12-01T01:00:00Z'), dueAt: t('2026-12-01T05:00:00Z'), assigned: false, state: 'fired', resolvedAt: t('2026-12-01T05:00:01Z') },
      ],
      transitions: [
        { handOff: 0, fromStatus: null, toStatus: 'proposed', centreId: 'a', actorKind: 'system', actorId: null, reasonCode: 'routed', note: null, at: t('2026-12-01T00:00:00Z') },
        { handOff: 0, fromStatus: 'proposed', toStatus: 'declined', centreId: 'a', actorKind: 'centre', actorId: 'u1', reasonCode: 'language', note: null, at: t('2026-12-01T01:00:00Z') },
        { handOff: 1, fromStatus: 'declined', toStatus: 'proposed', centreId: 'b', actorKind: 'system', actorId: null, reasonCode: 'rerouted', note: null, at: t('2026-12-01T01:00:00Z') },
        { handOff: 1, fromStatus: 'proposed', toStatus: 'expired', centreId: 'b', actorKind: 'timer', actorId: null, reasonCode: 'acknowledgement_deadline_passed', note: null, at: t('2026-12-01T05:00:01Z') },
        { handOff: 1, fromStatus: 'expired', toStatus: 'escalated', centreId: null, actorKind: 'system', actorId: null, reasonCode: 'hand_off_limit_reached', note: null, at: t('2026-12-01T05:00:01Z') },
      ],
    });
    expect(view.handOffs.map((h) => [h.centreId, h.outcome, h.reasonCode, h.by?.kind])).toEqual([
      ['a', 'declined', 'language', 'centre'],
      ['b', 'fired', 'acknowledgement_deadline_passed', 'timer'],
    ]);
    expect(view.transitions.map((x) => `${x.from ?? '∅'}→${x.to}`)).toEqual([
      '∅→proposed',
      'proposed→declined',
      'declined→proposed',
      'proposed→expired',
      'expired→escalated',
    ]);
  });
});
