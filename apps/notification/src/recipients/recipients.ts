import { EntityManager } from 'typeorm';
import {
  ConfigureRecipientCommand,
  QueryRejected,
  Language,
  RecipientRef,
  RecipientView,
  RecipientKind,
} from '@korgoo/contracts';
import { ChannelAddresses, ContactAddresses } from './contact-addresses';
import { DemoRecipient } from './demo-recipients';

export interface RecipientRow {
  key: string;
  recipient_kind: RecipientKind;
  centre_id: string | null;
  unit_code: string | null;
  display_name: string;
  language: Language;
  /** Addresses sealed (contact-addresses.ts); `show` opens them. */
  channels: ChannelAddresses;
  updated_at: Date;
}

/** Names one recipient: the coordinators or the duty hotline, a centre by its id, or a police unit by its code. */
export interface RecipientAddress {
  recipientKind: RecipientKind;
  centreId: string | null;
  unitCode: string | null;
}

export function recipientKey({ recipientKind, centreId, unitCode }: RecipientAddress): string {
  switch (recipientKind) {
    case 'coordinators':
      return 'coordinators';
    case 'centre':
      return `centre:${centreId}`;
    case 'police_unit':
      return `police_unit:${unitCode}`;
    case 'duty_hotline':
      return 'duty_hotline';
  }
}

/** The key of the recipient a stored row (an intent, a notification) names. */
export function recipientKeyOf(row: { recipient_kind: RecipientKind; centre_id: string | null; unit_code: string | null }): string {
  return recipientKey({ recipientKind: row.recipient_kind, centreId: row.centre_id, unitCode: row.unit_code });
}

const DEFAULT_NAMES: Record<RecipientKind, string | null> = {
  coordinators: 'Coordinators',
  duty_hotline: 'Duty hotline',
  centre: null,
  police_unit: null,
};

const COLUMNS = 'key, recipient_kind, centre_id, unit_code, display_name, language, channels, updated_at';

/** Who is told, in which language, through which channels in which order. */
export class Recipients {
  constructor(private readonly addresses: ContactAddresses) {}

  async find(db: EntityManager, address: RecipientAddress): Promise<RecipientRow | null> {
    const rows: RecipientRow[] = await db.query(`SELECT ${COLUMNS} FROM notification.recipient WHERE key = $1`, [recipientKey(address)]);
    return rows[0] ?? null;
  }

  async show(db: EntityManager, ref: RecipientRef): Promise<RecipientView | null> {
    const row = await this.find(db, addressOf(ref));
    return row ? this.view(row) : null;
  }

  async configure(db: EntityManager, command: ConfigureRecipientCommand): Promise<RecipientView> {
    const address = addressOf(command);
    const key = recipientKey(address);
    const channels = this.addresses.seal(
      key,
      command.channels.map(({ channel, address: to }) => ({ channel, address: to.trim() })),
    );
    const rows: RecipientRow[] = await db.query(
      `INSERT INTO notification.recipient (key, recipient_kind, centre_id, unit_code, display_name, language, channels)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (key) DO UPDATE SET
         display_name = COALESCE($8, notification.recipient.display_name),
         language = EXCLUDED.language, channels = EXCLUDED.channels, updated_at = now()
       RETURNING ${COLUMNS}`,
      [
        key,
        address.recipientKind,
        address.centreId,
        address.unitCode,
        command.displayName ?? address.centreId ?? address.unitCode ?? DEFAULT_NAMES[address.recipientKind],
        command.language,
        JSON.stringify(channels),
        command.displayName ?? null,
      ],
    );
    return this.view(rows[0]);
  }

  /** Adds the demo recipients that are missing; never overwrites what someone configured. */
  async seed(db: EntityManager, recipients: DemoRecipient[]): Promise<number> {
    let added = 0;
    for (const recipient of recipients) {
      const key = recipientKey(recipient);
      const inserted: unknown[] = await db.query(
        `INSERT INTO notification.recipient (key, recipient_kind, centre_id, unit_code, display_name, language, channels)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (key) DO NOTHING RETURNING key`,
        [
          key,
          recipient.recipientKind,
          recipient.centreId,
          recipient.unitCode,
          recipient.displayName,
          recipient.language,
          JSON.stringify(this.addresses.seal(key, recipient.channels)),
        ],
      );
      added += inserted.length;
    }
    return added;
  }

  /** Seals the addresses stored before sealing existed and rewraps those of an older key; how many rows changed. */
  async refreshSealed(db: EntityManager): Promise<number> {
    const rows: Array<Pick<RecipientRow, 'key' | 'channels'>> = await db.query(
      `SELECT key, channels FROM notification.recipient r
       WHERE EXISTS (SELECT 1 FROM jsonb_array_elements(r.channels) c WHERE c->>'address' NOT LIKE $1) FOR UPDATE`,
      [this.addresses.currentPattern],
    );
    for (const row of rows) {
      const channels = this.addresses.refresh(row.key, row.channels)!;
      await db.query('UPDATE notification.recipient SET channels = $2 WHERE key = $1', [row.key, JSON.stringify(channels)]);
    }
    return rows.length;
  }

  private view(row: RecipientRow): RecipientView {
    return {
      recipientKind: row.recipient_kind,
      centreId: row.centre_id,
      unitCode: row.unit_code,
      displayName: row.display_name,
      language: row.language,
      channels: this.addresses.open(row.key, row.channels),
      updatedAt: row.updated_at.toISOString(),
    };
  }
}

/** Exactly the id its kind needs: a centre id for a centre, a unit code for a police unit, none for the coordinators. */
function addressOf(ref: RecipientRef): RecipientAddress {
  if (ref.recipientKind !== 'centre' && ref.centreId !== undefined) {
    throw new QueryRejected('invalid_request', `centreId: must be left out for ${ref.recipientKind}`);
  }
  if (ref.recipientKind !== 'police_unit' && ref.unitCode !== undefined) {
    throw new QueryRejected('invalid_request', `unitCode: must be left out for ${ref.recipientKind}`);
  }
  return { recipientKind: ref.recipientKind, centreId: ref.centreId ?? null, unitCode: ref.unitCode ?? null };
}

