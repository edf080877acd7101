import request from 'supertest';
import type { HandlingOutcome } from '@korgoo/messaging';

export type { HandlingOutcome };

/** How many events on `subject` the service on `port` handled with that outcome, from its /metrics. */
export async function eventsHandledAt(port: number, subject: string, outcome: HandlingOutcome): Promise<number> {
  const text = (await request(`http://127.0.0.1:${port}`).get('/metrics')).text;
  const line = text
    .split('\n')
    .find((l) => l.startsWith('korgoo_events_handled_total{') && l.includes(`subject="${subject}"`) && l.includes(`outcome="${outcome}"`));
  return line ? Number(line.split(' ').pop()) : 0;
}
