import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { EntityManager } from 'typeorm';
import type { UnroutableReason } from '@korgoo/contracts';
import { CalendarCache, CalendarWindow, withBooking, withinWindow } from '../directory/calendar-cache';
import { BookingConflict, CentreDirectory, CentreLocation, OpenCentre } from '../directory/centre-directory';
import { CentreCapacity, Language, ProgrammePlan, ProgrammeRequest, Sex } from '../capacity/capacity-types';
import { CentreCandidate, rankCentres } from '../capacity/ranking';
import { GeoPoint } from '../travel/geo';
import { isSettlementCode, settlementByCode } from '../travel/kg-gazetteer';
import { TravelEstimate, TravelSource, TravelTimeProvider } from '../travel/travel-time';
import { bishkekDateString, monthStartsBetween } from '../capacity/bishkek-time';
import { assessCandidate, assessCandidates, assessPlaces, CentreReach, PlaceTravel, reachProblem, unplacedReasonCodes, unplacedReasons, VerdictRecord } from '../capacity/candidates';
import { ActiveLoad } from './active-load';
import { RoutingRecord } from './decision-record';

/** What routing needs about an order, kept with the referral so it can be routed again without risk. */
export interface RoutingFacts {
  origin: GeoPoint;
  settlementCode?: string;
  participantSex: Sex;
  language: Language;
  expiresAt: string;
  acknowledgeWithinHours: number;
}

export interface HeldPlace {
  centreId: string;
  travel: TravelEstimate;
  /** Null only for a coordinator's assignment to a centre the rules found unable to deliver. */
  plan: ProgrammePlan | null;
  booked: Array<{ index: number; bookedSessionId: string }>;
  firstSessionAt: Date;
}

export type SelectionRecord = Omit<RoutingRecord, 'handOff' | 'trigger' | 'outcome' | 'override'>;

export interface Selection {
  record: SelectionRecord;
  chosen: HeldPlace | null;
  reasons: string[];
  /** The same reasons as codes, for counting. */
  reasonCodes: UnroutableReason[];
}

export interface SelectionSettings {
  /** The first session starts no sooner than this after routing, so the centre can prepare. */
  firstSessionMarginHours: number;
  /** No centre farther than this one way is proposed. */
  maxTravelMinutes: number;
}

/**
 * Chooses the nearest centre by travel that can deliver the programme in time and holds its sessions.
 * Candidates are assessed without locks from calendars kept in memory, re-read only for centres whose
 * calendar version moved. Each ranked centre is then checked under its row lock inside a savepoint: at an
 * unchanged version the assessment stands and the booking follows at once; otherwise only that centre is
 * re-read. A centre found taken is let go at once, so a routing never holds more than the one centre lock
 * it books under.
 */
export class CentreSelection {
  constructor(
    private readonly directory: CentreDirectory,
    private readonly calendars: CalendarCache,
    private readonly activeLoad: ActiveLoad<EntityManager>,
    private readonly travelTimes: TravelTimeProvider,
    private readonly providers: TravelSource[],
    private readonly settings: SelectionSettings,
    private readonly replica = `${hostname()}:${process.pid}`,
  ) {}

  requestFor(facts: RoutingFacts, now: Date): ProgrammeRequest {
    return {
      participantSex: facts.participantSex,
      language: facts.language,
      notBefore: new Date(now.getTime() + this.settings.firstSessionMarginHours * 3_600_000),
      mustFinishBy: new Date(facts.expiresAt),
    };
  }

