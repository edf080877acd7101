import { EntityManager } from 'typeorm';
import { Clock, DuePoller, DuePollerLog } from '@korgoo/platform/core';
import { Outbox } from '@korgoo/messaging';
import { DueTimer, ProgrammeStore } from '../programmes/programme-store';
import { FireTimer } from './fire-timer';

/** Fires due programme timers by the injected clock, each once across replicas and restarts (see DuePoller). */
export function timerPoller(
  outbox: Outbox,
  store: ProgrammeStore,
  fire: FireTimer,
  clock: Clock,
  pollMs: number,
  log: DuePollerLog,
): DuePoller<EntityManager, DueTimer> {
  return new DuePoller<EntityManager, DueTimer>(
    (work) => outbox.transaction(work),
    {
      claimDue: (tx, now, passOver) => store.claimDueTimer(tx, now, passOver),
      fire: (tx, due) => fire.execute(tx, due),
      idOf: (due) => due.id,
    },
    clock,
    { name: 'programme timer', pollMs },
    log,
  );
}
