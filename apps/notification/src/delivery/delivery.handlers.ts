import { Logger } from 'pino';
import { DataSource, EntityManager, FindOperator, In } from 'typeorm';
import {
  ByOrder,
  EscalatingAlert,
  EventEnvelope,
  EventPayload,
  EventSubject,
  EventSubjects,
  NotificationCommandContracts,
  NotificationCommandRequestClasses,
  NotificationCommandSubjects,
  NotificationView,
  QueryRejected,
  QuerySubjects,
  RiskAssessedV1,
  Scope,
  centreFilterOf,
} from '@korgoo/contracts';
import { MessagingRuntime } from '@korgoo/messaging';
import { Clock } from '@korgoo/platform/core';
import { NoticesAwaitingUnit } from '../orders/notices-awaiting-unit';
import { KeptOrder, OrderReferences } from '../orders/order-references';
import { Recipients } from '../recipients/recipients';
import { SealContactAddresses } from '../recipients/seal-contact-addresses';
import { ClosedCases } from '../retention/closed-cases';
import { Acknowledgements, AlertOwner } from './acknowledgements';
import { AlertEscalations } from './alert-escalations';
import { DeliveryRecords } from './delivery-records';
import { DispatchNotification, EventRun, needsSteps } from './dispatch-notification';
import { EscalationPolicy, nextEscalationDue } from './escalation-policy';
import {
  cancelledIntent,
  IntentSpec,
  decisionReminderIntent,
  escalatedIntent,
  expiredIntent,
  expiredWithdrawalIntent,
  replannedIntents,
  followUpDueIntent,
  groupSessionIntent,
  immediateDangerIntents,
  programmeAlertIntent,
  refusalNoticeIntent,
  refusalNoticeRoute,
  repeatedAlertIntents,
  routedIntent,
  treatmentRecheckIntent,
  unroutableIntent,
  withdrawnIntent,
} from './intents';
import { Notification } from './notification.entity';

export interface DeliveryHandlers {
  dataSource: DataSource;
  dispatch: DispatchNotification;
  escalations: AlertEscalations;
  escalationPolicy: EscalationPolicy;
  clock: Clock;
  records: DeliveryRecords;
  recipients: Recipients;
  acknowledgements: Acknowledgements;
  orders: OrderReferences;
  awaitingUnit: NoticesAwaitingUnit;
  cases: ClosedCases;
  contactAddresses: SealContactAddresses;
  log: Logger;
}

