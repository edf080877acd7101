import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../http/openapi';
import { CentreDetailView, CentreSummaryView, DirectorySubjects, FacilitatorView } from '@korgoo/contracts';
import type { Actor } from '@korgoo/contracts';
import { AuthGuard, CurrentActor, Roles } from '../auth/auth.guard';
import { scopeOf } from '../auth/scope';
import { Audited } from '../audit/audited';
import { DirectoryClient } from './directory-client';
import {
  AvailabilityExceptionBody,
  CentreStatusBody,
  CreateCentreBody,
  CreateFacilitatorBody,
  UpdateCentreBody,
  UpdateFacilitatorBody,
  WeeklyAvailabilityBody,
} from './directory.dto';

/** Centre staff act only on their own centre; matching refuses anything else. */
const scoped = (actor: Actor) => ({ scope: scopeOf(actor) });

/**
 * The centre directory (centres, facilitators, weekly availability and its exceptions), kept by matching.
 * Admins manage all of it; centre staff keep their own centre's availability and open/paused status.
 */
@ApiTags('directory')
@ApiBearerAuth()
@ApiProblems()
@UseGuards(AuthGuard)
@Controller('api/v1/directory')
export class DirectoryController {
  constructor(private readonly directory: DirectoryClient) {}

  @ApiOperation({ summary: 'List crisis centres' })
  @ApiOkResponse({ description: 'Centres with status and capacity' })
  @Get('centres')
  @Audited('list', 'centre')
  @Roles('admin', 'coordinator', 'centre')
  list(@CurrentActor() actor: Actor): Promise<{ centres: CentreSummaryView[] }> {
    return this.directory.request(DirectorySubjects.CentreList, scoped(actor));
  }

  @ApiOperation({ summary: 'One crisis centre with its facilitators' })
  @ApiOkResponse({ description: 'The centre' })
  @Get('centres/:centreId')
  @Audited('read', 'centre', 'centreId')
  @Roles('admin', 'coordinator', 'centre')
  show(@Param('centreId') centreId: string, @CurrentActor() actor: Actor): Promise<{ centre: CentreDetailView }> {
    return this.directory.request(DirectorySubjects.CentreDetail, { centreId, ...scoped(actor) });
  }

  @ApiOperation({ summary: 'Add a crisis centre' })
  @ApiCreatedResponse({ description: 'The centre' })
  @Post('centres')
  @Audited('register', 'centre')
  @Roles('admin')
  create(@Body() centre: CreateCentreBody): Promise<{ centre: CentreDetailView }> {
    return this.directory.request(DirectorySubjects.CentreCreate, { centre });
  }

  @ApiOperation({ summary: 'Change a crisis centre' })
  @ApiOkResponse({ description: 'The centre' })
  @Patch('centres/:centreId')
  @Audited('change', 'centre', 'centreId')
  @Roles('admin')
  update(@Param('centreId') centreId: string, @Body() changes: UpdateCentreBody): Promise<{ centre: CentreDetailView }> {
    return this.directory.request(DirectorySubjects.CentreUpdate, { centreId, changes });
  }

  @ApiOperation({ summary: 'Remove a crisis centre' })
  @ApiNoContentResponse({ description: 'Removed' })
  @Delete('centres/:centreId')
  @Audited('change', 'centre', 'centreId')
  @HttpCode(204)
  @Roles('admin')
  async remove(@Param('centreId') centreId: string, @CurrentActor() actor: Actor): Promise<void> {
    await this.directory.request(DirectorySubjects.CentreDelete, { centreId, ...scoped(actor) });
  }

  @ApiOperation({ summary: 'Open or pause a crisis centre' })
  @ApiOkResponse({ description: 'The centre' })
  @Put('centres/:centreId/status')
  @Audited('change', 'centre', 'centreId')
  @Roles('admin', 'centre')
  setStatus(
    @Param('centreId') centreId: string,
    @Body() body: CentreStatusBody,
    @CurrentActor() actor: Actor,
  ): Promise<{ centre: CentreDetailView }> {
    return this.directory.request(DirectorySubjects.CentreStatus, { centreId, status: body.status, ...scoped(actor) });
  }

