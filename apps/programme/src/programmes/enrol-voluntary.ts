import { EnrolVoluntaryCommand, EventSubjects, QueryRejected } from '@korgoo/contracts';
import { Outbox } from '@korgoo/messaging';
import { Clock } from '@korgoo/platform/core';
import { enrolVoluntary, VOLUNTARY_PLANS } from '../domain';
import { lockedProgramme, underProgrammeRules } from './programme-access';
import { programmeFacts } from './programme-facts';
import { ProgrammeStore } from './programme-store';
import { VoluntaryStore } from './voluntary-store';

/** After completion, the centre that ran the programme or a coordinator enrols the person in the voluntary part. */
export class EnrolVoluntary {
  constructor(
    private readonly store: ProgrammeStore,
    private readonly voluntary: VoluntaryStore,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  async execute(command: EnrolVoluntaryCommand): Promise<void> {
    await this.outbox.transaction(async (tx) => {
      const programme = await lockedProgramme(this.store, tx, command.referralId);
      // Another centre's programme answers as missing, as for attendance.
      if (command.centreId !== undefined && programme.centreId !== command.centreId) {
        throw new QueryRejected('not_found', `no programme for referral ${command.referralId}`);
      }
      const now = this.clock.now();
      const enrolled = await this.voluntary.byProgramme(tx, programme.id);
      const component = underProgrammeRules(() => enrolVoluntary(programme, enrolled, now));
      await this.voluntary.insert(tx, programme.id, component, command.actorId);
      const plan = VOLUNTARY_PLANS[component.track];
      await this.outbox.enqueue(tx, EventSubjects.ProgrammeVoluntaryEnrolled, programme.orderId, {
        ...programmeFacts(programme),
        track: component.track,
        individualSessions: plan.individual,
        groupSessions: plan.group,
        enrolledAt: now.toISOString(),
        plannedEnd: component.plannedEnd.toISOString(),
      });
    });
  }
}
