import { IsIn, IsUUID } from 'class-validator';
import { OdaraScreeningContract } from '../screening';
import { Nested } from '../nested';

/** order.screening.corrected.v1: the police corrected the ODARA screening of a registered order. */
export class OrderScreeningCorrectedV1 {
  @IsUUID() orderId: string;
  @Nested(() => OdaraScreeningContract) screening: OdaraScreeningContract;
}

export const WITHDRAWAL_REASONS = ['revoked_by_police', 'cancelled_by_court', 'registered_in_error', 'other'] as const;

/**
 * order.withdrawn.v1: the order no longer stands; held capacity is released and the referral cancelled.
 * The officer's note stays with the order in the gateway.
 */
export class OrderWithdrawnV1 {
  @IsUUID() orderId: string;
  @IsIn(WITHDRAWAL_REASONS) reason: (typeof WITHDRAWAL_REASONS)[number];
}
