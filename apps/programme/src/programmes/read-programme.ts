import { EntityManager } from 'typeorm';
import { MonitoringStore } from './monitoring-store';
import { ProgrammeStore } from './programme-store';
import { programmeView } from './programme-view';
import { VoluntaryStore } from './voluntary-store';

export type ProgrammeReader = Parameters<typeof programmeView>[2];

/** A referral's programme with its notices, voluntary part and monitoring meetings, as the reader may see it. */
export class ReadProgramme {
  constructor(
    private readonly db: EntityManager,
    private readonly store: ProgrammeStore,
    private readonly voluntary: VoluntaryStore,
    private readonly monitoring: MonitoringStore,
  ) {}

  async execute(referralId: string, reader: ProgrammeReader, centreId?: string) {
    const programme = await this.store.byReferral(this.db, referralId);
    if (!programme) return null;
    const after = {
      notices: await this.store.notices(this.db, programme.id),
      voluntary: await this.voluntary.byProgramme(this.db, programme.id),
      meetings: await this.monitoring.meetings(this.db, programme.id),
    };
    return programmeView(programme, after, reader, centreId);
  }
}
