import request from 'supertest';
import { MatchingStack, riskAssessed } from './support/matching-stack';

type Roster = { centreId: string; open: boolean; facilitators: Array<{ weekly: unknown[]; absences: unknown[] }> };

describe('the centre directory: admins manage it, centre staff keep their own availability and status', () => {
  const stack = new MatchingStack({ services: ['gateway', 'matching'] });
  let admin: string;
  let coordinator: string;
  let police: string;
  let narynStaff: string;

  const api = (method: 'get' | 'post' | 'patch' | 'put' | 'delete', path: string, token: string, body?: object) => {
    const call = request(stack.gateway)[method](`/api/v1/directory${path}`).auth(token, { type: 'bearer' });
    return body ? call.send(body) : call;
  };
  const fields = (response: request.Response) =>
    (response.body.problems as Array<{ field: string }> | undefined)?.map((p) => p.field) ?? [response.body.message];
  const week = (weekday: number, start = '09:00', end = '18:00') => ({ weekday, start, end });
  const pair = [
    { displayName: 'Facilitator T.M.', sex: 'male', languages: ['ky', 'ru'], certifiedOn: '2023-10-13', active: true, weekly: [1, 2, 3, 4, 5].map((d) => week(d)) },
    { displayName: 'Facilitator A.K.', sex: 'female', languages: ['ky'], certifiedOn: '2023-10-13', active: true, weekly: [1, 2, 3, 4, 5].map((d) => week(d)) },
  ];

  beforeAll(async () => {
    await stack.start();
    [admin, coordinator, police, narynStaff] = await Promise.all([
      stack.login('admin.demo', 'korgoo-demo-admin'),
      stack.login('coordinator.demo', 'korgoo-demo-coordinator'),
      stack.login('police.demo', 'korgoo-demo-police'),
      stack.login('centre.naryn-asylzat.demo', 'korgoo-demo-centre'),
    ]);
  });

  afterAll(() => stack.stop());

  it('lists the seeded demo centres to admins and coordinators, and only their own to centre staff', async () => {
    const all = await api('get', '/centres', coordinator).expect(200);
    expect(all.body.centres).toHaveLength(14);
    expect(all.body.centres.every((c: { demo: boolean }) => c.demo)).toBe(true);
    const own = await api('get', '/centres', narynStaff).expect(200);
    expect(own.body.centres.map((c: { id: string }) => c.id)).toEqual(['naryn-asylzat']);
    const outside = await api('get', '/centres/osh-ak-jurok', narynStaff).expect(403);
    expect(outside.body.refusals).toEqual([
      { rule: 'other_centre', params: { centreId: 'osh-ak-jurok' }, message: 'centre staff may change only their own centre' },
    ]);
    await api('get', '/centres', police).expect(403);
    const detail = await api('get', '/centres/naryn-asylzat', narynStaff).expect(200);
    expect(detail.body.centre).toMatchObject({ oblast: 'Naryn', municipal: true, contactChannels: [{ kind: 'inbox', address: 'inbox:naryn-asylzat' }] });
    expect(detail.body.centre.facilitators).toHaveLength(3);
  });

  it('creates a centre and its facilitators, answering 400 with the field named', async () => {
    const bad = await api('post', '/centres', admin, { id: 'Kochkor Centre', name: 'К', settlementCode: 'kochkor', status: 'open', groupCapacity: 0 }).expect(400);
    expect(fields(bad)).toEqual(expect.arrayContaining(['id', 'name', 'groupCapacity']));
    const nowhere = await api('post', '/centres', admin, { id: 'atlantis-centre', name: 'Atlantis', settlementCode: 'atlantis', status: 'open', groupCapacity: 6 }).expect(400);
    expect(nowhere.body.message).toContain('centre.settlementCode atlantis is not in the gazetteer');
    await api('post', '/centres', coordinator, { id: 'kochkor-umut', name: 'Үмүт', settlementCode: 'kochkor', status: 'open', groupCapacity: 6 }).expect(403);

    const created = await api('post', '/centres', admin, { id: 'kochkor-umut', name: 'Үмүт', settlementCode: 'kochkor', status: 'open', groupCapacity: 6 }).expect(201);
    expect(created.body.centre).toMatchObject({ id: 'kochkor-umut', oblast: 'Naryn', lat: 42.215, demo: false, facilitators: [] });
    await api('post', '/centres', admin, { id: 'kochkor-umut', name: 'Үмүт', settlementCode: 'kochkor', status: 'open', groupCapacity: 6 }).expect(409);

    const backwards = await api('post', '/centres/kochkor-umut/facilitators', admin, { ...pair[0], weekly: [week(1, '18:00', '09:00')] }).expect(400);
    expect(backwards.body.message).toContain('facilitator.weekly[0].end must be after facilitator.weekly[0].start');
    const english = await api('post', '/centres/kochkor-umut/facilitators', admin, { ...pair[0], languages: ['en'] }).expect(400);
    expect(fields(english)).toContain('languages');
    const clock = await api('post', '/centres/kochkor-umut/facilitators', admin, { ...pair[0], weekly: [week(1, '9am', '18:00')] }).expect(400);
    expect(fields(clock)).toContain('weekly.0.start');

    const male = await api('post', '/centres/kochkor-umut/facilitators', admin, pair[0]).expect(201);
    const female = await api('post', '/centres/kochkor-umut/facilitators', admin, pair[1]).expect(201);
    expect([male.body.facilitator.id, female.body.facilitator.id]).toEqual(['kochkor-umut-1', 'kochkor-umut-2']);
    expect(female.body.facilitator).toMatchObject({ certifiedOn: '2023-10-13', languages: ['ky'], exceptions: [] });

    const renamed = await api('patch', '/centres/kochkor-umut', admin, { name: 'Үмүт борбору', groupCapacity: 8 }).expect(200);
    expect(renamed.body.centre).toMatchObject({ name: 'Үмүт борбору', groupCapacity: 8, activeFacilitators: 2 });

    const slot = {
      weekday: 4,
      start: '14:00',
      minutes: 240,
      sex: 'male',
      language: 'ky',
      leadFacilitatorId: 'kochkor-umut-1',
      coFacilitatorId: 'kochkor-umut-2',
      minParticipants: 3,
      maxParticipants: 10,
    };
    const short = await api('patch', '/centres/kochkor-umut', admin, { groupSlots: [{ ...slot, minutes: 30 }] }).expect(400);
    expect(fields(short)).toContain('groupSlots.0.minutes');
    const womanLeads = await api('patch', '/centres/kochkor-umut', admin, { groupSlots: [{ ...slot, leadFacilitatorId: 'kochkor-umut-2' }] }).expect(400);
    expect(womanLeads.body.message).toContain('changes.groupSlots[0].leadFacilitatorId must be a male facilitator for a male group');
    // Each refusal names its rule, so a screen can say it in its reader's language, and sits at its field.
    expect(womanLeads.body.refusals).toContainEqual({
      rule: 'lead_not_of_group_sex',
      field: 'groupSlots.0.leadFacilitatorId',
      message: 'changes.groupSlots[0].leadFacilitatorId must be a male facilitator for a male group',
    });
    expect(womanLeads.body.problems).toContainEqual({
      field: 'groupSlots.0.leadFacilitatorId',
      rules: ['changes.groupSlots[0].leadFacilitatorId must be a male facilitator for a male group'],
      codes: ['lead_not_of_group_sex'],
    });
    const slotted = await api('patch', '/centres/kochkor-umut', admin, { groupSlots: [slot] }).expect(200);
    expect(slotted.body.centre.groupSlots).toEqual([{ id: 'kochkor-umut-slot-1', ...slot }]);
    await api('delete', '/facilitators/kochkor-umut-1', admin).expect(409);

    const point = { settlementCode: 'kazarman', facilitatorIds: ['kochkor-umut-1', 'kochkor-umut-2'], windows: [week(2, '10:00', '16:00')] };
    const malformed = await api('patch', '/centres/kochkor-umut', admin, { outreachPoints: [{ ...point, facilitatorIds: ['kochkor-umut-1'], windows: [week(2, '10am', '16:00')] }] }).expect(400);
    expect(fields(malformed)).toEqual(expect.arrayContaining(['outreachPoints.0.facilitatorIds', 'outreachPoints.0.windows.0.start']));
    const unknownPlace = await api('patch', '/centres/kochkor-umut', admin, { outreachPoints: [{ ...point, settlementCode: 'atlantis' }] }).expect(400);
    expect(unknownPlace.body.message).toContain('changes.outreachPoints[0].settlementCode atlantis is not in the gazetteer');
    const onSlotDay = await api('patch', '/centres/kochkor-umut', admin, { outreachPoints: [{ ...point, windows: [week(4, '08:00', '12:00')] }] }).expect(400);
    expect(onSlotDay.body.message).toContain('changes.outreachPoints[0].facilitatorIds: kochkor-umut-1 is due at group slot kochkor-umut-slot-1 on weekday 4');
    expect(onSlotDay.body.refusals).toContainEqual(
      expect.objectContaining({
        rule: 'due_at_group_slot',
        field: 'outreachPoints.0.facilitatorIds',
        params: { facilitatorId: 'kochkor-umut-1', weekday: 4, slotId: 'kochkor-umut-slot-1' },
      }),
    );
    const oneHourTooFew = await api('patch', '/centres/kochkor-umut', admin, { outreachPoints: [{ ...point, windows: [week(2, '10:00', '13:00')] }] }).expect(400);
    expect(oneHourTooFew.body.message).toContain('changes.outreachPoints[0].windows[0] must hold a whole session of 4 hours');
    const declared = await api('patch', '/centres/kochkor-umut', admin, { outreachPoints: [point] }).expect(200);
    expect(declared.body.centre.outreachPoints).toEqual([{ id: 'kochkor-umut-point-1', ...point }]);
    expect(declared.body.centre).toMatchObject({ groupSlotCount: 1, outreachPointCount: 1 });
    await api('delete', '/facilitators/kochkor-umut-2', admin).expect(409);
    const dropped = await api('patch', '/centres/kochkor-umut', admin, { outreachPoints: [] }).expect(200);
    expect(dropped.body.centre.outreachPoints).toEqual([]);
  });

  it('routes an order from Kochkor to the new centre there, as the directory now says', async () => {
    const assessed = riskAssessed({ settlementCode: 'kochkor' });
    await stack.publish('risk.assessed.v1', assessed.orderId, assessed);
    const routed = await stack.awaitEvent('referral.routed.v1', (e) => e.correlationId === assessed.orderId);
    expect(routed.payload.centreId).toBe('kochkor-umut');
    // Both group sessions meet in the centre's declared Thursday slot.
    const groups = await stack.sql<{ group_slot_id: string | null }>(
      `SELECT b.group_slot_id FROM matching.session_hold h JOIN matching.booked_session b ON b.id = h.booked_session_id
        WHERE h.referral_id = $1 AND b.kind = 'group'`,
      [routed.payload.referralId],
    );
    expect(groups.map((g) => g.group_slot_id)).toEqual(['kochkor-umut-slot-1', 'kochkor-umut-slot-1']);
  });

  it('lets centre staff set only their own centre’s availability, exceptions and status', async () => {
    const week2 = [week(1), week(3, '09:00', '13:00'), week(3, '14:00', '18:00')];
    const set = await api('put', '/facilitators/naryn-asylzat-1/availability', narynStaff, { weekly: week2 }).expect(200);
    expect(set.body.facilitator.weekly).toEqual(week2);
    const overlapping = await api('put', '/facilitators/naryn-asylzat-1/availability', narynStaff, { weekly: [week(2), week(2, '12:00', '20:00')] }).expect(400);
    expect(overlapping.body.message).toContain('weekly[1] overlaps weekly[0] on weekday 2');
    expect(overlapping.body.refusals).toEqual([
      { rule: 'windows_overlap', field: 'weekly.1.end', params: { window: 2, otherWindow: 1, weekday: 2 }, message: 'weekly[1] overlaps weekly[0] on weekday 2' },
    ]);
    expect(fields(overlapping)).toEqual(['weekly.1.end']);
    const wrongDay = await api('put', '/facilitators/naryn-asylzat-1/availability', narynStaff, { weekly: [week(8)] }).expect(400);
    expect(fields(wrongDay)).toContain('weekly.0.weekday');
    await api('put', '/facilitators/kochkor-umut-1/availability', narynStaff, { weekly: week2 }).expect(403);

    const leave = { from: '2026-12-28T00:00:00+06:00', to: '2027-01-04T00:00:00+06:00', reason: 'holiday' };
    const added = await api('post', '/facilitators/naryn-asylzat-2/exceptions', narynStaff, leave).expect(201);
    const [exception] = added.body.facilitator.exceptions;
    expect(exception).toMatchObject({ reason: 'holiday', from: '2026-12-27T18:00:00.000Z', id: expect.any(String) });
    const reversed = await api('post', '/facilitators/naryn-asylzat-2/exceptions', narynStaff, { ...leave, to: leave.from }).expect(400);
    expect(reversed.body.message).toContain('exception.to must be after exception.from');
    expect(reversed.body.refusals).toEqual([expect.objectContaining({ rule: 'period_ends_before_start', field: 'to' })]);
    await api('post', '/facilitators/kochkor-umut-2/exceptions', narynStaff, leave).expect(403);
    const removed = await api('delete', `/facilitators/naryn-asylzat-2/exceptions/${exception.id}`, narynStaff).expect(200);
    expect(removed.body.facilitator.exceptions).toEqual([]);
    const gone = await api('delete', `/facilitators/naryn-asylzat-2/exceptions/${exception.id}`, narynStaff).expect(404);
    expect(gone.body.refusals).toEqual([
      expect.objectContaining({ rule: 'exception_not_found', params: { facilitatorId: 'naryn-asylzat-2', exceptionId: exception.id } }),
    ]);

    const paused = await api('put', '/centres/naryn-asylzat/status', narynStaff, { status: 'paused' }).expect(200);
    expect(paused.body.centre.status).toBe('paused');
    await api('put', '/centres/naryn-asylzat/status', narynStaff, { status: 'closed' }).expect(400);
    await api('put', '/centres/naryn-pir-solomon/status', narynStaff, { status: 'paused' }).expect(403);
    await api('put', '/centres/naryn-asylzat/status', narynStaff, { status: 'open' }).expect(200);

    await api('patch', '/facilitators/naryn-asylzat-1', narynStaff, { active: false }).expect(403);
    await api('post', '/centres/naryn-asylzat/facilitators', narynStaff, pair[0]).expect(403);
    await api('patch', '/centres/naryn-asylzat', narynStaff, { name: 'x' }).expect(403);

    // Each change of rostered time was announced in its transaction: the seeded roster, the new windows, the
    // leave and its removal, the pause and the reopening; the refused edits announced nothing.
    const rosters = await stack.awaitEvents<Roster>('directory.roster_changed.v1', (e) => e.payload.centreId === 'naryn-asylzat', 6);
    expect(rosters.map((e) => [e.payload.open, e.payload.facilitators.some((f) => f.absences.length > 0)])).toEqual([
      [true, false],
      [true, false],
      [true, true],
      [true, false],
      [false, false],
      [true, false],
    ]);
    expect(rosters[1].payload.facilitators.map((f) => f.weekly)).toContainEqual(week2);
    expect(JSON.stringify(rosters)).not.toMatch(/naryn-asylzat-\d|displayName|Facilitator/);
  });

  it('refuses a correction of sex, languages or certification that breaks the slots, points or sessions planned on it', async () => {
    // Kochkor's man holds the routed order's sessions.
    const booked = await api('patch', '/facilitators/kochkor-umut-1', admin, { sex: 'female' }).expect(409);
    expect(booked.body.refusals).toEqual([expect.objectContaining({ rule: 'sessions_planned_on_sex', params: { facilitatorId: 'kochkor-umut-1' } })]);
    const spoken = await api('patch', '/facilitators/kochkor-umut-1', admin, { languages: ['ru'] }).expect(409);
    expect(spoken.body.refusals).toEqual([expect.objectContaining({ rule: 'sessions_planned_on_language', params: { facilitatorId: 'kochkor-umut-1', language: 'ky' } })]);
    const uncertified = await api('patch', '/facilitators/kochkor-umut-1', admin, { certifiedOn: '2099-01-01' }).expect(409);
    expect(uncertified.body.refusals[0].rule).toBe('sessions_before_certification');
    await api('patch', '/facilitators/kochkor-umut-1', admin, { certifiedOn: '2023-10-01' }).expect(200);

    await api('post', '/centres', admin, { id: 'talas-slots', name: 'Слот', settlementCode: 'talas', status: 'paused', groupCapacity: 4 }).expect(201);
    for (const f of pair) await api('post', '/centres/talas-slots/facilitators', admin, f).expect(201);
    const slot = { weekday: 3, start: '10:00', minutes: 240, sex: 'male', language: 'ky', leadFacilitatorId: 'talas-slots-1', coFacilitatorId: 'talas-slots-2', minParticipants: 3, maxParticipants: 10 };
    await api('patch', '/centres/talas-slots', admin, { groupSlots: [slot] }).expect(200);
    const lead = await api('patch', '/facilitators/talas-slots-1', admin, { sex: 'female' }).expect(409);
    expect(lead.body.message).toContain('groupSlots[0].leadFacilitatorId must be a male facilitator for a male group');
    // The slot is not part of the request, so the refusal names no field of it.
    expect(lead.body.refusals).toEqual([expect.not.objectContaining({ field: expect.anything() })]);
    expect(lead.body.refusals[0]).toMatchObject({ rule: 'lead_not_of_group_sex' });
    const language = await api('patch', '/facilitators/talas-slots-2', admin, { languages: ['ru'] }).expect(409);
    expect(language.body.message).toContain('groupSlots[0].coFacilitatorId talas-slots-2 does not speak ky');
    // What nothing was planned on is corrected.
    const corrected = await api('patch', '/facilitators/talas-slots-1', admin, { languages: ['ky'], displayName: 'Facilitator T.M.' }).expect(200);
    expect(corrected.body.facilitator).toMatchObject({ sex: 'male', languages: ['ky'] });
  });

  it('deletes only what nothing refers to', async () => {
    await api('post', '/centres', admin, { id: 'talas-empty', name: 'Бош', settlementCode: 'talas', status: 'paused', groupCapacity: 4 }).expect(201);
    await api('post', '/centres/talas-empty/facilitators', admin, pair[1]).expect(201);
    await api('delete', '/facilitators/talas-empty-1', admin).expect(204);
    const noFacilitator = await api('delete', '/facilitators/talas-empty-1', admin).expect(404);
    expect(noFacilitator.body.refusals).toEqual([
      { rule: 'facilitator_not_found', params: { facilitatorId: 'talas-empty-1' }, message: 'no facilitator talas-empty-1' },
    ]);
    await api('delete', '/centres/talas-empty', admin).expect(204);
    const noCentre = await api('get', '/centres/talas-empty', admin).expect(404);
    expect(noCentre.body).toMatchObject({ message: 'no centre talas-empty', refusals: [{ rule: 'centre_not_found', params: { centreId: 'talas-empty' } }] });
    // A removed centre's roster is announced once more, empty; one paused offers no time anyway.
    const talas = await stack.awaitEvents<Roster>('directory.roster_changed.v1', (e) => e.payload.centreId === 'talas-empty', 3);
    expect(talas.map((e) => [e.payload.open, e.payload.facilitators.length])).toEqual([
      [false, 0],
      [false, 1],
      [false, 0],
    ]);

    // Kochkor has a referral with sessions booked: it can be paused, not deleted.
    const kept = await api('delete', '/centres/kochkor-umut', admin).expect(409);
    expect(kept.body.message).toContain('pause it instead');
    expect(kept.body.refusals).toEqual([
      { rule: 'centre_in_use', params: { centreId: 'kochkor-umut' }, message: 'centre kochkor-umut has referrals or sessions; pause it instead' },
    ]);
    expect(kept.body.problems).toBeUndefined();
    const busy = await api('delete', '/facilitators/kochkor-umut-1', admin).expect(409);
    expect(busy.body.message).toContain('deactivate instead');
    const inactive = await api('patch', '/facilitators/kochkor-umut-1', admin, { active: false }).expect(200);
    expect(inactive.body.facilitator.active).toBe(false);
  });

  it('documents the directory API', async () => {
    const docs = await request(stack.gateway).get('/api/docs-json').expect(200);
    expect(docs.body.paths['/api/v1/directory/centres']).toBeDefined();
    expect(docs.body.paths['/api/v1/referrals/{id}/decline']).toBeDefined();
    expect(docs.body.components.schemas.CreateCentreBody.properties.groupCapacity).toMatchObject({ minimum: 1 });
  });
});
