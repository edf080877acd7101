import { EntityManager } from 'typeorm';
import { AttendanceMark, ClosureReason, ProgrammeState, ProgrammeTrack, RefusalGround, SessionKind } from '@korgoo/contracts';
import { Programme, ProgrammeSession, ProgrammeTimer } from '../domain';
import { attendanceOf, AttendanceRow } from './attendance-row';
import { columnsOf, insertTimerRows, timerValues } from './timer-rows';

/** A programme as stored: the domain record plus what only the view and the events need. */
export interface StoredProgramme extends Programme {
  orderId: string;
  referralNumber: string;
  language: string;
  refusalPolicy: string;
  outcomeAt: Date | null;
  closure: { reason: ClosureReason; note: string | null; decidedBy: string; recheckOn: string | null } | null;
  sessions: StoredSession[];
}

export interface StoredSession extends ProgrammeSession {
  excuseNote: string | null;
  facilitatorNote: string | null;
  signedBy: string | null;
}

export interface StoredNotice {
  id: string;
  ground: RefusalGround;
  refusalPolicy: string;
  sessionsOffered: number;
  missed: Array<{ index: number; startsAt: string; mark: AttendanceMark }>;
  reportedAt: Date;
}

/** A timer watches either a programme or an order still waiting for one. */
export interface DueTimer extends ProgrammeTimer {
  id: string;
  programmeId: string | null;
  orderId: string | null;
}

interface ProgrammeRow {
  id: string;
  referral_id: string;
  order_id: string;
  referral_number: string;
  centre_id: string;
  track: ProgrammeTrack;
  language: string;
  expires_at: Date;
  state: ProgrammeState;
  refusal_policy: string;
  outcome_at: Date | null;
  closure_reason: ClosureReason | null;
  closure_note: string | null;
  closed_by: string | null;
  /** As text (YYYY-MM-DD): a date column read as a Date would shift with the server's time zone. */
  recheck_on: string | null;
}

const PROGRAMME_COLUMNS = '*, closure_recheck_on::text AS recheck_on';

interface SessionRow extends AttendanceRow {
  session_index: number;
  kind: SessionKind;
  starts_at: Date;
  ends_at: Date;
  facilitator_ids: string[];
  displaced: boolean;
}

/** Reads and writes programme rows; decisions are the domain's and the use cases'. */
export class ProgrammeStore {
  async existsForReferral(tx: EntityManager, referralId: string): Promise<boolean> {
    const rows = await tx.query('SELECT 1 FROM programme.programme WHERE referral_id = $1', [referralId]);
    return rows.length > 0;
  }

