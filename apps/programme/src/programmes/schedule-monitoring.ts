import { EntityManager } from 'typeorm';
import { followUpTimer, monitoringPlan } from '../domain';
import { MonitoringStore } from './monitoring-store';
import { ProgrammeStore } from './programme-store';

/** At completion: the monitoring meetings of the next 18 months, each with its reminder for when it falls due. */
export class ScheduleMonitoring {
  constructor(
    private readonly store: ProgrammeStore,
    private readonly meetings: MonitoringStore,
    private readonly months: readonly number[],
  ) {}

  async execute(tx: EntityManager, programmeId: string, completedAt: Date): Promise<void> {
    const plan = monitoringPlan(completedAt, this.months);
    await this.meetings.insert(tx, programmeId, plan);
    await this.store.insertTimers(tx, programmeId, plan.map(followUpTimer));
  }
}
