import { EntityManager } from 'typeorm';
import { CommandSubjects, EventSubjects, QuerySubjects } from '@korgoo/contracts';
import { MessagingRuntime } from '@korgoo/messaging';
import { AcceptReferral } from './commands/accept-referral';
import { AssignReferral } from './commands/assign-referral';
import { DeclineReferral } from './commands/decline-referral';
import { EndUnplacedOrder } from './commands/end-unplaced-order';
import { ExtendReferral } from './commands/extend-referral';
import { ReassessReferral } from './commands/reassess-referral';
import { RouteReferral } from './commands/route-referral';
import { WithdrawReferral } from './commands/withdraw-referral';
import { isRoutingRace } from './lock-conflicts';
import { ReferralDecisionQuery } from './queries/referral-decision';
import { ReferralStatusQuery } from './queries/referral-status';

export interface ReferralHandlers {
  route: RouteReferral;
  reassess: ReassessReferral;
  withdraw: WithdrawReferral;
  extend: ExtendReferral;
  accept: AcceptReferral;
  decline: DeclineReferral;
  assign: AssignReferral;
  decision: ReferralDecisionQuery;
  status: ReferralStatusQuery;
  endUnplaced: EndUnplacedOrder;
}

/** Events run inside the consumer's transaction (run again whole after a lost race); commands and queries answer requests. */
export function bindReferralHandlers(messaging: MessagingRuntime, db: EntityManager, h: ReferralHandlers): void {
  // A lost race runs the event's whole transaction again: the inbox entry is all it holds besides the handler's work.
  const raceRetried = { lostRace: isRoutingRace };
  // Routings share the commit group's transactions: in a burst most orders find no centre and write two rows
  // each. A booking in a batch takes its centre's lock until the batch commits; a lost race fails the batch, whose
  // events then run one by one, each retried whole.
  messaging.on(EventSubjects.RiskAssessed, (event, tx) => h.route.execute(event, tx), { ...raceRetried, batchable: true });
  messaging.on(EventSubjects.RiskReassessed, (event, tx) => h.reassess.execute(tx, event), raceRetried);
  messaging.on(EventSubjects.OrderWithdrawn, (event, tx) => h.withdraw.execute(tx, event), raceRetried);
  messaging.on(EventSubjects.OrderExtended, (event, tx) => h.extend.execute(tx, event), raceRetried);
  messaging.on(EventSubjects.ProgrammeExpiredUnplaced, (event, tx) => h.endUnplaced.execute(tx, event), raceRetried);

  messaging.queries.handle(QuerySubjects.ReferralByOrder, async ({ orderId, scope }) => ({ referral: await h.status.byOrder(db, orderId, scope) }));
  messaging.queries.handle(QuerySubjects.ReferralsByOrders, async ({ orderIds, scope }) => ({ referrals: await h.status.byOrders(db, orderIds, scope) }));
  messaging.queries.handle(QuerySubjects.ReferralList, (request) => h.status.list(db, request));
  messaging.queries.handle(QuerySubjects.ReferralDecision, async (lookup) => ({ decision: await h.decision.execute(db, lookup) }));
  messaging.queries.handle(CommandSubjects.AcceptReferral, async (command) => ({ referral: await h.accept.execute(command) }));
  messaging.queries.handle(CommandSubjects.DeclineReferral, async (command) => ({ referral: await h.decline.execute(command) }));
  messaging.queries.handle(CommandSubjects.AssignReferral, async (command) => ({ referral: await h.assign.execute(command) }));
}
