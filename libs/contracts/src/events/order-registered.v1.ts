import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { OrderPeriod, ProgrammeParticipant } from '../participant';
import { OdaraScreeningContract } from '../screening';
import { Nested } from '../nested';

/** order.registered.v1: a police officer registered a protection order with its ODARA screening. */
export class OrderRegisteredV1 {
  @IsUUID() orderId: string;
  @Nested(() => OrderPeriod) period: OrderPeriod;
  @Nested(() => ProgrammeParticipant) participant: ProgrammeParticipant;
  @Nested(() => OdaraScreeningContract) screening: OdaraScreeningContract;
  /** The police unit that issued the order, as registered: counted per unit in the indicators. */
  @IsOptional() @IsString() @MaxLength(200) issuingUnit?: string;
}
