import { CloseProgrammeCommand, EventSubjects } from '@korgoo/contracts';
import { Outbox } from '@korgoo/messaging';
import { Clock } from '@korgoo/platform/core';
import { closeByDecision, treatmentRecheckTimer } from '../domain';
import { firstOpenSession, lockedProgramme, underProgrammeRules } from './programme-access';
import { programmeFacts } from './programme-facts';
import { ProgrammeStore, StoredProgramme } from './programme-store';

/**
 * A coordinator ends a programme with a coded reason: who and when are kept, and the outcome is final. A
 * closure for treatment first sets the timer that brings the person back to the coordinators on the re-check day.
 */
export class CloseProgramme {
  constructor(
    private readonly store: ProgrammeStore,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  async execute(command: CloseProgrammeCommand): Promise<{ programme: StoredProgramme; releaseFrom: number | null }> {
    return this.outbox.transaction(async (tx) => {
      const now = this.clock.now();
      const programme = await lockedProgramme(this.store, tx, command.referralId);
      const note = command.note ?? null;
      const recheckOn = command.recheckOn ?? null;
      underProgrammeRules(() => closeByDecision(programme, { reason: command.reason, note, recheckOn }, now));
      programme.outcomeAt = now;
      programme.closure = { reason: command.reason, note, decidedBy: command.actorId, recheckOn };
      await this.store.saveState(tx, programme);
      if (recheckOn) await this.store.insertTimers(tx, programme.id, [treatmentRecheckTimer(recheckOn)]);
      await this.outbox.enqueue(tx, EventSubjects.ProgrammeClosedByDecision, programme.orderId, {
        ...programmeFacts(programme),
        reason: command.reason,
        decidedBy: command.actorId,
        decidedAt: now.toISOString(),
        ...(recheckOn ? { recheckOn } : {}),
      });
      return { programme, releaseFrom: firstOpenSession(programme) };
    });
  }
}
