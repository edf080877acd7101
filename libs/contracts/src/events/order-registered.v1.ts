import { IsOptional, IsUUID, Matches } from 'class-validator';
import { POLICE_UNIT_CODE } from '../directory';
import { OrderPeriod, ProgrammeParticipant } from '../participant';
import { OdaraScreeningContract } from '../screening';
import { Nested } from '../nested';

export const PERSON_REF = /^[0-9a-f]{64}$/;
/** The number the police gave the order: what officers know it by. */
export const ORDER_NUMBER = /^[A-Za-z0-9][A-Za-z0-9/-]{2,39}$/;

/** order.registered.v1: a police officer registered a protection order with its ODARA screening. */
export class OrderRegisteredV1 {
  @IsUUID() orderId: string;
  @Nested(() => OrderPeriod) period: OrderPeriod;
  @Nested(() => ProgrammeParticipant) participant: ProgrammeParticipant;
  @Nested(() => OdaraScreeningContract) screening: OdaraScreeningContract;
  /**
   * The order's number and the registering officer's unit code: an Article 72 notice goes back to that unit
   * and names the order by its number; the indicators count per unit. Optional only because orders
   * registered before units carry neither.
   */
  @IsOptional() @Matches(ORDER_NUMBER) orderNumber?: string;
  @IsOptional() @Matches(POLICE_UNIT_CODE, { message: 'unitCode must be a police unit code' }) unitCode?: string;
  /** A keyed hash of the person's ПИН made in the gateway; links repeat orders without the number. */
  @IsOptional() @Matches(PERSON_REF, { message: 'personRef must be 64 hex digits' }) personRef?: string;
}