  /**
   * `listed` are the open centres when the caller read them in this transaction already (with the order's
   * state); otherwise they are read here. Either way a centre is booked only once its row lock confirms the
   * calendar it was assessed on, so a centre paused or closed since the read is never booked.
   */
  async choose(
    tx: EntityManager,
    facts: RoutingFacts,
    now: Date,
    { exclude = new Map(), listed }: { exclude?: ReadonlyMap<string, 'declined' | 'expired'>; listed?: OpenCentre[] } = {},
  ): Promise<Selection> {
    const request = this.requestFor(facts, now);
    const window = windowOf(request);
    const centres = listed ?? (await this.directory.openCentres(tx));
    const capacities = await this.calendarsOf(tx, centres, window);
    const reach = await this.reachOf(facts, centres, capacities, request);
    const load = await this.activeLoad.counts(tx);
    const { candidates, records } = assessCandidates(centres, reach, capacities, load, request, now, exclude);
    const reachById = new Map(centres.map((c, i) => [c.id, reach[i]]));
    const assessedAt = new Map(centres.map((c) => [c.id, c.calendarVersion]));
    const base = this.baseRecord(facts, request, now);

    for (const ranked of rankCentres(candidates, new Set(exclude.keys()))) {
      await tx.query('SAVEPOINT centre_choice');
      const locked = await this.calendarUnderLock(tx, ranked.centreId, window);
      // At the version it was assessed at, the calendar is the one assessed: nothing to plan again.
      const { verdict, travel } =
        locked.version === assessedAt.get(ranked.centreId)
          ? { verdict: { feasible: true, plan: ranked.plan } as const, travel: ranked.travel }
          : assessPlaces(locked.capacity, request, reachById.get(ranked.centreId)!);
      if (!verdict.feasible) {
        // Rolling back to the savepoint also gives up the centre's lock.
        await tx.query('ROLLBACK TO SAVEPOINT centre_choice');
        await tx.query('RELEASE SAVEPOINT centre_choice');
        records.get(ranked.centreId)!.takenMeanwhile = `taken by another routing meanwhile: ${verdict.reason}`;
        continue;
      }
      const booked = await this.directory.book(
        tx,
        ranked.centreId,
        request.language,
        verdict.plan.sessions,
        randomUUID,
        verdict.plan.outreachPoint?.id,
      );
      const bookedAt = await this.directory.calendarVersion(tx, ranked.centreId);
      this.calendars.advance(ranked.centreId, locked.version, bookedAt, (capacity) =>
        withBooking(capacity, request.language, verdict.plan, booked),
      );
      await tx.query('RELEASE SAVEPOINT centre_choice');
      this.activeLoad.added(ranked.centreId);
      return {
        record: { ...base, candidates: [...records.values()], chosen: ranked.centreId, plan: verdict.plan },
        chosen: {
          centreId: ranked.centreId,
          travel: travel ?? ranked.travel,
          plan: verdict.plan,
          booked,
          firstSessionAt: verdict.plan.firstSessionAt,
        },
        reasons: [],
        reasonCodes: [],
      };
    }
    const all = [...records.values()];
    const reasons = unplacedReasons(all, placeName(facts));
    return { record: { ...base, candidates: all, chosen: null, plan: null }, chosen: null, reasons, reasonCodes: unplacedReasonCodes(all) };
  }

  /**
   * A coordinator's choice: holds the sessions when the centre can deliver, and otherwise still proposes
   * it without holding anything, keeping what the rules said. A centre out of reach by road is refused:
   * the participant could not attend there, whoever chose it.
   */
  async assign(
    tx: EntityManager,
    facts: RoutingFacts,
    now: Date,
    centre: CentreLocation,
  ): Promise<{ outOfReach: string } | { record: SelectionRecord; place: HeldPlace; verdict: VerdictRecord }> {
    const request = this.requestFor(facts, now);
    const { capacity } = await this.calendarUnderLock(tx, centre.id, windowOf(request));
    const [reach] = await this.reachOf(facts, [centre], new Map([[centre.id, capacity]]), request);
    const load = await this.activeLoad.counts(tx);
    const { candidate, record } = assessCandidate(centre, reach, capacity, request, load.get(centre.id) ?? 0, now);
    const { verdict, travel } = candidate;
    const problem = reachProblem({ verdict, travel });
    if (problem !== null || travel === null) return { outOfReach: `from ${placeName(facts)}, ${problem}` };
    const booked = verdict.feasible
      ? await this.directory.book(tx, centre.id, request.language, verdict.plan.sessions, randomUUID, verdict.plan.outreachPoint?.id)
      : [];
    const plan = verdict.feasible ? verdict.plan : null;
    return {
      record: { ...this.baseRecord(facts, request, now), candidates: [record], chosen: centre.id, plan },
      place: { centreId: centre.id, travel, plan, booked, firstSessionAt: plan?.firstSessionAt ?? request.notBefore },
      verdict: record.verdict,
    };
  }

