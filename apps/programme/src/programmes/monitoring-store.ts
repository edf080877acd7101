import { EntityManager } from 'typeorm';
import { FollowUpOutcome } from '@korgoo/contracts';
import { FollowUpMeeting } from '../domain';

interface MeetingRow {
  meeting_number: number;
  months_after_completion: number;
  due_at: Date;
  outcome: FollowUpOutcome | null;
  recorded_at: Date | null;
}

/** Reads and writes the monitoring meetings after a completed programme; decisions are the domain's. */
export class MonitoringStore {
  async meetings(db: EntityManager, programmeId: string): Promise<FollowUpMeeting[]> {
    const rows: MeetingRow[] = await db.query(
      'SELECT * FROM programme.follow_up_meeting WHERE programme_id = $1 ORDER BY meeting_number',
      [programmeId],
    );
    return rows.map((r) => ({
      number: r.meeting_number,
      monthsAfterCompletion: r.months_after_completion,
      dueAt: r.due_at,
      outcome: r.outcome,
      recordedAt: r.recorded_at,
    }));
  }

  async insert(tx: EntityManager, programmeId: string, meetings: readonly FollowUpMeeting[]): Promise<void> {
    for (const m of meetings) {
      await tx.query(
        `INSERT INTO programme.follow_up_meeting (programme_id, meeting_number, months_after_completion, due_at)
         VALUES ($1, $2, $3, $4)`,
        [programmeId, m.number, m.monthsAfterCompletion, m.dueAt],
      );
    }
  }

  async saveOutcome(tx: EntityManager, programmeId: string, m: FollowUpMeeting, recordedBy: string): Promise<void> {
    await tx.query(
      'UPDATE programme.follow_up_meeting SET outcome = $3, recorded_by = $4, recorded_at = $5 WHERE programme_id = $1 AND meeting_number = $2',
      [programmeId, m.number, m.outcome, recordedBy, m.recordedAt],
    );
  }
}
