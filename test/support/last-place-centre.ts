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
  const post = (path: string, body: object) =>
    request(gateway).post(`/api/v1/directory${path}`).auth(admin, { type: 'bearer' }).send(body).expect(201);
  await post('/centres', { id, name, settlementCode, status: 'open', groupCapacity: 1 });
  const weekly = [{ weekday: bishkekWeekday(2), start: '09:00', end: '13:00' }];
  for (const sex of ['male', 'female']) {
    await post(`/centres/${id}/facilitators`, { displayName: `Facilitator ${sex}`, sex, languages: ['ky'], certifiedOn: '2023-10-13', active: true, weekly });
  }
}
