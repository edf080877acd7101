import { Provider } from '@nestjs/common';
import { systemClock } from '@korgoo/platform/core';

/** The gateway's one source of time; token lifetimes, lockouts and audit times read it. */
export const CLOCK = Symbol('CLOCK');

export const clockProvider: Provider = { provide: CLOCK, useValue: systemClock };
