import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { ImmediateDangerScreen, Nested, OdaraScreeningContract, PriorityOverride } from '@korgoo/contracts';

/** The immediate-danger screen as the officer fills it in, with the officer's own words. */
export class ImmediateDangerRequest extends ImmediateDangerScreen {
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  officerConcern?: string;
}

/** An officer's raised priority needs a written reason; it is kept with the order, never sent on. */
export class PriorityOverrideRequest extends PriorityOverride {
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason: string;
}

/** The ODARA screening as the intake form sends it: the travelling answers plus the officer's free text. */
export class ScreeningRequest extends OdaraScreeningContract {
  declare immediateDanger: ImmediateDangerRequest;
  declare override?: PriorityOverrideRequest;
}
// A `declare` field takes no decorator syntax: the narrower nested types are registered by hand.
Nested(() => ImmediateDangerRequest)(ScreeningRequest.prototype, 'immediateDanger');
Nested(() => PriorityOverrideRequest, { optional: true })(ScreeningRequest.prototype, 'override');
