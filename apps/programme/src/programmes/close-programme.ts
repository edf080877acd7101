import { CloseProgrammeCommand, EventSubjects } from '@korgoo/contracts';
import { Outbox } from '@korgoo/messaging';
import { Clock } from '@korgoo/platform/core';
import { closeByDecision } from '../domain';
import { firstOpenSession, lockedProgramme, underProgrammeRules } from './programme-access';
import { programmeFacts } from './programme-facts';
import { ProgrammeStore, StoredProgramme } from './programme-store';

/** A coordinator ends a programme with a coded reason: who and when are kept, and the outcome is final. */
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
      underProgrammeRules(() => closeByDecision(programme, { reason: command.reason, note }));
      programme.outcomeAt = now;
      programme.closure = { reason: command.reason, note, decidedBy: command.actorId };
      await this.store.saveState(tx, programme);
      await this.outbox.enqueue(tx, EventSubjects.ProgrammeClosedByDecision, programme.orderId, {
        ...programmeFacts(programme),
        reason: command.reason,
        decidedBy: command.actorId,
        decidedAt: now.toISOString(),
      });
      return { programme, releaseFrom: firstOpenSession(programme) };
    });
  }
}
