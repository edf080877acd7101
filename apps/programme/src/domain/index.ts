export * from './attendance';
export * from './completion-record';
export * from './extension';
export * from './mandatory-programme';
export * from './outcome';
export * from './refusal-policy';
export * from './reschedule';
export * from './timers';
