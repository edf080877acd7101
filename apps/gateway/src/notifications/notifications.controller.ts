import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Put, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../http/openapi';
import {
  DeliveryAttemptView,
  NotificationCommandContracts,
  NotificationCommandRequestClasses,
  NotificationCommandSubject,
  NotificationCommandSubjects,
  CommandSubjects, QuerySubjects,
  NoticeAcknowledgement,
  RecipientRef,
  RecipientSettings,
  RecipientView,
} from '@korgoo/contracts';
import { MessagingRuntime } from '@korgoo/messaging';
import { MESSAGING } from '@korgoo/platform';
import type { Actor } from '@korgoo/contracts';
import { AuthGuard, CurrentActor, Roles } from '../auth/auth.guard';
import { scopeOf } from '../auth/scope';
import { requireInboxScope } from '../auth/inbox-scope';
import { AuditTrail } from '../audit/audit-trail';
import { Audited } from '../audit/audited';
import { NoticeAcknowledgementResponse } from '../referrals/referral.responses';

/**
 * The delivery side of referrals: the delivery log for coordinators, marking an inbox entry read (which
 * acknowledges a centre's notifications), police acknowledging an Article 72 notice, and the admin's settings
 * of who is told through which channels.
 */
@ApiTags('notifications')
@ApiBearerAuth()
@ApiProblems()
@UseGuards(AuthGuard)
@Controller('api/v1')
export class NotificationsController {
  constructor(
    @Inject(MESSAGING) private readonly messaging: MessagingRuntime,
    private readonly audit: AuditTrail,
  ) {}

  private command<S extends NotificationCommandSubject>(subject: S, request: NotificationCommandContracts[S]['request']) {
    return this.messaging.client.requestFrom<NotificationCommandContracts, S>(NotificationCommandRequestClasses, subject, request);
  }

  /** Sets a recipient's language and channels; the audit names it as `kind:id` (`centre:naryn-asylzat`). */
  private async configure(ref: RecipientRef, settings: RecipientSettings, actor: Actor): Promise<{ recipient: RecipientView }> {
    const reply = await this.command(NotificationCommandSubjects.RecipientConfigure, { ...settings, ...ref });
    const id = ref.centreId ?? ref.unitCode;
    await this.audit.record(actor, 'configure', 'notification_recipient', id ? `${ref.recipientKind}:${id}` : ref.recipientKind);
    return reply;
  }

  /** Every attempt to tell anyone about the referral: channel, provider, status, provider message id, time. */
  @ApiOperation({ summary: 'Every delivery attempt about a referral' })
  @ApiOkResponse({ description: 'Delivery attempts', schema: { type: 'object', properties: { attempts: { type: 'array', items: { type: 'object' } } } } })
  @Get('referrals/:id/deliveries')
  @Roles('coordinator')
  async deliveries(
    @Param('id', new ParseUUIDPipe()) referralId: string,
    @CurrentActor() actor: Actor,
  ): Promise<{ attempts: DeliveryAttemptView[] }> {
    const reply = await this.messaging.client.request(QuerySubjects.DeliveryLog, { referralId, scope: scopeOf(actor) });
    await this.audit.record(actor, 'read', 'delivery_log', referralId);
    return reply;
  }

  /** Centre staff mark their own centre's entries, coordinators the shared inbox's. */
  @ApiOperation({ summary: 'Mark an inbox entry read' })
  @ApiOkResponse({ description: 'The entry is read' })
  @Post('inbox/:entryId/read')
  @HttpCode(200)
  @Roles('coordinator', 'centre')
  async markRead(
    @Param('entryId', new ParseUUIDPipe()) entryId: string,
    @CurrentActor() actor: Actor,
  ): Promise<{ marked: boolean }> {
    const reply = await this.messaging.client.request(CommandSubjects.MarkInboxRead, { entryId, scope: scopeOf(actor) });
    await this.audit.record(actor, 'read', 'inbox_entry', entryId);
    return reply;
  }

  /**
   * A person acknowledges an alert addressed to them: an officer of the unit an Article 72 notice went to, or a
   * coordinator an immediate-danger alert. Recorded once, with who and when; asking again answers the first
   * acknowledgement; until then the alert is told again on its schedule. Another unit's notice answers 404.
   */
  @ApiOperation({ summary: "Acknowledge an Article 72 notice (police unit) or an immediate-danger alert (coordinators)" })
  @ApiOkResponse({ type: NoticeAcknowledgementResponse })
  @ApiProblems(401, 403, 404)
  @Post('inbox/:entryId/acknowledge')
  @HttpCode(200)
  @Roles('police', 'coordinator')
  async acknowledgeAlert(
    @Param('entryId', new ParseUUIDPipe()) entryId: string,
    @CurrentActor() actor: Actor,
  ): Promise<NoticeAcknowledgement> {
    const scope = requireInboxScope(actor);
    const alert = actor.role === 'police' ? 'article72_notice' : 'immediate_danger';
    const reply = await this.command(NotificationCommandSubjects.NoticeAcknowledge, { entryId, scope, accountId: actor.accountId }).catch(
      async (error: unknown) => {
        await this.audit.refusal(actor, 'acknowledge', alert, entryId);
        throw error;
      },
    );
    await this.audit.record(actor, 'acknowledge', alert, entryId);
    return reply;
  }

