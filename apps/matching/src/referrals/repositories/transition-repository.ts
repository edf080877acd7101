import { EntityManager } from 'typeorm';
import type { TransitionRow } from '../decision-record';
import { assertTransition, ReferralStatus } from '../referral-lifecycle';

export type ActorKind = 'system' | 'timer' | 'centre' | 'coordinator' | 'police';

export interface NewTransition {
  referralId: string;
  handOff: number;
  from: ReferralStatus | null;
  to: ReferralStatus;
  centreId: string | null;
  actor: { kind: ActorKind; id?: string | null };
  reasonCode: string;
  note?: string | null;
  at: Date;
}

/** Writes history lines from `rows` (a VALUES list, or a SELECT where the referral is made in the same statement). */
export function insertTransitions(rows: string): string {
  return `INSERT INTO matching.referral_transition
    (referral_id, hand_off, from_status, to_status, centre_id, actor_kind, actor_id, reason_code, note, at) ${rows}`;
}

/** What a history line that keeps the referral's status says: who, why and when. */
export type StatusNote = Omit<NewTransition, 'referralId' | 'handOff' | 'from' | 'to'>;

/** Appends and reads a referral's transitions: who moved it, when and why. */
export class TransitionRepository {
  async transition(tx: EntityManager, t: NewTransition): Promise<void> {
    // A row with the same status on both sides records a change within it (a deadline brought forward).
    if (t.from !== null && t.from !== t.to) assertTransition(t.from, t.to);
    await tx.query(
      insertTransitions('VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)'),
      [t.referralId, t.handOff, t.from, t.to, t.centreId, t.actor.kind, t.actor.id ?? null, t.reasonCode, t.note ?? null, t.at],
    );
  }

  /** A change within the referral's status (a reminder sent, a deadline moved), at the hand-off it has reached. */
  async note(tx: EntityManager, referral: { id: string; status: ReferralStatus }, handOff: number, note: StatusNote): Promise<void> {
    await this.transition(tx, { referralId: referral.id, handOff, from: referral.status, to: referral.status, ...note });
  }

  async transitions(db: EntityManager, referralId: string): Promise<TransitionRow[]> {
    const rows = await db.query(
      `SELECT hand_off, from_status, to_status, centre_id, actor_kind, actor_id, reason_code, note, at
         FROM matching.referral_transition WHERE referral_id = $1 ORDER BY id`,
      [referralId],
    );
    return rows.map((r: Record<string, never>) => ({
      handOff: r.hand_off,
      fromStatus: r.from_status,
      toStatus: r.to_status,
      centreId: r.centre_id,
      actorKind: r.actor_kind,
      actorId: r.actor_id,
      reasonCode: r.reason_code,
      note: r.note,
      at: r.at,
    }));
  }
}
