import { Body, ConflictException, Controller, Get, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../http/openapi';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { DataSource } from 'typeorm';
import { POLICE_UNIT_CODE, type Actor } from '@korgoo/contracts';
import { AuthGuard, CurrentActor, Roles } from '../auth/auth.guard';
import { AuditTrail } from '../audit/audit-trail';
import { afterCursor, Page, PageQuery, pageSize, toPage } from '../http/page';
import { NEXT_CURSOR } from '../referrals/referral.responses';
import { PoliceUnit } from './police-unit.entity';

export class PoliceUnitBody {
  @ApiProperty({ example: 'naryn-riib' })
  @Matches(POLICE_UNIT_CODE, { message: 'code must be 2-60 characters: a-z, 0-9 or dash' })
  code: string;

  @ApiProperty({ example: 'Нарын РИИБ', description: 'Name in Kyrgyz' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  nameKy: string;

  @ApiProperty({ example: 'Нарынское РУВД', description: 'Name in Russian' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  nameRu: string;

  @ApiProperty({ example: 'naryn' })
  @Matches(/^[a-z-]{2,40}$/, { message: 'oblast must be an oblast code such as naryn' })
  oblast: string;
}

export class PoliceUnitPage {
  @ApiProperty({ type: [PoliceUnitBody] }) items: PoliceUnitBody[];
  @ApiProperty(NEXT_CURSOR) nextCursor: string | null;
}

/** The police unit directory: every police account belongs to one of these. */
@ApiTags('police units')
@ApiBearerAuth()
@ApiProblems(400, 401, 403)
@UseGuards(AuthGuard)
@Controller('api/v1/police-units')
export class PoliceUnitsController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  @ApiOperation({ summary: 'List police units by code, a page at a time' })
  @ApiOkResponse({ type: PoliceUnitPage })
  @Get()
  @Roles('admin', 'coordinator', 'police')
  async list(@Query() query: PageQuery): Promise<Page<PoliceUnit>> {
    const size = pageSize(query);
    const after = afterCursor(query);
    const builder = this.dataSource.getRepository(PoliceUnit).createQueryBuilder('unit').orderBy('unit.code').take(size + 1);
    if (after) builder.where('unit.code > :after', { after });
    return toPage(await builder.getMany(), size, (last) => last.code);
  }

  @ApiOperation({ summary: 'Add a police unit' })
  @ApiProblems(400, 401, 403, 409)
  @Post()
  @Roles('admin')
  async create(@Body() body: PoliceUnitBody, @CurrentActor() admin: Actor): Promise<PoliceUnit> {
    await this.dataSource.transaction(async (tx) => {
      const inserted = await tx.createQueryBuilder().insert().into(PoliceUnit).values(body).orIgnore().returning(['code']).execute();
      if (inserted.raw.length === 0) throw new ConflictException(`police unit ${body.code} already exists`);
      await this.audit.record(admin, 'register', 'police_unit', body.code, tx);
    });
    return { ...body };
  }
}
