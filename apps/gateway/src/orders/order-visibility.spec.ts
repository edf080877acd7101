import type { Actor } from '@korgoo/contracts';
import { inScope, orderScope } from './order-visibility';

const accountId = '0f6f1b1e-2a3b-4c5d-8e9f-0a1b2c3d4e5f';
const actor = (role: 'police' | 'coordinator' | 'admin' | 'centre' | 'auditor', unitId: string | null = null): Actor => {
  if (role === 'police') return { role, accountId, unitId };
  if (role === 'centre') return { role, accountId, centreId: 'naryn-asylzat' };
  return { role, accountId };
};

describe('which orders a person sees', () => {
  it('gives an officer the orders of their own unit only', () => {
    const scope = orderScope(actor('police', 'naryn-riib'))!;
    expect(inScope({ unitCode: 'naryn-riib' }, scope)).toBe(true);
    expect(inScope({ unitCode: 'osh-city' }, scope)).toBe(false);
    expect(inScope({ unitCode: null }, scope)).toBe(false);
  });

  it('gives coordinators and admins every order, including those registered before units existed', () => {
    for (const role of ['coordinator', 'admin'] as const) {
      expect(inScope({ unitCode: null }, orderScope(actor(role))!)).toBe(true);
    }
  });

  it('gives an officer without a unit, centre staff and auditors no orders at all', () => {
    expect(orderScope(actor('police'))).toBeNull();
    expect(orderScope(actor('centre'))).toBeNull();
    expect(orderScope(actor('auditor'))).toBeNull();
  });
});
