import 'reflect-metadata';
import { ContractViolation, parseContract } from '../contract-violation';
import { ProgrammeSessionsRescheduledV1 } from './programme.v1';

const rescheduled = {
  programmeId: '5c2e8f7a-1b3d-4e6f-9a0b-7c8d9e0f1a2b',
  orderId: '3f1d2c4b-5a69-4e7f-8b1a-2c3d4e5f6a7b',
  referralId: '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b',
  referralNumber: 'R-2026-000123',
  centreId: 'naryn-meerman',
  sessions: [{ index: 3, kind: 'group', startsAt: '2026-12-22T03:00:00.000Z', endsAt: '2026-12-22T07:00:00.000Z' }],
  expiresAt: '2027-01-30T03:00:00.000Z',
};

const accepts = (plain: object) => {
  try {
    parseContract(ProgrammeSessionsRescheduledV1, plain);
    return true;
  } catch (error) {
    if (error instanceof ContractViolation) return false;
    throw error;
  }
};

describe('programme.sessions_rescheduled.v1', () => {
  it('names the excused session unless a group merge moved it, and reads an event without a cause as excused', () => {
    expect(accepts({ ...rescheduled, cause: 'group_merge' })).toBe(true);
    expect(accepts({ ...rescheduled, cause: 'excused', excusedIndex: 3 })).toBe(true);
    expect(accepts({ ...rescheduled, excusedIndex: 3 })).toBe(true);
    expect(accepts({ ...rescheduled, cause: 'excused' })).toBe(false);
    expect(accepts({ ...rescheduled, cause: 'facilitator_away', excusedIndex: 2 })).toBe(true);
    expect(accepts({ ...rescheduled, cause: 'facilitator_away' })).toBe(false);
    expect(accepts(rescheduled)).toBe(false);
    expect(accepts({ ...rescheduled, cause: 'coordinator', excusedIndex: 3 })).toBe(false);
  });
});
