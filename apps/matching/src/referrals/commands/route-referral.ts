import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { EventEnvelope, EventSubjects, RiskAssessedV1 } from '@korgoo/contracts';
import { Outbox, PermanentFailure } from '@korgoo/messaging';
import { Clock } from '@korgoo/platform/core';
import { GeoPoint } from '../../travel/geo';
import { isSettlementCode, settlementByCode } from '../../travel/kg-gazetteer';
import { CentreSelection, RoutingFacts } from '../centre-selection';
import { RoutingRecord } from '../decision-record';
import { withLaterExpiry } from '../order-period';
import { ReferralRepository, referralNumber } from '../repositories/referral-repository';
import { Proposals } from './proposals';

/**
 * Routes a scored order to the nearest centre (by travel) that can deliver the mandatory programme before
 * the order expires, holds the sessions, starts the acknowledgement timer and records why. An order no
 * centre can take is `unroutable`: coordinators are told at once.
 */
export class RouteReferral {
  constructor(
    private readonly referrals: ReferralRepository,
    private readonly selection: CentreSelection,
    private readonly proposals: Proposals,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  async execute(event: EventEnvelope<RiskAssessedV1>, tx: EntityManager): Promise<void> {
    const assessed = event.payload;
    const order = await this.referrals.beforeRouting(tx, assessed.orderId);
    // Referred already, or withdrawn: no number was drawn and nothing is routed.
    if (order.drawnNumber === null) return;
    const now = this.clock.now();
    const number = referralNumber(now.getUTCFullYear(), order.drawnNumber);
    const assessedFacts = routingFacts(assessed);
    // The police may have extended the order before it was scored.
    const facts = withLaterExpiry(assessedFacts, order.extendedTo) ?? assessedFacts;
    const selection = await this.selection.choose(tx, facts, now, { listed: order.openCentres });
    const referralId = randomUUID();
    const trigger = event.subject === EventSubjects.RiskReassessed ? 'reassessed' : 'assessed';
    const record: RoutingRecord = {
      ...selection.record,
      handOff: 0,
      trigger,
      outcome: selection.chosen ? 'proposed' : 'unroutable',
    };
    const chosen = selection.chosen;
    const referral = await this.referrals.insert(tx, {
      id: referralId,
      referralNumber: number,
      orderId: assessed.orderId,
      status: chosen ? 'proposed' : 'unroutable',
      centreId: chosen?.centreId ?? null,
      priority: assessed.priority,
      language: assessed.participant.language,
      acknowledgeBy: null,
      firstSessionAt: chosen?.firstSessionAt ?? null,
      travelMinutes: chosen ? Math.round(chosen.travel.minutes) : null,
      travelSource: chosen?.travel.source ?? null,
      reasons: selection.reasons,
      routing: facts,
      assessmentVersion: assessed.assessmentVersion,
    }, record, chosen ? undefined : {
      reasonCode: 'no_feasible_centre',
      since: now,
      remindAt: this.proposals.firstReminder(now),
      // Coordinators are told in the statement that leaves it to them.
      announce: this.outbox.row(EventSubjects.ReferralUnroutable, assessed.orderId, {
        referralId,
        orderId: assessed.orderId,
        referralNumber: number,
        priority: assessed.priority,
        reasons: selection.reasons,
        reasonCodes: selection.reasonCodes,
        expiresAt: facts.expiresAt,
      }),
    });
    if (!chosen) {
      this.outbox.wroteIn(tx);
      return;
    }
    await this.proposals.propose(tx, referral, chosen, {
      handOff: 0,
      now,
      previousCentreId: null,
      assignedBy: null,
      transition: { from: null, actor: { kind: 'system' }, reasonCode: 'routed' },
    });
  }
}

export function routingFacts(assessed: RiskAssessedV1): RoutingFacts {
  const { settlementCode } = assessed.participant.location;
  return {
    origin: locate(assessed),
    ...(settlementCode ? { settlementCode } : {}),
    participantSex: assessed.participant.sex,
    language: assessed.participant.language,
    expiresAt: assessed.period.expiresAt,
    acknowledgeWithinHours: assessed.acknowledgeWithinHours,
  };
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