/** The events that become notifications, each told through one dispatch. */
export function bindDeliveryEvents(messaging: MessagingRuntime, h: DeliveryHandlers): void {
  const { dispatch, orders, acknowledgements, escalations } = h;
  const manager = h.dataSource.manager;
  // Handlers that only write this service's tables inside the transaction: a burst of them commits together.
  const inTransactionOnly = { batchable: true };
  // Handlers that tell someone: an intent found to need a send in the event's transaction is made again at once, in steps.
  const telling = { lostRace: needsSteps };
  // An event whose recipients need only the inbox shares a batch; one known to need a send is told alone, in steps.
  const tell = <S extends EventSubject>(subject: S, intents: (envelope: EventEnvelope<EventPayload<S>>) => IntentSpec[]) =>
    messaging.on(subject, (envelope, tx, delivery) => dispatch.execute({ tx, delivery }, ...intents(envelope)), {
      ...telling,
      batchable: true,
      alone: (envelope) => dispatch.inStepsLikely(intents(envelope)),
    });
  /** An alert a person must acknowledge: told now, and told again on the policy's schedule until someone does. */
  const tellAndWatch = async (run: EventRun, alert: EscalatingAlert, alertEventId: string, orderId: string, specs: IntentSpec[]) => {
    const dueAt = nextEscalationDue(alert, 0, h.clock.now(), h.escalationPolicy);
    if (dueAt) await escalations.schedule(run.tx, { alertEventId, orderId, alert, specs }, dueAt);
    await dispatch.execute(run, ...specs);
  };
  tell(EventSubjects.ReferralRouted, (envelope) => [routedIntent(envelope)]);
  tell(EventSubjects.ReferralRerouted, (envelope) => [routedIntent(envelope)]);
  tell(EventSubjects.ReferralWithdrawnFromCentre, (envelope) => [withdrawnIntent(envelope)]);
  tell(EventSubjects.ReferralUnroutable, (envelope) => [unroutableIntent(envelope)]);
  tell(EventSubjects.ReferralEscalated, (envelope) => [escalatedIntent(envelope)]);
  tell(EventSubjects.ProgrammeSessionsRescheduled, (envelope) => replannedIntents(envelope));
  tell(EventSubjects.ReferralExpired, (envelope) => [expiredIntent(envelope), expiredWithdrawalIntent(envelope)]);
  tell(EventSubjects.ReferralDecisionReminderDue, (envelope) => [decisionReminderIntent(envelope)]);
  tell(EventSubjects.ReferralCancelled, (envelope) => [cancelledIntent(envelope)]);
  messaging.on(EventSubjects.ReferralAccepted, async ({ payload }, tx) => {
    await acknowledgements.acknowledge(tx, payload.referralId, payload.centreId, 'accepted');
  }, inTransactionOnly);
  /** The order's unit is known now: an Article 72 notice that waited for it goes to the unit, as a delivery of `becauseOf`. */
  const forwardWaitingNotices = async (run: EventRun, orderId: string, { order, released }: KeptOrder, becauseOf: string) => {
    if (!order.unitCode) return;
    for (const refusal of released) {
      const notice = { ...refusalNoticeIntent(refusal, { ...order, unitCode: order.unitCode }), sourceEventId: becauseOf };
      await tellAndWatch(run, 'article72_notice', becauseOf, orderId, [notice]);
    }
  };
  // Every order's registration is kept: a burst of them commits together, their references written together.
  // One that releases a waiting notice fails the batch, which is then handled event by event.
  const registrations = { ...telling, batchable: true };
  messaging.on(EventSubjects.OrderRegistered, async ({ eventId, payload }, tx, delivery) => {
    // Orders registered before police units carry no unit until one is assigned (order.unit_assigned.v1).
    if (!payload.orderNumber) return;
    const reference = { orderNumber: payload.orderNumber, unitCode: payload.unitCode ?? null };
    if (delivery.shared) return delivery.gather(orders.registrations, { orderId: payload.orderId, reference });
    await orders.lockOrder(tx, payload.orderId);
    const kept = await orders.record(tx, payload.orderId, reference, h.clock.now());
    // A registration seen after its refusal (the streams are consumed apart) lets the waiting notice go.
    await forwardWaitingNotices({ tx, delivery }, payload.orderId, kept, eventId);
  }, registrations);
  messaging.on(EventSubjects.OrderUnitAssigned, async ({ eventId, payload }, tx, delivery) => {
    await orders.lockOrder(tx, payload.orderId);
    const kept = await orders.assignUnit(tx, payload.orderId, { orderNumber: payload.orderNumber, unitCode: payload.unitCode }, h.clock.now());
    await forwardWaitingNotices({ tx, delivery }, payload.orderId, kept, eventId);
  }, telling);
  messaging.on(EventSubjects.ProgrammeRefusalReported, async (envelope, tx, delivery) => {
    const { orderId } = envelope.payload;
    // The refusal is the case's final outcome: the retention of its delivery records runs from here.
    await h.cases.close(tx, orderId, new Date(envelope.occurredAt));
    await orders.lockOrder(tx, orderId);
    const order = await orders.find(tx, orderId);
    // The registration is weeks older than any refusal: one not seen yet is waited for through the
    // redeliveries; on the last, the order is taken as registered before police units, with no unit known.
    if (!order && !delivery.last) throw new Error(`no issuing unit known for order ${orderId} yet`);
    const route = refusalNoticeRoute(envelope, order);
    if (!route.awaitsUnit) return tellAndWatch({ tx, delivery }, 'article72_notice', envelope.eventId, orderId, [route.intent]);
    // No unit to tell: the coordinators find it, and the notice waits for the order to be given one.
    await h.awaitingUnit.hold(tx, envelope, h.clock.now());
    await dispatch.execute({ tx, delivery }, route.intent);
  }, telling);
  tell(EventSubjects.ProgrammeAlert, (envelope) => [programmeAlertIntent(envelope)]);
  tell(EventSubjects.ProgrammeFollowUpDue, (envelope) => [followUpDueIntent(envelope)]);
  tell(EventSubjects.ReferralGroupSessionMoved, (envelope) => [groupSessionIntent(envelope)]);
  tell(EventSubjects.ReferralGroupSessionRunsSmall, (envelope) => [groupSessionIntent(envelope)]);
  tell(EventSubjects.ProgrammeTreatmentRecheckDue, (envelope) => [treatmentRecheckIntent(envelope)]);
  // Immediate danger is told from the first assessment, apart from routing and before any referral. A
  // correction that first shows danger alerts as a first assessment would; once alerted, an order is not again.
  const alertImmediateDanger = async (envelope: EventEnvelope<RiskAssessedV1>, run: EventRun, correction: boolean) => {
    const { orderId } = envelope.payload;
    const { tx } = run;
    if (correction && (await h.records.alertedBefore(tx, orderId, 'immediate_danger', envelope.eventId))) return;
    const order = await orders.find(manager, orderId);
    // Registration and assessment travel on separate streams; redelivery waits for the registration.
    if (!order) throw new Error(`order ${orderId} is not registered here yet`);
    await tellAndWatch(run, 'immediate_danger', envelope.eventId, orderId, immediateDangerIntents(envelope, order));
  };
  // Most assessments show no immediate danger: those are acknowledged without a transaction.
  const inDanger = { ...telling, relevant: (envelope: EventEnvelope<RiskAssessedV1>) => envelope.payload.immediateDanger };
  messaging.on(EventSubjects.RiskAssessed, (envelope, tx, delivery) => alertImmediateDanger(envelope, { tx, delivery }, false), inDanger);
  messaging.on(EventSubjects.RiskReassessed, (envelope, tx, delivery) => alertImmediateDanger(envelope, { tx, delivery }, true), inDanger);
  messaging.on(EventSubjects.NotificationAlertUnacknowledged, async (envelope, tx, delivery) => {
    const { alertEventId, alert, orderId } = envelope.payload;
    const escalation = await escalations.find(manager, alertEventId);
    if (!escalation) throw new Error(`no alert ${alertEventId} is waiting for acknowledgement`);
    // Acknowledged since the round was announced: nobody needs telling again.
    if (await acknowledgements.isAlertAcknowledged(manager, alert, orderId)) return;
    await dispatch.execute({ tx, delivery }, ...repeatedAlertIntents(envelope, escalation.specs));
  }, telling);
}

