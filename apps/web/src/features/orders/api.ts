import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useSyncExternalStore } from 'react';
import type {
  CourtDecisionRecordedResponse,
  CourtDecisionRequest,
  ExtendOrderRequest,
  OdaraFormResponse,
  OrderExtendedResponse,
  OrderPage,
  RegisteredOrderResponse,
  RegisterProtectionOrderRequest,
} from '../../api/korgoo-api';
import { useCursorPages } from '../../lib/cursor-pages';
import { useSession } from '../../lib/session';
import { DeviceOrders, ORDERS_PATH } from './device-orders';

export function useOdaraForm() {
  const { api } = useSession();
  return useQuery({ queryKey: ['odara-form'], queryFn: () => api.get<OdaraFormResponse>('/api/v1/odara/form'), staleTime: Infinity });
}

// One instance per officer while any screen shows it, so a retry and a tap share one lock; once no screen
// does, it is let go, and the next screen reads the phone's storage afresh.
const inUse = new Map<string, { device: DeviceOrders; screens: number }>();

function deviceOf(username: string): DeviceOrders {
  const open = inUse.get(username) ?? { device: new DeviceOrders(username), screens: 0 };
  inUse.set(username, open);
  return open.device;
}

function watch(username: string, device: DeviceOrders, listener: () => void): () => void {
  const open = inUse.get(username) ?? { device, screens: 0 };
  inUse.set(username, { device, screens: open.screens + 1 });
  const stop = device.subscribe(listener);
  return () => {
    stop();
    const left = (inUse.get(username)?.screens ?? 1) - 1;
    if (left > 0) inUse.set(username, { device, screens: left });
    else inUse.delete(username);
  };
}

/** The signed-in officer's orders on this phone: those waiting to be sent and those the API registered. */
export function useDeviceOrders() {
  const { session } = useSession();
  const username = session?.username ?? '';
  const device = deviceOf(username);
  const snapshot = useSyncExternalStore((listener) => watch(username, device, listener), device.snapshot);
  return { device, ...snapshot };
}

// How often saved orders are tried again when the browser says nothing about the network coming back.
const RETRY_EVERY_MS = 30_000;

/** Sends the saved orders as soon as the browser is back online, and every half minute while any wait. */
export function useSendSavedOrders() {
  const { api } = useSession();
  const { device, pending } = useDeviceOrders();
  const waiting = pending.some((saved) => saved.hold === null);
  useEffect(() => {
    if (!waiting) return;
    // "Offline" is the one thing the browser knows for sure; "online" may still be a network that goes nowhere.
    const sendAll = () => navigator.onLine && void device.sendAll(api);
    sendAll();
    window.addEventListener('online', sendAll);
    const timer = window.setInterval(sendAll, RETRY_EVERY_MS);
    return () => {
      window.removeEventListener('online', sendAll);
      window.clearInterval(timer);
    };
  }, [api, device, waiting]);
}

/** The order reached the API, or it is saved on this phone until it can (no network, the gateway down). */
export type Registration = { kind: 'sent'; reply: RegisteredOrderResponse } | { kind: 'saved'; orderNumber: string };

/**
 * Registers an order: it is saved on the phone first, so it survives a closed tab or a lost network, then
 * sent. An order the API refuses is taken off the phone again: it is still in the form, errors at its fields.
 */
export function useRegisterOrder() {
  const { api } = useSession();
  const { device } = useDeviceOrders();
  return useMutation({
    // TanStack Query would hold the whole call while the browser is offline, keeping the order in memory only.
    networkMode: 'always',
    mutationFn: async (order: RegisterProtectionOrderRequest): Promise<Registration> => {
      device.keep(order);
      if (!navigator.onLine) return { kind: 'saved', orderNumber: order.orderNumber };
      const outcome = await device.send(api, order.orderNumber);
      if (outcome.kind === 'sent') return outcome;
      if (outcome.kind === 'waiting') return { kind: 'saved', orderNumber: order.orderNumber };
      device.drop(order.orderNumber);
      throw outcome.error;
    },
  });
}

const UNIT_ORDERS = ['orders', 'unit'];

/** A change to a registered order; the unit's orders are read again afterwards, as the API now has them. */
function useOrderChange<Body, Reply>(orderId: string, change: 'extension' | 'court-decision') {
  const { api } = useSession();
  const queries = useQueryClient();
  return useMutation({
    // Offline, the officer is told it did not go through rather than left waiting on a held request.
    networkMode: 'always',
    mutationFn: (body: Body) => api.post<Reply>(`${ORDERS_PATH}/${orderId}/${change}`, body),
    onSuccess: () => queries.invalidateQueries({ queryKey: UNIT_ORDERS }),
  });
}

/** Police: a later expiry for the order (its first expiry is kept). */
export const useExtendOrder = (orderId: string) => useOrderChange<ExtendOrderRequest, OrderExtendedResponse>(orderId, 'extension');

/** Police: the court's decision on the order, once, up to 70 days after its issue. */
export const useRecordCourtDecision = (orderId: string) =>
  useOrderChange<CourtDecisionRequest, CourtDecisionRecordedResponse>(orderId, 'court-decision');

/**
 * The orders of the officer's unit, newest first, a page at a time, from whichever phone they were filed,
 * each with where it stands. An order this phone has just sent shows at once, not at the next refresh.
 */
export function useUnitOrders() {
  const list = useCursorPages<OrderPage>(UNIT_ORDERS, ORDERS_PATH, { limit: '10', refetchInterval: 30_000 });
  const queries = useQueryClient();
  const { registered } = useDeviceOrders();
  const latest = useRef(registered[0]);
  useEffect(() => {
    if (latest.current === registered[0]) return;
    latest.current = registered[0];
    void queries.invalidateQueries({ queryKey: UNIT_ORDERS });
  }, [queries, registered]);
  return list;
}
