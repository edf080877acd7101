import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DirectoryContracts, DirectoryRequestClasses, DirectorySubjects, centreFilterOf, type Scope } from '@korgoo/contracts';
import { MessagingRuntime } from '@korgoo/messaging';
import { MESSAGING } from '@korgoo/platform';
import { retryingTransaction } from '../referrals/lock-conflicts';
import { DirectoryAdmin } from './directory-admin';

/** Answers the gateway's directory requests; matching owns centres, facilitators and their time. */
/** The centre a scope confines a directory request to; undefined lets an admin reach every centre. */
const within = (scope: Scope) => centreFilterOf(scope) ?? undefined;

@Module({})
export class DirectoryModule implements OnModuleInit {
  constructor(
    @Inject(MESSAGING) private readonly messaging: MessagingRuntime,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit() {
    const admin = new DirectoryAdmin();
    const responder = this.messaging.queries.family<DirectoryContracts>(DirectoryRequestClasses);
    const write = <T>(work: (tx: EntityManager) => Promise<T>) => retryingTransaction(() => this.dataSource.transaction(work));
    const db = this.dataSource.manager;

    responder.handle(DirectorySubjects.CentreList, async (r) => ({ centres: await admin.listCentres(db, within(r.scope)) }));
    responder.handle(DirectorySubjects.CentreDetail, async (r) => ({ centre: await admin.centre(db, r.centreId, within(r.scope)) }));
    responder.handle(DirectorySubjects.CentreCreate, async (r) => ({ centre: await write((tx) => admin.createCentre(tx, r.centre)) }));
    responder.handle(DirectorySubjects.CentreUpdate, async (r) => ({
      centre: await write((tx) => admin.updateCentre(tx, r.centreId, r.changes)),
    }));
    responder.handle(DirectorySubjects.CentreDelete, async (r) => {
      await write((tx) => admin.deleteCentre(tx, r.centreId));
      return { deleted: true as const };
    });
    responder.handle(DirectorySubjects.CentreStatus, async (r) => ({
      centre: await write((tx) => admin.setStatus(tx, r.centreId, r.status, within(r.scope))),
    }));
    responder.handle(DirectorySubjects.FacilitatorCreate, async (r) => ({
      facilitator: await write((tx) => admin.createFacilitator(tx, r.centreId, r.facilitator)),
    }));
    responder.handle(DirectorySubjects.FacilitatorUpdate, async (r) => ({
      facilitator: await write((tx) => admin.updateFacilitator(tx, r.facilitatorId, r.changes)),
    }));
    responder.handle(DirectorySubjects.FacilitatorDelete, async (r) => {
      await write((tx) => admin.deleteFacilitator(tx, r.facilitatorId));
      return { deleted: true as const };
    });
    responder.handle(DirectorySubjects.AvailabilitySet, async (r) => ({
      facilitator: await write((tx) => admin.setWeekly(tx, r.facilitatorId, r.weekly, within(r.scope))),
    }));
    responder.handle(DirectorySubjects.ExceptionAdd, async (r) => ({
      facilitator: await write((tx) => admin.addException(tx, r.facilitatorId, r.exception, within(r.scope))),
    }));
    responder.handle(DirectorySubjects.ExceptionRemove, async (r) => ({
      facilitator: await write((tx) => admin.removeException(tx, r.facilitatorId, r.exceptionId, within(r.scope))),
    }));
  }
}
