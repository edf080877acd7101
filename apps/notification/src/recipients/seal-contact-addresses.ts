import { DataSource } from 'typeorm';
import { DeliveryRecords } from '../delivery/delivery-records';
import { ContactAddresses } from './contact-addresses';
import { recipientKeyOf, Recipients } from './recipients';

const BATCH = 500;

/**
 * Run at every start and on the admin's key rotation: seals the contact addresses stored before sealing existed, and rewraps those sealed
 * under a key that is no longer first in FIELD_ENCRYPTION_KEYS, in the recipients and in every intent's plan.
 * Safe on several replicas at once (rows locked, skipped when another replica holds them). The rotation
 * after every replica runs with the new key first catches what an older replica sealed meanwhile; then the
 * old key may be dropped.
 */
export class SealContactAddresses {
  constructor(
    private readonly addresses: ContactAddresses,
    private readonly recipients: Recipients,
    private readonly records: DeliveryRecords,
  ) {}

  get activeKeyId(): string {
    return this.addresses.activeKeyId;
  }

  async execute(db: DataSource): Promise<{ recipients: number; intents: number }> {
    const recipients = await db.transaction((tx) => this.recipients.refreshSealed(tx));
    let intents = 0;
    for (;;) {
      const sealed = await db.transaction(async (tx) => {
        const batch = await this.records.plansToSeal(tx, this.addresses.currentPattern, BATCH);
        for (const intent of batch) {
          await this.records.replacePlan(tx, intent.id, this.addresses.refresh(recipientKeyOf(intent), intent.plan)!);
        }
        return batch.length;
      });
      intents += sealed;
      if (sealed < BATCH) return { recipients, intents };
    }
  }
}
