import { IsUUID } from 'class-validator';
import { OrderPeriod, ProgrammeParticipant } from '../participant';
import { OdaraScreeningContract } from '../screening';
import { Nested } from '../nested';

/** order.registered.v1: a police officer registered a protection order with its ODARA screening. */
export class OrderRegisteredV1 {
  @IsUUID() orderId: string;
  @Nested(() => OrderPeriod) period: OrderPeriod;
  @Nested(() => ProgrammeParticipant) participant: ProgrammeParticipant;
  @Nested(() => OdaraScreeningContract) screening: OdaraScreeningContract;
}
