import { CreateAccountRequest } from './auth.dto';

/**
 * Demo accounts, created only when NODE_ENV=development so a newcomer can walk through the flow.
 * The passwords are public on purpose and never exist in production.
 */
export const DEMO_ACCOUNTS: CreateAccountRequest[] = [
  { username: 'police.demo', password: 'korgoo-demo-police', role: 'police', unitCode: 'naryn-riib', displayName: 'Demo police officer, Naryn' },
  { username: 'auditor.demo', password: 'korgoo-demo-auditor', role: 'auditor', displayName: 'Demo auditor' },
  { username: 'coordinator.demo', password: 'korgoo-demo-coordinator', role: 'coordinator', displayName: 'Demo coordinator' },
  { username: 'admin.demo', password: 'korgoo-demo-admin', role: 'admin', displayName: 'Demo administrator' },
  {
    username: 'centre.bishkek-shans.demo',
    password: 'korgoo-demo-centre',
    role: 'centre',
    centreId: 'bishkek-shans',
    displayName: 'Demo staff, Shans (Bishkek)',
  },
  {
    username: 'centre.naryn-asylzat.demo',
    password: 'korgoo-demo-centre',
    role: 'centre',
    centreId: 'naryn-asylzat',
    displayName: 'Demo staff, Asylzat (Naryn)',
  },
  {
    username: 'centre.osh-ak-jurok.demo',
    password: 'korgoo-demo-centre',
    role: 'centre',
    centreId: 'osh-ak-jurok',
    displayName: 'Demo staff, Ak-Zhurok (Osh)',
  },
];
