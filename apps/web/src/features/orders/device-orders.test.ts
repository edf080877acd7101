import { afterEach, describe, expect, it } from 'vitest';
import type { RegisterProtectionOrderRequest } from '../../api/korgoo-api';
import { ApiClient, ApiProblem, Offline } from '../../lib/api-client';
import { DeviceOrders, ORDERS_PATH } from './device-orders';

const order = (orderNumber: string, fullName = 'Асанов Бакыт'): RegisterProtectionOrderRequest => ({
  orderNumber,
  issuingUnit: 'Нарын РИИБ',
  issuedAt: '2026-03-01T08:00:00.000Z',
  expiresAt: '2026-03-30T08:00:00.000Z',
  perpetrator: { fullName, sex: 'male', language: 'ky', location: { settlementCode: 'naryn' } },
  screening: {},
});

/** The gateway as the queue sees it: idempotent on the order number, with a network that can be cut. */
class Gateway {
  online = true;
  /** What the next answers are, before the network or the order book are consulted. */
  refusals: ApiProblem[] = [];
  readonly orders = new Map<string, string>();
  readonly received: string[] = [];
  /** Requests that reach the gateway but whose answer is lost on the way back. */
  loseAnswers = 0;

  readonly api: ApiClient = {
    get: async () => {
      throw new Error('not used');
    },
    put: async () => {
      throw new Error('not used');
    },
    patch: async () => {
      throw new Error('not used');
    },
    delete: async () => {
      throw new Error('not used');
    },
    download: async () => {
      throw new Error('not used');
    },
    post: async <T>(path: string, body?: unknown): Promise<T> => {
      expect(path).toBe(ORDERS_PATH);
      if (!this.online) throw new Offline('network unreachable');
      const refusal = this.refusals.shift();
      if (refusal) throw refusal;
      const { orderNumber } = body as RegisterProtectionOrderRequest;
      this.received.push(orderNumber);
      const known = this.orders.get(orderNumber);
      const orderId = known ?? `id-${orderNumber}`;
      this.orders.set(orderNumber, orderId);
      if (this.loseAnswers > 0) {
        this.loseAnswers -= 1;
        throw new Offline('answer lost');
      }
      return { orderId, orderNumber, created: !known } as T;
    },
  };
}

const conflict = (orderId?: string) =>
  new ApiProblem(409, { statusCode: 409, message: 'orderNumber is already registered', conflict: { field: 'orderNumber', orderId } } as never);

const everythingStored = () => Array.from({ length: localStorage.length }, (_, index) => localStorage.getItem(localStorage.key(index) ?? '')).join('\n');

afterEach(() => localStorage.clear());

describe('the orders on the officer’s phone', () => {
  it('keeps an order saved while offline and sends it once when the network returns', async () => {
    const gateway = new Gateway();
    const device = new DeviceOrders('officer', localStorage, () => 1_000);
    gateway.online = false;
    device.keep(order('НР-1'));
    expect(await device.send(gateway.api, 'НР-1')).toEqual({ kind: 'waiting' });
    expect(device.snapshot().pending).toEqual([{ request: order('НР-1'), savedAt: 1_000, hold: null }]);

    gateway.online = true;
    await device.sendAll(gateway.api);
    await device.sendAll(gateway.api);

    expect(gateway.received).toEqual(['НР-1']);
    expect(device.snapshot()).toEqual({ pending: [], registered: ['id-НР-1'], sending: [] });
  });

  it('survives a reload of the page: the saved orders are read back from the phone', () => {
    new DeviceOrders('officer').keep(order('НР-2'));
    expect(new DeviceOrders('officer').snapshot().pending.map((saved) => saved.request.orderNumber)).toEqual(['НР-2']);
    expect(new DeviceOrders('colleague').snapshot().pending).toEqual([]);
  });

  it('leaves no personal data behind once the API has the order', async () => {
    const gateway = new Gateway();
    const device = new DeviceOrders('officer');
    device.keep(order('НР-3', 'Токтогулов Эрлан'));
    expect(everythingStored()).toContain('Токтогулов Эрлан');
    await device.sendAll(gateway.api);
    expect(everythingStored()).not.toContain('Токтогулов Эрлан');
    expect(localStorage.getItem('korgoo.outbox.officer')).toBeNull();
  });

  it('makes one order of a resend whose first answer was lost on the way back', async () => {
    const gateway = new Gateway();
    const device = new DeviceOrders('officer');
    gateway.loseAnswers = 1;
    device.keep(order('НР-4'));
    await device.sendAll(gateway.api);
    expect(device.snapshot().pending).toHaveLength(1);
    await device.sendAll(gateway.api);
    expect(gateway.received).toEqual(['НР-4', 'НР-4']);
    expect([...gateway.orders.keys()]).toEqual(['НР-4']);
    expect(device.snapshot()).toMatchObject({ pending: [], registered: ['id-НР-4'] });
  });

  it('sends an order once when the reconnection and the officer’s tap come together', async () => {
    const gateway = new Gateway();
    const device = new DeviceOrders('officer');
    device.keep(order('НР-5'));
    const tap = device.send(gateway.api, 'НР-5');
    expect(device.snapshot().sending).toEqual(['НР-5']);
    await Promise.all([tap, device.sendAll(gateway.api), device.send(gateway.api, 'НР-5')]);
    expect(gateway.received).toEqual(['НР-5']);
  });

  it('takes a 409 that names the unit’s own order as arrival, not as a reason to send again', async () => {
    const gateway = new Gateway();
    const device = new DeviceOrders('officer');
    gateway.refusals.push(conflict('earlier-id'));
    device.keep(order('НР-6'));
    expect(await device.send(gateway.api, 'НР-6')).toEqual({ kind: 'sent', reply: { orderId: 'earlier-id', orderNumber: 'НР-6', created: false } });
    expect(device.snapshot()).toMatchObject({ pending: [], registered: ['earlier-id'] });
  });

  it('holds for the officer an order number another unit registered, or one the API refuses, and sends the rest', async () => {
    const gateway = new Gateway();
    const device = new DeviceOrders('officer');
    gateway.refusals.push(conflict(), new ApiProblem(400, { statusCode: 400, message: 'expiresAt must be in the future' }));
    device.keep(order('НР-7'));
    device.keep(order('НР-8'));
    device.keep(order('НР-9'));
    await device.sendAll(gateway.api);
    await device.sendAll(gateway.api);

    expect(gateway.received).toEqual(['НР-9']);
    expect(device.snapshot().pending.map(({ request, hold }) => [request.orderNumber, hold])).toEqual([
      ['НР-7', 'taken'],
      ['НР-8', 'refused'],
    ]);
    device.drop('НР-7');
    expect(device.snapshot().pending.map(({ request }) => request.orderNumber)).toEqual(['НР-8']);
  });

  it('replaces a saved order by its corrected version with the same number', () => {
    const device = new DeviceOrders('officer');
    device.keep(order('НР-10', 'Биринчи'));
    device.keep(order('НР-10', 'Экинчи'));
    expect(device.snapshot().pending.map(({ request }) => request.perpetrator.fullName)).toEqual(['Экинчи']);
  });

  it('tells its screens of every change', async () => {
    const device = new DeviceOrders('officer');
    let changes = 0;
    const stop = device.subscribe(() => (changes += 1));
    device.keep(order('НР-11'));
    await device.send(new Gateway().api, 'НР-11');
    stop();
    device.keep(order('НР-12'));
    // Kept, sending, sent (dropped), done sending.
    expect(changes).toBe(4);
  });
});
