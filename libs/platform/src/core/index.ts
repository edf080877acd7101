/** Framework-free building blocks every service shares; importable from pure domain code and from jest. */
export * from './clock';
export * from './due-poller';
export * from './provider-breaker';
export * from './field-cipher';
export * from './pg-failure';
export * from './retrying';