  async insert(tx: EntityManager, p: StoredProgramme, at: Date): Promise<void> {
    await tx.query(
      `INSERT INTO programme.programme (id, referral_id, order_id, referral_number, centre_id, track, language, expires_at,
         state, refusal_policy, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [p.id, p.referralId, p.orderId, p.referralNumber, p.centreId, p.track, p.language, p.expiresAt, p.state, p.refusalPolicy, at],
    );
    for (const s of p.sessions) {
      await tx.query(
        `INSERT INTO programme.session (programme_id, session_index, kind, starts_at, ends_at, facilitator_ids)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [p.id, s.index, s.kind, s.startsAt, s.endsAt, s.facilitatorIds],
      );
    }
  }

  /** The programme of a referral; `lock` holds its row for the transaction so outcomes never race. */
  async byReferral(db: EntityManager, referralId: string, lock = false): Promise<StoredProgramme | null> {
    const [row]: ProgrammeRow[] = await db.query(
      `SELECT ${PROGRAMME_COLUMNS} FROM programme.programme WHERE referral_id = $1${lock ? ' FOR UPDATE' : ''}`,
      [referralId],
    );
    return row ? this.withSessions(db, row) : null;
  }

  async byId(db: EntityManager, programmeId: string, lock = false): Promise<StoredProgramme> {
    const [row]: ProgrammeRow[] = await db.query(`SELECT ${PROGRAMME_COLUMNS} FROM programme.programme WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [
      programmeId,
    ]);
    return this.withSessions(db, row);
  }

  /** Every programme of an order (a withdrawn referral's and its successor's), locked for the transaction. */
  async byOrder(tx: EntityManager, orderId: string): Promise<StoredProgramme[]> {
    const rows: ProgrammeRow[] = await tx.query(`SELECT ${PROGRAMME_COLUMNS} FROM programme.programme WHERE order_id = $1 ORDER BY created_at FOR UPDATE`, [
      orderId,
    ]);
    const programmes: StoredProgramme[] = [];
    for (const row of rows) programmes.push(await this.withSessions(tx, row));
    return programmes;
  }

  async saveExpiry(tx: EntityManager, p: StoredProgramme): Promise<void> {
    await tx.query('UPDATE programme.programme SET expires_at = $2, state = $3 WHERE id = $1', [p.id, p.expiresAt, p.state]);
  }

  private async withSessions(db: EntityManager, row: ProgrammeRow): Promise<StoredProgramme> {
    const sessions: SessionRow[] = await db.query(
      'SELECT * FROM programme.session WHERE programme_id = $1 ORDER BY session_index',
      [row.id],
    );
    return {
      id: row.id,
      referralId: row.referral_id,
      orderId: row.order_id,
      referralNumber: row.referral_number,
      centreId: row.centre_id,
      track: row.track,
      language: row.language,
      expiresAt: row.expires_at,
      state: row.state,
      refusalPolicy: row.refusal_policy,
      outcomeAt: row.outcome_at,
      closure:
        row.closure_reason && row.closed_by
          ? { reason: row.closure_reason, note: row.closure_note, decidedBy: row.closed_by, recheckOn: row.recheck_on }
          : null,
      sessions: sessions.map((s) => ({
        index: s.session_index,
        kind: s.kind,
        startsAt: s.starts_at,
        endsAt: s.ends_at,
        facilitatorIds: s.facilitator_ids,
        ...attendanceOf(s),
        displaced: s.displaced,
      })),
    };
  }

  async saveSession(tx: EntityManager, programmeId: string, s: StoredSession, recordedBy: string): Promise<void> {
    await tx.query(
      `UPDATE programme.session SET mark = $3, excuse_reason = $4, excuse_note = $5, facilitator_note = $6, signed_by = $7,
         recorded_by = $8, recorded_at = $9 WHERE programme_id = $1 AND session_index = $2`,
      [programmeId, s.index, s.mark, s.excuseReason, s.excuseNote, s.facilitatorNote, s.signedBy, recordedBy, s.recordedAt],
    );
  }

  /** Keeps an excused absence as the move's history, then puts the session at its new time, open again. */
  async moveSession(tx: EntityManager, programmeId: string, s: ProgrammeSession, movedAt: Date): Promise<void> {
    await tx.query(
      `INSERT INTO programme.session_move (programme_id, session_index, missed_starts_at, excuse_reason, excuse_note,
         facilitator_note, signed_by, recorded_by, recorded_at, moved_to, moved_at)
       SELECT programme_id, session_index, starts_at, excuse_reason, excuse_note, facilitator_note, signed_by, recorded_by,
              recorded_at, $3, $4
         FROM programme.session WHERE programme_id = $1 AND session_index = $2 AND mark = 'excused_absence'`,
      [programmeId, s.index, s.startsAt, movedAt],
    );
    await tx.query(
      `UPDATE programme.session SET starts_at = $3, ends_at = $4, facilitator_ids = $5, mark = NULL, excuse_reason = NULL,
         excuse_note = NULL, facilitator_note = NULL, signed_by = NULL, recorded_by = NULL, recorded_at = NULL, displaced = false
        WHERE programme_id = $1 AND session_index = $2`,
      [programmeId, s.index, s.startsAt, s.endsAt, s.facilitatorIds],
    );
  }

  /** A displaced session nothing fitted before expiry keeps its time and waits for a make-up. */
  async markDisplaced(tx: EntityManager, programmeId: string, s: ProgrammeSession): Promise<void> {
    await tx.query('UPDATE programme.session SET displaced = true WHERE programme_id = $1 AND session_index = $2', [programmeId, s.index]);
  }

  async saveState(tx: EntityManager, p: StoredProgramme): Promise<void> {
    await tx.query(
      `UPDATE programme.programme SET state = $2, outcome_at = $3, closure_reason = $4, closure_note = $5, closed_by = $6,
         closure_recheck_on = $7 WHERE id = $1`,
      [p.id, p.state, p.outcomeAt, p.closure?.reason ?? null, p.closure?.note ?? null, p.closure?.decidedBy ?? null, p.closure?.recheckOn ?? null],
    );
  }

  async insertNotice(tx: EntityManager, programmeId: string, n: StoredNotice): Promise<void> {
    await tx.query(
      `INSERT INTO programme.refusal_notice (id, programme_id, ground, refusal_policy, sessions_offered, missed, reported_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [n.id, programmeId, n.ground, n.refusalPolicy, n.sessionsOffered, JSON.stringify(n.missed), n.reportedAt],
    );
  }

  async notices(db: EntityManager, programmeId: string): Promise<StoredNotice[]> {
    const rows = await db.query('SELECT * FROM programme.refusal_notice WHERE programme_id = $1', [programmeId]);
    return rows.map((r: Record<string, unknown>) => ({
      id: r.id,
      ground: r.ground,
      refusalPolicy: r.refusal_policy,
      sessionsOffered: r.sessions_offered,
      missed: r.missed,
      reportedAt: r.reported_at,
    }));
  }

  /** The programme's timers in one statement, in the order given. */
  async insertTimers(tx: EntityManager, programmeId: string, timers: ProgrammeTimer[]): Promise<void> {
    if (timers.length === 0) return;
    await tx.query(insertTimerRows(), columnsOf(timers.map((timer) => timerValues({ programmeId }, timer))));
  }

  /**
   * Claims the earliest due timer. SKIP LOCKED hands each to one replica; the claim lasts until the
   * transaction ends, and a crash before commit leaves it due again. What it watches is locked when it
   * fires: nothing locks a timer row while holding a programme's, so the order of locks cannot deadlock.
   */
  async claimDueTimer(tx: EntityManager, now: Date, passOver: readonly string[]): Promise<DueTimer | null> {
    const [row] = await tx.query(
      `SELECT t.* FROM programme.timer t
        WHERE t.fired_at IS NULL AND t.due_at <= $1 AND t.id <> ALL($2::bigint[])
        ORDER BY t.due_at, t.id LIMIT 1
        FOR UPDATE SKIP LOCKED`,
      [now, passOver],
    );
    if (!row) return null;
    return {
      id: String(row.id),
      programmeId: row.programme_id,
      orderId: row.order_id,
      kind: row.kind,
      audience: row.audience,
      sessionIndex: row.session_index,
      daysBeforeExpiry: row.days_before_expiry,
      meetingNumber: row.meeting_number,
      dueAt: row.due_at,
    };
  }

  async markFired(tx: EntityManager, timerId: string, at: Date, alerted: boolean): Promise<void> {
    await tx.query('UPDATE programme.timer SET fired_at = $2, alerted = $3 WHERE id = $1', [timerId, at, alerted]);
  }
}
