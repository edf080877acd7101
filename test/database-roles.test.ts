import { Client } from 'pg';
import { MatchingStack } from './support/matching-stack';
import { leastPrivilegeDatabase } from './support/test-environment';

/**
 * Each service connects as a login that holds only its own role: it reads and writes its own schema and
 * nothing else, runs no DDL, and the gateway can only append to the audit log. (Every other integration
 * suite runs its services the same way, so a service reaching into another's schema fails there too.)
 */
describe('database roles: each service reaches its own schema only', () => {
  const stack = new MatchingStack({ services: ['gateway', 'matching'] });
  const logins = new Map<string, Client>();

  const as = async (service: 'gateway' | 'matching') => {
    if (!logins.has(service)) {
      const client = new Client({ connectionString: leastPrivilegeDatabase(service, stack.database).DATABASE_URL });
      await client.connect();
      logins.set(service, client);
    }
    return logins.get(service)!;
  };
  const refused = (service: 'gateway' | 'matching', sql: string) =>
    expect(as(service).then((client) => client.query(sql))).rejects.toMatchObject({ code: '42501' });

  beforeAll(() => stack.start());
  afterAll(async () => {
    await Promise.all([...logins.values()].map((client) => client.end()));
    await stack.stop();
  });

  it('lets each service read its own tables', async () => {
    const accounts = await (await as('gateway')).query('SELECT count(*)::int AS n FROM gateway.account');
    expect(accounts.rows[0].n).toBeGreaterThan(0);
    const centres = await (await as('matching')).query('SELECT count(*)::int AS n FROM matching.centre');
    expect(centres.rows[0].n).toBeGreaterThan(0);
  });

  it("refuses a service another service's schema", async () => {
    await refused('matching', 'SELECT * FROM gateway.account');
    await refused('matching', 'SELECT * FROM gateway.protection_order');
    await refused('gateway', 'SELECT * FROM matching.centre');
  });

  it('refuses schema changes and TRUNCATE to the services themselves', async () => {
    await refused('matching', 'CREATE TABLE matching.smuggled (id int)');
    await refused('matching', 'TRUNCATE matching.outbox');
    await refused('gateway', 'DROP TABLE gateway.order_note');
  });

  it('lets the gateway append to the audit log and never change it', async () => {
    await refused('gateway', 'DELETE FROM gateway.audit_log');
    await refused('gateway', "UPDATE gateway.audit_log SET action = 'read'");
    await refused('gateway', 'TRUNCATE gateway.audit_log');
  });
});
