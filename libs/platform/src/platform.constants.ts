export const KORGOO_CONFIG = Symbol('KORGOO_CONFIG');
export const SERVICE_LOG = Symbol('SERVICE_LOG');
export const MESSAGING = Symbol('MESSAGING');
/** The service's one source of time (a `Clock`): settable in rehearsals and tests, the system clock otherwise. */
export const CLOCK = Symbol('CLOCK');
