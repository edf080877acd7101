import { IsOptional, IsUUID, Matches } from 'class-validator';
import { POLICE_UNIT_CODE } from '../directory';
import { OrderPeriod, ProgrammeParticipant } from '../participant';
import { OdaraScreeningContract } from '../screening';
import { Nested } from '../nested';

export const PERSON_REF = /^[0-9a-f]{64}$/;

/** order.registered.v1: a police officer registered a protection order with its ODARA screening. */
export class OrderRegisteredV1 {
  @IsUUID() orderId: string;
  @Nested(() => OrderPeriod) period: OrderPeriod;
  @Nested(() => ProgrammeParticipant) participant: ProgrammeParticipant;
  @Nested(() => OdaraScreeningContract) screening: OdaraScreeningContract;
  /** The registering officer's police unit, by code: counted per unit in the indicators. */
  @IsOptional() @Matches(POLICE_UNIT_CODE, { message: 'unitCode must be a police unit code' }) unitCode?: string;
  /** A keyed hash of the person's ПИН made in the gateway; links repeat orders without the number. */
  @IsOptional() @Matches(PERSON_REF, { message: 'personRef must be 64 hex digits' }) personRef?: string;
}