/** The delivery log and notifications of an order, read in the asker's scope. */
export function bindDeliveryQueries(messaging: MessagingRuntime, h: DeliveryHandlers): void {
  const notificationsOf = (orderId: string | FindOperator<string>, scope: Scope) => {
    const centreId = centreFilterOf(scope);
    const where = centreId === null ? { orderId } : { orderId, recipientKind: 'centre' as const, centreId };
    return h.dataSource.getRepository(Notification).find({ where, order: { createdAt: 'ASC' } });
  };
  messaging.queries.handle(QuerySubjects.NotificationsByOrder, async ({ orderId, scope }) => ({
    notifications: (await notificationsOf(orderId, scope)).map(notificationView),
  }));
  messaging.queries.handle(QuerySubjects.NotificationsByOrders, async ({ orderIds, scope }) => {
    const notifications: ByOrder<NotificationView[]> = {};
    for (const row of await notificationsOf(In(orderIds), scope)) (notifications[row.orderId] ??= []).push(notificationView(row));
    return { notifications };
  });
  messaging.queries.handle(QuerySubjects.DeliveryLog, async ({ referralId, scope }) => {
    const centreId = centreFilterOf(scope);
    const attempts = await h.records.deliveryLog(h.dataSource.manager, referralId, centreId);
    if (attempts.length === 0 && centreId !== null) throw new QueryRejected('not_found', `no notifications about referral ${referralId}`);
    return { attempts };
  });
}

