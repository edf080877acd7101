import { Body, Controller, Get, HttpCode, Inject, Param, ParseIntPipe, ParseUUIDPipe, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../http/openapi';
import {
  MAX_VOLUNTARY_SESSIONS,
  ProgrammeContracts,
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
import { ScopeFirst } from '../auth/scope-first';
import { programmeOf } from '../auth/scoped-lookups';
import { AuditTrail } from '../audit/audit-trail';
import { invalidField } from '../http/problems';
import { Audited } from '../audit/audited';
import { ScopedOrders } from '../orders/order-scope';
import { personNameOf } from '../orders/sealed-fields';
import { CloseProgrammeRequest, RecordAttendanceRequest, RecordFollowUpRequest, RecordVoluntarySessionRequest } from './programme.dto';
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
    const programme = await programmeOf(this.messaging, actor, referralId);
    if (actor.role !== 'police') {
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
  @ScopeFirst('programme')
  @HttpCode(200)
  @Roles('centre')
  @Audited('record_attendance', 'programme', 'id')
  async recordAttendance(
    @Param('id', new ParseUUIDPipe()) referralId: string,
    @Param('index', numberBetween('index', 1, 4)) sessionIndex: number,
    @Body() body: RecordAttendanceRequest,
    @CurrentActor() actor: Actor,
  ): Promise<{ programme: ProgrammeView }> {
    checkBetween('index', sessionIndex, 1, 4);
    return this.ask(ProgrammeSubjects.RecordAttendance, { referralId, sessionIndex, ...attendanceOf(body, actor) });
  }

  @ApiOperation({
    summary: 'Enrol the person in the voluntary component after the completed programme',
    description: 'Centre staff of the centre that ran the programme, or a coordinator. 409 unless the programme is completed, or when already enrolled.',
  })
  @ApiOkResponse({ type: ProgrammeReply })
  @ApiProblems(409)
  @Post('voluntary')
  @HttpCode(200)
  @Roles('centre', 'coordinator')
  @Audited('enrol', 'programme', 'id')
  async enrolVoluntary(@Param('id', new ParseUUIDPipe()) referralId: string, @CurrentActor() actor: Actor): Promise<{ programme: ProgrammeView }> {
    return this.ask(ProgrammeSubjects.EnrolVoluntary, {
      referralId,
      actorId: actor.accountId,
      ...(actor.role === 'centre' ? { centreId: centreOf(actor) } : {}),
    });
  }

  @ApiOperation({
    summary: 'Record a voluntary session the centre held',
    description: 'Numbered 1, 2, 3 … in the order held, with its date and the same marks as a mandatory session. A refusal means the person left the voluntary component; nothing is reported to the police.',
  })
  @ApiOkResponse({ type: ProgrammeReply })
  @ApiProblems(409)
  @Post('voluntary/sessions/:number/attendance')
  @ScopeFirst('programme')
  @HttpCode(200)
  @Roles('centre')
  @Audited('record_attendance', 'programme', 'id')
  async recordVoluntarySession(
    @Param('id', new ParseUUIDPipe()) referralId: string,
    @Param('number', numberBetween('number', 1, MAX_VOLUNTARY_SESSIONS)) sessionNumber: number,
    @Body() body: RecordVoluntarySessionRequest,
    @CurrentActor() actor: Actor,
  ): Promise<{ programme: ProgrammeView }> {
    checkBetween('number', sessionNumber, 1, MAX_VOLUNTARY_SESSIONS);
    return this.ask(ProgrammeSubjects.RecordVoluntarySession, { referralId, sessionNumber, heldAt: body.heldAt, ...attendanceOf(body, actor) });
  }

  @ApiOperation({
    summary: 'Record a monitoring meeting after completion as held or missed',
    description: 'Once per meeting; held from 14 days before it falls due, missed once it is due.',
  })
  @ApiOkResponse({ type: ProgrammeReply })
  @ApiProblems(409)
  @Post('follow-ups/:number')
  @ScopeFirst('programme')
  @HttpCode(200)
  @Roles('centre')
  @Audited('record_follow_up', 'programme', 'id')
  async recordFollowUp(
    @Param('id', new ParseUUIDPipe()) referralId: string,
    @Param('number', numberBetween('number', 1, 18)) meetingNumber: number,
    @Body() body: RecordFollowUpRequest,
    @CurrentActor() actor: Actor,
  ): Promise<{ programme: ProgrammeView }> {
    checkBetween('number', meetingNumber, 1, 18);
    return this.ask(ProgrammeSubjects.RecordFollowUp, {
      referralId,
      meetingNumber,
      centreId: centreOf(actor),
      actorId: actor.accountId,
      outcome: body.outcome,
    });
  }

  @ApiOperation({
    summary: 'Close a programme by decision, with a reason',
    description: 'Final. treatment_first takes a re-check day, on which the coordinators are reminded to look at the person again.',
  })
  @ApiOkResponse({ type: ProgrammeReply })
  @ApiProblems(409)
  @Post('close')
  @ScopeFirst('programme')
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
      ...(body.recheckOn !== undefined ? { recheckOn: body.recheckOn } : {}),
    });
  }

  private ask<S extends ProgrammeSubject>(subject: S, request: ProgrammeContracts[S]['request']) {
    return this.messaging.client.requestFrom<ProgrammeContracts, S>(ProgrammeRequestClasses, subject, request);
  }
}

function between(name: string, low: number, high: number) {
  return invalidField(name, `${name} must be a number ${low} to ${high}`);
}

/** A whole number in the path, refused with the field's name. */
function numberBetween(name: string, low: number, high: number) {
  return new ParseIntPipe({ exceptionFactory: () => between(name, low, high) });
}

function checkBetween(name: string, value: number, low: number, high: number) {
  if (value < low || value > high) throw between(name, low, high);
}

/** The record of how a session went, mandatory or voluntary, as the programme service takes it. */
function attendanceOf(body: RecordAttendanceRequest, actor: Actor) {
  return {
    centreId: centreOf(actor),
    actorId: actor.accountId,
    mark: body.mark,
    ...(body.excuseReason !== undefined ? { excuseReason: body.excuseReason } : {}),
    ...(body.excuseNote !== undefined ? { excuseNote: body.excuseNote } : {}),
    facilitatorNote: body.facilitatorNote,
    signedBy: body.signedBy,
  };
}