  @ApiOperation({ summary: 'Add a facilitator' })
  @ApiCreatedResponse({ description: 'The facilitator' })
  @Post('centres/:centreId/facilitators')
  @Audited('register', 'facilitator', 'centreId')
  @Roles('admin')
  addFacilitator(
    @Param('centreId') centreId: string,
    @Body() facilitator: CreateFacilitatorBody,
  ): Promise<{ facilitator: FacilitatorView }> {
    return this.directory.request(DirectorySubjects.FacilitatorCreate, { centreId, facilitator });
  }

  @ApiOperation({ summary: 'Change a facilitator' })
  @ApiOkResponse({ description: 'The facilitator' })
  @Patch('facilitators/:facilitatorId')
  @Audited('change', 'facilitator', 'facilitatorId')
  @Roles('admin')
  updateFacilitator(
    @Param('facilitatorId') facilitatorId: string,
    @Body() changes: UpdateFacilitatorBody,
  ): Promise<{ facilitator: FacilitatorView }> {
    return this.directory.request(DirectorySubjects.FacilitatorUpdate, { facilitatorId, changes });
  }

  @ApiOperation({ summary: 'Remove a facilitator' })
  @ApiNoContentResponse({ description: 'Removed' })
  @Delete('facilitators/:facilitatorId')
  @Audited('change', 'facilitator', 'facilitatorId')
  @HttpCode(204)
  @Roles('admin')
  async removeFacilitator(@Param('facilitatorId') facilitatorId: string, @CurrentActor() actor: Actor): Promise<void> {
    await this.directory.request(DirectorySubjects.FacilitatorDelete, { facilitatorId, ...scoped(actor) });
  }

  @ApiOperation({ summary: 'Set a facilitator\'s weekly availability' })
  @ApiOkResponse({ description: 'The facilitator' })
  @Put('facilitators/:facilitatorId/availability')
  @Audited('change', 'facilitator', 'facilitatorId')
  @Roles('admin', 'centre')
  setAvailability(
    @Param('facilitatorId') facilitatorId: string,
    @Body() body: WeeklyAvailabilityBody,
    @CurrentActor() actor: Actor,
  ): Promise<{ facilitator: FacilitatorView }> {
    return this.directory.request(DirectorySubjects.AvailabilitySet, { facilitatorId, weekly: body.weekly, ...scoped(actor) });
  }

  @ApiOperation({ summary: 'Add leave or an extra slot' })
  @ApiCreatedResponse({ description: 'The facilitator' })
  @Post('facilitators/:facilitatorId/exceptions')
  @Audited('change', 'facilitator', 'facilitatorId')
  @Roles('admin', 'centre')
  addException(
    @Param('facilitatorId') facilitatorId: string,
    @Body() exception: AvailabilityExceptionBody,
    @CurrentActor() actor: Actor,
  ): Promise<{ facilitator: FacilitatorView }> {
    return this.directory.request(DirectorySubjects.ExceptionAdd, { facilitatorId, exception, ...scoped(actor) });
  }

  @ApiOperation({ summary: 'Remove leave or an extra slot' })
  @ApiOkResponse({ description: 'The facilitator' })
  @Delete('facilitators/:facilitatorId/exceptions/:exceptionId')
  @Audited('change', 'facilitator', 'facilitatorId')
  @Roles('admin', 'centre')
  removeException(
    @Param('facilitatorId') facilitatorId: string,
    @Param('exceptionId') exceptionId: string,
    @CurrentActor() actor: Actor,
  ): Promise<{ facilitator: FacilitatorView }> {
    return this.directory.request(DirectorySubjects.ExceptionRemove, { facilitatorId, exceptionId, ...scoped(actor) });
  }
}
