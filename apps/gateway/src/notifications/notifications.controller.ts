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
  RecipientSettings,
  RecipientView,
} from '@korgoo/contracts';
import { MessagingRuntime } from '@korgoo/messaging';
import { MESSAGING } from '@korgoo/platform';
import type { Actor } from '@korgoo/contracts';
import { AuthGuard, CurrentActor, Roles } from '../auth/auth.guard';
import { scopeOf } from '../auth/scope';
import { AuditTrail } from '../audit/audit-trail';
import { Audited } from '../audit/audited';

/**
 * The delivery side of referrals: the delivery log for coordinators, marking an inbox entry read (which
 * acknowledges a centre's notifications), and the admin's settings of who is told through which channels.
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

  /** Every attempt to tell anyone about the referral: channel, provider, status, provider message id, time. */
  @ApiOperation({ summary: 'Every delivery attempt about a referral' })
  @ApiOkResponse({ description: 'Delivery attempts', schema: { type: 'object', properties: { attempts: { type: 'array', items: { type: 'object' } } } } })
  @Get('referrals/:id/deliveries')
  @Roles('coordinator', 'admin')
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
    const reply = await this.command(NotificationCommandSubjects.RecipientConfigure, {
      ...settings,
      recipientKind: 'coordinators',
    });
    await this.audit.record(actor, 'register', 'notification_recipient', 'coordinators');
    return reply;
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
    const reply = await this.command(NotificationCommandSubjects.RecipientConfigure, {
      ...settings,
      recipientKind: 'centre',
      centreId,
    });
    await this.audit.record(actor, 'register', 'notification_recipient', `centre:${centreId}`);
    return reply;
  }
}
