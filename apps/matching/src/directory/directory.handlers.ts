import { EntityManager } from 'typeorm';
import { DirectoryContracts, DirectoryRequestClasses, DirectorySubjects } from '@korgoo/contracts';
import { MessagingRuntime } from '@korgoo/messaging';
import { DirectoryAdmin } from './directory-admin';

/** Binds the gateway's directory requests to the directory; `write` runs one retried transaction. */
export function bindDirectoryHandlers(
  messaging: MessagingRuntime,
  admin: DirectoryAdmin,
  db: EntityManager,
  write: <T>(work: (tx: EntityManager) => Promise<T>) => Promise<T>,
): void {
  const responder = messaging.queries.family<DirectoryContracts>(DirectoryRequestClasses);
  responder.handle(DirectorySubjects.CentreList, async (r) => ({ centres: await admin.listCentres(db, r.scopeCentreId) }));
  responder.handle(DirectorySubjects.CentreDetail, async (r) => ({ centre: await admin.centre(db, r.centreId, r.scopeCentreId) }));
  responder.handle(DirectorySubjects.CentreCreate, async (r) => ({ centre: await write((tx) => admin.createCentre(tx, r.centre)) }));
  responder.handle(DirectorySubjects.CentreUpdate, async (r) => ({
    centre: await write((tx) => admin.updateCentre(tx, r.centreId, r.changes)),
  }));
  responder.handle(DirectorySubjects.CentreDelete, async (r) => {
    await write((tx) => admin.deleteCentre(tx, r.centreId));
    return { deleted: true as const };
  });
  responder.handle(DirectorySubjects.CentreStatus, async (r) => ({
    centre: await write((tx) => admin.setStatus(tx, r.centreId, r.status, r.scopeCentreId)),
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
    facilitator: await write((tx) => admin.setWeekly(tx, r.facilitatorId, r.weekly, r.scopeCentreId)),
  }));
  responder.handle(DirectorySubjects.ExceptionAdd, async (r) => ({
    facilitator: await write((tx) => admin.addException(tx, r.facilitatorId, r.exception, r.scopeCentreId)),
  }));
  responder.handle(DirectorySubjects.ExceptionRemove, async (r) => ({
    facilitator: await write((tx) => admin.removeException(tx, r.facilitatorId, r.exceptionId, r.scopeCentreId)),
  }));
}
