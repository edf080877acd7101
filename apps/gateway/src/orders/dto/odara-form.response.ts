import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LocalizedText as FormText } from '../../referrals/referral.responses';

// Describes the form the risk service defines (apps/risk/src/odara/odara-form.ts) for the document.


export class FormOptionResponse {
  @ApiProperty({ oneOf: [{ type: 'string' }, { type: 'boolean' }] }) value: string | boolean;
  @ApiProperty({ type: FormText }) label: FormText;
}

export class FormQuestionResponse {
  @ApiProperty() key: string;
  @ApiProperty({ description: 'Dotted path in the screening; the same path a 400 names', example: 'items.confinement' })
  path: string;
  @ApiProperty() section: string;
  @ApiProperty({ enum: ['answer', 'dangerAnswer', 'choice', 'boolean', 'text'] }) kind: string;
  @ApiProperty({ enum: ['required', 'optional', 'requiredUnlessIndicatorsGiven', 'requiredWithOverride'] })
  requirement: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 13 }) itemNumber?: number;
  @ApiProperty({ type: [FormOptionResponse] }) options: FormOptionResponse[];
  @ApiProperty({ type: FormText }) text: FormText;
  @ApiProperty({ type: FormText }) help: FormText;
}

export class FormSectionResponse {
  @ApiProperty() key: string;
  @ApiProperty({ type: FormText }) title: FormText;
  @ApiProperty({ type: FormText }) help: FormText;
}

export class OdaraFormResponse {
  @ApiProperty({ example: 'odara-form-2026.1' }) version: string;
  @ApiProperty({ type: [FormSectionResponse] }) sections: FormSectionResponse[];
  @ApiProperty({ type: [FormQuestionResponse] }) questions: FormQuestionResponse[];
}
