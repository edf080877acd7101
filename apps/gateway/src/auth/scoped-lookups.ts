import { NotFoundException } from '@nestjs/common';
import { ProgrammeContracts, ProgrammeReader, ProgrammeRequestClasses, ProgrammeSubjects, ProgrammeView, QuerySubjects, ReferralView } from '@korgoo/contracts';
import type { Actor } from '@korgoo/contracts';
import { MessagingRuntime } from '@korgoo/messaging';
import { centreOf } from './centre-account';
import { scopeOf } from './scope';

/** A referral within the caller's scope; another centre's answers as missing, its existence is not theirs to learn. */
export async function referralOf(messaging: MessagingRuntime, actor: Actor, referralId: string): Promise<ReferralView> {
  const { referrals } = await messaging.client.request(QuerySubjects.ReferralList, { scope: scopeOf(actor), referralId, limit: 1 });
  if (!referrals[0]) throw new NotFoundException(`no referral ${referralId}`);
  return referrals[0];
}

/** The programme on a referral as the caller's role reads it; another centre's answers as missing. */
export async function programmeOf(messaging: MessagingRuntime, actor: Actor, referralId: string): Promise<ProgrammeView> {
  const reader = actor.role as ProgrammeReader;
  const { programme } = await messaging.client.requestFrom<ProgrammeContracts, typeof ProgrammeSubjects.ProgrammeByReferral>(
    ProgrammeRequestClasses,
    ProgrammeSubjects.ProgrammeByReferral,
    { referralId, reader, ...(reader === 'centre' ? { centreId: centreOf(actor) } : {}) },
  );
  if (!programme) throw new NotFoundException(`no programme for referral ${referralId}`);
  return programme;
}
