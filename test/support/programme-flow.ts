import request from 'supertest';
import { KorgooStack } from './korgoo-stack';
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

/** Registers an order, lets it be routed, and has the chosen centre accept: the programme starts. */
export async function acceptedProgramme(stack: KorgooStack, police: string, admin: string): Promise<AcceptedProgramme> {
  const order = protectionOrderBody();
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
