import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuditEntryView } from '../../api/korgoo-api';
import ky from '../../i18n/locales/ky.json';
import { renderSignedIn, SentRequest } from '../../test/render';
import { AuditLog } from './AuditLog';

const entry = (id: string, outcome: 'success' | 'refused'): AuditEntryView => ({
  id, actorId: null, actorRole: 'centre', centreId: 'naryn-asylzat', unitCode: null, action: 'read', resourceType: 'programme',
  resourceId: `p-${id}`, outcome, ip: null, requestId: null, at: '2026-03-01T10:00:00Z', detail: null, hash: 'h',
});

function answer(request: SentRequest) {
  return request.path.includes('cursor=41')
    ? { body: { items: [entry('40', 'refused')], nextCursor: null } }
    : { body: { items: [entry('42', 'success'), entry('41', 'success')], nextCursor: '41' } };
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the audit log', () => {
  it('lists who read what, newest first, and follows the cursor for older entries', async () => {
    const { sent } = await renderSignedIn(<AuditLog />, { role: 'auditor', answer });
    await screen.findByText(`${ky.auditResource.programme} p-42`);
    expect(screen.getAllByText(ky.role.centre)).toHaveLength(2);
    expect(screen.getAllByText(ky.auditAction.read)).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: ky.audit.more }));
    const older = (await screen.findByText(`${ky.auditResource.programme} p-40`)).closest('tr')!;
    expect(within(older).getByText(ky.audit.refused)).toBeTruthy();
    expect(screen.queryByRole('button', { name: ky.audit.more })).toBeNull();
    expect(sent.map((request) => request.path)).toEqual(['/api/v1/audit-log?limit=50', '/api/v1/audit-log?cursor=41&limit=50']);
  });

  it('searches by action and outcome', async () => {
    const { sent } = await renderSignedIn(<AuditLog />, { role: 'admin', answer });
    await screen.findByText(`${ky.auditResource.programme} p-42`);
    fireEvent.change(screen.getByLabelText(ky.audit.action), { target: { value: ' read ' } });
    fireEvent.change(screen.getByLabelText(ky.audit.outcome), { target: { value: 'refused' } });
    fireEvent.click(screen.getByRole('button', { name: ky.audit.search }));
    await waitFor(() => expect(sent.at(-1)?.path).toBe('/api/v1/audit-log?action=read&outcome=refused&limit=50'));
  });
});
