import { ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { natsServerBinary, PrivateNats } from '../tools/private-nats';
import { freePort, SERVICES } from '../tools/service-process';
import { KorgooStack } from './support/korgoo-stack';
import { until } from './support/until';
import { protectionOrderBody } from './support/protection-order.fixture';
import { testNatsUsers } from './support/nats-namespaces';

/** A PostgreSQL of this test's own, run as a separate process so it can be stopped and started. */
class PrivatePostgres {
  private child: ChildProcess | null = null;
  constructor(
    readonly port: number,
    private readonly dataDir: string,
  ) {}
  url(database: string) {
    return `postgres://postgres:postgres@127.0.0.1:${this.port}/${database}`;
  }
  async start() {
    const child = spawn(process.execPath, [join(__dirname, '..', 'dist', 'tools', 'private-postgres.js'), this.dataDir, String(this.port)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    this.child = child;
    await new Promise<void>((resolve, reject) => {
      child.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
      child.once('exit', (code) => reject(new Error(`private PostgreSQL exited with ${code}`)));
    });
  }
  async stop() {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}

describe('fault injection under steady load', () => {
  let pg: PrivatePostgres;
  let nats: PrivateNats;
  let stack: KorgooStack;
  let db: Client;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'korgoo-faults-'));
    // PostgreSQL runs as its own user, which must reach the data directory.
    chmodSync(dir, 0o755);
    pg = new PrivatePostgres(await freePort(), join(dir, 'pg', 'data'));
    await pg.start();
    const admin = new Client({ connectionString: pg.url('postgres') });
    await admin.connect();
    await admin.query('CREATE DATABASE korgoo');
    await admin.end();
    // The run's users, on a server this suite may kill: the services connect as they do on the run's own.
    const users = testNatsUsers([process.env.KORGOO_TEST_NAMESPACE!]);
    nats = new PrivateNats(natsServerBinary()!, await freePort(), join(dir, 'nats'), users);
    await nats.start();
    stack = new KorgooStack(
      { DATABASE_URL: pg.url('korgoo'), MESSAGING_ACK_WAIT_MS: '3000', OUTBOX_POLL_MS: '200', DB_POOL_SIZE: '5' },
      nats.url,
    );
    await stack.start();
  });

  afterAll(async () => {
    await db?.end().catch(() => undefined);
    await stack?.stop();
    await nats?.stop();
    await pg?.stop();
  });

  /** This many more orders are taken in and reach their inbox: the whole pipeline moves again after a fault. */
  async function awaitProgress(accepted: Set<string>, more = 3) {
    const notifiedBefore = await notifiedCount(accepted);
    const acceptedBefore = accepted.size;
    try {
      await until(
        async () => accepted.size >= acceptedBefore + more && (await notifiedCount(accepted)) >= notifiedBefore + more,
        'orders to flow again',
        120_000,
      );
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${await whereOrdersStand()}\n${stack.recentOutput()}`);
    }
  }

  /** How far the orders got and what each service still has to relay, for a stalled run's failure message. */
  async function whereOrdersStand(): Promise<string> {
    const count = (sql: string) =>
      db
        .query(sql)
        .then((result) => String(result.rows[0].n))
        .catch((error: Error) => `unreadable (${error.message})`);
    const stages = {
      orders: await count(`SELECT count(*)::int AS n FROM gateway.protection_order`),
      screened: await count(`SELECT count(*)::int AS n FROM risk.risk_assessment`),
      referrals: await count(`SELECT count(*)::int AS n FROM matching.referral`),
      notified: await count(`SELECT count(DISTINCT order_id)::int AS n FROM notification.notification`),
    };
    const unpublished: Record<string, string> = {};
    for (const schema of ['gateway', 'risk', 'matching', 'notification', 'programme']) {
      unpublished[schema] = await count(`SELECT count(*)::int AS n FROM ${schema}.outbox WHERE published_at IS NULL`);
    }
    return `stages ${JSON.stringify(stages)}; unpublished outbox rows ${JSON.stringify(unpublished)}`;
  }

  async function notifiedCount(accepted: Set<string>): Promise<number> {
    try {
      const { rows } = await db.query(
        `SELECT count(DISTINCT order_id)::int AS n FROM notification.notification WHERE order_id = ANY($1::uuid[])`,
        [[...accepted]],
      );
      return rows[0].n;
    } catch {
      return -1;
    }
  }

  it('loses and duplicates nothing when each service is killed and NATS and PostgreSQL restart, and each order ends once', async () => {
    db = new Client({ connectionString: pg.url('korgoo') });
    db.on('error', () => undefined);
    await db.connect();
    const [police, admin] = await stack.demoTokens('police', 'admin');
    const accepted = new Set<string>();
    let sent = 0;
    let retries = 0;
    let loading = true;

    // A police client that repeats the same request until it is answered: intake is idempotent.
    const load = (async () => {
      const inFlight: Promise<void>[] = [];
      while (loading) {
        const body = protectionOrderBody();
        sent++;
        inFlight.push(
          (async () => {
            for (let attempt = 0; attempt < 600; attempt++) {
              const response = await request(stack.gateway)
                .post('/api/v1/protection-orders')
                .auth(police, { type: 'bearer' })
                .send(body)
                .catch(() => null);
              if (response && (response.status === 201 || response.status === 200)) {
                accepted.add(response.body.orderId);
                return;
              }
              retries++;
              await new Promise((resolve) => setTimeout(resolve, 200));
            }
          })(),
        );
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await Promise.all(inFlight);
    })();

    // Centre staff accept what is proposed to them, so the programme and reporting services have work to lose.
    const referralsAccepted = new Set<string>();
    const accepting = (async () => {
      while (loading) {
        const proposed = await db
          .query(`SELECT id, centre_id FROM matching.referral WHERE status = 'proposed' ORDER BY id LIMIT 20`)
          .then((result) => result.rows as Array<{ id: string; centre_id: string }>)
          .catch(() => []);
        for (const { id, centre_id } of proposed) {
          const staff = await stack.centreStaff(admin, centre_id).catch(() => null);
          const response = staff
            ? await request(stack.gateway).post(`/api/v1/referrals/${id}/accept`).auth(staff, { type: 'bearer' }).catch(() => null)
            : null;
          if (response?.status === 200) referralsAccepted.add(id);
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    })();

    // Whatever fails, the load stops: a client left running would keep the test process alive.
    try {
      await awaitProgress(accepted);
      for (const name of SERVICES) {
        await stack.kill(name);
        await new Promise((resolve) => setTimeout(resolve, 500));
        await stack.startOne(name);
        await awaitProgress(accepted);
      }
      await nats.stop('SIGKILL');
      await nats.start();
      await awaitProgress(accepted);
      // Several restarts: a service that a shutdown's errors crash is caught more often than not.
      for (let restart = 0; restart < 3; restart++) {
        await pg.stop();
        await pg.start();
        await db.end().catch(() => undefined);
        db = new Client({ connectionString: pg.url('korgoo') });
        db.on('error', () => undefined);
        await db.connect();
        await awaitProgress(accepted);
      }
    } finally {
      loading = false;
      await load;
      await accepting;
    }

    await until(async () => (await notifiedCount(accepted)) === accepted.size, 'every accepted order to be notified', 180_000);
    const duplicateReferrals = await db.query(
      `SELECT order_id FROM matching.referral GROUP BY order_id HAVING count(*) > 1`,
    );
    const duplicateNotifications = await db.query(
      `SELECT order_id FROM notification.notification WHERE channel = 'inbox' GROUP BY order_id, referral_id, recipient_kind HAVING count(*) > 1`,
    );
    const duplicateOrders = await db.query(`SELECT order_number FROM gateway.protection_order GROUP BY order_number HAVING count(*) > 1`);
    const programmesStarted = async () =>
      (await db.query(`SELECT count(*)::int AS n FROM programme.programme WHERE referral_id = ANY($1::uuid[])`, [[...referralsAccepted]])).rows[0].n;
    await until(async () => (await programmesStarted()) === referralsAccepted.size, 'every accepted referral to start its programme', 180_000);
    const incompleteProgrammes = await db.query(
      `SELECT p.id FROM programme.programme p LEFT JOIN programme.session s ON s.programme_id = p.id
        WHERE p.referral_id = ANY($1::uuid[]) GROUP BY p.id HAVING count(s.*) <> 4`,
      [[...referralsAccepted]],
    );
    // Reporting counts each order's registration, acceptance and start once: no fact lost, none counted twice.
    const reported = async (kind: string) =>
      (await db.query(`SELECT count(DISTINCT order_id)::int AS n FROM reporting.case_fact WHERE kind = $1 AND order_id = ANY($2::uuid[])`, [kind, [...accepted]])).rows[0].n;
    await until(async () => (await reported('order_registered')) === accepted.size, 'every order to be counted', 180_000);
    await until(async () => (await reported('programme_started')) === referralsAccepted.size, 'every start to be counted', 180_000);
    // Past every order's expiry: each ends in one outcome, a programme or `expired_unplaced`, never both or none.
    await stack.setClock(new Date(Date.now() + 32 * 24 * 3_600_000));
    const ordersWithoutOneEnd = async () =>
      (
        await db.query(
          `SELECT count(*)::int AS n FROM unnest($1::uuid[]) AS o(id)
            WHERE (SELECT count(*) FROM programme.programme p WHERE p.order_id = o.id)
                + (SELECT count(*) FROM programme.placement pl WHERE pl.order_id = o.id AND pl.state = 'expired_unplaced') <> 1`,
          [[...accepted]],
        )
      ).rows[0].n;
    await until(async () => (await ordersWithoutOneEnd()) === 0, 'every order to end in one outcome', 180_000);
    const expiredUnplaced = (
      await db.query(`SELECT count(*)::int AS n FROM programme.placement WHERE state = 'expired_unplaced' AND order_id = ANY($1::uuid[])`, [[...accepted]])
    ).rows[0].n;
    await until(async () => (await reported('programme_expired_unplaced')) === expiredUnplaced, 'every unplaced end to be counted', 180_000);
    const duplicateFacts = await db.query(
      `SELECT order_id, kind FROM reporting.case_fact
        WHERE kind IN ('order_registered', 'referral_accepted', 'programme_started', 'programme_expired_unplaced')
        GROUP BY order_id, kind HAVING count(*) > 1`,
    );
    const counts = {
      ordersSent: sent,
      ordersAccepted: accepted.size,
      clientRetries: retries,
      ordersFinal: await notifiedCount(accepted),
      lost: accepted.size - (await notifiedCount(accepted)),
      duplicateOrders: duplicateOrders.rowCount,
      duplicateReferrals: duplicateReferrals.rowCount,
      duplicateNotifications: duplicateNotifications.rowCount,
      referralsAccepted: referralsAccepted.size,
      programmesStarted: await programmesStarted(),
      programmesWithoutFourSessions: incompleteProgrammes.rowCount,
      duplicateReportingFacts: duplicateFacts.rowCount,
      ordersExpiredUnplaced: expiredUnplaced,
      ordersWithoutOneEnd: await ordersWithoutOneEnd(),
    };
    console.log(`fault injection: ${JSON.stringify(counts)}`);
    expect(counts.ordersAccepted).toBe(sent);
    expect(counts.lost).toBe(0);
    expect(counts.duplicateOrders).toBe(0);
    expect(counts.duplicateReferrals).toBe(0);
    expect(counts.duplicateNotifications).toBe(0);
    expect(counts.referralsAccepted).toBeGreaterThan(0);
    expect(counts.programmesStarted).toBe(counts.referralsAccepted);
    expect(counts.programmesWithoutFourSessions).toBe(0);
    expect(counts.duplicateReportingFacts).toBe(0);
    expect(counts.ordersWithoutOneEnd).toBe(0);
    // Each phase waits on its own deadline above; the whole run may take several of them on a busy machine.
  }, 900_000);
});
