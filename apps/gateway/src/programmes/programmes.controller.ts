import { Body, Controller, Get, HttpCode, Inject, NotFoundException, Param, ParseIntPipe, ParseUUIDPipe, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../http/openapi';
import {
  ProgrammeContracts,
  ProgrammeReader,
  ProgrammeRequestClasses,
  ProgrammeSubject,
  ProgrammeSubjects,
  ProgrammeView,
} from '@korgoo/contracts';
import { MessagingRuntime } from '@korgoo/messaging';
import { MESSAGING } from '@korgoo/platform';
import { FieldCipher } from '@korgoo/platform/core';
import type { Actor } from '@korgoo/contracts';
import { AuthGuard, CurrentActor, Roles } from '../auth/auth.guard';
import { centreOf } from '../auth/centre-account';
import { AuditTrail } from '../audit/audit-trail';
import { invalidField } from '../http/problems';
import { Audited } from '../audit/audited';
import { ScopedOrders } from '../orders/order-scope';
import { personNameOf } from '../orders/sealed-fields';
import { CloseProgrammeRequest, RecordAttendanceRequest } from './programme.dto';
import { ProgrammeReply } from './programme.responses';

/** The police view adds what only the gateway holds: the order number and the person's name. */
type PoliceProgrammeView = ProgrammeView & { order: { orderNumber: string; issuingUnit: string; personName: string | null } };

/**
 * The programme that follows an accepted referral: centre staff record attendance at their own centre,
 * coordinators close with a coded reason, and centre, coordinators and police read it (police: outcome and
 * notices, not the notes). The programme service owns and decides; this says who is asking.
 */
@ApiTags('programmes')
@ApiBearerAuth()
@ApiProblems()
@UseGuards(AuthGuard)
@Controller('api/v1/referrals/:id/programme')
export class ProgrammesController {
  constructor(
    @Inject(MESSAGING) private readonly messaging: MessagingRuntime,
    private readonly audit: AuditTrail,
    private readonly orders: ScopedOrders,
    private readonly cipher: FieldCipher,
  ) {}

  @ApiOperation({ summary: 'The participant’s programme on a referral' })
  @ApiOkResponse({ type: ProgrammeReply })
  @Get()
  @Roles('centre', 'coordinator', 'police')
  async show(
    @Param('id', new ParseUUIDPipe()) referralId: string,
    @CurrentActor() actor: Actor,
  ): Promise<{ programme: ProgrammeView | PoliceProgrammeView }> {
    const reader = actor.role as ProgrammeReader;
    const { programme } = await this.ask(ProgrammeSubjects.ProgrammeByReferral, {
      referralId,
      reader,
      ...(reader === 'centre' ? { centreId: centreOf(actor) } : {}),
    });
    if (!programme) throw new NotFoundException(`no programme for referral ${referralId}`);
    if (reader !== 'police') {
      await this.audit.record(actor, 'read', 'programme', programme.programmeId);
      return { programme };
    }
    // An officer reads only the programmes of their own unit's orders; another unit's answers as missing.
    const order = await this.orders.require(actor, programme.orderId);
    await this.audit.record(actor, 'read', 'programme', programme.programmeId);
    return {
      programme: {
        ...programme,
        order: { orderNumber: order.orderNumber, issuingUnit: order.issuingUnit, personName: personNameOf(order, this.cipher) },
      },
    };
  }

  @ApiOperation({ summary: 'Record attendance at a session' })
  @ApiOkResponse({ type: ProgrammeReply })
  @Post('sessions/:index/attendance')
  @HttpCode(200)
  @Roles('centre')
  @Audited('record_attendance', 'programme', 'id')
  async recordAttendance(
    @Param('id', new ParseUUIDPipe()) referralId: string,
    @Param('index', new ParseIntPipe({ exceptionFactory: () => invalidField('index', 'index must be a session number 1 to 4') }))
    sessionIndex: number,
    @Body() body: RecordAttendanceRequest,
    @CurrentActor() actor: Actor,
  ): Promise<{ programme: ProgrammeView }> {
    if (sessionIndex < 1 || sessionIndex > 4) throw invalidField('index', 'index must be a session number 1 to 4');
    return this.ask(ProgrammeSubjects.RecordAttendance, {
      referralId,
      sessionIndex,
      centreId: centreOf(actor),
      actorId: actor.accountId,
      mark: body.mark,
      ...(body.excuseReason !== undefined ? { excuseReason: body.excuseReason } : {}),
      ...(body.excuseNote !== undefined ? { excuseNote: body.excuseNote } : {}),
      facilitatorNote: body.facilitatorNote,
      signedBy: body.signedBy,
    });
  }

  @ApiOperation({ summary: 'Close a programme by decision, with a reason' })
  @ApiOkResponse({ type: ProgrammeReply })
  @Post('close')
  @HttpCode(200)
  @Roles('coordinator')
  @Audited('close', 'programme', 'id')
  async close(
    @Param('id', new ParseUUIDPipe()) referralId: string,
    @Body() body: CloseProgrammeRequest,
    @CurrentActor() actor: Actor,
  ): Promise<{ programme: ProgrammeView }> {
    return this.ask(ProgrammeSubjects.CloseByDecision, {
      referralId,
      actorId: actor.accountId,
      reason: body.reason,
      ...(body.note !== undefined ? { note: body.note } : {}),
    });
  }

  private ask<S extends ProgrammeSubject>(subject: S, request: ProgrammeContracts[S]['request']) {
    return this.messaging.client.requestFrom<ProgrammeContracts, S>(ProgrammeRequestClasses, subject, request);
  }
}
