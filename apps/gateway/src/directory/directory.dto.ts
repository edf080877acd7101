import { ApiProperty, ApiPropertyOptions } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, ValidateNested } from 'class-validator';
import {
  AVAILABILITY_EXCEPTION_REASONS,
  AvailabilityExceptionFields,
  CENTRE_STATUSES,
  CentreChanges,
  CONTACT_CHANNEL_KINDS,
  ContactChannelFields,
  FacilitatorChanges,
  GroupSlotFields,
  NewCentreFields,
  NewFacilitatorFields,
  OutreachPointFields,
  PROGRAMME_LANGUAGES,
  SEXES,
  SetCentreStatusCommand,
  WeeklyWindowFields,
} from '@korgoo/contracts';

// The bodies are the contract's classes, so gateway and matching validate by the same rules; what follows
// only adds what the API documentation shows.
type Documented<T> = { [K in keyof T]-?: ApiPropertyOptions };

function documented<T>(body: new () => T, properties: Documented<T>): void {
  for (const [name, options] of Object.entries(properties) as Array<[string, ApiPropertyOptions]>) {
    ApiProperty(options)(body.prototype as object, name);
  }
}

export class ContactChannelBody extends ContactChannelFields {}
documented(ContactChannelBody, {
  kind: { enum: CONTACT_CHANNEL_KINDS },
  address: { type: String, example: 'inbox:naryn-asylzat' },
});

export class CreateCentreBody extends NewCentreFields {}
documented(CreateCentreBody, {
  id: { type: String, example: 'naryn-asylzat' },
  name: { type: String, example: 'Асылзат' },
  settlementCode: { type: String, example: 'naryn', description: 'Gazetteer settlement; the oblast follows from it' },
  lat: { type: Number, required: false, description: "Defaults to the settlement's" },
  lng: { type: Number, required: false, description: "Defaults to the settlement's" },
  status: { enum: CENTRE_STATUSES },
  groupCapacity: { type: Number, minimum: 1, maximum: 50, description: 'Participants per group session' },
  municipal: { type: Boolean, required: false },
  contactChannels: { type: [ContactChannelBody], required: false },
});

export class GroupSlotBody extends GroupSlotFields {}
documented(GroupSlotBody, {
  id: { type: String, required: false, description: 'Keep it to keep the slot; a new slot gets the centre id and the next number' },
  weekday: { type: Number, minimum: 1, maximum: 7, description: 'ISO weekday, 1 = Monday' },
  start: { type: String, example: '14:00', description: 'Asia/Bishkek' },
  minutes: { type: Number, minimum: 60, maximum: 480, example: 240 },
  sex: { enum: SEXES, description: 'Men and women meet in separate groups' },
  language: { enum: PROGRAMME_LANGUAGES },
  leadFacilitatorId: { type: String, description: "A facilitator of the centre of the group's sex" },
  coFacilitatorId: { type: String, description: 'A facilitator of the centre of the other sex' },
  minParticipants: { type: Number, minimum: 1, maximum: 50, example: 3 },
  maxParticipants: { type: Number, minimum: 1, maximum: 50, example: 10 },
});

export class WeeklyWindowBody extends WeeklyWindowFields {}
documented(WeeklyWindowBody, {
  weekday: { type: Number, minimum: 1, maximum: 7, description: 'ISO weekday, 1 = Monday' },
  start: { type: String, example: '09:00', description: 'Asia/Bishkek' },
  end: { type: String, example: '18:00', description: 'Asia/Bishkek; 24:00 for midnight' },
});

export class OutreachPointBody extends OutreachPointFields {}
documented(OutreachPointBody, {
  id: { type: String, required: false, description: 'Keep it to keep the point; a new point gets the centre id, "point" and the next number' },
  settlementCode: { type: String, example: 'kazarman', description: 'Gazetteer settlement where the sessions are held' },
  facilitatorIds: {
    type: [String],
    minItems: 2,
    maxItems: 2,
    description: 'A man and a woman of the centre; the one of the participant’s sex leads. Their outreach weekdays are days away from the centre',
  },
  windows: {
    type: [WeeklyWindowBody],
    description: 'Hours held at the place, each at least one 4-hour session; the pair travels outside them',
  },
});

export class UpdateCentreBody extends CentreChanges {}
documented(UpdateCentreBody, {
  name: { type: String, required: false },
  settlementCode: { type: String, required: false },
  lat: { type: Number, required: false },
  lng: { type: Number, required: false },
  groupCapacity: { type: Number, minimum: 1, maximum: 50, required: false },
  municipal: { type: Boolean, required: false },
  contactChannels: { type: [ContactChannelBody], required: false },
  groupSlots: { type: [GroupSlotBody], required: false, description: 'Replaces every declared weekly group slot' },
  outreachPoints: {
    type: [OutreachPointBody],
    required: false,
    description: 'Replaces every outreach point; one with sessions ahead cannot be dropped (409)',
  },
});

export class CentreStatusBody {
  @ApiProperty({ enum: CENTRE_STATUSES, description: 'A paused centre takes no new participants' })
  @IsIn(CENTRE_STATUSES)
  status: SetCentreStatusCommand['status'];
}


export class AvailabilityExceptionBody extends AvailabilityExceptionFields {}
documented(AvailabilityExceptionBody, {
  from: { type: String, example: '2026-12-30T00:00:00+06:00' },
  to: { type: String, example: '2027-01-03T00:00:00+06:00', description: 'Exclusive' },
  reason: { enum: AVAILABILITY_EXCEPTION_REASONS },
});

export class CreateFacilitatorBody extends NewFacilitatorFields {}
documented(CreateFacilitatorBody, {
  id: { type: String, required: false, description: 'Defaults to the centre id and the next number' },
  displayName: { type: String, example: 'Facilitator K.M.' },
  sex: { enum: SEXES },
  languages: { enum: PROGRAMME_LANGUAGES, isArray: true },
  certifiedOn: { type: String, nullable: true, example: '2023-10-13', description: 'Null while in training' },
  active: { type: Boolean },
  weekly: { type: [WeeklyWindowBody] },
  exceptions: { type: [AvailabilityExceptionBody], required: false },
});

export class UpdateFacilitatorBody extends FacilitatorChanges {}
documented(UpdateFacilitatorBody, {
  displayName: { type: String, required: false },
  sex: { enum: SEXES, required: false },
  languages: { enum: PROGRAMME_LANGUAGES, isArray: true, required: false },
  certifiedOn: { type: String, nullable: true, required: false },
  active: { type: Boolean, required: false },
});

export class WeeklyAvailabilityBody {
  @ApiProperty({ type: [WeeklyWindowBody], description: 'Replaces the whole week' })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => WeeklyWindowFields)
  weekly: WeeklyWindowFields[];
}
