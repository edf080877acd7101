import { Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@korgoo/contracts';
import { AuthGuard, CurrentActor, Roles } from '../auth/auth.guard';
import { ApiProblems } from '../http/openapi';
import { FieldKeyRotation, RotateFieldKeys } from './rotate-field-keys';

export class ContactAddressRotationResponse {
  @ApiProperty({ description: 'Notification recipients whose contact addresses were sealed or rewrapped by this run' }) recipients: number;
  @ApiProperty({ description: 'Delivery plans whose copied contact addresses were sealed or rewrapped by this run' }) intents: number;
}

export class FieldKeyRotationResponse implements FieldKeyRotation {
  @ApiProperty({ description: 'The key every sealed field is now under', example: '2026-12' }) activeKeyId: string;
  @ApiProperty({ description: 'Person names sealed or rewrapped by this run' }) personNames: number;
  @ApiProperty({ description: 'Officers\' notes sealed or rewrapped by this run' }) notes: number;
  @ApiProperty({ description: 'Account display names (staff names) sealed or rewrapped by this run' }) accountNames: number;
  @ApiProperty({ description: 'Second-factor (TOTP) secrets sealed or rewrapped by this run' }) secondFactorSecrets: number;
  @ApiProperty({ description: 'The notification service\'s contact addresses, rewrapped in its own database', type: ContactAddressRotationResponse })
  contactAddresses: ContactAddressRotationResponse;
}

@ApiTags('admin')
@ApiBearerAuth()
@ApiProblems()
@UseGuards(AuthGuard)
@Roles('admin')
@Controller('api/v1/admin/field-keys')
export class FieldKeysController {
  constructor(private readonly rotate: RotateFieldKeys) {}

  /** After a new key is put first in FIELD_ENCRYPTION_KEYS on every gateway and notification replica. */
  @ApiOperation({
    summary: 'Bring every sealed name, note and contact address under the active field key',
    description:
      'Run once the new key is first in FIELD_ENCRYPTION_KEYS on every gateway and notification replica; then drop the old key. ' +
      '409 while the notification service seals under another key (nothing changes); 503 when it does not answer.',
  })
  @ApiOkResponse({ type: FieldKeyRotationResponse })
  @ApiProblems(401, 403, 409, 503)
  @Post('rotation')
  @HttpCode(200)
  rotation(@CurrentActor() actor: Actor): Promise<FieldKeyRotation> {
    return this.rotate.execute(actor);
  }
}
