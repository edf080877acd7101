import { DataSource, EntityManager } from 'typeorm';
import { settlementByCode } from '@korgoo/contracts';
import { CalendarCache } from '../apps/matching/src/directory/calendar-cache';
import { CentreDirectory } from '../apps/matching/src/directory/centre-directory';
import { RecentActiveLoad } from '../apps/matching/src/referrals/active-load';
import { CentreSelection, RoutingFacts, Selection } from '../apps/matching/src/referrals/centre-selection';
import { ReferralRepository } from '../apps/matching/src/referrals/repositories/referral-repository';
import { RoadGraphTravelTimes } from '../apps/matching/src/travel/road-graph-travel-times';
import { lastPlaceCentre, RestoreCentres, routeOnlyToOwnCentres } from './support/last-place-centre';
import { MatchingStack } from './support/matching-stack';
import { databaseUrl } from './support/test-environment';

const DAY = 24 * 3_600_000;

/**
 * Two replicas' routing, each with its own calendars in memory, on one centre with exactly one programme's
 * worth of time: whatever one replica books or gives back, the other sees before it books.
 */
describe('calendars kept in memory by each replica', () => {
  const stack = new MatchingStack({ services: ['gateway', 'matching'] });
  const directory = new CentreDirectory();
  let db: DataSource;
  let admin: string;
  let restoreCentres: RestoreCentres | undefined;

  const replica = (name: string) =>
    new CentreSelection(
      directory,
      new CalendarCache(35 * DAY),
      new RecentActiveLoad((tx: EntityManager) => new ReferralRepository(directory).activeLoad(tx), 0),
      new RoadGraphTravelTimes(),
      ['road-graph'],
      { firstSessionMarginHours: 24, maxTravelMinutes: 180 },
      name,
    );
  const first = replica('first');
  const second = replica('second');

  const naryn = settlementByCode('naryn');
  const facts = (): RoutingFacts => ({
    origin: { lat: naryn.lat, lng: naryn.lng },
    settlementCode: 'naryn',
    participantSex: 'male',
    language: 'ky',
    expiresAt: new Date(Date.now() + 30 * DAY).toISOString(),
    acknowledgeWithinHours: 24,
  });
  const route = (selection: CentreSelection, tx: EntityManager) => selection.choose(tx, facts(), new Date());
  const committed = <T>(work: (tx: EntityManager) => Promise<T>) => db.transaction(work);
  const rolledBack = async (work: (tx: EntityManager) => Promise<unknown>) => {
    const undo = new Error('rolled back');
    await expect(db.transaction(async (tx) => { await work(tx); throw undo; })).rejects.toBe(undo);
  };
  const heldSessions = (selection: Selection) => selection.chosen!.booked.map((b) => b.bookedSessionId);
  const bookedAtCentre = async () =>
    (await stack.sql<{ n: number }>(`SELECT coalesce(sum(participants), 0)::int AS n FROM matching.booked_session WHERE centre_id = 'cache-naryn'`))[0].n;

  beforeAll(async () => {
    await stack.start();
    admin = await stack.login('admin.demo', 'korgoo-demo-admin');
    restoreCentres = await routeOnlyToOwnCentres(stack.gateway, admin);
    await lastPlaceCentre(stack.gateway, admin, 'cache-naryn', 'naryn', 'Last place in memory');
    db = new DataSource({ type: 'postgres', url: databaseUrl(stack.database) });
    await db.initialize();
  });

  afterAll(async () => {
    await db?.destroy();
    await restoreCentres?.(admin, ['cache-naryn']);
    await stack.stop();
  });

  let firstHolds: string[] = [];

  it('sees a place another replica took before its next booking', async () => {
    // The second replica has the centre in memory with its place free.
    await rolledBack(async (tx) => expect((await route(second, tx)).chosen?.centreId).toBe('cache-naryn'));

    const taken = await committed((tx) => route(first, tx));
    expect(taken.chosen?.centreId).toBe('cache-naryn');
    firstHolds = heldSessions(taken);

    const after = await committed((tx) => route(second, tx));
    expect(after.chosen).toBeNull();
    expect(after.reasons).toEqual([expect.stringMatching(/^cache-naryn: /)]);
    expect(await bookedAtCentre()).toBe(4);
  });

  it('sees a place another replica gave back before its next booking', async () => {
    await committed((tx) => directory.releaseSessions(tx, firstHolds));
    expect(await bookedAtCentre()).toBe(0);

    const placed = await committed((tx) => route(second, tx));
    expect(placed.chosen?.centreId).toBe('cache-naryn');
    expect(await bookedAtCentre()).toBe(4);
  });

  it('never trusts what a routing read or booked in a transaction that was rolled back', async () => {
    const [held] = await stack.sql<{ ids: string[] }>(`SELECT array_agg(id::text) AS ids FROM matching.booked_session WHERE centre_id = 'cache-naryn'`);
    // In one transaction the place is given back and the first replica reads the centre free and books it.
    await rolledBack(async (tx) => {
      await directory.releaseSessions(tx, held.ids);
      expect((await route(first, tx)).chosen?.centreId).toBe('cache-naryn');
    });

    // Neither happened: the place is still the second replica's.
    expect(await bookedAtCentre()).toBe(4);
    expect((await committed((tx) => route(first, tx))).chosen).toBeNull();
    expect(await bookedAtCentre()).toBe(4);
  });
});
