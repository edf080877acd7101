import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  type Actor,
  ContactAddressKeyRotation,
  NotificationCommandContracts,
  NotificationCommandRequestClasses,
  NotificationCommandSubjects,
} from '@korgoo/contracts';
import { MessagingRuntime } from '@korgoo/messaging';
import { MESSAGING } from '@korgoo/platform';
import { FieldCipher } from '@korgoo/platform/core';
import { AuditTrail } from '../audit/audit-trail';
import { accountNameContext, noteBodyContext, personNameContext, totpSecretContext } from '../orders/sealed-fields';

const BATCH = 500;
// The notification service rewraps every delivery plan it keeps before it answers.
const CONTACT_ADDRESSES_WAIT_MS = 120_000;

export interface FieldKeyRotation {
  activeKeyId: string;
  /** Values brought under the active key: plain ones sealed, old ones' data keys rewrapped. */
  personNames: number;
  notes: number;
  accountNames: number;
  secondFactorSecrets: number;
  /** The notification service's recipients' contact addresses, in its own database. */
  contactAddresses: Omit<ContactAddressKeyRotation, 'activeKeyId'>;
}

interface SealedColumn {
  select: string;
  update: string;
  context: (id: string) => string;
}

// Each batch in its own transaction, rows locked, so registrations go on while a rotation runs.
const PERSON_NAMES: SealedColumn = {
  select: `SELECT id, perpetrator->>'fullName' AS value FROM gateway.protection_order WHERE id > $1 ORDER BY id LIMIT $2 FOR UPDATE`,
  update: `UPDATE gateway.protection_order SET perpetrator = jsonb_set(perpetrator, '{fullName}', to_jsonb($2::text)) WHERE id = $1`,
  context: personNameContext,
};
const NOTES: SealedColumn = {
  select: 'SELECT id, body AS value FROM gateway.order_note WHERE id > $1 ORDER BY id LIMIT $2 FOR UPDATE',
  update: 'UPDATE gateway.order_note SET body = $2 WHERE id = $1',
  context: noteBodyContext,
};

const ACCOUNT_NAMES: SealedColumn = {
  select: 'SELECT id, display_name AS value FROM gateway.account WHERE id > $1 ORDER BY id LIMIT $2 FOR UPDATE',
  update: 'UPDATE gateway.account SET display_name = $2 WHERE id = $1',
  context: accountNameContext,
};

const SECOND_FACTOR_SECRETS: SealedColumn = {
  select: 'SELECT id, totp_secret AS value FROM gateway.account WHERE id > $1 AND totp_secret IS NOT NULL ORDER BY id LIMIT $2 FOR UPDATE',
  update: 'UPDATE gateway.account SET totp_secret = $2 WHERE id = $1',
  context: totpSecretContext,
};

/**
 * Brings every sealed field under the active key (the first of FIELD_ENCRYPTION_KEYS), the gateway's and the
 * notification service's: run after adding a key on every replica of both, then drop the old key from the
 * configuration. The notification service is asked first: it refuses (409) while it seals under another key,
 * before anything here changes. Safe to run again; audited.
 */
@Injectable()
export class RotateFieldKeys {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: FieldCipher,
    private readonly audit: AuditTrail,
    @Inject(MESSAGING) private readonly messaging: MessagingRuntime,
  ) {}

  async execute(actor: Actor): Promise<FieldKeyRotation> {
    const { recipients, intents } = await this.messaging.client.requestFrom<NotificationCommandContracts, typeof NotificationCommandSubjects.FieldKeysRotate>(
      NotificationCommandRequestClasses,
      NotificationCommandSubjects.FieldKeysRotate,
      { activeKeyId: this.cipher.activeKeyId },
      undefined,
      CONTACT_ADDRESSES_WAIT_MS,
    );
    const personNames = await this.refreshAll(PERSON_NAMES);
    const notes = await this.refreshAll(NOTES);
    const accountNames = await this.refreshAll(ACCOUNT_NAMES);
    const secondFactorSecrets = await this.refreshAll(SECOND_FACTOR_SECRETS);
    await this.audit.record(actor, 'rotate_field_keys', 'field_encryption', this.cipher.activeKeyId);
    return { activeKeyId: this.cipher.activeKeyId, personNames, notes, accountNames, secondFactorSecrets, contactAddresses: { recipients, intents } };
  }

  private async refreshAll(column: SealedColumn): Promise<number> {
    let after = '00000000-0000-0000-0000-000000000000';
    let refreshed = 0;
    for (;;) {
      const batch = await this.dataSource.transaction(async (tx) => this.refreshBatch(tx, column, after));
      refreshed += batch.refreshed;
      if (batch.lastId === null) return refreshed;
      after = batch.lastId;
    }
  }

  private async refreshBatch(tx: EntityManager, column: SealedColumn, after: string): Promise<{ refreshed: number; lastId: string | null }> {
    const rows: Array<{ id: string; value: string }> = await tx.query(column.select, [after, BATCH]);
    let refreshed = 0;
    for (const row of rows) {
      if (!this.cipher.isStale(row.value)) continue;
      await tx.query(column.update, [row.id, this.cipher.refresh(row.value, column.context(row.id))]);
      refreshed++;
    }
    return { refreshed, lastId: rows.length === BATCH ? rows[rows.length - 1].id : null };
  }
}
