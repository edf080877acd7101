import { Logger } from 'pino';
import { EntityManager } from 'typeorm';
import { EventSubjects } from '@korgoo/contracts';
import { Outbox } from '@korgoo/messaging';
import { Clock } from '@korgoo/platform/core';
import { Acknowledgements } from './acknowledgements';
import { AlertEscalation, AlertEscalations } from './alert-escalations';
import { EscalationPolicy, escalationStep } from './escalation-policy';

/**
 * A due escalation, in the transaction that claimed it: closed when someone acknowledged the alert, otherwise
 * one more round is announced (`notification.alert_unacknowledged.v1`), which the service's own consumer
 * tells with the usual delivery guarantees.
 */
export class EscalateAlert {
  constructor(
    private readonly escalations: AlertEscalations,
    private readonly acknowledgements: Acknowledgements,
    private readonly outbox: Outbox,
    private readonly policy: EscalationPolicy,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  async execute(tx: EntityManager, escalation: AlertEscalation): Promise<void> {
    const now = this.clock.now();
    const acknowledged = await this.acknowledgements.isAlertAcknowledged(tx, escalation.alert, escalation.orderId);
    const step = escalationStep(escalation.alert, acknowledged, escalation.roundsFired, now, this.policy);
    if (step.kind === 'acknowledged') {
      await this.escalations.acknowledged(tx, escalation.alertEventId, now);
      return;
    }
    await this.escalations.advanced(tx, escalation.alertEventId, step.round, step.nextDueAt, now);
    await this.outbox.enqueue(tx, EventSubjects.NotificationAlertUnacknowledged, escalation.orderId, {
      alertEventId: escalation.alertEventId,
      orderId: escalation.orderId,
      alert: escalation.alert,
      round: step.round,
    });
    const details = { alertEventId: escalation.alertEventId, alert: escalation.alert, round: step.round };
    if (step.nextDueAt) this.log.warn(details, 'alert not acknowledged; told again');
    else this.log.error(details, 'alert still not acknowledged after its last round');
  }
}
