import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ReferralReply } from './referral.responses';
import { ApiProblems } from '../http/openapi';
import { IsIn, IsNotEmpty, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { CENTRE_ID, DECLINE_REASONS, DeclineReason, CommandSubjects, QuerySubjects, ReferralView } from '@korgoo/contracts';
import { MessagingRuntime } from '@korgoo/messaging';
import { MESSAGING } from '@korgoo/platform';
import type { Actor } from '@korgoo/contracts';
import { AuthGuard, CurrentActor, Roles } from '../auth/auth.guard';
import { centreOf } from '../auth/centre-account';
import { ScopeFirst } from '../auth/scope-first';
import { scopeOf } from '../auth/scope';
import { AuditTrail } from '../audit/audit-trail';
import { Audited } from '../audit/audited';

export class DeclineReferralRequest {
  @ApiProperty({ enum: DECLINE_REASONS })
  @IsIn(DECLINE_REASONS, { message: `reason must be one of ${DECLINE_REASONS.join(', ')}` })
  reason: DeclineReason;

  @ApiPropertyOptional({ description: 'Required when the reason is other; stays with the referral, never sent on' })
  @ValidateIf((o: DeclineReferralRequest) => o.reason === 'other' || o.note !== undefined)
  @IsString()
  @IsNotEmpty({ message: 'note is required when the reason is other' })
  @MaxLength(1000)
  note?: string;
}

export class AssignReferralRequest {
  @ApiProperty({ example: 'naryn-asylzat' })
  @Matches(CENTRE_ID, { message: 'centreId must be a centre id such as naryn-asylzat' })
  centreId: string;

  @ApiProperty({ description: 'Why a person overrules the routing; kept in the decision record' })
  @IsString()
  @IsNotEmpty({ message: 'reason must say why the centre is assigned' })
  @MaxLength(1000)
  reason: string;
}

/**
 * The closed loop: centre staff answer a proposal for their own centre, coordinators assign by hand and read
 * why the routing chose as it did. Matching owns the referral and decides; this only says who is asking.
 */
@ApiTags('referrals')
@ApiBearerAuth()
@ApiProblems()
@UseGuards(AuthGuard)
@Controller('api/v1/referrals')
export class ReferralActionsController {
  constructor(
    @Inject(MESSAGING) private readonly messaging: MessagingRuntime,
    private readonly audit: AuditTrail,
  ) {}

  @ApiOperation({ summary: 'Accept a proposed referral for the centre' })
  @ApiOkResponse({ type: ReferralReply })
  @Post(':id/accept')
  @Audited('accept', 'referral', 'id')
  @HttpCode(200)
  @Roles('centre')
  async accept(
    @Param('id', new ParseUUIDPipe()) referralId: string,
    @CurrentActor() actor: Actor,
  ): Promise<{ referral: ReferralView }> {
    return this.messaging.client.request(CommandSubjects.AcceptReferral, {
      referralId,
      centreId: centreOf(actor),
      actorId: actor.accountId,
    });
  }

  @ApiOperation({ summary: 'Decline a proposed referral with a reason' })
  @ApiOkResponse({ type: ReferralReply })
  @Post(':id/decline')
  @ScopeFirst('referral')
  @Audited('decline', 'referral', 'id')
  @HttpCode(200)
  @Roles('centre')
  async decline(
    @Param('id', new ParseUUIDPipe()) referralId: string,
    @Body() body: DeclineReferralRequest,
    @CurrentActor() actor: Actor,
  ): Promise<{ referral: ReferralView }> {
    return this.messaging.client.request(CommandSubjects.DeclineReferral, {
      referralId,
      centreId: centreOf(actor),
      actorId: actor.accountId,
      reason: body.reason,
      ...(body.note !== undefined ? { note: body.note } : {}),
    });
  }

  /** Even to a centre the rules found unable to deliver: the override and its reason are recorded. */
  @ApiOperation({ summary: 'Assign a referral to a centre by hand' })
  @ApiOkResponse({ type: ReferralReply })
  @Post(':id/assign')
  @ScopeFirst('referral')
  @Audited('assign', 'referral', 'id')
  @HttpCode(200)
  @Roles('coordinator')
  async assign(
    @Param('id', new ParseUUIDPipe()) referralId: string,
    @Body() body: AssignReferralRequest,
    @CurrentActor() actor: Actor,
  ): Promise<{ referral: ReferralView }> {
    return this.messaging.client.request(CommandSubjects.AssignReferral, {
      referralId,
      centreId: body.centreId,
      actorId: actor.accountId,
      reason: body.reason,
    });
  }

  /** Candidates, travel times and their sources, verdicts with reasons, capacity seen, and each hand-off. */
  @ApiOperation({ summary: 'The routing decision record of a referral' })
  @ApiOkResponse({ description: 'Candidates, travel, verdicts and hand-offs', schema: { type: 'object', properties: { decision: { type: 'object' } } } })
  @Get(':id/decision')
  @Roles('coordinator')
  async decision(@Param('id', new ParseUUIDPipe()) referralId: string, @CurrentActor() actor: Actor) {
    const { decision } = await this.messaging.client.request(QuerySubjects.ReferralDecision, { referralId, scope: scopeOf(actor) });
    if (!decision) throw new NotFoundException(`no referral ${referralId}`);
    await this.audit.record(actor, 'read', 'referral_decision', referralId);
    return { decision };
  }
}
