import { Type } from 'class-transformer';
import { IsUUID, ValidateNested } from 'class-validator';
import { OrderPeriod, ProgrammeParticipant } from '../participant';
import { OdaraScreeningContract } from '../screening';

/** order.registered.v1: a police officer registered a protection order with its ODARA screening. */
export class OrderRegisteredV1 {
  @IsUUID() orderId: string;
  @ValidateNested() @Type(() => OrderPeriod) period: OrderPeriod;
  @ValidateNested() @Type(() => ProgrammeParticipant) participant: ProgrammeParticipant;
  @ValidateNested() @Type(() => OdaraScreeningContract) screening: OdaraScreeningContract;
}
