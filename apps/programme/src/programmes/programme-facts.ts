import { StoredProgramme } from './programme-store';

/** The ids every programme event carries: no names, no notes. */
export function programmeFacts(p: StoredProgramme) {
  return { programmeId: p.id, orderId: p.orderId, referralId: p.referralId, referralNumber: p.referralNumber, centreId: p.centreId };
}
