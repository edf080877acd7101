import type { FieldProblemBody, RegisteredOrderResponse, RegisterProtectionOrderRequest } from '../../api/korgoo-api';
import { ApiClient, ApiProblem, Offline } from '../../lib/api-client';

/** Why a saved order waits for the officer instead of being sent again. */
export type Hold =
  /** Another police unit registered this order number: the officer must check the number. */
  | 'taken'
  /** The API refused the order (it may have expired while the phone was offline). */
  | 'refused';

/** An order saved on this phone until the API has answered; it holds personal data, so it is kept no longer. */
export interface SavedOrder {
  request: RegisterProtectionOrderRequest;
  savedAt: number;
  hold: Hold | null;
  /** The fields the API refused and why, for the officer to correct them in the form. */
  problems?: FieldProblemBody[];
}

export interface DeviceOrdersSnapshot {
  /** Orders not yet answered, oldest first. */
  pending: readonly SavedOrder[];
  /** Ids of the orders the API registered from this phone, newest first. */
  registered: readonly string[];
  /** Order numbers on their way to the API right now. */
  sending: readonly string[];
}

export type SendOutcome =
  | { kind: 'sent'; reply: RegisteredOrderResponse }
  | { kind: 'waiting' }
  | { kind: 'held'; error: unknown };

export const ORDERS_PATH = '/api/v1/protection-orders';

// The network is down, or the gateway is (restarting, no NATS): the same request will do on a later try.
const worthRetrying = (error: unknown) =>
  error instanceof Offline || (error instanceof ApiProblem && [502, 503, 504].includes(error.status));

// The gateway answers a resend with 200 and the same id. A 409 naming an order id means this unit already has
// the number: the order arrived (changed since, or by a colleague), and a resend must not make a second one.
function earlierOrder(error: unknown, orderNumber: string): RegisteredOrderResponse | null {
  if (!(error instanceof ApiProblem) || error.status !== 409) return null;
  const orderId = (error.body as { conflict?: { orderId?: string } } | null)?.conflict?.orderId;
  return orderId ? { orderId, orderNumber, created: false } : null;
}

/**
 * The officer's orders on this phone: those saved and not yet answered by the API (the send queue), and
 * the ids of those it registered. One order number is sent by one request at a time, so a retry on
 * reconnection and a tap on "send now" never race; the API's idempotency on the order number covers the
 * rest (an answer lost on the way back).
 */
export class DeviceOrders {
  private readonly listeners = new Set<() => void>();
  private readonly sending = new Map<string, Promise<SendOutcome>>();
  private saved: SavedOrder[];
  private sent: string[];
  private state: DeviceOrdersSnapshot;

  constructor(
    private readonly username: string,
    private readonly storage: Storage = localStorage,
    private readonly now: () => number = Date.now,
  ) {
    this.saved = this.read(this.queueKey, []);
    this.sent = this.read(this.sentKey, []);
    this.state = this.capture();
  }

  private get queueKey() {
    return `korgoo.outbox.${this.username}`;
  }

  private get sentKey() {
    return `korgoo.orders.${this.username}`;
  }

  private read<T>(key: string, empty: T): T {
    const raw = this.storage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : empty;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** What screens show; a new object after every change, the same one in between. */
  snapshot = (): DeviceOrdersSnapshot => this.state;

  /** Saves an order before it is sent; a corrected order replaces the saved one with its number. */
  keep(request: RegisterProtectionOrderRequest): void {
    const others = this.saved.filter((saved) => saved.request.orderNumber !== request.orderNumber);
    this.writeQueue([...others, { request, savedAt: this.now(), hold: null }]);
  }

  /** Deletes a saved order, and the personal data in it, from this phone. */
  drop(orderNumber: string): void {
    this.writeQueue(this.saved.filter((saved) => saved.request.orderNumber !== orderNumber));
  }

  /** Sends one saved order; only the API's answer removes it (or holds it for the officer). */
  send(api: ApiClient, orderNumber: string): Promise<SendOutcome> {
    const running = this.sending.get(orderNumber);
    if (running) return running;
    const saved = this.saved.find((candidate) => candidate.request.orderNumber === orderNumber);
    if (!saved) return Promise.resolve({ kind: 'waiting' });
    const sent = this.deliver(api, saved).finally(() => {
      this.sending.delete(orderNumber);
      this.notify();
    });
    this.sending.set(orderNumber, sent);
    this.notify();
    return sent;
  }

  /**
   * Sends every saved order that is not held, oldest first; stops at the first that must wait for the network.
   * One already on its way is awaited and, if it must wait, tried again: this call may come because the
   * network just returned, after that request failed for want of it.
   */
  async sendAll(api: ApiClient): Promise<void> {
    for (const saved of this.saved.filter((candidate) => candidate.hold === null)) {
      const orderNumber = saved.request.orderNumber;
      const running = this.sending.get(orderNumber);
      if (running && (await running).kind !== 'waiting') continue;
      if ((await this.send(api, orderNumber)).kind === 'waiting') return;
    }
  }

  private async deliver(api: ApiClient, saved: SavedOrder): Promise<SendOutcome> {
    const { orderNumber } = saved.request;
    try {
      const reply = await api.post<RegisteredOrderResponse>(ORDERS_PATH, saved.request);
      this.arrived(reply);
      return { kind: 'sent', reply };
    } catch (error) {
      if (worthRetrying(error)) return { kind: 'waiting' };
      const earlier = earlierOrder(error, orderNumber);
      if (earlier) {
        this.arrived(earlier);
        return { kind: 'sent', reply: earlier };
      }
      const hold: Hold = error instanceof ApiProblem && error.status === 409 ? 'taken' : 'refused';
      const problems = error instanceof ApiProblem ? (error.body?.problems ?? []) : [];
      this.writeQueue(this.saved.map((candidate) => (candidate.request.orderNumber === orderNumber ? { ...candidate, hold, problems } : candidate)));
      return { kind: 'held', error };
    }
  }

  private arrived({ orderId, orderNumber }: RegisteredOrderResponse): void {
    this.sent = [orderId, ...this.sent.filter((id) => id !== orderId)];
    this.storage.setItem(this.sentKey, JSON.stringify(this.sent));
    this.drop(orderNumber);
  }

  private writeQueue(saved: SavedOrder[]): void {
    this.saved = saved;
    // Nothing saved, nothing left behind: no empty key hints that personal data was ever on this phone.
    if (saved.length === 0) this.storage.removeItem(this.queueKey);
    else this.storage.setItem(this.queueKey, JSON.stringify(saved));
    this.notify();
  }

  private capture(): DeviceOrdersSnapshot {
    return { pending: this.saved, registered: this.sent, sending: [...this.sending.keys()] };
  }

  private notify(): void {
    this.state = this.capture();
    for (const listener of this.listeners) listener();
  }
}
