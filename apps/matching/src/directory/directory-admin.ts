import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { Clock } from '@korgoo/platform/core';
import {
  AvailabilityExceptionFields,
  CentreChanges,
  CentreDetailView,
  CentreStatus,
  CentreSummaryView,
  FacilitatorChanges,
  FacilitatorView,
  GroupSlotFields,
  GroupSlotView,
  NewCentreFields,
  NewFacilitatorFields,
  OutreachPointFields,
  OutreachPointView,
  QueryRejected,
  WeeklyWindowFields,
} from '@korgoo/contracts';
import { bishkekInstant } from '../capacity/bishkek-time';
import { CoverAwayFacilitator } from './cover-away-facilitator';
import type { Refusal } from '@korgoo/contracts';
import {
  exceptionProblems,
  Field,
  groupSlotProblems,
  isRefusal,
  missing,
  otherCentre,
  OutreachPointInput,
  outreachPointProblems,
  refusal,
  settlementOf,
  weeklyProblems,
} from './directory-rules';

interface CentreRow {
  id: string;
  name: string;
  settlement_code: string;
  oblast: string;
  lat: number;
  lng: number;
  status: CentreStatus;
  group_capacity: number;
  municipal: boolean;
  demo: boolean;
  contact_channels: Array<{ kind: string; address: string }>;
  active_facilitators: number;
  group_slot_count: number;
  outreach_point_count: number;
  updated_at: Date;
}

interface FacilitatorRow {
  id: string;
  centre_id: string;
  display_name: string;
  sex: FacilitatorView['sex'];
  languages: FacilitatorView['languages'];
  certified_on: string | null;
  active: boolean;
  weekly: FacilitatorView['weekly'];
  exceptions: FacilitatorView['exceptions'];
  updated_at: Date;
}

const CENTRE_SELECT = `
  SELECT c.*, (SELECT count(*)::int FROM matching.facilitator f WHERE f.centre_id = c.id AND f.active) AS active_facilitators,
         (SELECT count(*)::int FROM matching.group_slot s WHERE s.centre_id = c.id) AS group_slot_count,
         (SELECT count(*)::int FROM matching.outreach_point p WHERE p.centre_id = c.id) AS outreach_point_count
    FROM matching.centre c`;
const GROUP_SLOT_SELECT = `
  SELECT id, weekday, start_time AS start, minutes, sex, language, lead_facilitator_id AS "leadFacilitatorId",
         co_facilitator_id AS "coFacilitatorId", min_participants AS "minParticipants", max_participants AS "maxParticipants"
    FROM matching.group_slot`;
const OUTREACH_POINT_SELECT = `
  SELECT id, settlement_code AS "settlementCode", facilitator_ids AS "facilitatorIds", windows FROM matching.outreach_point`;
const FACILITATOR_SELECT = `
  SELECT id, centre_id, display_name, sex, languages, certified_on::text AS certified_on, active, weekly, exceptions, updated_at
    FROM matching.facilitator`;

const invalid = (problems: Refusal[]) => QueryRejected.of('invalid_request', problems);
const conflict = (...problem: Parameters<typeof refusal>) => QueryRejected.of('conflict', [refusal(...problem)]);
const notFound = (problem: Refusal) => QueryRejected.of('not_found', [problem]);

/**
 * The centre directory as admins and centre staff edit it. Every write takes the centre's row lock, the
 * same lock routing books under, so a routing never plans with a roster that is changing beneath it.
 * `scope` is set for centre staff: anything outside their centre is refused.
 */
export class DirectoryAdmin {
  constructor(
    private readonly clock: Clock,
    private readonly coverAway: CoverAwayFacilitator,
  ) {}

  async listCentres(db: EntityManager, scope?: string): Promise<CentreSummaryView[]> {
    const rows: CentreRow[] = await db.query(`${CENTRE_SELECT} WHERE ($1::text IS NULL OR c.id = $1) ORDER BY c.id`, [
      scope ?? null,
    ]);
    return rows.map(toCentreSummary);
  }

