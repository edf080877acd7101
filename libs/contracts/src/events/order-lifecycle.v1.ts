import { IsIn, IsISO8601, IsUUID, Matches } from 'class-validator';
import { POLICE_UNIT_CODE } from '../directory';
import { OdaraScreeningContract } from '../screening';
import { Nested } from '../nested';
import { ORDER_NUMBER } from './order-registered.v1';

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

/** order.extended.v1: the police extended the order; programmes take the new expiry, outcomes already reached stand. */
export class OrderExtendedV1 {
  @IsUUID() orderId: string;
  @IsISO8601() previousExpiresAt: string;
  @IsISO8601() expiresAt: string;
}

/**
 * order.court_decision_recorded.v1: the police recorded the court's decision on the order. The case
 * reference stays with the order in the gateway: it is free text and may name the parties.
 */
export class OrderCourtDecisionRecordedV1 {
  @IsUUID() orderId: string;
  @Matches(/^\d{4}-\d{2}-\d{2}$/) decidedOn: string;
}

/**
 * order.unit_assigned.v1: an order registered before police units was given the unit its notices go to
 * (the registering officer's unit where known, or a coordinator's choice). The order's number comes along:
 * such orders reached no service with it at registration.
 */
export class OrderUnitAssignedV1 {
  @IsUUID() orderId: string;
  @Matches(ORDER_NUMBER) orderNumber: string;
  @Matches(POLICE_UNIT_CODE, { message: 'unitCode must be a police unit code' }) unitCode: string;
}
