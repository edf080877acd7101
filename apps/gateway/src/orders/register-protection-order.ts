import { ConflictException, ForbiddenException, Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EventSubjects, isSettlementCode } from '@korgoo/contracts';
import { DataSource } from 'typeorm';
import { MessagingRuntime } from '@korgoo/messaging';
import { KorgooConfig } from '@korgoo/config';
import { CLOCK, KORGOO_CONFIG, MESSAGING } from '@korgoo/platform';
import { Clock, FieldCipher } from '@korgoo/platform/core';
import type { Actor } from '@korgoo/contracts';
import { AuditTrail } from '../audit/audit-trail';
import { invalidField, invalidFields } from '../http/problems';
import { canonicalHash } from './canonical-json';
import { coarseLocation, screeningForEvent, screeningNotes } from './order-notes';
import { sealedNotes } from './order-note.entity';
import { OrderIntake } from './order-intake';
import { personNameContext } from './sealed-fields';
import { personRefOf } from './person-pseudonym';
import { inScope } from '../auth/scope';
import { requireOrderScope } from './order-scope';
import { RegisteredOrderResponse, RegisterProtectionOrderRequest } from './dto/register-protection-order.request';
import { ProtectionOrder } from './protection-order.entity';

const MAX_ORDER_DAYS = 30;
const CLOCK_SKEW_MS = 5 * 60_000;
const DAY_MS = 24 * 3600_000;

/**
 * Registers an order and its `order.registered.v1` event in one statement (`OrderIntake`). Posting the same order
 * again returns the first registration; the same number with other content is a conflict.
 */
@Injectable()
export class RegisterProtectionOrder {
  constructor(
    @Inject(MESSAGING) private readonly messaging: MessagingRuntime,
    private readonly audit: AuditTrail,
    @Inject(KORGOO_CONFIG) private readonly config: KorgooConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly cipher: FieldCipher,
    private readonly db: DataSource,
    private readonly intake: OrderIntake,
  ) {}

  async execute(request: RegisterProtectionOrderRequest, actor: Actor): Promise<RegisteredOrderResponse> {
    const now = this.clock.now();
    const scope = requireOrderScope(actor);
    if (scope.kind !== 'unit') throw new ForbiddenException('only a police officer of a unit registers orders');
    const { issuedAt, expiresAt } = checkPeriod(request, now);
    checkLocation(request);
    checkPerpetratorSex(request);
    const bodyHash = canonicalHash(request);
    const orderId = randomUUID();
    const order = {
      id: orderId,
      orderNumber: request.orderNumber,
      bodyHash,
      issuingUnit: request.issuingUnit,
      issuedAt,
      expiresAt,
      perpetrator: {
        fullName: this.cipher.seal(request.perpetrator.fullName, personNameContext(orderId)),
        birthYear: request.perpetrator.birthYear,
        sex: request.perpetrator.sex,
        language: request.perpetrator.language,
      },
      unitCode: scope.unitId,
      registeredBy: actor.accountId,
      registeredAt: now,
    };
    const event = this.messaging.outbox.row(EventSubjects.OrderRegistered, orderId, {
      orderId,
      period: { issuedAt: issuedAt.toISOString(), expiresAt: expiresAt.toISOString() },
      participant: {
        sex: request.perpetrator.sex,
        language: request.perpetrator.language,
        location: coarseLocation(request.perpetrator.location),
      },
      screening: screeningForEvent(request.screening),
      orderNumber: request.orderNumber,
      unitCode: scope.unitId,
      personRef: personRefOf(request.perpetrator.pin, this.config.personPseudonymKey),
    });
    const notes = sealedNotes(orderId, screeningNotes(request.screening), { actor, at: now, cipher: this.cipher });
    const registered = await this.intake.register({
      order,
      notes,
      event,
      audit: this.audit.appendArguments(actor, 'register', 'protection_order', orderId),
    });
    if (registered) {
      this.messaging.outbox.committed();
      return { orderId, orderNumber: request.orderNumber, created: true };
    }
    const existing = await this.db.getRepository(ProtectionOrder).findOneByOrFail({ orderNumber: request.orderNumber });
    // Another unit's order is never named: not its id, not even that its content matches.
    if (!inScope(existing, scope)) {
      await this.audit.refusal(actor, 'register', 'protection_order', null);
      throw new ConflictException({
        statusCode: 409,
        error: 'Conflict',
        message: `orderNumber ${request.orderNumber} is already registered by another police unit`,
        conflict: { field: 'orderNumber' },
      });
    }
    if (existing.bodyHash !== bodyHash) {
      throw new ConflictException({
        statusCode: 409,
        error: 'Conflict',
        message: `orderNumber ${request.orderNumber} is already registered with different content`,
        conflict: { field: 'orderNumber', orderId: existing.id },
      });
    }
    return { orderId: existing.id, orderNumber: request.orderNumber, created: false };
  }
}

function checkPeriod(request: RegisterProtectionOrderRequest, now: Date) {
  const issuedAt = new Date(request.issuedAt);
  const expiresAt = new Date(request.expiresAt);
  if (issuedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    throw invalidField('issuedAt', 'issuedAt must not be in the future');
  }
  if (expiresAt.getTime() <= issuedAt.getTime()) {
    throw invalidField('expiresAt', 'expiresAt must be after issuedAt');
  }
  if (expiresAt.getTime() - issuedAt.getTime() > MAX_ORDER_DAYS * DAY_MS) {
    throw invalidField('expiresAt', `a temporary protection order lasts at most ${MAX_ORDER_DAYS} days`);
  }
  if (expiresAt.getTime() <= now.getTime()) {
    throw invalidField('expiresAt', 'expiresAt must be in the future: the order has already ended');
  }
  return { issuedAt, expiresAt };
}

function checkLocation(request: RegisterProtectionOrderRequest) {
  const { settlementCode, lat, lng } = request.perpetrator.location;
  const hasCoordinates = lat !== undefined && lng !== undefined;
  if (!settlementCode && !hasCoordinates) {
    throw invalidField('perpetrator.location', 'give a settlementCode or both lat and lng');
  }
  if ((lat === undefined) !== (lng === undefined)) {
    throw invalidField('perpetrator.location', 'lat and lng must be given together');
  }
  // Caught here, not dead-lettered in matching where no one would see it.
  if (settlementCode && !isSettlementCode(settlementCode)) {
    throw invalidField('perpetrator.location.settlementCode', `settlementCode ${settlementCode} is not in the gazetteer`);
  }
}

/** The sex routes the groups and scores ODARA; given twice, the two must agree. */
function checkPerpetratorSex(request: RegisterProtectionOrderRequest) {
  const screened = request.screening.context.perpetratorSex;
  if (screened !== request.perpetrator.sex) {
    const rule = `perpetrator.sex (${request.perpetrator.sex}) and screening.context.perpetratorSex (${screened}) must agree`;
    throw invalidFields([
      { field: 'perpetrator.sex', rules: [rule], codes: ['sexesAgree'] },
      { field: 'screening.context.perpetratorSex', rules: [rule], codes: ['sexesAgree'] },
    ]);
  }
}
