import request from 'supertest';
import { KorgooStack } from './korgoo-stack';
import { addFacilitatorPairs } from './last-place-centre';
import { protectionOrderBody } from './protection-order.fixture';

export type Event<P = Record<string, unknown>> = { eventId: string; correlationId: string; payload: P };
export type Started = { referralId: string; centreId: string; sessions: Array<{ index: number; kind: string; startsAt: string; endsAt: string }> };
export type Sent = { sourceEventId: string; recipientKind: string; unitCode?: string; centreId?: string; channel: string };

export const HOUR = 3_600_000;

export interface AcceptedProgramme {
  orderId: string;
  orderNumber: string;
  started: Event<Started>;
  staff: string;
  expiresAt: string;
}

/** Where the roomy centre stands: far from every demo centre, so its orders and theirs never meet. */
export const ROOMY_SETTLEMENT = 'toktogul';
export const ROOMY_CENTRE = 'test-roomy-toktogul';

/**
 * A centre in Toktogul, beyond the reach of every demo centre, with three facilitator pairs free every day.
 * The suites of a run share one database, and the demo centres' next weeks fill up with the programmes
 * earlier suites booked; orders placed in Toktogul always find a place here. Created once per run; later
 * suites find it there.
 */
export async function roomyCentre(stack: KorgooStack, admin: string): Promise<void> {
  const created = await request(stack.gateway)
    .post('/api/v1/directory/centres')
    .auth(admin, { type: 'bearer' })
    .send({ id: ROOMY_CENTRE, name: 'Roomy test centre', settlementCode: ROOMY_SETTLEMENT, status: 'open', groupCapacity: 10 });
  if (created.status === 409) return;
  if (created.status !== 201) throw new Error(`the roomy centre could not be created: ${created.status} ${JSON.stringify(created.body)}`);
  const weekly = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '08:00', end: '20:00' }));
  await addFacilitatorPairs(stack.gateway, admin, ROOMY_CENTRE, { pairs: 3, languages: ['ky', 'ru'], weekly });
}

/** Registers an order, lets it be routed, and has the chosen centre accept: the programme starts. */
export async function acceptedProgramme(stack: KorgooStack, police: string, admin: string, settlementCode?: string): Promise<AcceptedProgramme> {
  const order = protectionOrderBody();
  if (settlementCode) order.perpetrator.location.settlementCode = settlementCode;
  const created = await request(stack.gateway).post('/api/v1/protection-orders').auth(police, { type: 'bearer' }).send(order).expect(201);
  const orderId: string = created.body.orderId;
  const routed = await stack.awaitEvent<Event<{ referralId: string; centreId: string }>>('referral.routed.v1', (e) => e.correlationId === orderId);
  const staff = await stack.centreStaff(admin, routed.payload.centreId);
  await request(stack.gateway).post(`/api/v1/referrals/${routed.payload.referralId}/accept`).auth(staff, { type: 'bearer' }).expect(200);
  const started = await stack.awaitEvent<Event<Started>>('programme.started.v1', (e) => e.correlationId === orderId);
  return { orderId, orderNumber: order.orderNumber, started, staff, expiresAt: order.expiresAt };
}

/** What the facilitators sign on every session in these tests. */
export const SIGNED_NOTE = { facilitatorNote: 'Took part; discussed the order and its conditions.', signedBy: 'Facilitator pair 1' };

export function recordAttendance(stack: KorgooStack, staff: string, referralId: string, index: number, body: Record<string, unknown>) {
  return request(stack.gateway)
    .post(`/api/v1/referrals/${referralId}/programme/sessions/${index}/attendance`)
    .auth(staff, { type: 'bearer' })
    .send({ ...SIGNED_NOTE, ...body });
}

/** An hour into a session: when centre staff record it. */
export const during = (session: { startsAt: string }) => new Date(new Date(session.startsAt).getTime() + HOUR);
