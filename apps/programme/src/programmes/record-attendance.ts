import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { EventSubjects, QueryRejected, RecordAttendanceCommand, RefusalGround } from '@korgoo/contracts';
import { Outbox } from '@korgoo/messaging';
import { Clock } from '@korgoo/platform/core';
import { Consequence, makeUpTimer, recordAttendance, RefusalPolicy, settleAfterAttendance } from '../domain';
import { firstOpenSession, lockedProgramme, underProgrammeRules } from './programme-access';
import { programmeFacts } from './programme-facts';
import { ProgrammeStore, StoredProgramme } from './programme-store';
import { ScheduleMonitoring } from './schedule-monitoring';

export interface AttendanceRecorded {
  programme: StoredProgramme;
  consequence: Consequence;
  /** Set when the programme ended early: the sessions from this index on go back to matching's calendar. */
  releaseFrom: number | null;
}

/**
 * Centre staff record one session of their own centre's programme. The session, its event and any outcome
 * it brings (completed with its monitoring meetings, or refused with the Article 72 notice) commit together
 * under the programme's lock.
 */
export class RecordAttendance {
  constructor(
    private readonly store: ProgrammeStore,
    private readonly outbox: Outbox,
    private readonly policy: RefusalPolicy,
    private readonly monitoring: ScheduleMonitoring,
    private readonly clock: Clock,
  ) {}

  async execute(command: RecordAttendanceCommand): Promise<AttendanceRecorded> {
    return this.outbox.transaction(async (tx) => {
      const now = this.clock.now();
      const programme = await lockedProgramme(this.store, tx, command.referralId);
      if (programme.centreId !== command.centreId) {
        throw new QueryRejected('not_found', `no programme for referral ${command.referralId}`);
      }
      const entry = { sessionIndex: command.sessionIndex, mark: command.mark, excuseReason: command.excuseReason ?? null };
      const session = underProgrammeRules(() => recordAttendance(programme, entry, now));
      const stored = programme.sessions.find((s) => s.index === session.index)!;
      stored.excuseNote = command.excuseReason === 'other' ? (command.excuseNote ?? null) : null;
      stored.facilitatorNote = command.facilitatorNote;
      stored.signedBy = command.signedBy;
      await this.store.saveSession(tx, programme.id, stored, command.actorId);
      // The make-up is asked of matching by a timer due now: fired once, and retried if matching is away.
      if (session.mark === 'excused_absence') await this.store.insertTimers(tx, programme.id, [makeUpTimer(session, now)]);
      await this.outbox.enqueue(tx, EventSubjects.ProgrammeSessionRecorded, programme.orderId, {
        ...programmeFacts(programme),
        sessionIndex: session.index,
        kind: session.kind,
        mark: session.mark!,
        ...(session.excuseReason ? { excuseReason: session.excuseReason } : {}),
        sessionStartsAt: session.startsAt.toISOString(),
      });
      const consequence = settleAfterAttendance(programme, this.policy);
      if (consequence.kind !== 'continues') programme.outcomeAt = now;
      await this.store.saveState(tx, programme);
      if (consequence.kind === 'completed') {
        await this.monitoring.execute(tx, programme.id, now);
        await this.outbox.enqueue(tx, EventSubjects.ProgrammeCompleted, programme.orderId, {
          ...programmeFacts(programme),
          completedAt: now.toISOString(),
        });
      }
      if (consequence.kind === 'refused') await this.report(tx, programme, consequence.ground, now);
      return { programme, consequence, releaseFrom: consequence.kind === 'refused' ? firstOpenSession(programme) : null };
    });
  }

  /** The Article 72 notice: the sessions offered and missed, their dates, the centre; never the person. */
  private async report(tx: EntityManager, programme: StoredProgramme, ground: RefusalGround, now: Date) {
    const missed = programme.sessions
      .filter((s) => s.mark !== null && s.mark !== 'attended')
      .map((s) => ({ index: s.index, startsAt: s.startsAt.toISOString(), mark: s.mark! }));
    const notice = {
      id: randomUUID(),
      ground,
      refusalPolicy: this.policy.name,
      sessionsOffered: programme.sessions.filter((s) => s.mark !== null).length,
      missed,
      reportedAt: now,
    };
    await this.store.insertNotice(tx, programme.id, notice);
    await this.outbox.enqueue(tx, EventSubjects.ProgrammeRefusalReported, programme.orderId, {
      ...programmeFacts(programme),
      noticeId: notice.id,
      ground,
      refusalPolicy: notice.refusalPolicy,
      sessionsOffered: notice.sessionsOffered,
      missed,
      expiresAt: programme.expiresAt.toISOString(),
      reportedAt: now.toISOString(),
    });
  }
}
