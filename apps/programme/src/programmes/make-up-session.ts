import { EntityManager } from 'typeorm';
import { EventSubjects, MovedProgrammeSessions, MoveProgrammeSessionsRequest } from '@korgoo/contracts';
import { Outbox } from '@korgoo/messaging';
import { Clock } from '@korgoo/platform/core';
import { attendanceTimers, awaitDecision, MakeUpRequest, moveSessions, pendingMakeUp, TimerSettings } from '../domain';
import { programmeFacts, sessionPlans } from './programme-facts';
import { ProgrammeStore, StoredProgramme } from './programme-store';

export type MoveInCalendar = (request: MoveProgrammeSessionsRequest) => Promise<MovedProgrammeSessions>;

/**
 * An excused absence: matching's calendar moves the session (and the later ones) to the earliest slots that
 * still let the programme finish before expiry, checking them under its centre lock as for a booking. When
 * none fits, the programme waits for a coordinator, who hears of it at once.
 */
export class MakeUpSession {
  constructor(
    private readonly store: ProgrammeStore,
    private readonly outbox: Outbox,
    private readonly moveInCalendar: MoveInCalendar,
    private readonly timers: TimerSettings,
    private readonly clock: Clock,
  ) {}

  /**
   * Runs in the make-up timer's transaction, with the programme locked; a failure leaves the timer due. Also how
   * an extension tries again a displaced session nothing fitted before.
   */
  async execute(tx: EntityManager, programme: StoredProgramme, sessionIndex: number): Promise<void> {
    const request = pendingMakeUp(programme, sessionIndex, this.clock.now());
    if (request) await this.replan(tx, programme, request);
  }

  /**
   * Moves the request's sessions in the calendar and follows the move, or waits for a coordinator when nothing
   * fits; with the programme locked. Also how a session a facilitator's absence displaced is re-planned.
   */
  async replan(tx: EntityManager, programme: StoredProgramme, request: MakeUpRequest): Promise<void> {
    // Matching answers a repeated request with the move it already made, so a crash after its commit is safe.
    const reply = await this.moveInCalendar({
      referralId: programme.referralId,
      fromIndex: request.fromIndex,
      excusedStartsAt: request.excusedStartsAt.toISOString(),
      notBefore: request.notBefore.toISOString(),
      ...(request.previousStartsAt ? { previousStartsAt: request.previousStartsAt.toISOString() } : {}),
      mustFinishBy: request.mustFinishBy.toISOString(),
    });
    if (!reply.moved) {
      const displaced = awaitDecision(programme, request);
      await this.store.saveState(tx, programme);
      if (displaced) await this.store.markDisplaced(tx, programme.id, displaced);
      await this.outbox.enqueue(tx, EventSubjects.ProgrammeAlert, programme.orderId, {
        ...programmeFacts(programme),
        kind: 'reschedule_needed',
        audience: 'coordinators',
        sessionIndex: request.fromIndex,
        expiresAt: programme.expiresAt.toISOString(),
      });
      return;
    }
    const slots = reply.sessions.map((s) => ({ ...s, startsAt: new Date(s.startsAt), endsAt: new Date(s.endsAt) }));
    const moved = moveSessions(programme, request, slots);
    const now = this.clock.now();
    for (const session of moved) await this.store.moveSession(tx, programme.id, session, now);
    await this.store.insertTimers(tx, programme.id, attendanceTimers(moved, this.timers));
    await this.outbox.enqueue(tx, EventSubjects.ProgrammeSessionsRescheduled, programme.orderId, {
      ...programmeFacts(programme),
      cause: request.cause,
      excusedIndex: request.fromIndex,
      sessions: sessionPlans(moved, reply.sessions),
      expiresAt: programme.expiresAt.toISOString(),
    });
  }
}
