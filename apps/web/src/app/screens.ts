import { lazy } from 'react';
import type { Session } from '../lib/session';

// Each role's screens load on demand, so a police phone downloads the police screens only.
const OrderForm = lazy(() => import('../features/orders/OrderForm').then((m) => ({ default: m.OrderForm })));
const MyOrders = lazy(() => import('../features/orders/MyOrders').then((m) => ({ default: m.MyOrders })));
const ReferralQueue = lazy(() => import('../features/referrals/ReferralQueue').then((m) => ({ default: m.ReferralQueue })));
const AlertInbox = lazy(() => import('../features/inbox/AlertInbox').then((m) => ({ default: m.AlertInbox })));
const CentreInbox = lazy(() => import('../features/inbox/CentreInbox').then((m) => ({ default: m.CentreInbox })));
const Programmes = lazy(() => import('../features/programme/Programmes').then((m) => ({ default: m.Programmes })));
const IndicatorsScreen = lazy(() => import('../features/indicators/IndicatorsScreen').then((m) => ({ default: m.IndicatorsScreen })));
const SavedOrderSender = lazy(() => import('../features/orders/SavedOrderSender').then((m) => ({ default: m.SavedOrderSender })));
const AuditLog = lazy(() => import('../features/audit/AuditLog').then((m) => ({ default: m.AuditLog })));
const DirectoryScreen = lazy(() => import('../features/directory/DirectoryScreen').then((m) => ({ default: m.DirectoryScreen })));
const SecondFactorScreen = lazy(() => import('../features/account/SecondFactorScreen').then((m) => ({ default: m.SecondFactorScreen })));

export interface Screen {
  key: string;
  Component: React.ComponentType;
}

export const SCREENS: Record<Session['role'], Screen[]> = {
  police: [
    { key: 'newOrder', Component: OrderForm },
    { key: 'myOrders', Component: MyOrders },
    { key: 'notices', Component: AlertInbox },
  ],
  coordinator: [
    { key: 'queue', Component: ReferralQueue },
    { key: 'inbox', Component: AlertInbox },
    { key: 'programmes', Component: Programmes },
    { key: 'indicators', Component: IndicatorsScreen },
    { key: 'secondFactor', Component: SecondFactorScreen },
  ],
  centre: [
    { key: 'inbox', Component: CentreInbox },
    { key: 'programmes', Component: Programmes },
    { key: 'indicators', Component: IndicatorsScreen },
  ],
  // Admins run accounts, the directory and the machinery (through the API); they read no case.
  admin: [
    { key: 'indicators', Component: IndicatorsScreen },
    { key: 'directory', Component: DirectoryScreen },
    { key: 'auditLog', Component: AuditLog },
    { key: 'secondFactor', Component: SecondFactorScreen },
  ],
  probation: [{ key: 'indicators', Component: IndicatorsScreen }],
  auditor: [{ key: 'auditLog', Component: AuditLog }],
};

/** What runs behind every screen of a role while it is signed in. */
export const BACKGROUND: Partial<Record<Session['role'], React.ComponentType>> = {
  police: SavedOrderSender,
};
