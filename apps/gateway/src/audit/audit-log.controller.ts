import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../http/openapi';
import { IsIn, IsISO8601, IsOptional, IsUUID, Matches } from 'class-validator';
import { DataSource } from 'typeorm';
import type { Actor } from '@korgoo/contracts';
import { AuthGuard, CurrentActor, Roles } from '../auth/auth.guard';
import { afterCursor, Page, PageQuery, pageSize, toPage } from '../http/page';
import { AuditLogEntry } from './audit-log.entity';
import { AuditTrail } from './audit-trail';

export class AuditSearchQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID('all', { message: 'actorId must be an account id' }) actorId?: string;
  @ApiPropertyOptional({ example: 'protection_order' })
  @IsOptional()
  @Matches(/^[a-z_]{2,40}$/, { message: 'resourceType must be a resource type such as protection_order' })
  resourceType?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^[A-Za-z0-9:._ /-]{1,300}$/, { message: 'resourceId must be an id' })
  resourceId?: string;
  @ApiPropertyOptional({ example: 'read' })
  @IsOptional()
  @Matches(/^[a-z_]{2,40}$/, { message: 'action must be an action such as read' })
  action?: string;
  @ApiPropertyOptional({ enum: ['success', 'refused'] })
  @IsOptional()
  @IsIn(['success', 'refused'], { message: 'outcome must be success or refused' })
  outcome?: string;
  @ApiPropertyOptional({ description: 'ISO 8601, inclusive' }) @IsOptional() @IsISO8601({}, { message: 'from must be an ISO 8601 time' }) from?: string;
  @ApiPropertyOptional({ description: 'ISO 8601, exclusive' }) @IsOptional() @IsISO8601({}, { message: 'to must be an ISO 8601 time' }) to?: string;
}

export class AuditEntryView {
  @ApiProperty() id: string;
  @ApiProperty({ nullable: true, type: String }) actorId: string | null;
  @ApiProperty({ nullable: true, type: String }) actorRole: string | null;
  @ApiProperty({ nullable: true, type: String }) centreId: string | null;
  @ApiProperty({ nullable: true, type: String }) unitCode: string | null;
  @ApiProperty() action: string;
  @ApiProperty() resourceType: string;
  @ApiProperty({ nullable: true, type: String }) resourceId: string | null;
  @ApiProperty({ enum: ['success', 'refused'] }) outcome: string;
  @ApiProperty({ nullable: true, type: String }) ip: string | null;
  @ApiProperty({ nullable: true, type: String }) requestId: string | null;
  @ApiProperty() at: Date;
  @ApiProperty({ nullable: true, type: String, description: 'A system entry’s facts beyond the resource, as JSON: a purge’s count of entries' })
  detail: string | null;
  @ApiProperty({ description: 'SHA-256 over this entry and the previous one (tools/verify-audit-chain checks them)' }) hash: string;
}

export class AuditLogPage {
  @ApiProperty({ type: [AuditEntryView] }) items: AuditEntryView[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as cursor for the next page; null on the last page' })
  nextCursor: string | null;
}

/** Admins and auditors search who did what; the search itself is audited. Newest first. */
@ApiTags('audit')
@ApiBearerAuth()
@ApiProblems(400, 401, 403)
@UseGuards(AuthGuard)
@Roles('admin', 'auditor')
@Controller('api/v1/audit-log')
export class AuditLogController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Search the audit log, newest first, a page at a time' })
  @ApiOkResponse({ type: AuditLogPage })
  async search(@Query() query: AuditSearchQuery, @CurrentActor() actor: Actor): Promise<Page<AuditEntryView>> {
    const size = pageSize(query);
    const after = afterCursor(query);
    const builder = this.dataSource.getRepository(AuditLogEntry).createQueryBuilder('entry').orderBy('entry.id', 'DESC').take(size + 1);
    if (after) builder.andWhere('entry.id < :after', { after: /^\d+$/.test(after) ? after : '0' });
    for (const field of ['actorId', 'resourceType', 'resourceId', 'action', 'outcome'] as const) {
      if (query[field] !== undefined) builder.andWhere(`entry.${field} = :${field}`, { [field]: query[field] });
    }
    if (query.from) builder.andWhere('entry.at >= :from', { from: new Date(query.from) });
    if (query.to) builder.andWhere('entry.at < :to', { to: new Date(query.to) });
    const rows = await builder.getMany();
    await this.audit.record(actor, 'search', 'audit_log', null);
    const page = toPage(rows, size, (last) => last.id);
    return { items: page.items.map(({ prevHash: _prev, ...entry }) => entry), nextCursor: page.nextCursor };
  }
}
