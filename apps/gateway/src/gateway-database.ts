import type { ServiceDatabase } from '@korgoo/platform';
import { auditTermSetting } from './retention/audit-log-retention-store';
import { Account } from './auth/account.entity';
import { AccountsSessions1765000000000 } from './migrations/1765000000000-accounts-sessions';
import { AuditChain1765000000001 } from './migrations/1765000000001-audit-chain';
import { AuditChainHead1772000000000 } from './migrations/1772000000000-audit-chain-head';
import { AuditAppend1773000000000 } from './migrations/1773000000000-audit-append';
import { DropAuditChainHead1774000000000 } from './migrations/1774000000000-drop-audit-chain-head';
import { AuditLogEntry } from './audit/audit-log.entity';
import { CreateGatewaySchema1764000000000 } from './migrations/1764000000000-create-gateway-schema';
import { NoVictimContact1768000000000 } from './migrations/1768000000000-no-victim-contact';
import { OrderExtensionCourtDecision1767000000000 } from './migrations/1767000000000-order-extension-court-decision';
import { OrderNote } from './orders/order-note.entity';
import { OrderNotes1767000000001 } from './migrations/1767000000001-order-notes';
import { OrderRetention1768000000001 } from './migrations/1768000000001-order-retention';
import { PoliceUnit } from './police-units/police-unit.entity';
import { PoliceUnits1765000000002 } from './migrations/1765000000002-police-units';
import { ProbationRole1766000000000 } from './migrations/1766000000000-probation-role';
import { ProtectionOrder } from './orders/protection-order.entity';
import { SecondFactor1769000000000 } from './migrations/1769000000000-second-factor';
import { AuditRetention1770000000000 } from './migrations/1770000000000-audit-retention';
import { OrderUnitsFromOfficers1771000000000 } from './migrations/1771000000000-order-units-from-officers';

const GATEWAY_SCHEMA: ServiceDatabase = {
  schema: 'gateway',
  entities: [Account, AuditLogEntry, ProtectionOrder, OrderNote, PoliceUnit],
  appendOnly: ['audit_log'],
  readOnly: ['audit_retention'],
  migrations: [
    CreateGatewaySchema1764000000000,
    AccountsSessions1765000000000,
    AuditChain1765000000001,
    PoliceUnits1765000000002,
    ProbationRole1766000000000,
    OrderExtensionCourtDecision1767000000000,
    OrderNotes1767000000001,
    NoVictimContact1768000000000,
    OrderRetention1768000000001,
    SecondFactor1769000000000,
    AuditRetention1770000000000,
    OrderUnitsFromOfficers1771000000000,
    AuditChainHead1772000000000,
    AuditAppend1773000000000,
    DropAuditChainHead1774000000000,
  ],
};

/**
 * The gateway service's schema: its entities and migrations, in order, and the audit log's term, which its
 * owner writes (the service may only read it), wherever the migrations run: at start or in the migration Job.
 */
export const gatewayDatabase = (auditYears: number): ServiceDatabase => ({ ...GATEWAY_SCHEMA, ownerSettings: [auditTermSetting(auditYears)] });
