import type { Client } from 'pg';

/** One of a service's connections caught at work: what it was doing or waiting for at that moment. */
export interface ConnectionReading {
  service: string;
  /** `running`, `<wait event type>:<wait event>` while its statement waits, or `idle in transaction`. */
  doing: string;
}

/**
 * Per service, what its connections were doing, as the mean number of connections found at each: 0.5 for a lock
 * means that, on average, half a connection of that service was waiting for it. By Little's law, that divided by
 * the orders a second is the wait per order.
 */
export function meanConnectionWaits(rounds: readonly ConnectionReading[][]): Record<string, Record<string, number>> {
  const counts = new Map<string, Map<string, number>>();
  for (const reading of rounds.flat()) {
    const byDoing = counts.get(reading.service) ?? new Map<string, number>();
    byDoing.set(reading.doing, (byDoing.get(reading.doing) ?? 0) + 1);
    counts.set(reading.service, byDoing);
  }
  const mean = (count: number) => +(count / Math.max(1, rounds.length)).toFixed(3);
  return Object.fromEntries(
    [...counts]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([service, byDoing]) => [service, Object.fromEntries([...byDoing].sort((a, b) => b[1] - a[1]).map(([doing, count]) => [doing, mean(count)]))]),
  );
}

interface ActivityRow {
  application_name: string;
  state: string;
  wait_event_type: string | null;
  wait_event: string | null;
}

/** A connection's reading from its `pg_stat_activity` row; services name their connections `korgoo-<service>`. */
export function readingOf(row: ActivityRow): ConnectionReading {
  const service = row.application_name.replace(/^korgoo-/, '');
  if (row.state !== 'active') return { service, doing: row.state };
  return { service, doing: row.wait_event_type ? `${row.wait_event_type}:${row.wait_event}` : 'running' };
}

/**
 * Reads `pg_stat_activity` for one database every `intervalMs` on a connection of its own, until stopped: which
 * lock, I/O or client a service's statements wait for under load, which CPU profiles of the services cannot show.
 */
export function sampleConnectionWaits(db: Client, database: string, intervalMs: number) {
  const rounds: ConnectionReading[][] = [];
  let sampling = true;
  const done = (async () => {
    while (sampling) {
      const { rows } = await db.query<ActivityRow>(
        `SELECT application_name, state, wait_event_type, wait_event FROM pg_stat_activity
          WHERE datname = $1 AND backend_type = 'client backend' AND state <> 'idle' AND pid <> pg_backend_pid()`,
        [database],
      );
      rounds.push(rows.map(readingOf));
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();
  return {
    async stop() {
      sampling = false;
      await done;
      return { intervalMs, rounds: rounds.length, connections: meanConnectionWaits(rounds) };
    },
  };
}
