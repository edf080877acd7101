import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { EventEnvelope, EventSubjects, RiskAssessedV1 } from '@korgoo/contracts';
import { Outbox, PermanentFailure } from '@korgoo/messaging';
import { CentreDirectory } from '../directory/centre-directory';
import { assessFeasibility, FeasibilityVerdict, ProgrammeRequest } from '../routing/feasibility';
import { CentreCandidate, rankCentres } from '../routing/ranking';
import { GeoPoint } from '../routing/travel/geo';
import { isSettlementCode, settlementByCode } from '../routing/travel/kg-gazetteer';
import { TravelEstimate, TravelTimeProvider } from '../routing/travel/travel-time';
import { Referrals } from './referrals';

export interface RoutingSettings {
  /** The first session starts no sooner than this after routing, so the centre can prepare. */
  firstSessionMarginHours: number;
}

interface CandidateRecord {
  centreId: string;
  travel: TravelEstimate | null;
  verdict: { feasible: boolean; code?: string; reason?: string; firstSessionAt?: string };
}

/**
 * Routes a scored order to the nearest centre (by travel) that can deliver the mandatory programme before
 * the order expires, holds the sessions, and records why. The choice is re-checked under the centre's row
 * lock, so two routings racing for the same last slot cannot both get it.
 */
export class RouteReferral {
  constructor(
    private readonly directory: CentreDirectory,
    private readonly referrals: Referrals,
    private readonly travelTimes: TravelTimeProvider,
    private readonly outbox: Outbox,
    private readonly settings: RoutingSettings,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async execute(event: EventEnvelope<RiskAssessedV1>, tx: EntityManager): Promise<void> {
    const assessed = event.payload;
    if (await this.referrals.existsForOrder(tx, assessed.orderId)) return;
    const now = this.clock();
    const origin = locate(assessed);
    const request: ProgrammeRequest = {
      participantSex: assessed.participant.sex,
      language: assessed.participant.language,
      notBefore: new Date(now.getTime() + this.settings.firstSessionMarginHours * 3_600_000),
      mustFinishBy: new Date(assessed.period.expiresAt),
    };

    const centres = await this.directory.openCentres(tx);
    const travel = await this.travelTimes.estimate(origin, centres, now);
    const capacities = await this.directory.capacities(tx, centres.map((c) => c.id), now);
    const load = await this.referrals.activeLoad(tx);
    const candidates: CentreCandidate[] = centres.map((centre, i) => ({
      centreId: centre.id,
      travel: travel[i],
      verdict: assessFeasibility(capacities.get(centre.id)!, request),
      activeReferrals: load.get(centre.id) ?? 0,
    }));
    const decision = { origin, request, candidates: candidates.map(recordOf), provider: this.travelTimes.source };

    const referralId = randomUUID();
    const referralNumber = await this.referrals.nextNumber(tx, now);
    for (const ranked of rankCentres(candidates)) {
      await this.directory.lockCentre(tx, ranked.centreId);
      const fresh = (await this.directory.capacities(tx, [ranked.centreId], now)).get(ranked.centreId)!;
      const verdict = assessFeasibility(fresh, request);
      if (!verdict.feasible) continue;
      const acknowledgeBy = new Date(now.getTime() + assessed.acknowledgeWithinHours * 3_600_000);
      await this.referrals.insert(tx, {
        id: referralId,
        referralNumber,
        orderId: assessed.orderId,
        status: 'proposed',
        centreId: ranked.centreId,
        priority: assessed.priority,
        language: assessed.participant.language,
        acknowledgeBy,
        firstSessionAt: verdict.plan.firstSessionAt,
        travelMinutes: Math.round(ranked.travel.minutes),
        travelSource: ranked.travel.source,
        reasons: [],
        decision: { ...decision, chosen: ranked.centreId, plan: verdict.plan },
      });
      const booked = await this.directory.book(tx, ranked.centreId, request.language, verdict.plan.sessions, randomUUID);
      await this.referrals.hold(tx, referralId, booked);
      await this.outbox.enqueue(tx, EventSubjects.ReferralRouted, assessed.orderId, {
        referralId,
        orderId: assessed.orderId,
        referralNumber,
        centreId: ranked.centreId,
        priority: assessed.priority,
        acknowledgeBy: acknowledgeBy.toISOString(),
        firstSessionAt: verdict.plan.firstSessionAt.toISOString(),
        language: assessed.participant.language,
        travelMinutes: Math.round(ranked.travel.minutes),
        travelSource: ranked.travel.source,
      });
      return;
    }

    const reasons = unroutableReasons(candidates);
    await this.referrals.insert(tx, {
      id: referralId,
      referralNumber,
      orderId: assessed.orderId,
      status: 'unroutable',
      centreId: null,
      priority: assessed.priority,
      language: assessed.participant.language,
      acknowledgeBy: null,
      firstSessionAt: null,
      travelMinutes: null,
      travelSource: null,
      reasons,
      decision: { ...decision, chosen: null },
    });
    await this.outbox.enqueue(tx, EventSubjects.ReferralUnroutable, assessed.orderId, {
      referralId,
      orderId: assessed.orderId,
      referralNumber,
      priority: assessed.priority,
      reasons,
      expiresAt: assessed.period.expiresAt,
    });
  }
}

function locate(assessed: RiskAssessedV1): GeoPoint {
  const { settlementCode, lat, lng } = assessed.participant.location;
  if (lat !== undefined && lng !== undefined) return { lat, lng };
  if (settlementCode && isSettlementCode(settlementCode)) {
    const settlement = settlementByCode(settlementCode);
    return { lat: settlement.lat, lng: settlement.lng };
  }
  throw new PermanentFailure(`participant location ${settlementCode ?? '(none)'} is not in the gazetteer`);
}

function recordOf(candidate: CentreCandidate): CandidateRecord {
  return {
    centreId: candidate.centreId,
    travel: candidate.travel,
    verdict: describeVerdict(candidate.verdict),
  };
}

function describeVerdict(verdict: FeasibilityVerdict): CandidateRecord['verdict'] {
  return verdict.feasible
    ? { feasible: true, firstSessionAt: verdict.plan.firstSessionAt.toISOString() }
    : { feasible: false, code: verdict.code, reason: verdict.reason };
}

function unroutableReasons(candidates: CentreCandidate[]): string[] {
  if (candidates.length === 0) return ['no crisis centre is open'];
  return candidates.map((c) =>
    c.verdict.feasible ? `${c.centreId}: not reachable by any travel-time provider` : `${c.centreId}: ${c.verdict.reason}`,
  );
}
