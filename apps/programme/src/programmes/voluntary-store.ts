import { EntityManager } from 'typeorm';
import { AttendanceMark, ProgrammeTrack, SessionKind, VoluntaryState } from '@korgoo/contracts';
import { VoluntaryComponent, VoluntarySession } from '../domain';
import { attendanceOf, AttendanceRow } from './attendance-row';

/** A voluntary component as stored: the domain record plus who enrolled and when it ended. */
export interface StoredVoluntary extends VoluntaryComponent {
  outcomeAt: Date | null;
  sessions: StoredVoluntarySession[];
}

export interface StoredVoluntarySession extends VoluntarySession {
  excuseNote: string | null;
  facilitatorNote: string;
  signedBy: string;
}

interface ComponentRow {
  track: ProgrammeTrack;
  enrolled_at: Date;
  planned_end: Date;
  state: VoluntaryState;
  outcome_at: Date | null;
}

/** A voluntary session is recorded when it is written: its mark, note, signature and time are never empty. */
interface SessionRow extends AttendanceRow {
  session_number: number;
  kind: SessionKind;
  held_at: Date;
  mark: AttendanceMark;
  facilitator_note: string;
  signed_by: string;
  recorded_at: Date;
}

/** Reads and writes the voluntary component of a programme; decisions are the domain's. */
export class VoluntaryStore {
  async byProgramme(db: EntityManager, programmeId: string): Promise<StoredVoluntary | null> {
    const [row]: ComponentRow[] = await db.query('SELECT * FROM programme.voluntary_component WHERE programme_id = $1', [programmeId]);
    if (!row) return null;
    const sessions: SessionRow[] = await db.query(
      'SELECT * FROM programme.voluntary_session WHERE programme_id = $1 ORDER BY session_number',
      [programmeId],
    );
    return {
      track: row.track,
      enrolledAt: row.enrolled_at,
      plannedEnd: row.planned_end,
      state: row.state,
      outcomeAt: row.outcome_at,
      sessions: sessions.map((s) => ({
        number: s.session_number,
        kind: s.kind,
        heldAt: s.held_at,
        ...attendanceOf(s),
      })),
    };
  }

  async insert(tx: EntityManager, programmeId: string, c: VoluntaryComponent, enrolledBy: string): Promise<void> {
    await tx.query(
      `INSERT INTO programme.voluntary_component (programme_id, track, enrolled_at, enrolled_by, planned_end, state)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [programmeId, c.track, c.enrolledAt, enrolledBy, c.plannedEnd, c.state],
    );
  }

  async insertSession(tx: EntityManager, programmeId: string, s: StoredVoluntarySession, recordedBy: string): Promise<void> {
    await tx.query(
      `INSERT INTO programme.voluntary_session (programme_id, session_number, kind, held_at, mark, excuse_reason, excuse_note,
         facilitator_note, signed_by, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [programmeId, s.number, s.kind, s.heldAt, s.mark, s.excuseReason, s.excuseNote, s.facilitatorNote, s.signedBy, recordedBy, s.recordedAt],
    );
  }

  async saveState(tx: EntityManager, programmeId: string, c: StoredVoluntary): Promise<void> {
    await tx.query('UPDATE programme.voluntary_component SET state = $2, outcome_at = $3 WHERE programme_id = $1', [
      programmeId,
      c.state,
      c.outcomeAt,
    ]);
  }
}
