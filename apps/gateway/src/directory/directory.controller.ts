import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CentreDetailView, CentreSummaryView, DirectorySubjects, FacilitatorView } from '@korgoo/contracts';
import { Actor } from '../auth/account.entity';
import { AuthGuard, CurrentActor, Roles } from '../auth/auth.guard';
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

/** Centre staff act only on their own centre; matching refuses anything else as well. */
const scopeOf = (actor: Actor) => (actor.role === 'centre' ? { scopeCentreId: actor.centreId ?? '(none)' } : {});

/**
 * The centre directory (centres, facilitators, weekly availability and its exceptions), kept by matching.
 * Admins manage all of it; centre staff keep their own centre's availability and open/paused status.
 */
@ApiTags('directory')
@ApiBearerAuth()
@UseGuards(AuthGuard)
@Controller('api/v1/directory')
export class DirectoryController {
  constructor(private readonly directory: DirectoryClient) {}

  @Get('centres')
  @Audited('list', 'centre')
  @Roles('admin', 'coordinator', 'centre')
  list(@CurrentActor() actor: Actor): Promise<{ centres: CentreSummaryView[] }> {
    return this.directory.request(DirectorySubjects.CentreList, scopeOf(actor));
  }

  @Get('centres/:centreId')
  @Audited('read', 'centre', 'centreId')
  @Roles('admin', 'coordinator', 'centre')
  show(@Param('centreId') centreId: string, @CurrentActor() actor: Actor): Promise<{ centre: CentreDetailView }> {
    return this.directory.request(DirectorySubjects.CentreDetail, { centreId, ...scopeOf(actor) });
  }

  @Post('centres')
  @Audited('register', 'centre')
  @Roles('admin')
  create(@Body() centre: CreateCentreBody): Promise<{ centre: CentreDetailView }> {
    return this.directory.request(DirectorySubjects.CentreCreate, { centre });
  }

  @Patch('centres/:centreId')
  @Audited('change', 'centre', 'centreId')
  @Roles('admin')
  update(@Param('centreId') centreId: string, @Body() changes: UpdateCentreBody): Promise<{ centre: CentreDetailView }> {
    return this.directory.request(DirectorySubjects.CentreUpdate, { centreId, changes });
  }

  @Delete('centres/:centreId')
  @Audited('change', 'centre', 'centreId')
  @HttpCode(204)
  @Roles('admin')
  async remove(@Param('centreId') centreId: string): Promise<void> {
    await this.directory.request(DirectorySubjects.CentreDelete, { centreId });
  }

  @Put('centres/:centreId/status')
  @Audited('change', 'centre', 'centreId')
  @Roles('admin', 'centre')
  setStatus(
    @Param('centreId') centreId: string,
    @Body() body: CentreStatusBody,
    @CurrentActor() actor: Actor,
  ): Promise<{ centre: CentreDetailView }> {
    return this.directory.request(DirectorySubjects.CentreStatus, { centreId, status: body.status, ...scopeOf(actor) });
  }

  @Post('centres/:centreId/facilitators')
  @Audited('register', 'facilitator', 'centreId')
  @Roles('admin')
  addFacilitator(
    @Param('centreId') centreId: string,
    @Body() facilitator: CreateFacilitatorBody,
  ): Promise<{ facilitator: FacilitatorView }> {
    return this.directory.request(DirectorySubjects.FacilitatorCreate, { centreId, facilitator });
  }

  @Patch('facilitators/:facilitatorId')
  @Audited('change', 'facilitator', 'facilitatorId')
  @Roles('admin')
  updateFacilitator(
    @Param('facilitatorId') facilitatorId: string,
    @Body() changes: UpdateFacilitatorBody,
  ): Promise<{ facilitator: FacilitatorView }> {
    return this.directory.request(DirectorySubjects.FacilitatorUpdate, { facilitatorId, changes });
  }

  @Delete('facilitators/:facilitatorId')
  @Audited('change', 'facilitator', 'facilitatorId')
  @HttpCode(204)
  @Roles('admin')
  async removeFacilitator(@Param('facilitatorId') facilitatorId: string): Promise<void> {
    await this.directory.request(DirectorySubjects.FacilitatorDelete, { facilitatorId });
  }

  @Put('facilitators/:facilitatorId/availability')
  @Audited('change', 'facilitator', 'facilitatorId')
  @Roles('admin', 'centre')
  setAvailability(
    @Param('facilitatorId') facilitatorId: string,
    @Body() body: WeeklyAvailabilityBody,
    @CurrentActor() actor: Actor,
  ): Promise<{ facilitator: FacilitatorView }> {
    return this.directory.request(DirectorySubjects.AvailabilitySet, { facilitatorId, weekly: body.weekly, ...scopeOf(actor) });
  }

  @Post('facilitators/:facilitatorId/exceptions')
  @Audited('change', 'facilitator', 'facilitatorId')
  @Roles('admin', 'centre')
  addException(
    @Param('facilitatorId') facilitatorId: string,
    @Body() exception: AvailabilityExceptionBody,
    @CurrentActor() actor: Actor,
  ): Promise<{ facilitator: FacilitatorView }> {
    return this.directory.request(DirectorySubjects.ExceptionAdd, { facilitatorId, exception, ...scopeOf(actor) });
  }

  @Delete('facilitators/:facilitatorId/exceptions/:exceptionId')
  @Audited('change', 'facilitator', 'facilitatorId')
  @Roles('admin', 'centre')
  removeException(
    @Param('facilitatorId') facilitatorId: string,
    @Param('exceptionId') exceptionId: string,
    @CurrentActor() actor: Actor,
  ): Promise<{ facilitator: FacilitatorView }> {
    return this.directory.request(DirectorySubjects.ExceptionRemove, { facilitatorId, exceptionId, ...scopeOf(actor) });
  }
}
