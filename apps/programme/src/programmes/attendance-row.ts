import { AttendanceMark, ExcuseReason } from '@korgoo/contracts';

/** What a facilitator records of a session, mandatory or voluntary, as the session tables hold it. */
export interface AttendanceRow {
  mark: AttendanceMark | null;
  excuse_reason: ExcuseReason | null;
  excuse_note: string | null;
  facilitator_note: string | null;
  signed_by: string | null;
  recorded_at: Date | null;
}

export function attendanceOf<R extends AttendanceRow>(row: R) {
  return {
    mark: row.mark as R['mark'],
    excuseReason: row.excuse_reason as R['excuse_reason'],
    excuseNote: row.excuse_note as R['excuse_note'],
    facilitatorNote: row.facilitator_note as R['facilitator_note'],
    signedBy: row.signed_by as R['signed_by'],
    recordedAt: row.recorded_at as R['recorded_at'],
  };
}
