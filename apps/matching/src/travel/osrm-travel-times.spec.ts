import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bishkekInstant } from '../capacity/bishkek-time';
import { FallbackTravelTimes } from './fallback-travel-times';
import { settlementByCode } from './kg-gazetteer';
import { OsrmTravelTimes } from './osrm-travel-times';
import { RoadGraphTravelTimes } from './road-graph-travel-times';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

interface LocalOsrm {
  baseUrl: string;
  paths: string[];
  close(): Promise<void>;
}

async function startLocalOsrm(handler: Handler): Promise<LocalOsrm> {
  const paths: string[] = [];
  const server: Server = createServer((req, res) => {
    paths.push(req.url ?? '');
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    paths,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

const bishkek = settlementByCode('bishkek');
const kant = settlementByCode('kant');
const naryn = settlementByCode('naryn');
const when = bishkekInstant('2026-12-07T09:00');

describe('OsrmTravelTimes against a local HTTP server', () => {
  let local: LocalOsrm | undefined;
  let osrm: OsrmTravelTimes | undefined;

  afterEach(async () => {
    osrm?.shutdown();
    await local?.close();
    osrm = undefined;
    local = undefined;
  });

  it('asks for one table row from the origin and reads durations and distances', async () => {
    local = await startLocalOsrm((_req, res) =>
      json(res, 200, {
        code: 'Ok',
        durations: [[0, 1500, null]],
        distances: [[0, 26_000, null]],
      }),
    );
    osrm = new OsrmTravelTimes({ baseUrl: `${local.baseUrl}/` });
    const answers = await osrm.estimate(bishkek, [kant, naryn], when);

    expect(answers).toEqual([{ minutes: 25, km: 26, source: 'osrm' }, null]);
    expect(local.paths).toEqual([
      '/table/v1/driving/74.569800,42.874600;74.848000,42.891000;75.991100,41.428700' +
        '?sources=0&annotations=duration,distance',
    ]);
    expect(osrm.breakerState()).toBe('closed');
  });

  it('does not call the server for no destinations', async () => {
    local = await startLocalOsrm((_req, res) => json(res, 500, {}));
    osrm = new OsrmTravelTimes({ baseUrl: local.baseUrl });
    expect(await osrm.estimate(bishkek, [], when)).toEqual([]);
    expect(local.paths).toEqual([]);
  });

  it('answers all-null when OSRM reports an error code', async () => {
    local = await startLocalOsrm((_req, res) => json(res, 400, { code: 'InvalidQuery', message: 'bad' }));
    osrm = new OsrmTravelTimes({ baseUrl: local.baseUrl });
    expect(await osrm.estimate(bishkek, [kant, naryn], when)).toEqual([null, null]);
  });

  it('answers all-null when the server is slower than the timeout', async () => {
    local = await startLocalOsrm(() => undefined); // never answers
    osrm = new OsrmTravelTimes({ baseUrl: local.baseUrl, timeout: 100 });
    const started = Date.now();
    expect(await osrm.estimate(bishkek, [kant], when)).toEqual([null]);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('opens the breaker on repeated 500s, stops calling, and the fallback answers from the road graph', async () => {
    local = await startLocalOsrm((_req, res) => json(res, 500, { code: 'InternalError' }));
    const states: string[] = [];
    osrm = new OsrmTravelTimes({
      baseUrl: local.baseUrl,
      timeout: 1000,
      errorThresholdPercentage: 50,
      resetTimeout: 60_000,
      volumeThreshold: 3,
      onStateChange: (state) => states.push(state),
    });
    const chain = new FallbackTravelTimes([osrm, new RoadGraphTravelTimes()]);

    for (let i = 0; i < 3; i++) {
      const [answer] = await chain.estimate(bishkek, [naryn], when);
      expect(answer?.source).toBe('road-graph');
    }
    expect(osrm.breakerState()).toBe('open');
    expect(states).toEqual(['open']);
    const callsWhenOpened = local.paths.length;
    expect(callsWhenOpened).toBe(3);

    const [answer] = await chain.estimate(bishkek, [naryn], when);
    expect(answer).toEqual({ minutes: expect.closeTo(350, 6), km: 350, source: 'road-graph' });
    expect(local.paths.length).toBe(callsWhenOpened);
  });

  it('lets one trial call through after the reset timeout and closes again on success', async () => {
    let healthy = false;
    local = await startLocalOsrm((_req, res) =>
      healthy
        ? json(res, 200, { code: 'Ok', durations: [[0, 600]], distances: [[0, 10_000]] })
        : json(res, 500, {}),
    );
    osrm = new OsrmTravelTimes({ baseUrl: local.baseUrl, volumeThreshold: 1, resetTimeout: 50 });
    expect(await osrm.estimate(bishkek, [kant], when)).toEqual([null]);
    expect(osrm.breakerState()).toBe('open');

    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(osrm.breakerState()).toBe('halfOpen');
    healthy = true;
    expect(await osrm.estimate(bishkek, [kant], when)).toEqual([{ minutes: 10, km: 10, source: 'osrm' }]);
    expect(osrm.breakerState()).toBe('closed');
  });

  it('answers all-null and reads as open once shut down', async () => {
    local = await startLocalOsrm((_req, res) => json(res, 200, { code: 'Ok', durations: [[0, 60]], distances: [[0, 1]] }));
    osrm = new OsrmTravelTimes({ baseUrl: local.baseUrl });
    osrm.shutdown();
    expect(await osrm.estimate(bishkek, [kant], when)).toEqual([null]);
    expect(osrm.breakerState()).toBe('open');
    expect(local.paths).toEqual([]);
  });
});