/** Recipient settings and acknowledgements. */
export function bindDeliveryCommands(messaging: MessagingRuntime, h: DeliveryHandlers): void {
  const { dataSource, recipients, acknowledgements, log } = h;
  const commands = messaging.queries.family<NotificationCommandContracts>(NotificationCommandRequestClasses);
  commands.handle(NotificationCommandSubjects.RecipientShow, async (ref) => ({
    recipient: await recipients.show(dataSource.manager, ref),
  }));
  commands.handle(NotificationCommandSubjects.RecipientConfigure, async (command) => {
    const recipient = await dataSource.transaction((tx) => recipients.configure(tx, command));
    log.info(
      { recipientKind: recipient.recipientKind, centreId: recipient.centreId, unitCode: recipient.unitCode, channels: recipient.channels.map((c) => c.channel) },
      'notification recipient configured',
    );
    return { recipient };
  });
  commands.handle(NotificationCommandSubjects.ReferralAcknowledge, async ({ referralId, centreId, via }) => ({
    acknowledged: await dataSource.transaction((tx) => acknowledgements.acknowledge(tx, referralId, centreId, via)),
  }));
  commands.handle(NotificationCommandSubjects.NoticeAcknowledge, async ({ entryId, scope, accountId }) => {
    // Officers acknowledge their unit's notices, coordinators (national scope) immediate-danger alerts.
    let owner: AlertOwner;
    if (scope.kind === 'unit') owner = { recipientKind: 'police_unit', unitCode: scope.unitId };
    else if (scope.kind === 'national') owner = { recipientKind: 'coordinators' };
    else throw new QueryRejected('forbidden', 'centre staff have no alerts to acknowledge');
    const acknowledgement = await dataSource.transaction((tx) => acknowledgements.acknowledgeAlert(tx, entryId, owner, accountId));
    // Another unit's notice is answered as missing: its existence is not theirs to learn.
    if (!acknowledgement) throw new QueryRejected('not_found', `no alert ${entryId} to acknowledge`);
    if (acknowledgement.recorded) log.info({ entryId, recipientKind: owner.recipientKind }, 'alert acknowledged');
    return { entryId, ...acknowledgement, acknowledgedAt: acknowledgement.acknowledgedAt.toISOString() };
  });
  commands.handle(NotificationCommandSubjects.FieldKeysRotate, async ({ activeKeyId }) => {
    const { contactAddresses } = h;
    // A replica still on the old key would rewrap under it: the rollout of the key is not finished.
    if (contactAddresses.activeKeyId !== activeKeyId) {
      throw new QueryRejected('conflict', `the notification service seals under field key ${contactAddresses.activeKeyId}, not ${activeKeyId}: put the new key first on every notification replica`);
    }
    const rotated = await contactAddresses.execute(dataSource);
    log.info({ activeKeyId, ...rotated }, 'contact addresses brought under the active field key');
    return { activeKeyId, ...rotated };
  });
}

function notificationView(row: Notification): NotificationView {
  return {
    notificationId: row.id,
    referralId: row.referralId,
    recipientKind: row.recipientKind,
    centreId: row.centreId,
    channel: row.channel,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
  };
}
