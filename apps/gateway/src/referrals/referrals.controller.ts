import { Controller, Get, Inject, Param, ParseUUIDPipe, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InboxPage, ReferralPage, ReferralResponse } from './referral.responses';
import { ApiProblems } from '../http/openapi';
import { listAfter, Page, PageQuery, pageSize, servicePage } from '../http/page';
import {
  InboxEntryView,
  NotificationCommandContracts,
  NotificationCommandRequestClasses,
  NotificationCommandSubjects,
  QuerySubjects,
  ReferralView,
} from '@korgoo/contracts';
import { MessagingRuntime } from '@korgoo/messaging';
import { MESSAGING } from '@korgoo/platform';
import type { Actor } from '@korgoo/contracts';
import { AuthGuard, CurrentActor, Roles } from '../auth/auth.guard';
import { scopedCentre, scopeOf } from '../auth/scope';
import { requireInboxScope } from '../auth/inbox-scope';
import { referralOf } from '../auth/scoped-lookups';
import { AuditTrail } from '../audit/audit-trail';

@ApiTags('referrals')
@ApiBearerAuth()
@ApiProblems()
@UseGuards(AuthGuard)
@Controller('api/v1')
export class ReferralsController {
  constructor(
    @Inject(MESSAGING) private readonly messaging: MessagingRuntime,
    private readonly audit: AuditTrail,
  ) {}

  /** Coordinators see every referral; centre staff only their own centre's, enforced here, not by the client. */
  @ApiOperation({ summary: 'List referrals, newest first, a page at a time (centre staff: their centre\'s only)' })
  @ApiOkResponse({ type: ReferralPage })
  @Get('referrals')
  @Roles('coordinator', 'centre')
  async list(@Query() query: PageQuery, @CurrentActor() actor: Actor): Promise<Page<ReferralView>> {
    const reply = await this.messaging.client.request(QuerySubjects.ReferralList, {
      scope: scopeOf(actor),
      limit: pageSize(query),
      after: listAfter(query),
    });
    await this.audit.record(actor, 'list', 'referral', scopedCentre(actor));
    return servicePage(reply.referrals, reply.next);
  }

  @ApiOperation({ summary: 'One referral' })
  @ApiOkResponse({ type: ReferralResponse })
  @Get('referrals/:id')
  @Roles('coordinator', 'centre')
  async show(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: Actor): Promise<ReferralView> {
    const referral = await referralOf(this.messaging, actor, id);
    if (actor.role === 'centre') {
      // The centre has now seen it: reminders stop. Best effort: if notification is away, the
      // acknowledgement deadline in matching still guards the referral, so the read must not fail.
      await this.messaging.client
        .requestFrom<NotificationCommandContracts, typeof NotificationCommandSubjects.ReferralAcknowledge>(
          NotificationCommandRequestClasses,
          NotificationCommandSubjects.ReferralAcknowledge,
          { referralId: id, centreId: referral.centreId!, via: 'opened' },
        )
        .catch(() => undefined);
    }
    await this.audit.record(actor, 'read', 'referral', id);
    return referral;
  }

  /** The in-app inbox: a centre's assignments, a police unit's notices, or the coordinators' shared inbox. */
  @ApiOperation({ summary: 'The inbox of the caller\'s centre, police unit, or the coordinators, newest first, a page at a time' })
  @ApiOkResponse({ type: InboxPage })
  @Get('inbox')
  @Roles('coordinator', 'centre', 'police')
  async inbox(@Query() query: PageQuery, @CurrentActor() actor: Actor): Promise<Page<InboxEntryView> & { unread: number }> {
    const reply = await this.messaging.client.request(QuerySubjects.InboxList, {
      scope: requireInboxScope(actor),
      limit: pageSize(query),
      after: listAfter(query),
    });
    await this.audit.record(actor, 'list', 'inbox', scopedCentre(actor));
    return { ...servicePage(reply.entries, reply.next), unread: reply.unread };
  }
}
