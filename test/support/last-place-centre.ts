import request from 'supertest';

/** ISO weekday (1 = Monday) in Bishkek, `days` from now. */
export function bishkekWeekday(days: number): number {
  const localDay = Math.floor((Date.now() / 60_000 + 360) / 1440) + days;
  return (((localDay + 3) % 7) + 7) % 7 + 1;
}

/**
 * A centre with exactly one programme's worth of time: one pair, free one morning a week, groups of one.
 * The first morning is two days ahead, past the 24-hour margin, so four weekly sessions fit before a
 * 30-day order ends, and there are not eight such mornings for a second programme.
 */
export async function lastPlaceCentre(gateway: string, admin: string, id: string, settlementCode: string, name: string): Promise<void> {
  await request(gateway)
    .post('/api/v1/directory/centres')
    .auth(admin, { type: 'bearer' })
    .send({ id, name, settlementCode, status: 'open', groupCapacity: 1 })
    .expect(201);
  await addFacilitatorPairs(gateway, admin, id, { pairs: 1, languages: ['ky'], weekly: [{ weekday: bishkekWeekday(2), start: '09:00', end: '13:00' }] });
}

/**
 * A centre in Toktogul, beyond the reach of every demo centre, so its orders come here: `pairs` pairs free every day
 * 08:00-20:00, in Kyrgyz.
 */
export function toktogulCentre(gateway: string, admin: string, id: string, name: string, pairs: number): Promise<void> {
  return centreFreeEveryDay(gateway, admin, id, 'toktogul', name, pairs);
}

/** A centre in `settlementCode` whose `pairs` pairs are free every day 08:00-20:00, in Kyrgyz. */
export async function centreFreeEveryDay(gateway: string, admin: string, id: string, settlementCode: string, name: string, pairs: number): Promise<void> {
  await request(gateway)
    .post('/api/v1/directory/centres')
    .auth(admin, { type: 'bearer' })
    .send({ id, name, settlementCode, status: 'open', groupCapacity: 10 })
    .expect(201);
  const weekly = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '08:00', end: '20:00' }));
  await addFacilitatorPairs(gateway, admin, id, { pairs, languages: ['ky'], weekly });
}

/** Certified male and female facilitators, `pairs` of each, with the same languages and weekly hours. */
export async function addFacilitatorPairs(
  gateway: string,
  admin: string,
  centreId: string,
  roster: { pairs: number; languages: string[]; weekly: Array<{ weekday: number; start: string; end: string }> },
): Promise<void> {
  for (let pair = 1; pair <= roster.pairs; pair++) {
    for (const sex of ['male', 'female']) {
      await request(gateway)
        .post(`/api/v1/directory/centres/${centreId}/facilitators`)
        .auth(admin, { type: 'bearer' })
        .send({ displayName: `Facilitator ${sex} ${pair}`, sex, languages: roster.languages, certifiedOn: '2023-10-13', active: true, weekly: roster.weekly })
        .expect(201);
    }
  }
}

/** Opens again the centres a suite paused and pauses the suite's own (`own`). */
export type RestoreCentres = (token: string, own: string[]) => Promise<void>;

/**
 * Pauses every open centre, so that the suite's orders go only to the centres it makes, and returns what undoes
 * it: the suites after it in the run (one database per run) expect the demo centres open and the suite's own
 * centres out of routing. Call it back with a token that is still valid at the real time.
 */
export async function routeOnlyToOwnCentres(gateway: string, admin: string): Promise<RestoreCentres> {
  const { body } = await request(gateway).get('/api/v1/directory/centres').auth(admin, { type: 'bearer' }).expect(200);
  const open = (body.centres as Array<{ id: string; status: string }>).filter((c) => c.status === 'open').map((c) => c.id);
  await setCentresStatus(gateway, admin, open, 'paused');
  return async (token, own) => {
    await setCentresStatus(gateway, token, own, 'paused');
    await setCentresStatus(gateway, token, open, 'open');
  };
}

/** Opens or pauses the centres, one after another. */
export async function setCentresStatus(gateway: string, token: string, ids: string[], status: 'open' | 'paused'): Promise<void> {
  for (const id of ids) {
    await request(gateway).put(`/api/v1/directory/centres/${id}/status`).auth(token, { type: 'bearer' }).send({ status }).expect(200);
  }
}
