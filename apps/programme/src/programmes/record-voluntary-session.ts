import { EventSubjects, QueryRejected, RecordVoluntarySessionCommand } from '@korgoo/contracts';
import { Outbox } from '@korgoo/messaging';
import { Clock } from '@korgoo/platform/core';
import { recordVoluntarySession } from '../domain';
import { lockedProgramme, underProgrammeRules } from './programme-access';
import { programmeFacts } from './programme-facts';
import { ProgrammeStore } from './programme-store';
import { VoluntaryStore } from './voluntary-store';

/**
 * Centre staff record a voluntary session they held, with its date, under the same marks as the mandatory
 * ones. The session, its event and the outcome it may bring (completed, or left) commit together; leaving
 * a voluntary component reports nothing to the police.
 */
export class RecordVoluntarySession {
  constructor(
    private readonly store: ProgrammeStore,
    private readonly voluntary: VoluntaryStore,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  async execute(command: RecordVoluntarySessionCommand): Promise<void> {
    await this.outbox.transaction(async (tx) => {
      const programme = await lockedProgramme(this.store, tx, command.referralId);
      const component = programme.centreId === command.centreId ? await this.voluntary.byProgramme(tx, programme.id) : null;
      if (!component) throw new QueryRejected('not_found', `no voluntary component for referral ${command.referralId}`);
      const now = this.clock.now();
      const entry = {
        number: command.sessionNumber,
        heldAt: new Date(command.heldAt),
        mark: command.mark,
        excuseReason: command.excuseReason ?? null,
      };
      const session = underProgrammeRules(() => recordVoluntarySession(component, entry, now));
      await this.voluntary.insertSession(
        tx,
        programme.id,
        {
          ...session,
          excuseNote: command.excuseReason === 'other' ? (command.excuseNote ?? null) : null,
          facilitatorNote: command.facilitatorNote,
          signedBy: command.signedBy,
        },
        command.actorId,
      );
      const facts = programmeFacts(programme);
      await this.outbox.enqueue(tx, EventSubjects.ProgrammeVoluntarySessionRecorded, programme.orderId, {
        ...facts,
        sessionNumber: session.number,
        kind: session.kind,
        mark: session.mark,
        ...(session.excuseReason ? { excuseReason: session.excuseReason } : {}),
        heldAt: session.heldAt.toISOString(),
      });
      if (component.state === 'enrolled') return;
      component.outcomeAt = now;
      await this.voluntary.saveState(tx, programme.id, component);
      if (component.state === 'voluntary_completed') {
        await this.outbox.enqueue(tx, EventSubjects.ProgrammeVoluntaryCompleted, programme.orderId, { ...facts, completedAt: now.toISOString() });
      } else {
        await this.outbox.enqueue(tx, EventSubjects.ProgrammeVoluntaryLeft, programme.orderId, {
          ...facts,
          sessionNumber: session.number,
          leftAt: now.toISOString(),
        });
      }
    });
  }
}
