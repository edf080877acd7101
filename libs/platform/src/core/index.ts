/** Framework-free building blocks every service shares; importable from pure domain code and from jest. */
export * from './clock';
export * from './provider-breaker';
