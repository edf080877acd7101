import { createHash } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { EventSubjects } from '@korgoo/contracts';
import { Outbox } from '@korgoo/messaging';
import { Clock } from '@korgoo/platform/core';
import { Roster, rosterOf, sameRoster } from './roster';
import { RosterState, RosterStore } from './roster-store';

/**
 * Tells other services (reporting's rostered pair-hours) each centre's roster whenever it differs from what
 * was last announced, through the outbox in the caller's transaction. Run after every directory edit and at
 * start-up, so a directory loaded before the announcement existed, or seeded, is announced once; running it
 * again announces nothing new.
 */
export class AnnounceRosters {
  constructor(
    private readonly store: RosterStore,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  async execute(tx: EntityManager): Promise<number> {
    const changed = changedRosters(await this.store.state(tx));
    let announced = 0;
    for (const { centreId } of changed) {
      // Read again under the lock: another transaction may have announced (or changed) it meanwhile.
      await this.store.lock(tx, centreId);
      const [roster] = changedRosters(await this.store.state(tx, [centreId]));
      if (!roster) continue;
      const now = this.clock.now();
      await this.outbox.enqueue(tx, EventSubjects.DirectoryRosterChanged, correlationOf(centreId), {
        ...roster,
        effectiveFrom: now.toISOString(),
      });
      await this.store.saveAnnounced(tx, roster, now);
      announced += 1;
    }
    return announced;
  }
}

function changedRosters({ centres, facilitators, announced }: RosterState): Roster[] {
  const ids = [...new Set([...centres.keys(), ...announced.keys()])].sort();
  return ids
    .map((id) => rosterOf(id, centres.get(id) ?? null, facilitators.get(id) ?? []))
    .filter((roster) => !sameRoster(roster, announced.get(roster.centreId) ?? null));
}

/** Events correlate by a uuid; a centre's roster events share one, derived from its id. */
function correlationOf(centreId: string): string {
  const hex = createHash('sha256').update(`centre-roster/${centreId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
