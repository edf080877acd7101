import { ROUTING_PRIORITIES, RoutingPriority } from '@korgoo/contracts';

/** Per-priority acknowledgement windows in milliseconds that replace the hours risk policy sets. */
export type AcknowledgeWindowOverrides = Partial<Record<RoutingPriority, number>>;

const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000 } as const;

/**
 * Reads `urgent=30s,high=10m,standard=2h`. Meant for rehearsals and tests, where waiting a real hour for a
 * deadline is not an option; refused in production by the settings loader.
 */
export function parseAcknowledgeWindows(text: string): AcknowledgeWindowOverrides {
  const windows: AcknowledgeWindowOverrides = {};
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const match = /^([a-z]+)=(\d+(?:\.\d+)?)([smh])$/.exec(part);
    if (!match || !(ROUTING_PRIORITIES as readonly string[]).includes(match[1])) {
      throw new RangeError(`acknowledgement window '${part}' must look like urgent=30s, high=10m or standard=2h`);
    }
    const ms = Math.round(Number(match[2]) * UNIT_MS[match[3] as keyof typeof UNIT_MS]);
    if (ms < 1_000) throw new RangeError(`acknowledgement window '${part}' is shorter than a second`);
    windows[match[1] as RoutingPriority] = ms;
  }
  return windows;
}

/** How long a centre has to answer: the risk policy's hours unless overridden for this priority. */
export function acknowledgeWindowMs(
  priority: RoutingPriority,
  hoursFromRiskPolicy: number,
  overrides: AcknowledgeWindowOverrides = {},
): number {
  return overrides[priority] ?? hoursFromRiskPolicy * 3_600_000;
}

/** When a centre proposed the referral `now` must have answered by. */
export function acknowledgeBy(
  now: Date,
  priority: RoutingPriority,
  hoursFromRiskPolicy: number,
  overrides: AcknowledgeWindowOverrides = {},
): Date {
  return new Date(now.getTime() + acknowledgeWindowMs(priority, hoursFromRiskPolicy, overrides));
}

/** The deadline a higher priority brings, or null when it would not be earlier than the current one. */
export function shortenedDeadline(current: Date, now: Date, windowMs: number): Date | null {
  const candidate = new Date(now.getTime() + windowMs);
  return candidate.getTime() < current.getTime() ? candidate : null;
}
