import type { Actor } from '@korgoo/contracts';
import { inScope, orderLookupScope, orderScope, scopeOf } from './scope';

const accountId = '0f6f1b1e-2a3b-4c5d-8e9f-0a1b2c3d4e5f';
const actor = (role: 'police' | 'coordinator' | 'admin' | 'centre' | 'auditor' | 'probation', unitId: string | null = null): Actor => {
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

  it('gives coordinators every order, including those registered before units existed', () => {
    expect(inScope({ unitCode: null }, orderScope(actor('coordinator'))!)).toBe(true);
  });

  it('gives an officer without a unit, centre staff, auditors and admins no orders at all', () => {
    expect(orderScope(actor('police'))).toBeNull();
    expect(orderScope(actor('centre'))).toBeNull();
    expect(orderScope(actor('auditor'))).toBeNull();
    expect(orderScope(actor('admin'))).toBeNull();
  });
});

describe('what part of the country a service request covers', () => {
  it('narrows centre staff to their centre and an officer with a unit to it; the others see nationally', () => {
    expect(scopeOf(actor('centre'))).toEqual({ kind: 'centre', centreId: 'naryn-asylzat' });
    expect(scopeOf(actor('police', 'naryn-riib'))).toEqual({ kind: 'unit', unitId: 'naryn-riib' });
    expect(scopeOf(actor('police'))).toEqual({ kind: 'national' });
    for (const role of ['coordinator', 'admin', 'auditor', 'probation'] as const) expect(scopeOf(actor(role))).toEqual({ kind: 'national' });
  });

  it('asks about an order the officer was shown nationally, since the owning services know no units', () => {
    expect(orderLookupScope(actor('police', 'naryn-riib'))).toEqual({ kind: 'national' });
    expect(orderLookupScope(actor('centre'))).toEqual({ kind: 'centre', centreId: 'naryn-asylzat' });
  });

  it('never gives centre staff, auditors or probation any orders of the gateway', () => {
    for (const role of ['centre', 'auditor', 'probation'] as const) expect(orderScope(actor(role))).toBeNull();
  });
});
