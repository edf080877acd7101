import { loginOf, serviceRoleName, serviceRoleStatements } from './service-role';

describe('a service role', () => {
  it('reads and writes its own schema only, with no DDL and no TRUNCATE', () => {
    const statements = serviceRoleStatements({ schema: 'matching', appendOnly: [], login: null });
    expect(statements).toContain('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "matching" TO "korgoo_matching"');
    expect(statements.join('\n')).not.toMatch(/TRUNCATE|CREATE ON|ALL PRIVILEGES/);
    expect(statements.every((sql) => !/gateway|risk|notification/.test(sql))).toBe(true);
  });

  it('may only append to the audit log', () => {
    const statements = serviceRoleStatements({ schema: 'gateway', appendOnly: ['audit_log'], login: 'gateway_app' });
    expect(statements).toContain('REVOKE UPDATE, DELETE, TRUNCATE ON "gateway"."audit_log" FROM "korgoo_gateway"');
    expect(statements.at(-1)).toContain('GRANT "korgoo_gateway" TO "gateway_app"');
  });

  it('may only read a setting its owner writes', () => {
    const statements = serviceRoleStatements({ schema: 'gateway', appendOnly: [], readOnly: ['audit_retention'], login: null });
    expect(statements).toContain('REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON "gateway"."audit_retention" FROM "korgoo_gateway"');
  });

  it('may call the functions of its own schema (the audit log purge, which keeps young entries)', () => {
    const statements = serviceRoleStatements({ schema: 'gateway', appendOnly: ['audit_log'], login: null });
    expect(statements).toContain('GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA "gateway" TO "korgoo_gateway"');
  });

  it('refuses a name that is not a plain identifier instead of quoting it into SQL', () => {
    expect(() => serviceRoleStatements({ schema: 'gateway', appendOnly: [], login: 'x"; DROP ROLE postgres; --' })).toThrow(
      'not a plain SQL identifier',
    );
  });

  it('names the role after the schema and reads the login from the URL', () => {
    expect(serviceRoleName('programme')).toBe('korgoo_programme');
    expect(loginOf('postgres://programme_app:secret@db:5432/korgoo')).toBe('programme_app');
    expect(loginOf('postgres://db:5432/korgoo')).toBeNull();
  });
});