  async centre(db: EntityManager, centreId: string, scope?: string): Promise<CentreDetailView> {
    this.checkScope(centreId, scope);
    const [row]: CentreRow[] = await db.query(`${CENTRE_SELECT} WHERE c.id = $1`, [centreId]);
    if (!row) throw notFound(missing.centre(centreId));
    const facilitators: FacilitatorRow[] = await db.query(`${FACILITATOR_SELECT} WHERE centre_id = $1 ORDER BY id`, [centreId]);
    const groupSlots: GroupSlotView[] = await db.query(`${GROUP_SLOT_SELECT} WHERE centre_id = $1 ORDER BY weekday, start_time, id`, [
      centreId,
    ]);
    const outreachPoints = await this.outreachPoints(db, centreId);
    return { ...toCentreSummary(row), facilitators: facilitators.map(toFacilitatorView), groupSlots, outreachPoints };
  }

  async createCentre(tx: EntityManager, fields: NewCentreFields): Promise<CentreDetailView> {
    const settlement = settlementOf(fields.settlementCode, Field.of('settlementCode', 'centre'));
    if (isRefusal(settlement)) throw invalid([settlement]);
    const [exists] = await tx.query('SELECT 1 FROM matching.centre WHERE id = $1', [fields.id]);
    if (exists) throw conflict('centre_exists', Field.of('id'), `centre ${fields.id} already exists`, { centreId: fields.id });
    await tx.query(
      `INSERT INTO matching.centre (id, name, settlement_code, oblast, lat, lng, status, group_capacity, municipal, contact_channels)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        fields.id,
        fields.name,
        settlement.code,
        settlement.oblast,
        fields.lat ?? settlement.lat,
        fields.lng ?? settlement.lng,
        fields.status,
        fields.groupCapacity,
        fields.municipal ?? false,
        JSON.stringify(fields.contactChannels ?? [{ kind: 'inbox', address: `inbox:${fields.id}` }]),
      ],
    );
    return this.centre(tx, fields.id);
  }

  async updateCentre(tx: EntityManager, centreId: string, changes: CentreChanges): Promise<CentreDetailView> {
    await this.lockCentre(tx, centreId);
    const sets: string[] = [];
    const values: unknown[] = [];
    const set = (column: string, value: unknown) => {
      values.push(value);
      sets.push(`${column} = $${values.length + 1}`);
    };
    if (changes.settlementCode !== undefined) {
      const settlement = settlementOf(changes.settlementCode, Field.of('settlementCode', 'changes'));
      if (isRefusal(settlement)) throw invalid([settlement]);
      set('settlement_code', settlement.code);
      set('oblast', settlement.oblast);
      // A move without coordinates takes the new settlement's.
      if (changes.lat === undefined) set('lat', settlement.lat);
      if (changes.lng === undefined) set('lng', settlement.lng);
    }
    if (changes.name !== undefined) set('name', changes.name);
    if (changes.lat !== undefined) set('lat', changes.lat);
    if (changes.lng !== undefined) set('lng', changes.lng);
    if (changes.groupCapacity !== undefined) set('group_capacity', changes.groupCapacity);
    if (changes.municipal !== undefined) set('municipal', changes.municipal);
    if (changes.contactChannels !== undefined) set('contact_channels', JSON.stringify(changes.contactChannels));
    if (sets.length > 0) {
      await tx.query(`UPDATE matching.centre SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`, [centreId, ...values]);
    }
    if (changes.groupSlots !== undefined) await this.replaceGroupSlots(tx, centreId, changes.groupSlots);
    if (changes.outreachPoints !== undefined) await this.replaceOutreachPoints(tx, centreId, changes.outreachPoints);
    // New slots may fall on a pair's outreach day.
    else if (changes.groupSlots !== undefined) {
      await this.checkOutreachPoints(tx, centreId, await this.outreachPoints(tx, centreId), Field.unsent('outreachPoints'));
    }
    return this.centre(tx, centreId);
  }

  /**
   * The whole list at once, like group slots; a point given with its id keeps its booked sessions, and a point
   * with sessions ahead cannot be dropped: its participants were told to come there.
   */
  private async replaceOutreachPoints(tx: EntityManager, centreId: string, points: OutreachPointFields[]): Promise<void> {
    await this.checkOutreachPoints(tx, centreId, points, Field.of('outreachPoints', 'changes'));
    const existing = await this.outreachPoints(tx, centreId);
    const foreign = points.filter((p) => p.id !== undefined && !existing.some((e) => e.id === p.id));
    if (foreign.length > 0) {
      throw invalid(
        foreign.map((p) =>
          refusal('point_not_of_centre', undefined, `changes.outreachPoints: ${p.id} is not an outreach point of centre ${centreId}`, {
            pointId: p.id!,
            centreId,
          }),
        ),
      );
    }
    const kept = points.flatMap((p) => (p.id ? [p.id] : []));
    const [busy] = await tx.query(
      `SELECT outreach_point_id AS id FROM matching.booked_session
        WHERE centre_id = $1 AND outreach_point_id IS NOT NULL AND NOT (outreach_point_id = ANY($2)) AND ends_at > $3 LIMIT 1`,
      [centreId, kept, this.clock.now()],
    );
    if (busy) {
      throw conflict('point_has_sessions_ahead', undefined, `outreach point ${busy.id} has sessions ahead; keep it until they are held`, {
        pointId: busy.id,
      });
    }
    await tx.query('DELETE FROM matching.outreach_point WHERE centre_id = $1 AND NOT (id = ANY($2))', [centreId, kept]);
    let next = Math.max(0, ...existing.map((e) => Number(e.id.slice(`${centreId}-point-`.length))).filter(Number.isInteger));
    for (const p of points) {
      await tx.query(
        `INSERT INTO matching.outreach_point (id, centre_id, settlement_code, facilitator_ids, windows) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (id) DO UPDATE SET settlement_code = $3, facilitator_ids = $4, windows = $5`,
        [p.id ?? `${centreId}-point-${++next}`, centreId, p.settlementCode, p.facilitatorIds, JSON.stringify(p.windows.map(windowOf))],
      );
    }
  }

  private async checkOutreachPoints(
    tx: EntityManager,
    centreId: string,
    points: readonly OutreachPointInput[],
    field: Field,
  ): Promise<void> {
    const roster: Array<Pick<FacilitatorRow, 'id' | 'sex'>> = await tx.query('SELECT id, sex FROM matching.facilitator WHERE centre_id = $1', [
      centreId,
    ]);
    const slots: GroupSlotView[] = await tx.query(`${GROUP_SLOT_SELECT} WHERE centre_id = $1 ORDER BY id`, [centreId]);
    const problems = outreachPointProblems(points, new Map(roster.map((f) => [f.id, f])), slots, field);
    if (problems.length > 0) throw invalid(problems);
  }

  private outreachPoints(tx: EntityManager, centreId: string): Promise<OutreachPointView[]> {
    return tx.query(`${OUTREACH_POINT_SELECT} WHERE centre_id = $1 ORDER BY id`, [centreId]);
  }

  /** The whole list at once; a slot given with its id keeps its booked meetings, a dropped slot's meetings stay as plain groups. */
  private async replaceGroupSlots(tx: EntityManager, centreId: string, slots: GroupSlotFields[]): Promise<void> {
    const roster: Array<Pick<FacilitatorRow, 'id' | 'sex' | 'languages'>> = await tx.query(
      'SELECT id, sex, languages FROM matching.facilitator WHERE centre_id = $1',
      [centreId],
    );
    const problems = groupSlotProblems(slots, new Map(roster.map((f) => [f.id, f])), Field.of('groupSlots', 'changes'));
    if (problems.length > 0) throw invalid(problems);
    const existing: Array<{ id: string }> = await tx.query('SELECT id FROM matching.group_slot WHERE centre_id = $1', [centreId]);
    const foreign = slots.filter((s) => s.id !== undefined && !existing.some((e) => e.id === s.id));
    if (foreign.length > 0) {
      throw invalid(
        foreign.map((s) =>
          refusal('slot_not_of_centre', undefined, `changes.groupSlots: ${s.id} is not a slot of centre ${centreId}`, { slotId: s.id!, centreId }),
        ),
      );
    }
    await tx.query('DELETE FROM matching.group_slot WHERE centre_id = $1 AND NOT (id = ANY($2))', [
      centreId,
      slots.flatMap((s) => (s.id ? [s.id] : [])),
    ]);
    let next = Math.max(0, ...existing.map((e) => Number(e.id.slice(`${centreId}-slot-`.length))).filter(Number.isInteger));
    for (const s of slots) {
      await tx.query(
        `INSERT INTO matching.group_slot (id, centre_id, weekday, start_time, minutes, sex, language, lead_facilitator_id,
           co_facilitator_id, min_participants, max_participants)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         ON CONFLICT (id) DO UPDATE SET weekday = $3, start_time = $4, minutes = $5, sex = $6, language = $7,
           lead_facilitator_id = $8, co_facilitator_id = $9, min_participants = $10, max_participants = $11`,
        [
          s.id ?? `${centreId}-slot-${++next}`,
          centreId,
          s.weekday,
          s.start,
          s.minutes,
          s.sex,
          s.language,
          s.leadFacilitatorId,
          s.coFacilitatorId,
          s.minParticipants,
          s.maxParticipants,
        ],
      );
    }
  }

  /** Only a centre nothing refers to; one with referrals or sessions is paused instead, so history stays. */
  async deleteCentre(tx: EntityManager, centreId: string): Promise<void> {
    await this.lockCentre(tx, centreId);
    const [used] = await tx.query(
      `SELECT 1 FROM matching.referral WHERE centre_id = $1
       UNION ALL SELECT 1 FROM matching.referral_deadline WHERE centre_id = $1
       UNION ALL SELECT 1 FROM matching.booked_session WHERE centre_id = $1 LIMIT 1`,
      [centreId],
    );
    if (used) throw conflict('centre_in_use', undefined, `centre ${centreId} has referrals or sessions; pause it instead`, { centreId });
    await tx.query('DELETE FROM matching.group_slot WHERE centre_id = $1', [centreId]);
    await tx.query('DELETE FROM matching.outreach_point WHERE centre_id = $1', [centreId]);
    await tx.query('DELETE FROM matching.facilitator WHERE centre_id = $1', [centreId]);
    await tx.query('DELETE FROM matching.centre WHERE id = $1', [centreId]);
  }

  /** Paused centres keep their referrals and sessions but take no new participants. */
  async setStatus(tx: EntityManager, centreId: string, status: CentreStatus, scope?: string): Promise<CentreDetailView> {
    this.checkScope(centreId, scope);
    await this.lockCentre(tx, centreId);
    await tx.query('UPDATE matching.centre SET status = $2, updated_at = now() WHERE id = $1', [centreId, status]);
    return this.centre(tx, centreId);
  }

  async createFacilitator(tx: EntityManager, centreId: string, fields: NewFacilitatorFields): Promise<FacilitatorView> {
    const problems = [
      ...weeklyProblems(fields.weekly, Field.of('weekly', 'facilitator')),
      ...(fields.exceptions ?? []).flatMap((e, i) => exceptionProblems(e, Field.of('exceptions', 'facilitator').at(i))),
    ];
    if (problems.length > 0) throw invalid(problems);
    await this.lockCentre(tx, centreId);
    const id = fields.id ?? (await this.nextFacilitatorId(tx, centreId));
    const [exists] = await tx.query('SELECT 1 FROM matching.facilitator WHERE id = $1', [id]);
    if (exists) throw conflict('facilitator_exists', Field.of('id'), `facilitator ${id} already exists`, { facilitatorId: id });
    await tx.query(
      `INSERT INTO matching.facilitator (id, centre_id, display_name, sex, languages, certified_on, active, weekly, exceptions)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        id,
        centreId,
        fields.displayName,
        fields.sex,
        fields.languages,
        fields.certifiedOn,
        fields.active,
        JSON.stringify(fields.weekly.map(windowOf)),
        JSON.stringify((fields.exceptions ?? []).map(exceptionOf)),
      ],
    );
    return this.facilitator(tx, id);
  }

  async updateFacilitator(tx: EntityManager, facilitatorId: string, changes: FacilitatorChanges): Promise<FacilitatorView> {
    const current = await this.lockFacilitator(tx, facilitatorId);
    await this.checkPlannedWork(tx, current, changes);
    const sets: string[] = [];
    const values: unknown[] = [];
    const set = (column: string, value: unknown) => {
      values.push(value);
      sets.push(`${column} = $${values.length + 1}`);
    };
    if (changes.displayName !== undefined) set('display_name', changes.displayName);
    if (changes.sex !== undefined) set('sex', changes.sex);
    if (changes.languages !== undefined) set('languages', changes.languages);
    if (changes.certifiedOn !== undefined) set('certified_on', changes.certifiedOn);
    if (changes.active !== undefined) set('active', changes.active);
    if (sets.length > 0) {
      await tx.query(`UPDATE matching.facilitator SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`, [
        current.id,
        ...values,
      ]);
    }
    return this.covered(tx, current);
  }

  /**
   * The centre's slots, outreach points and booked sessions were planned on a facilitator's sex, languages and
   * certification: a correction that would leave a men's group led by a woman, a point without a man and a
   * woman, or a session its pair can no longer run is refused, naming what to change first.
   */
  private async checkPlannedWork(tx: EntityManager, current: FacilitatorView, changes: FacilitatorChanges): Promise<void> {
    const sexChanged = changes.sex !== undefined && changes.sex !== current.sex;
    const dropped = current.languages.filter((l) => changes.languages !== undefined && !changes.languages.includes(l));
    // Sessions before the corrected certification day (all of them when the certification is withdrawn).
    const certifiedFrom = changes.certifiedOn === undefined ? null : changes.certifiedOn === null ? 'infinity' : bishkekInstant(changes.certifiedOn);
    if (!sexChanged && dropped.length === 0 && certifiedFrom === null) return;
    const [booked]: Array<{ language: string; uncertified: boolean }> = await tx.query(
      `SELECT language, starts_at < $5 AS uncertified FROM matching.booked_session
        WHERE $1 = ANY(facilitator_ids) AND ends_at > $2 AND ($3 OR language = ANY($4) OR starts_at < $5) ORDER BY starts_at LIMIT 1`,
      [current.id, this.clock.now(), sexChanged, dropped, certifiedFrom],
    );
    if (booked) {
      const facilitatorId = current.id;
      if (sexChanged) throw conflict('sessions_planned_on_sex', undefined, `facilitator ${facilitatorId} has sessions ahead planned on their sex; deactivate instead`, { facilitatorId });
      if (booked.uncertified) {
        throw conflict('sessions_before_certification', undefined, `facilitator ${facilitatorId} has sessions ahead before the new certification day; deactivate instead`, {
          facilitatorId,
        });
      }
      throw conflict('sessions_planned_on_language', undefined, `facilitator ${facilitatorId} has sessions ahead in ${booked.language}; deactivate instead`, {
        facilitatorId,
        language: booked.language,
      });
    }
    if (!sexChanged && dropped.length === 0) return;
    const staff: Array<Pick<FacilitatorRow, 'id' | 'sex' | 'languages'>> = await tx.query(
      'SELECT id, sex, languages FROM matching.facilitator WHERE centre_id = $1',
      [current.centreId],
    );
    const roster = new Map(staff.map((f) => [f.id, f.id === current.id ? { ...f, ...pick(changes) } : f]));
    const slots: GroupSlotView[] = await tx.query(`${GROUP_SLOT_SELECT} WHERE centre_id = $1 ORDER BY id`, [current.centreId]);
    const problems = [
      ...groupSlotProblems(slots, roster, Field.unsent('groupSlots')),
      ...outreachPointProblems(await this.outreachPoints(tx, current.centreId), roster, slots, Field.unsent('outreachPoints')),
    ];
    if (problems.length > 0) throw QueryRejected.of('conflict', problems);
  }

  /** Only someone with no sessions ahead, slot or outreach point; the others are deactivated, which hands their sessions on. */
  async deleteFacilitator(tx: EntityManager, facilitatorId: string): Promise<void> {
    await this.lockFacilitator(tx, facilitatorId);
    const [booked] = await tx.query(
      'SELECT 1 FROM matching.booked_session WHERE $1 = ANY(facilitator_ids) AND ends_at > $2 LIMIT 1',
      [facilitatorId, this.clock.now()],
    );
    if (booked) {
      throw conflict('facilitator_has_sessions_ahead', undefined, `facilitator ${facilitatorId} has sessions ahead; deactivate instead`, {
        facilitatorId,
      });
    }
    const [inSlot] = await tx.query(
      'SELECT id FROM matching.group_slot WHERE lead_facilitator_id = $1 OR co_facilitator_id = $1 LIMIT 1',
      [facilitatorId],
    );
    if (inSlot) {
      throw conflict('facilitator_runs_slot', undefined, `facilitator ${facilitatorId} runs group slot ${inSlot.id}; change the slot first`, {
        facilitatorId,
        slotId: inSlot.id,
      });
    }
    const [atPoint] = await tx.query('SELECT id FROM matching.outreach_point WHERE $1 = ANY(facilitator_ids) LIMIT 1', [facilitatorId]);
    if (atPoint) {
      throw conflict('facilitator_holds_point', undefined, `facilitator ${facilitatorId} holds outreach point ${atPoint.id}; change the point first`, {
        facilitatorId,
        pointId: atPoint.id,
      });
    }
    await tx.query('DELETE FROM matching.facilitator WHERE id = $1', [facilitatorId]);
  }

  async setWeekly(tx: EntityManager, facilitatorId: string, weekly: WeeklyWindowFields[], scope?: string) {
    const problems = weeklyProblems(weekly);
    if (problems.length > 0) throw invalid(problems);
    const current = await this.lockFacilitator(tx, facilitatorId, scope);
    await tx.query('UPDATE matching.facilitator SET weekly = $2, updated_at = now() WHERE id = $1', [
      facilitatorId,
      JSON.stringify(weekly.map(windowOf)),
    ]);
    return this.covered(tx, current);
  }

  async addException(tx: EntityManager, facilitatorId: string, exception: AvailabilityExceptionFields, scope?: string) {
    const problems = exceptionProblems(exception);
    if (problems.length > 0) throw invalid(problems);
    const current = await this.lockFacilitator(tx, facilitatorId, scope);
    await tx.query(
      `UPDATE matching.facilitator SET exceptions = exceptions || $2::jsonb, updated_at = now() WHERE id = $1`,
      [facilitatorId, JSON.stringify([exceptionOf(exception)])],
    );
    return this.covered(tx, current);
  }

  async removeException(tx: EntityManager, facilitatorId: string, exceptionId: string, scope?: string) {
    const current = await this.lockFacilitator(tx, facilitatorId, scope);
    if (!current.exceptions.some((e) => e.id === exceptionId)) {
      throw notFound(missing.exception(facilitatorId, exceptionId));
    }
    await tx.query(
      `UPDATE matching.facilitator
          SET exceptions = coalesce((SELECT jsonb_agg(e) FROM jsonb_array_elements(exceptions) e WHERE e->>'id' <> $2), '[]'),
              updated_at = now()
        WHERE id = $1`,
      [facilitatorId, exceptionId],
    );
    return this.facilitator(tx, facilitatorId);
  }

  /**
   * The facilitator as changed, with what became of the booked sessions ahead they can no longer hold: handed
   * to a colleague or re-planned, in this transaction and under the centre's lock taken for the change.
   */
  private async covered(tx: EntityManager, before: FacilitatorView): Promise<FacilitatorView> {
    const sessionsCover = await this.coverAway.execute(tx, before.centreId, before.id);
    return { ...(await this.facilitator(tx, before.id)), sessionsCover };
  }

  private checkScope(centreId: string, scope: string | undefined): void {
    if (scope !== undefined && scope !== centreId) {
      throw QueryRejected.of('forbidden', [otherCentre(centreId)]);
    }
  }

  private async lockCentre(tx: EntityManager, centreId: string): Promise<void> {
    const [row] = await tx.query('SELECT id FROM matching.centre WHERE id = $1 FOR UPDATE', [centreId]);
    if (!row) throw notFound(missing.centre(centreId));
  }

  private async lockFacilitator(tx: EntityManager, facilitatorId: string, scope?: string): Promise<FacilitatorView> {
    const [row]: Array<{ centre_id: string }> = await tx.query('SELECT centre_id FROM matching.facilitator WHERE id = $1', [
      facilitatorId,
    ]);
    if (!row) throw notFound(missing.facilitator(facilitatorId));
    this.checkScope(row.centre_id, scope);
    await this.lockCentre(tx, row.centre_id);
    return this.facilitator(tx, facilitatorId);
  }

  private async facilitator(db: EntityManager, facilitatorId: string): Promise<FacilitatorView> {
    const [row]: FacilitatorRow[] = await db.query(`${FACILITATOR_SELECT} WHERE id = $1`, [facilitatorId]);
    return toFacilitatorView(row);
  }

  private async nextFacilitatorId(tx: EntityManager, centreId: string): Promise<string> {
    const rows: Array<{ id: string }> = await tx.query('SELECT id FROM matching.facilitator WHERE centre_id = $1', [centreId]);
    const numbers = rows.map((r) => Number(r.id.slice(centreId.length + 1))).filter(Number.isInteger);
    return `${centreId}-${Math.max(0, ...numbers) + 1}`;
  }
}