  @ApiOperation({ summary: 'Who answers the duty hotline for immediate danger' })
  @ApiOkResponse({ description: 'The duty hotline recipient, or null' })
  @Get('admin/notification-recipients/duty-hotline')
  @Audited('read', 'notification_recipient')
  @Roles('admin')
  async showDutyHotline(): Promise<{ recipient: RecipientView | null }> {
    return this.command(NotificationCommandSubjects.RecipientShow, { recipientKind: 'duty_hotline' });
  }

  /** Immediate danger reaches the hotline through these channels in order, at once, with the coordinators. */
  @ApiOperation({ summary: 'Set who answers the duty hotline for immediate danger' })
  @ApiOkResponse({ description: 'The duty hotline recipient' })
  @Put('admin/notification-recipients/duty-hotline')
  @Roles('admin')
  async configureDutyHotline(@Body() settings: RecipientSettings, @CurrentActor() actor: Actor): Promise<{ recipient: RecipientView }> {
    return this.configure({ recipientKind: 'duty_hotline' }, settings, actor);
  }

  @ApiOperation({ summary: 'Who hears a police unit\'s notices' })
  @ApiOkResponse({ description: 'The police unit recipient, or null' })
  @Get('admin/notification-recipients/police-units/:unitCode')
  @Audited('read', 'notification_recipient', 'unitCode')
  @Roles('admin')
  async showPoliceUnit(@Param('unitCode') unitCode: string): Promise<{ recipient: RecipientView | null }> {
    return this.command(NotificationCommandSubjects.RecipientShow, { recipientKind: 'police_unit', unitCode });
  }

  /** The unit's language and its channels in the order they are tried; the unit's inbox is always used. */
  @ApiOperation({ summary: 'Set who hears a police unit\'s notices' })
  @ApiOkResponse({ description: 'The police unit recipient' })
  @Put('admin/notification-recipients/police-units/:unitCode')
  @Roles('admin')
  async configurePoliceUnit(
    @Param('unitCode') unitCode: string,
    @Body() settings: RecipientSettings,
    @CurrentActor() actor: Actor,
  ): Promise<{ recipient: RecipientView }> {
    return this.configure({ recipientKind: 'police_unit', unitCode }, settings, actor);
  }

  @ApiOperation({ summary: 'Who hears coordinator notifications' })
  @ApiOkResponse({ description: 'The coordinators recipient, or null' })
  @Get('admin/notification-recipients/coordinators')
  @Audited('read', 'notification_recipient')
  @Roles('admin')
  async showCoordinators(): Promise<{ recipient: RecipientView | null }> {
    return this.command(NotificationCommandSubjects.RecipientShow, { recipientKind: 'coordinators' });
  }

  @ApiOperation({ summary: 'Set who hears coordinator notifications' })
  @ApiOkResponse({ description: 'The coordinators recipient' })
  @Put('admin/notification-recipients/coordinators')
  @Roles('admin')
  async configureCoordinators(@Body() settings: RecipientSettings, @CurrentActor() actor: Actor): Promise<{ recipient: RecipientView }> {
    return this.configure({ recipientKind: 'coordinators' }, settings, actor);
  }

  @ApiOperation({ summary: 'Who hears a centre\'s notifications' })
  @ApiOkResponse({ description: 'The centre recipient, or null' })
  @Get('admin/notification-recipients/centres/:centreId')
  @Audited('read', 'notification_recipient', 'centreId')
  @Roles('admin')
  async showCentre(@Param('centreId') centreId: string): Promise<{ recipient: RecipientView | null }> {
    return this.command(NotificationCommandSubjects.RecipientShow, { recipientKind: 'centre', centreId });
  }

  /** The centre's language and its channels in the order they are tried; the inbox is always used. */
  @ApiOperation({ summary: 'Set who hears a centre\'s notifications' })
  @ApiOkResponse({ description: 'The centre recipient' })
  @Put('admin/notification-recipients/centres/:centreId')
  @Roles('admin')
  async configureCentre(
    @Param('centreId') centreId: string,
    @Body() settings: RecipientSettings,
    @CurrentActor() actor: Actor,
  ): Promise<{ recipient: RecipientView }> {
    return this.configure({ recipientKind: 'centre', centreId }, settings, actor);
  }
}
