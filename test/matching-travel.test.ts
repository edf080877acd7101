import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import { haversineKm } from '../apps/matching/src/travel/geo';
import { settlementByCode } from '../apps/matching/src/travel/kg-gazetteer';
import { RoadGraphTravelTimes } from '../apps/matching/src/travel/road-graph-travel-times';
import { MatchingStack, riskAssessed } from './support/matching-stack';

type Candidate = { centreId: string; travel: { minutes: number; km: number; source: string } | null };

/**
 * An OSRM `/table` stand-in: answers like a routing engine on OpenStreetMap would (here: the road graph,
 * a little faster), or fails like one that is down.
 */
class FakeOsrm {
  up = false;
  calls = 0;
  private readonly roads = new RoadGraphTravelTimes();
  private server!: Server;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      this.calls++;
      if (!this.up) {
        res.writeHead(503).end();
        return;
      }
      const coordinates = decodeURIComponent(new URL(req.url!, 'http://osrm').pathname.split('/').pop()!)
        .split(';')
        .map((pair) => pair.split(',').map(Number))
        .map(([lng, lat]) => ({ lat, lng }));
      const [origin, ...destinations] = coordinates;
      const estimates = this.roads.estimateNow(origin, destinations, new Date());
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(
        JSON.stringify({
          code: 'Ok',
          durations: [[0, ...estimates.map((e) => (e ? e.minutes * 60 * 0.9 : null))]],
          distances: [[0, ...estimates.map((e) => (e ? e.km * 1000 : null))]],
        }),
      );
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

describe('ranking by travel: the nearest centre by road, and the decision names who answered', () => {
  const osrm = new FakeOsrm();
  let stack: MatchingStack;
  let coordinator: string;

  beforeAll(async () => {
    // A breaker that half-opens after 100 ms, so a recovered engine is asked again at once. The ranking by
    // road is under test here, not the reach cap, which the matching rules' own tests cover.
    stack = new MatchingStack({
      services: ['gateway', 'matching'],
      env: { OSRM_URL: await osrm.start(), BREAKER_RESET_MS: '100', MAX_TRAVEL_MINUTES: '1440' },
    });
    await stack.start();
    coordinator = await stack.login('coordinator.demo', 'korgoo-demo-coordinator');
  });

  afterAll(async () => {
    await stack.stop();
    await osrm.stop();
  });

  async function routeFrom(settlementCode: string) {
    const assessed = riskAssessed({ settlementCode });
    await stack.publish('risk.assessed.v1', assessed.orderId, assessed);
    const routed = await stack.awaitEvent('referral.routed.v1', (e) => e.correlationId === assessed.orderId);
    const { body } = await request(stack.gateway)
      .get(`/api/v1/referrals/${routed.payload.referralId}/decision`)
      .auth(coordinator, { type: 'bearer' })
      .expect(200);
    const candidates = body.decision.routings[0].candidates as Candidate[];
    return { routed: routed.payload, routing: body.decision.routings[0], candidates };
  }

  it('sends an order from Chaek (Naryn oblast) to Naryn by road, though Bishkek is nearer in a straight line', async () => {
    osrm.up = false;
    const chaek = settlementByCode('chaek');
    expect(haversineKm(chaek, settlementByCode('bishkek'))).toBeLessThan(haversineKm(chaek, settlementByCode('naryn')));

    const { routed, routing, candidates } = await routeFrom('chaek');
    expect(routed.centreId).toMatch(/^naryn-/);
    expect(routed.travelSource).toBe('road-graph');
    // OSRM was asked first and failed; the road graph answered for every centre.
    expect(osrm.calls).toBeGreaterThan(0);
    expect(routing.providers).toEqual(['osrm', 'road-graph']);
    expect(candidates.every((c) => c.travel?.source === 'road-graph')).toBe(true);
    const minutes = (id: string) => candidates.find((c) => c.centreId === id)!.travel!.minutes;
    expect(minutes('bishkek-shans')).toBeGreaterThan(minutes(routed.centreId as string));
  });

  it('takes the routing engine’s answer when it is up, and says so', async () => {
    osrm.up = true;
    const { routed, candidates } = await routeFrom('at-bashy');
    expect(routed.centreId).toMatch(/^naryn-/);
    expect(routed.travelSource).toBe('osrm');
    expect(candidates.every((c) => c.travel?.source === 'osrm')).toBe(true);
  });
});