  /** Open centres' calendars inside `window`, from memory where their version has not moved. */
  private async calendarsOf(tx: EntityManager, centres: OpenCentre[], window: CalendarWindow): Promise<Map<string, CentreCapacity>> {
    const stale = this.calendars.staleAmong(centres, window);
    if (stale.length > 0) {
      const toLoad = this.calendars.windowToLoad(window);
      const loaded = await this.directory.capacities(tx, stale, toLoad);
      // Kept under the version listed before the read: the read is no older, so at most it is re-read later.
      for (const centre of centres) {
        const capacity = loaded.get(centre.id);
        if (capacity) this.calendars.store(centre.id, centre.calendarVersion, toLoad, capacity);
      }
    }
    const capacities = new Map<string, CentreCapacity>();
    for (const centre of centres) {
      const capacity = this.calendars.calendar(centre.id, centre.calendarVersion, window);
      if (!capacity) throw new BookingConflict(`centre ${centre.id} is gone`);
      capacities.set(centre.id, capacity);
    }
    return capacities;
  }

  /**
   * Locks the centre and answers its calendar as it stands under the lock: from memory at an unchanged
   * version, else re-read (nobody can change it while the lock is held, so the read is that version).
   */
  private async calendarUnderLock(tx: EntityManager, centreId: string, window: CalendarWindow) {
    const version = await this.directory.lockCentre(tx, centreId);
    if (version === null) throw new BookingConflict(`centre ${centreId} is gone`);
    const known = this.calendars.calendar(centreId, version, window);
    if (known) return { version, capacity: known };
    const toLoad = this.calendars.windowToLoad(window);
    const capacity = (await this.directory.capacities(tx, [centreId], toLoad)).get(centreId)!;
    this.calendars.store(centreId, version, toLoad, capacity);
    return { version, capacity: withinWindow(capacity, window) };
  }

  /**
   * Travel to every centre and to each of its outreach points in each month the programme may run in: winter
   * closes passes for months.
   */
  private async reachOf(
    facts: RoutingFacts,
    centres: CentreLocation[],
    capacities: ReadonlyMap<string, CentreCapacity>,
    request: ProgrammeRequest,
  ): Promise<CentreReach[]> {
    // A point's place is checked against the gazetteer when declared; one it no longer knows is out of reach.
    const points = centres.flatMap((c) =>
      (capacities.get(c.id)?.outreachPoints ?? []).flatMap(({ id, settlementCode }) =>
        isSettlementCode(settlementCode) ? [{ centreId: c.id, id, place: settlementByCode(settlementCode) }] : [],
      ),
    );
    const places: GeoPoint[] = [...centres, ...points.map(({ place }) => place)];
    const byMonth = new Map<string, Array<TravelEstimate | null>>();
    const monthOf = (at: Date) => bishkekDateString(at).slice(0, 7);
    for (const at of monthStartsBetween(request.notBefore, request.mustFinishBy)) {
      byMonth.set(monthOf(at), await this.travelTimes.estimate(facts.origin, places, at));
    }
    const first = byMonth.get(monthOf(request.notBefore))!;
    const travelTo = (k: number): PlaceTravel => ({ travel: first[k], travelOn: (date: Date) => byMonth.get(monthOf(date))?.[k] ?? null });
    return centres.map((centre, i) => {
      const own = points.flatMap(({ centreId, id }, j) => (centreId === centre.id ? [[id, travelTo(centres.length + j)] as const] : []));
      return {
        ...travelTo(i),
        maxTravelMinutes: this.settings.maxTravelMinutes,
        ...(own.length > 0 ? { toOutreachPoints: new Map(own) } : {}),
      };
    });
  }

  private baseRecord(facts: RoutingFacts, request: ProgrammeRequest, now: Date) {
    return {
      decidedAt: now.toISOString(),
      decidedBy: this.replica,
      origin: { ...facts.origin, ...(facts.settlementCode ? { settlementCode: facts.settlementCode } : {}) },
      request: {
        participantSex: request.participantSex,
        language: request.language,
        notBefore: request.notBefore.toISOString(),
        mustFinishBy: request.mustFinishBy.toISOString(),
      },
      providers: this.providers,
    };
  }
}

/** The sessions a request could collide with or join: those overlapping its window. */
function windowOf(request: ProgrammeRequest): CalendarWindow {
  return { from: request.notBefore, until: request.mustFinishBy };
}

/** The place an order comes from, as coordinators name it. */
function placeName(facts: RoutingFacts): string {
  if (facts.settlementCode && isSettlementCode(facts.settlementCode)) return settlementByCode(facts.settlementCode).nameEn;
  return `${facts.origin.lat.toFixed(3)}, ${facts.origin.lng.toFixed(3)}`;
}
