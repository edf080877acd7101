export * from './programme-commands';
export * from './programme-vocabulary';
export * from './session-spacing';
