import type { AuditLogPage } from '../../api/korgoo-api';
import { useCursorPages } from '../../lib/cursor-pages';

export interface AuditFilters {
  action: string;
  resourceType: string;
  outcome: '' | 'success' | 'refused';
}

/** The audit log, newest first, a page at a time: each further page follows the cursor of the last. */
export function useAuditLog(filters: AuditFilters) {
  return useCursorPages<AuditLogPage>(['audit-log', filters], '/api/v1/audit-log', { filters: { ...filters }, limit: '50' });
}
