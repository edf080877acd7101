import { Controller, Get, Inject, Param, ParseEnumPipe, ParseUUIDPipe, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DeadLetterView, CommandSubjects, QuerySubjects } from '@korgoo/contracts';
import { MessagingRuntime } from '@korgoo/messaging';
import { MESSAGING } from '@korgoo/platform';
import { Actor } from '../auth/account.entity';
import { AuthGuard, CurrentActor, Roles } from '../auth/auth.guard';
import { AuditTrail } from '../audit/audit-trail';

enum KorgooService {
  gateway = 'gateway',
  risk = 'risk',
  matching = 'matching',
  notification = 'notification',
}

/** Events that failed every delivery: listed per service and replayed by an admin once the cause is fixed. */
@ApiTags('admin')
@ApiBearerAuth()
@UseGuards(AuthGuard)
@Roles('admin')
@Controller('api/v1/admin/dead-letters')
export class DeadLettersController {
  constructor(
    @Inject(MESSAGING) private readonly messaging: MessagingRuntime,
    private readonly audit: AuditTrail,
  ) {}

  @Get(':service')
  async list(
    @Param('service', new ParseEnumPipe(KorgooService)) service: KorgooService,
  ): Promise<{ deadLetters: DeadLetterView[] }> {
    return this.messaging.client.request(QuerySubjects.DeadLetterList, { limit: 100 }, service);
  }

  @Post(':service/:id/replay')
  async replay(
    @Param('service', new ParseEnumPipe(KorgooService)) service: KorgooService,
    @Param('id', new ParseUUIDPipe()) deadLetterId: string,
    @CurrentActor() actor: Actor,
  ): Promise<{ replayed: boolean }> {
    const reply = await this.messaging.client.request(CommandSubjects.DeadLetterReplay, { deadLetterId }, service);
    await this.audit.record(actor, 'replay', 'dead_letter', deadLetterId);
    return reply;
  }
}
