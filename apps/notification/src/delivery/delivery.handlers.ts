import { Logger } from 'pino';
import { DataSource, EntityManager } from 'typeorm';
import {
  EscalatingAlert,
  EventEnvelope,
  EventSubjects,
  NotificationCommandContracts,
  NotificationCommandRequestClasses,
  NotificationCommandSubjects,
  QueryRejected,
  QuerySubjects,
  RiskAssessedV1,
  centreFilterOf,
} from '@korgoo/contracts';
import { MessagingRuntime } from '@korgoo/messaging';
import { Clock } from '@korgoo/platform/core';
import { OrderReferences } from '../orders/order-references';
import { Recipients } from '../recipients/recipients';
import { ClosedCases } from '../retention/closed-cases';
import { Acknowledgements, AlertOwner } from './acknowledgements';
import { AlertEscalations } from './alert-escalations';
import { DeliveryRecords } from './delivery-records';
import { DispatchNotification } from './dispatch-notification';
import { EscalationPolicy, nextEscalationDue } from './escalation-policy';
import {
  cancelledIntent,
  IntentSpec,
  decisionReminderIntent,
  escalatedIntent,
  expiredIntent,
  followUpDueIntent,
  immediateDangerIntents,
  programmeAlertIntent,
  refusalNoticeIntent,
  repeatedAlertIntents,
  routedIntent,
  treatmentRecheckIntent,
  unroutableIntent,
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
  cases: ClosedCases;
  log: Logger;
}

/** The events that become notifications, each told through one dispatch. */
export function bindDeliveryEvents(messaging: MessagingRuntime, h: DeliveryHandlers): void {
  const { dispatch, orders, acknowledgements, escalations } = h;
  const manager = h.dataSource.manager;
  /** An alert a person must acknowledge: told now, and told again on the policy's schedule until someone does. */
  const tellAndWatch = async (tx: EntityManager, alert: EscalatingAlert, alertEventId: string, orderId: string, specs: IntentSpec[]) => {
    const dueAt = nextEscalationDue(alert, 0, h.clock.now(), h.escalationPolicy);
    if (dueAt) await escalations.schedule(tx, { alertEventId, orderId, alert, specs }, dueAt);
    await dispatch.execute(...specs);
  };
  messaging.on(EventSubjects.ReferralRouted, (envelope) => dispatch.execute(routedIntent(envelope)));
  messaging.on(EventSubjects.ReferralRerouted, (envelope) => dispatch.execute(routedIntent(envelope)));
  messaging.on(EventSubjects.ReferralUnroutable, (envelope) => dispatch.execute(unroutableIntent(envelope)));
  messaging.on(EventSubjects.ReferralEscalated, (envelope) => dispatch.execute(escalatedIntent(envelope)));
  messaging.on(EventSubjects.ReferralExpired, (envelope) => dispatch.execute(expiredIntent(envelope)));
  messaging.on(EventSubjects.ReferralDecisionReminderDue, (envelope) => dispatch.execute(decisionReminderIntent(envelope)));
  messaging.on(EventSubjects.ReferralCancelled, (envelope) => dispatch.execute(cancelledIntent(envelope)));
  messaging.on(EventSubjects.ReferralAccepted, async ({ payload }, tx) => {
    await acknowledgements.acknowledge(tx, payload.referralId, payload.centreId, 'accepted');
  });
  messaging.on(EventSubjects.OrderRegistered, async ({ payload }, tx) => {
    // Orders registered before police units carry no unit: no notice can go back to one.
    if (payload.orderNumber && payload.unitCode) {
      await orders.record(tx, payload.orderId, { orderNumber: payload.orderNumber, unitCode: payload.unitCode });
    }
  });
  messaging.on(EventSubjects.ProgrammeRefusalReported, async (envelope, tx) => {
    const { orderId } = envelope.payload;
    const order = await orders.find(manager, orderId);
    // The registration is weeks older than any refusal; if it is still missing, redelivery waits for it
    // and a dead letter (listed and replayable by admins) is what finally says so.
    if (!order) throw new Error(`no issuing unit known for order ${orderId}`);
    // The refusal is the case's final outcome: the retention of its delivery records runs from here.
    await h.cases.close(tx, orderId, new Date(envelope.occurredAt));
    await tellAndWatch(tx, 'article72_notice', envelope.eventId, orderId, [refusalNoticeIntent(envelope, order)]);
  });
  messaging.on(EventSubjects.ProgrammeAlert, (envelope) => dispatch.execute(programmeAlertIntent(envelope)));
  messaging.on(EventSubjects.ProgrammeFollowUpDue, (envelope) => dispatch.execute(followUpDueIntent(envelope)));
  messaging.on(EventSubjects.ProgrammeTreatmentRecheckDue, (envelope) => dispatch.execute(treatmentRecheckIntent(envelope)));
  // Immediate danger is told from the first assessment, apart from routing and before any referral. A
  // correction that first shows danger alerts as a first assessment would; once alerted, an order is not again.
  const alertImmediateDanger = async (envelope: EventEnvelope<RiskAssessedV1>, tx: EntityManager, correction: boolean) => {
    const { orderId, immediateDanger } = envelope.payload;
    if (!immediateDanger) return;
    if (correction && (await h.records.alertedBefore(tx, orderId, 'immediate_danger', envelope.eventId))) return;
    const order = await orders.find(manager, orderId);
    // Registration and assessment travel on separate streams; redelivery waits for the registration.
    if (!order) throw new Error(`order ${orderId} is not registered here yet`);
    await tellAndWatch(tx, 'immediate_danger', envelope.eventId, orderId, immediateDangerIntents(envelope, order));
  };
  messaging.on(EventSubjects.RiskAssessed, (envelope, tx) => alertImmediateDanger(envelope, tx, false));
  messaging.on(EventSubjects.RiskReassessed, (envelope, tx) => alertImmediateDanger(envelope, tx, true));
  messaging.on(EventSubjects.NotificationAlertUnacknowledged, async (envelope) => {
    const { alertEventId, alert, orderId } = envelope.payload;
    const escalation = await escalations.find(manager, alertEventId);
    if (!escalation) throw new Error(`no alert ${alertEventId} is waiting for acknowledgement`);
    // Acknowledged since the round was announced: nobody needs telling again.
    if (await acknowledgements.isAlertAcknowledged(manager, alert, orderId)) return;
    await dispatch.execute(...repeatedAlertIntents(envelope, escalation.specs));
  });
}

/** The delivery log and notifications of an order, read in the asker's scope. */
export function bindDeliveryQueries(messaging: MessagingRuntime, h: DeliveryHandlers): void {
  messaging.queries.handle(QuerySubjects.NotificationsByOrder, async ({ orderId, scope }) => {
    const centreId = centreFilterOf(scope);
    const where = centreId === null ? { orderId } : { orderId, recipientKind: 'centre' as const, centreId };
    const rows = await h.dataSource.getRepository(Notification).find({ where, order: { createdAt: 'ASC' } });
    return {
      notifications: rows.map((row) => ({
        notificationId: row.id,
        referralId: row.referralId,
        recipientKind: row.recipientKind,
        centreId: row.centreId,
        channel: row.channel,
        status: row.status,
        createdAt: row.createdAt.toISOString(),
      })),
    };
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
}
