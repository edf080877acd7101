import { lazy } from 'react';
import type { Session } from '../lib/session';

// Each role's screens load on demand, so a police phone downloads the police screens only.
const OrderForm = lazy(() => import('../features/orders/OrderForm').then((m) => ({ default: m.OrderForm })));
const MyOrders = lazy(() => import('../features/orders/MyOrders').then((m) => ({ default: m.MyOrders })));
const ReferralQueue = lazy(() => import('../features/referrals/ReferralQueue').then((m) => ({ default: m.ReferralQueue })));
const CentreInbox = lazy(() => import('../features/inbox/CentreInbox').then((m) => ({ default: m.CentreInbox })));

export interface Screen {
  key: string;
  Component: React.ComponentType;
}

export const SCREENS: Record<Session['role'], Screen[]> = {
  police: [
    { key: 'newOrder', Component: OrderForm },
    { key: 'myOrders', Component: MyOrders },
  ],
  coordinator: [{ key: 'queue', Component: ReferralQueue }],
  centre: [{ key: 'inbox', Component: CentreInbox }],
  admin: [{ key: 'queue', Component: ReferralQueue }],
  // The indicator and audit-log screens are still to come; these roles use the API meanwhile.
  probation: [],
  auditor: [],
};