/** What a correction changes of what slots and points are planned on. */
const pick = ({ sex, languages }: FacilitatorChanges) => ({ ...(sex ? { sex } : {}), ...(languages ? { languages } : {}) });

const windowOf = (w: WeeklyWindowFields) => ({ weekday: w.weekday, start: w.start, end: w.end });
const exceptionOf = (e: AvailabilityExceptionFields) => ({
  id: randomUUID(),
  from: new Date(e.from).toISOString(),
  to: new Date(e.to).toISOString(),
  reason: e.reason,
});

function toCentreSummary(row: CentreRow): CentreSummaryView {
  return {
    id: row.id,
    name: row.name,
    settlementCode: row.settlement_code,
    oblast: row.oblast,
    lat: row.lat,
    lng: row.lng,
    status: row.status,
    groupCapacity: row.group_capacity,
    municipal: row.municipal,
    demo: row.demo,
    contactChannels: row.contact_channels,
    activeFacilitators: row.active_facilitators,
    groupSlotCount: row.group_slot_count,
    outreachPointCount: row.outreach_point_count,
    updatedAt: row.updated_at.toISOString(),
  };
}

function toFacilitatorView(row: FacilitatorRow): FacilitatorView {
  return {
    id: row.id,
    centreId: row.centre_id,
    displayName: row.display_name,
    sex: row.sex,
    languages: row.languages,
    certifiedOn: row.certified_on,
    active: row.active,
    weekly: row.weekly,
    exceptions: row.exceptions,
    updatedAt: row.updated_at.toISOString(),
  };
}
