import { Controller, Get, Inject, Param, ParseEnumPipe, ParseUUIDPipe, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../http/openapi';
import { listAfter, Page, PageQuery, pageSize, servicePage } from '../http/page';
import { DeadLetterView, CommandSubjects, QuerySubjects } from '@korgoo/contracts';
import { MessagingRuntime } from '@korgoo/messaging';
import { MESSAGING } from '@korgoo/platform';
import type { Actor } from '@korgoo/contracts';
import { AuthGuard, CurrentActor, Roles } from '../auth/auth.guard';
import { scopeOf } from '../auth/scope';
import { AuditTrail } from '../audit/audit-trail';

enum KorgooService {
  gateway = 'gateway',
  risk = 'risk',
  matching = 'matching',
  notification = 'notification',
  programme = 'programme',
  reporting = 'reporting',
}

class DeadLetterResponse implements DeadLetterView {
  @ApiProperty({ format: 'uuid' }) deadLetterId: string;
  @ApiProperty({ enum: KorgooService }) service: string;
  @ApiProperty({ example: 'risk.assessed.v1' }) subject: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) eventId: string | null;
  @ApiProperty({ description: 'Why the last delivery failed' }) error: string;
  @ApiProperty() deliveries: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) replayedAt: string | null;
}

class DeadLetterPage {
  @ApiProperty({ type: [DeadLetterResponse] }) items: DeadLetterResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as cursor for the next page; null on the last page' })
  nextCursor: string | null;
}

/** Events that failed every delivery: listed per service and replayed by an admin once the cause is fixed. */
@ApiTags('admin')
@ApiBearerAuth()
@ApiProblems()
@UseGuards(AuthGuard)
@Roles('admin')
@Controller('api/v1/admin/dead-letters')
export class DeadLettersController {
  constructor(
    @Inject(MESSAGING) private readonly messaging: MessagingRuntime,
    private readonly audit: AuditTrail,
  ) {}

  @ApiOperation({ summary: 'Dead letters of a service, newest first, a page at a time' })
  @ApiOkResponse({ type: DeadLetterPage })
  @Get(':service')
  async list(
    @Param('service', new ParseEnumPipe(KorgooService)) service: KorgooService,
    @Query() query: PageQuery,
    @CurrentActor() actor: Actor,
  ): Promise<Page<DeadLetterView>> {
    const reply = await this.messaging.client.request(
      QuerySubjects.DeadLetterList,
      { scope: scopeOf(actor), limit: pageSize(query), after: listAfter(query) },
      service,
    );
    return servicePage(reply.deadLetters, reply.next);
  }

  @ApiOperation({ summary: 'Replay a dead letter' })
  @ApiCreatedResponse({ description: 'Whether the event was published again' })
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
