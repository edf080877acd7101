import { EntityManager } from 'typeorm';
import {
  ConfigureRecipientCommand,
  ExternalChannel,
  QueryRejected,
  Language,
  RecipientRef,
  RecipientView,
  RecipientKind,
} from '@korgoo/contracts';
import { DemoRecipient } from './demo-recipients';

export interface RecipientRow {
  key: string;
  recipient_kind: RecipientKind;
  centre_id: string | null;
  display_name: string;
  language: Language;
  channels: Array<{ channel: ExternalChannel; address: string }>;
  updated_at: Date;
}

export function recipientKey(recipientKind: RecipientKind, centreId: string | null | undefined): string {
  return recipientKind === 'coordinators' ? 'coordinators' : `centre:${centreId}`;
}

/** Who is told, in which language, through which channels in which order. */
export class Recipients {
  async find(db: EntityManager, recipientKind: RecipientKind, centreId: string | null): Promise<RecipientRow | null> {
    const rows: RecipientRow[] = await db.query(
      `SELECT key, recipient_kind, centre_id, display_name, language, channels, updated_at
         FROM notification.recipient WHERE key = $1`,
      [recipientKey(recipientKind, centreId)],
    );
    return rows[0] ?? null;
  }

  async show(db: EntityManager, ref: RecipientRef): Promise<RecipientView | null> {
    checkRef(ref);
    const row = await this.find(db, ref.recipientKind, ref.centreId ?? null);
    return row ? view(row) : null;
  }

  async configure(db: EntityManager, command: ConfigureRecipientCommand): Promise<RecipientView> {
    checkRef(command);
    const centreId = command.recipientKind === 'centre' ? command.centreId! : null;
    const channels = command.channels.map(({ channel, address }) => ({ channel, address: address.trim() }));
    const rows: RecipientRow[] = await db.query(
      `INSERT INTO notification.recipient (key, recipient_kind, centre_id, display_name, language, channels)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (key) DO UPDATE SET
         display_name = COALESCE($7, notification.recipient.display_name),
         language = EXCLUDED.language, channels = EXCLUDED.channels, updated_at = now()
       RETURNING key, recipient_kind, centre_id, display_name, language, channels, updated_at`,
      [
        recipientKey(command.recipientKind, centreId),
        command.recipientKind,
        centreId,
        command.displayName ?? centreId ?? 'Coordinators',
        command.language,
        JSON.stringify(channels),
        command.displayName ?? null,
      ],
    );
    return view(rows[0]);
  }

  /** Adds the demo recipients that are missing; never overwrites what someone configured. */
  async seed(db: EntityManager, recipients: DemoRecipient[]): Promise<number> {
    let added = 0;
    for (const recipient of recipients) {
      const inserted: unknown[] = await db.query(
        `INSERT INTO notification.recipient (key, recipient_kind, centre_id, display_name, language, channels)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (key) DO NOTHING RETURNING key`,
        [
          recipientKey(recipient.recipientKind, recipient.centreId),
          recipient.recipientKind,
          recipient.centreId,
          recipient.displayName,
          recipient.language,
          JSON.stringify(recipient.channels),
        ],
      );
      added += inserted.length;
    }
    return added;
  }
}

function checkRef(ref: RecipientRef): void {
  if (ref.recipientKind === 'coordinators' && ref.centreId !== undefined) {
    throw new QueryRejected('invalid_request', 'centreId: must be left out for the coordinators');
  }
}

function view(row: RecipientRow): RecipientView {
  return {
    recipientKind: row.recipient_kind,
    centreId: row.centre_id,
    displayName: row.display_name,
    language: row.language,
    channels: row.channels,
    updatedAt: row.updated_at.toISOString(),
  };
}
